import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { closures, outbox, receptionBookings, receptionPlans, receptionSessions } from '../../db/schema.ts'
import {
  addPlan,
  bookingCounts,
  DEPUTY_CHEN,
  kioskBook,
  sessionOn,
  slipBookingCode,
} from '../helpers/booking.ts'
import { kioskClient } from '../helpers/queue.ts'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

const BASE = '/staff/stations/1/reception'

/** Station A with the Thursday plan, one kiosk booking (王先生, 09:00) and a signed-in clerk. */
async function withBooking() {
  const t = await makeTestApp()
  addPlan(t.deps)
  const kiosk = await kioskClient(t)
  const session = sessionOn(t.db, '2026-11-26')
  const res = await kioskBook(kiosk, { sessionId: session.id, slot: 0 })
  const code = slipBookingCode(res)
  const clerk = await t.client().login(...DEMO.staff)
  return { t, kiosk, clerk, session, code }
}

const bookings = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  t.db.select().from(receptionBookings).orderBy(asc(receptionBookings.id)).all()

describe('clerks’ day view', () => {
  it('shows the day’s sessions with booked, checked-in and free slots; names in full to the station’s staff', async () => {
    const { clerk, code } = await withBooking()
    const res = await clerk.get(`${BASE}?date=2026-11-26`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('陈建国 代表 09:00–11:00')
    expect(html).toContain('已预约 1 · 已签到 0 · 空闲 3')
    expect(html).toContain('王先生')
    expect(html).toContain('13812345678')
    expect(html).toContain(`${code.slice(0, 3)}-${code.slice(3)}`)
    expect(html).toContain('代为预约')
  })

  it('masks names for anyone else: an administrator sees 王* and 138****5678 (DESIGN §4.8)', async () => {
    const { t } = await withBooking()
    const admin = await t.client().login(...DEMO.admin)
    const html = await (await admin.get(`${BASE}?date=2026-11-26`)).text()
    expect(html).not.toContain('王先生')
    expect(html).toContain('王*')
    expect(html).not.toContain('王**')
    expect(html).toContain('138****5678')
  })

  it('keeps staff of another station out', async () => {
    const { t } = await withBooking()
    await addAccount(t, { username: 'north-clerk', role: 'staff', stationIds: [2] })
    const other = await t.client().login('north-clerk', 'correct horse battery')
    expect((await other.get(`${BASE}?date=2026-11-26`)).status).toBe(403)
    expect((await other.get(`${BASE}/callbacks`)).status).toBe(403)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get(`${BASE}?date=2026-11-26`)).status).toBe(403)
  })

  it('shows a deputy their own days, with the residents in full', async () => {
    const { t } = await withBooking()
    const deputy = await t.client().login(...DEMO.deputy)
    const res = await deputy.get('/deputy/reception?date=2026-11-26')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('王先生')
    expect(html).toContain('13812345678')
    expect(html).not.toContain('代为预约')
    const clerk = await t.client().login(...DEMO.staff)
    expect((await clerk.get('/deputy/reception')).status).toBe(403)
  })
})

describe('clerk booking for a caller', () => {
  it('books under the same rules and shows the code to read out', async () => {
    const { t, clerk, session } = await withBooking()
    const form = await clerk.get(`${BASE}/book?session=${session.id}&slot=1`)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('姓名和电话只用于这次预约')
    const res = await clerk.post(`${BASE}/book`, {
      session: String(session.id),
      slot: '1',
      topic: '3',
      name: '李阿姨',
      phone: '021-5555 6666',
    })
    expect(res.status).toBe(303)
    const page = await (await clerk.get(res.headers.get('location')!)).text()
    expect(page).toMatch(/已预约，预约码 [A-Z0-9]{3}-[A-Z0-9]{3}/)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    expect(bookings(t)[1]).toMatchObject({
      channel: 'clerk',
      createdByAccountId: clerkId,
      residentPhone: '02155556666',
      slotIndex: 1,
    })
  })

  it('refuses bad input and taken slots with a localised 4xx, writing nothing', async () => {
    const { t, clerk, session } = await withBooking()
    const before = bookingCounts(t.db)
    const post = (fields: Record<string, string>) =>
      clerk.post(`${BASE}/book`, {
        session: String(session.id),
        slot: '1',
        topic: '3',
        name: '李阿姨',
        phone: '13900000000',
        ...fields,
      })
    const badPhone = await post({ phone: '1234' })
    expect(badPhone.status).toBe(422)
    expect(await badPhone.text()).toContain('这个号码不对')
    const taken = await post({ slot: '0' })
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain('这个时间刚刚被别人约走了')
    expect((await post({ session: '9999' })).status).toBe(404)
    const samePhone = await post({ phone: '13812345678' })
    expect(samePhone.status).toBe(409)
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('cancels a booking for a caller; the row stays, cancelled by the clerk', async () => {
    const { t, clerk } = await withBooking()
    const [b] = bookings(t)
    const res = await clerk.post(`${BASE}/bookings/${b!.id}/cancel`)
    expect(res.status).toBe(303)
    expect(bookings(t)[0]).toMatchObject({ status: 'cancelled', cancelledBy: 'clerk', sequence: 1 })
    expect((await clerk.post(`${BASE}/bookings/${b!.id}/cancel`)).status).toBe(409)
  })
})

describe('cancelling and moving a session', () => {
  it('cancels a session: its bookings are cancelled, the residents go on the call-back list, deputy and station are told', async () => {
    const { t, clerk, session } = await withBooking()
    const unticked = await clerk.post(`${BASE}/sessions/${session.id}/cancel`)
    expect(unticked.status).toBe(422)
    expect(await unticked.text()).toContain('请先勾选确认')
    expect(sessionOn(t.db, '2026-11-26').status).toBe('scheduled')
    const res = await clerk.post(`${BASE}/sessions/${session.id}/cancel`, { confirm: 'on' })
    expect(res.status).toBe(303)
    expect(
      t.db.select().from(receptionSessions).where(eq(receptionSessions.id, session.id)).get(),
    ).toMatchObject({
      status: 'cancelled',
      cancelReason: 'clerk',
      sequence: 1,
    })
    expect(bookings(t)[0]).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'session',
      callbackReason: 'session_cancelled',
    })
    const list = await (await clerk.get(`${BASE}/callbacks`)).text()
    expect(list).toContain('王先生')
    expect(list).toContain('接待取消')
    const deputyAccount = findAccountByUsername(t.db, DEMO.deputy[0])!.id
    const notices = t.db.select().from(outbox).all()
    expect(notices.map((n) => n.recipient).sort()).toEqual([`account:${deputyAccount}`, 'station:1'])
    expect(notices[0]!.kind).toBe('reception.cancelled')
    expect(notices[0]!.body).toContain('1 个预约随之取消')
    // The call-back is ticked off.
    const done = await clerk.post(`${BASE}/callbacks/${bookings(t)[0]!.id}/done`)
    expect(done.status).toBe(303)
    expect(await (await clerk.get(`${BASE}/callbacks`)).text()).toContain('没有需要回访的居民')
    // The next sync does not bring back a session a clerk cancelled.
    addPlan(t.deps, { deputyId: 2 })
    expect(sessionOn(t.db, '2026-11-26').status).toBe('cancelled')
  })

  it('moves a session: bookings follow with their slot, go on the list, and the hand-off is notified', async () => {
    const { t, clerk, session, code } = await withBooking()
    const res = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-11-27',
      startTime: '14:00',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${BASE}?date=2026-11-27&saved=1`)
    const moved = t.db.select().from(receptionSessions).where(eq(receptionSessions.id, session.id)).get()!
    expect(moved).toMatchObject({
      date: '2026-11-27',
      startTime: '14:00',
      endTime: '16:00',
      movedFromDate: '2026-11-26',
      movedFromStartTime: '09:00',
      planDate: '2026-11-26',
      sequence: 1,
    })
    const [b] = bookings(t)
    expect(b).toMatchObject({ status: 'booked', code, callbackReason: 'session_moved', sequence: 1 })
    expect(b!.slotAt.toISOString()).toBe('2026-11-27T06:00:00.000Z')
    const notices = t.db.select().from(outbox).all()
    expect(notices).toHaveLength(2)
    expect(notices[0]).toMatchObject({ kind: 'reception.moved' })
    expect(notices[0]!.body).toContain('改到 2026-11-27 14:00–16:00')
    expect(notices[0]!.expiresAt?.toISOString()).toBe('2026-11-27T06:00:00.000Z')
    // A resync of the plan leaves the moved session where the clerk put it, and makes no twin.
    addPlan(t.deps, { deputyId: 2 })
    expect(
      t.db
        .select()
        .from(receptionSessions)
        .all()
        .filter((s) => s.deputyId === DEPUTY_CHEN && s.planDate === '2026-11-26'),
    ).toHaveLength(1)
    expect(sessionOn(t.db, '2026-11-27').startTime).toBe('14:00')
  })

  it('refuses a move onto a closed day, into the past or past midnight, writing nothing', async () => {
    const { t, clerk, session } = await withBooking()
    const now = t.clock.now()
    t.db
      .insert(closures)
      .values({
        date: '2026-11-27',
        kind: 'station_closed',
        stationId: 1,
        name: '检修',
        createdAt: now,
        updatedAt: now,
      })
      .run()
    const before = {
      ...bookingCounts(t.db),
      sessions: JSON.stringify(t.db.select().from(receptionSessions).all()),
    }
    const closed = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-11-27',
      startTime: '09:00',
    })
    expect(closed.status).toBe(422)
    expect(await closed.text()).toContain('那一天本站休息')
    const past = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-11-24',
      startTime: '09:00',
    })
    expect(past.status).toBe(422)
    expect(await past.text()).toContain('新的时间已经过去')
    const night = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-11-28',
      startTime: '23:00',
    })
    expect(night.status).toBe(422)
    const bad = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-02-30',
      startTime: '9',
    })
    expect(bad.status).toBe(422)
    expect({
      ...bookingCounts(t.db),
      sessions: JSON.stringify(t.db.select().from(receptionSessions).all()),
    }).toEqual(before)
  })
})

describe('a session someone has checked in to', () => {
  it('can no longer be moved, cancelled or changed by its plan', async () => {
    const { t, session, code } = await withBooking()
    t.clock.set('2026-11-26T00:30:00.000Z') // 08:30 on the day
    const clerk = await t.client().login(...DEMO.staff)
    const { checkInBooking } = await import('../../server/events/reception-commands.ts')
    const b = bookings(t)[0]!
    expect(
      checkInBooking(
        t.deps,
        { bookingId: b.id, stationId: 1, kioskId: null, submissionKey: 'x'.repeat(24) },
        t.clock.now(),
      ).ok,
    ).toBe(true)
    const before = JSON.stringify(t.db.select().from(receptionSessions).all())
    const move = await clerk.post(`${BASE}/sessions/${session.id}/move`, {
      date: '2026-11-27',
      startTime: '14:00',
    })
    expect(move.status).toBe(422)
    expect(await move.text()).toContain('已有居民签到排队')
    const cancel = await clerk.post(`${BASE}/sessions/${session.id}/cancel`, { confirm: 'on' })
    expect(cancel.status).toBe(409)
    const plan = t.db.select().from(receptionPlans).get()!
    await clerk.post(`${BASE}/plans/${plan.id}/end`)
    expect(
      JSON.stringify(
        t.db
          .select()
          .from(receptionSessions)
          .all()
          .filter((s) => s.id === session.id),
      ),
    ).toBe(JSON.stringify(JSON.parse(before).filter((s: { id: number }) => s.id === session.id)))
    expect(bookings(t)[0]).toMatchObject({ code, status: 'checked_in' })
  })
})

describe('reception plans', () => {
  const planForm = (over: Record<string, string | string[]> = {}) => ({
    deputy: String(DEPUTY_CHEN),
    pattern: 'weekly',
    weekdays: ['2'],
    nthOfMonth: '',
    dayOfMonth: '',
    startTime: '14:00',
    endTime: '16:00',
    slotMinutes: '20',
    capacityPerSlot: '2',
    place: '接待室 2',
    validFrom: '2026-11-25',
    validUntil: '',
    ...over,
  })

  it('creates a plan and generates its sessions at once', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const res = await clerk.post(`${BASE}/plans`, planForm())
    expect(res.status).toBe(303)
    const tuesdays = t.db.select().from(receptionSessions).all()
    expect(tuesdays[0]).toMatchObject({
      date: '2026-12-01',
      startTime: '14:00',
      capacityPerSlot: 2,
      place: '接待室 2',
    })
    expect(tuesdays.every((s) => new Date(`${s.date}T00:00:00Z`).getUTCDay() === 2)).toBe(true)
    const page = await (await clerk.get(`${BASE}/plans`)).text()
    expect(page).toContain('每周星期二')
    expect(page).toContain('每段 20 分钟 · 2 人')
  })

  it('creates "the 15th of odd months" and "the last Friday"', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    await clerk.post(
      `${BASE}/plans`,
      planForm({
        pattern: 'month_day',
        weekdays: [],
        dayOfMonth: '15',
        months: ['1', '3', '5', '7', '9', '11'],
      }),
    )
    await clerk.post(
      `${BASE}/plans`,
      planForm({ pattern: 'nth_weekday', weekdays: ['5'], nthOfMonth: '-1', deputy: '2' }),
    )
    const dates = t.db
      .select()
      .from(receptionSessions)
      .all()
      .map((s) => `${s.deputyId}:${s.date}`)
    expect(dates).toEqual(expect.arrayContaining(['2:2026-11-27', '2:2026-12-25']))
    expect(dates.filter((d) => d.startsWith('1:'))).toEqual([]) // 2027-01-15 is beyond the horizon
    const page = await (await clerk.get(`${BASE}/plans`)).text()
    expect(page).toContain('每月 15 日（1、3、5、7、9、11 月）')
    expect(page).toContain('每月最后一个星期五')
  })

  it('refuses a broken plan with a localised 422 and writes nothing', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    for (const [over, text] of [
      [{ endTime: '13:00' }, '结束时间要晚于开始时间'],
      [{ weekdays: [] }, '请至少选一个星期几'],
      [{ slotMinutes: '180' }, '开始到结束放不下一个时段'],
      [{ capacityPerSlot: '0' }, '每段人数填 1 到 20'],
      [{ startTime: '25:00' }, '请按 时:分 填写'],
      [{ pattern: 'nth_weekday', nthOfMonth: '' }, '请选第几个'],
      [{ deputy: '999' }, '无效'],
    ] as const) {
      const res = await clerk.post(`${BASE}/plans`, planForm(over as Record<string, string>))
      expect(res.status).toBe(422)
      if (text !== '无效') expect(await res.text()).toContain(text)
    }
    expect(t.db.select().from(receptionPlans).all()).toEqual([])
    expect(bookingCounts(t.db).sessions).toBe(0)
  })

  it('changes a plan’s times: coming sessions and their bookings follow; ending it cancels them', async () => {
    const { t, clerk } = await withBooking()
    const plan = t.db.select().from(receptionPlans).get()!
    const res = await clerk.post(
      `${BASE}/plans/${plan.id}`,
      planForm({
        weekdays: ['4'],
        startTime: '15:00',
        endTime: '17:00',
        slotMinutes: '30',
        capacityPerSlot: '1',
      }),
    )
    expect(res.status).toBe(303)
    expect(sessionOn(t.db, '2026-11-26')).toMatchObject({ startTime: '15:00', sequence: 1 })
    expect(bookings(t)[0]!.slotAt.toISOString()).toBe('2026-11-26T07:00:00.000Z')
    expect(bookings(t)[0]!.callbackReason).toBe('session_moved')
    const end = await clerk.post(`${BASE}/plans/${plan.id}/end`)
    expect(end.status).toBe(303)
    expect(
      t.db
        .select()
        .from(receptionSessions)
        .all()
        .every((s) => s.status === 'cancelled' && s.cancelReason === 'plan'),
    ).toBe(true)
    expect(bookings(t)[0]).toMatchObject({ status: 'cancelled', callbackReason: 'session_cancelled' })
  })

  it('saves the booking rules, and refuses nonsense', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const ok = await clerk.post(`${BASE}/settings`, { minNoticeMinutes: '60', horizonDays: '14' })
    expect(ok.status).toBe(303)
    const page = await (await clerk.get(`${BASE}/plans`)).text()
    expect(page).toContain('value="14"')
    expect(page).not.toMatch(/id="f-onePerPhonePerDeputy"[^>]*checked/)
    const bad = await clerk.post(`${BASE}/settings`, { minNoticeMinutes: '-5', horizonDays: '400' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('可预约天数填 1 到 180')
  })
})
