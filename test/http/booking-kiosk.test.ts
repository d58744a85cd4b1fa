import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { saveBookingSettings } from '../../db/queries/reception.ts'
import { concerns, queueTickets, receptionBookings, receptionSessions } from '../../db/schema.ts'
import { CODE_LOOKUPS_PER_WINDOW } from '../../server/routes/kiosk-booking.tsx'
import {
  addPlan,
  bookingCounts,
  DEPUTY_CHEN,
  formKeyOf,
  kioskBook,
  sessionOn,
  slipBookingCode,
} from '../helpers/booking.ts'
import { kioskClient } from '../helpers/queue.ts'
import { makeTestApp } from '../helpers/test-app.ts'

const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
const hiddenFields = (html: string) => {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]!] = m[2]!
  return out
}

describe('kiosk booking', () => {
  it('books in six taps plus name and phone: 预约接待 → deputy → day → time → topic → 确认', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    let taps = 0
    const start = await (await k.get('/kiosk')).text()
    expect(start).toContain('预约接待')
    expect(links(start)).toContain('/kiosk/booking')
    taps++ // 1: 预约接待
    const who = await k.get('/kiosk/booking')
    expect(who.headers.get('cache-control')).toBe('no-store')
    const whoHtml = await who.text()
    expect(whoHtml).toContain('陈建国 代表')
    expect(whoHtml).toContain('第一选区的任一位代表')
    taps++ // 2: the deputy
    const daysHtml = await (await k.get(links(whoHtml).find((h) => h.includes('who=d1'))!)).text()
    taps++ // 3: Thursday
    const dayLink = links(daysHtml).find((h) => h.includes('date=2026-11-26'))!
    const slotsHtml = await (await k.get(dayLink)).text()
    expect(slotsHtml).toContain('09:00–09:30')
    taps++ // 4: 09:30
    const slotLink = links(slotsHtml).find((h) => h.includes('slot=1'))!
    const details = await (await k.get(slotLink)).text()
    expect(details).toContain('接待时间如有变动') // why the phone is asked, shown before the field
    expect(details.indexOf('phone-purpose')).toBeLessThan(details.indexOf('id="f-phone"'))
    taps++ // 5: a topic
    taps++ // 6: 确认预约 (name and phone typed in between)
    const res = await k.post('/kiosk/booking', {
      ...hiddenFields(details),
      topic: '2',
      name: '王先生',
      phone: '138 1234 5678',
    })
    expect(res.status).toBe(303)
    expect(taps).toBeLessThanOrEqual(6)
    const code = slipBookingCode(res)
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    const slip = await k.get(res.headers.get('location')!)
    const slipHtml = await slip.text()
    expect(slip.headers.get('cache-control')).toBe('no-store')
    expect(slipHtml).toContain(`${code.slice(0, 3)}-${code.slice(3)}`)
    expect(slipHtml).toContain('09:30–10:00')
    // The slip carries no personal data.
    expect(slipHtml).not.toContain('王先生')
    expect(slipHtml).not.toContain('13812345678')
    const row = t.db.select().from(receptionBookings).get()!
    expect(row).toMatchObject({
      code,
      status: 'booked',
      channel: 'kiosk',
      residentName: '王先生',
      residentPhone: '13812345678',
      deputyId: DEPUTY_CHEN,
      slotIndex: 1,
      seat: 1,
      topicId: 2,
      sequence: 0,
    })
    expect(row.slotAt.toISOString()).toBe('2026-11-26T01:30:00.000Z')
    // The slot is gone from the list now.
    expect(await (await k.get(dayLink)).text()).not.toContain('slot=1"')
  })

  it('books with any deputy of a district: the slots name the deputy', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    addPlan(t.deps, { deputyId: 6, weekdays: '4', startTime: '14:00', endTime: '15:00' }) // 黄丽华, district 1
    const k = await kioskClient(t)
    const slots = await (await k.get('/kiosk/booking/slots?who=g1&date=2026-11-26')).text()
    expect(slots).toContain('陈建国 代表')
    expect(slots).toContain('黄丽华 代表')
    const s = sessionOn(t.db, '2026-11-26', 6)
    const res = await kioskBook(k, { sessionId: s.id, slot: 0, who: 'g1' })
    expect(res.status).toBe(303)
    expect(t.db.select().from(receptionBookings).get()!.deputyId).toBe(6)
  })

  it('answers a taken slot with a localised 409 and the remaining times', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const s = sessionOn(t.db, '2026-11-26')
    expect((await kioskBook(k, { sessionId: s.id, slot: 0 })).status).toBe(303)
    const before = bookingCounts(t.db)
    const again = await kioskBook(k, { sessionId: s.id, slot: 0, fields: { phone: '13900000000' } })
    expect(again.status).toBe(409)
    const html = await again.text()
    expect(html).toContain('这个时间刚刚被别人约走了')
    expect(html).toContain('slot=1')
    expect(bookingCounts(t.db)).toEqual(before)
    k.cookies.set('lang', 'en')
    const en = await kioskBook(k, { sessionId: s.id, slot: 0, fields: { phone: '13900000000' } })
    expect(await en.text()).toContain('Someone has just booked this time')
  })

  it('fills every seat of a slot with capacity, then says taken', async () => {
    const t = await makeTestApp()
    addPlan(t.deps, { capacityPerSlot: 2 })
    const k = await kioskClient(t)
    const s = sessionOn(t.db, '2026-11-26')
    const phones = ['13800000001', '13800000002', '13800000003']
    const statuses = []
    for (const phone of phones)
      statuses.push((await kioskBook(k, { sessionId: s.id, slot: 2, fields: { phone } })).status)
    expect(statuses).toEqual([303, 303, 409])
    expect(t.db.select({ seat: receptionBookings.seat }).from(receptionBookings).all()).toEqual([
      { seat: 1 },
      { seat: 2 },
    ])
  })

  it('creates one booking from a double tap (same form key)', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const s = sessionOn(t.db, '2026-11-26')
    const form = await (await k.get(`/kiosk/booking/details?who=d1&session=${s.id}&slot=0`)).text()
    const body = { ...hiddenFields(form), topic: '1', name: '王', phone: '13812345678' }
    const first = await k.post('/kiosk/booking', body)
    const second = await k.post('/kiosk/booking', body)
    expect(second.status).toBe(303)
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    expect(bookingCounts(t.db).bookings).toBe(1)
  })

  it('allows one open booking per phone per deputy, as the station’s setting says', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const s = sessionOn(t.db, '2026-11-26')
    expect((await kioskBook(k, { sessionId: s.id, slot: 0 })).status).toBe(303)
    const second = await kioskBook(k, { sessionId: s.id, slot: 1 })
    expect(second.status).toBe(409)
    expect(await second.text()).toContain('这个电话号码已经约了这位代表')
    expect(bookingCounts(t.db).bookings).toBe(1)
    saveBookingSettings(
      t.db,
      1,
      { minNoticeMinutes: 120, horizonDays: 30, onePerPhonePerDeputy: false },
      t.clock.now(),
    )
    expect((await kioskBook(k, { sessionId: s.id, slot: 1 })).status).toBe(303)
  })

  describe('refuses bad input with a localised 4xx and writes nothing', () => {
    const setup = async () => {
      const t = await makeTestApp()
      addPlan(t.deps, { weekdays: '3,4' }) // Wednesday (today) and Thursday
      const k = await kioskClient(t)
      return { t, k, countsNow: () => bookingCounts(t.db) }
    }

    it('a slot in the past', async () => {
      const { t, k, countsNow } = await setup()
      const today = sessionOn(t.db, '2026-11-25') // 09:00–11:00 today; it is 10:00
      const b = countsNow()
      const res = await kioskBook(k, { sessionId: today.id, slot: 0 })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('这个时间已经过去了')
      expect(bookingCounts(t.db)).toEqual(b)
    })

    it('a slot inside the minimum notice', async () => {
      const { t, k, countsNow } = await setup()
      const today = sessionOn(t.db, '2026-11-25')
      const b = countsNow()
      const res = await kioskBook(k, { sessionId: today.id, slot: 3 }) // 10:30, half an hour away
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('这个时间太近了')
      expect(bookingCounts(t.db)).toEqual(b)
    })

    it('a slot beyond the horizon', async () => {
      const { t, k, countsNow } = await setup()
      const far = sessionOn(t.db, '2026-12-31')
      const b = countsNow()
      const res = await kioskBook(k, { sessionId: far.id, slot: 0 })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('这个日子太远')
      expect(bookingCounts(t.db)).toEqual(b)
    })

    it('a slot on a cancelled session', async () => {
      const { t, k, countsNow } = await setup()
      const s = sessionOn(t.db, '2026-11-26')
      t.db
        .update(receptionSessions)
        .set({ status: 'cancelled', cancelReason: 'clerk' })
        .where(eq(receptionSessions.id, s.id))
        .run()
      const b = countsNow()
      const res = await kioskBook(k, { sessionId: s.id, slot: 0 })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('这个接待日已经取消了')
      expect(bookingCounts(t.db)).toEqual(b)
    })

    it('a malformed or missing phone, a missing name or topic', async () => {
      const { t, k, countsNow } = await setup()
      const s = sessionOn(t.db, '2026-11-26')
      const b = countsNow()
      for (const [fields, text] of [
        [{ phone: '12345' }, '这个号码不对'],
        [{ phone: '' }, '请留下电话'],
        [{ name: '' }, '请留下姓名'],
        [{ topic: '' }, '请选一个事项'],
        [{ topic: '999' }, '请选一个事项'],
      ] as const) {
        const res = await kioskBook(k, { sessionId: s.id, slot: 0, fields })
        expect(res.status).toBe(422)
        expect(await res.text()).toContain(text)
      }
      expect(bookingCounts(t.db)).toEqual(b)
    })

    it('an unknown session or slot', async () => {
      const { t, k, countsNow } = await setup()
      const b = countsNow()
      expect((await kioskBook(k, { sessionId: 9999, slot: 0 })).status).toBe(404)
      expect((await kioskBook(k, { sessionId: sessionOn(t.db, '2026-11-26').id, slot: 40 })).status).toBe(404)
      expect(bookingCounts(t.db)).toEqual(b)
    })
  })
})

describe('kiosk code desk', () => {
  /** Books Thursday 09:00 and returns the code; then moves the clock to `at`. */
  const booked = async (at = '2026-11-26T00:30:00.000Z') => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const res = await kioskBook(k, { sessionId: sessionOn(t.db, '2026-11-26').id, slot: 0 })
    const code = slipBookingCode(res)
    t.clock.set(at)
    return { t, k, code }
  }
  const find = async (k: Awaited<ReturnType<typeof kioskClient>>, code: string) => {
    const res = await k.post('/kiosk/booking/code', { code })
    return { res, html: await res.text() }
  }

  it('checks in on the day: a booking ticket at the slot time through the queue’s one issue path', async () => {
    const { t, k, code } = await booked() // 08:30 on Thursday
    const { res, html } = await find(k, `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`)
    expect(res.status).toBe(200)
    expect(html).toContain('签到取号')
    const fields = hiddenFields(html)
    const checkIn = await k.post('/kiosk/booking/check-in', fields)
    expect(checkIn.status).toBe(303)
    expect(checkIn.headers.get('location')).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
    const slip = await (await k.get(checkIn.headers.get('location')!)).text()
    expect(slip).toContain('A-001')
    const ticket = t.db.select().from(queueTickets).get()!
    expect(ticket).toMatchObject({
      kind: 'booking',
      deputyId: DEPUTY_CHEN,
      status: 'waiting',
      localDate: '2026-11-26',
    })
    expect(ticket.slotAt?.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    const booking = t.db.select().from(receptionBookings).get()!
    expect(booking).toMatchObject({
      status: 'checked_in',
      ticketId: ticket.id,
      concernId: ticket.concernId,
      sequence: 1,
    })
    const concern = t.db.select().from(concerns).get()!
    expect(concern).toMatchObject({
      channel: 'reception',
      residentName: '王先生',
      callbackPhone: null,
      topicId: 1,
    })
    // A double tap shows the same slip; the code typed in again later is refused as used.
    const again = await k.post('/kiosk/booking/check-in', fields)
    expect(again.headers.get('location')).toBe(checkIn.headers.get('location'))
    const before = bookingCounts(t.db)
    const later = await k.post('/kiosk/booking/check-in', {
      ...fields,
      // Another key than the form's: its last character changed (to y when it was already x).
      key: formKeyOf(html).replace(/.$/, (last) => (last === 'x' ? 'y' : 'x')),
    })
    expect(later.status).toBe(409)
    expect(await later.text()).toContain('这个预约码已经用过了')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('refuses check-in too early and after the slot, and writes nothing', async () => {
    const { t, k, code } = await booked('2026-11-25T23:00:00.000Z') // 07:00, two hours early
    const { html } = await find(k, code)
    expect(html).not.toContain('id="check-in"')
    expect(html).toContain('签到时间')
    const before = bookingCounts(t.db)
    // The page offers no check-in form this early; the request is made by hand with a fresh key.
    const key = 'hand-made-form-key-0001'
    const early = await k.post('/kiosk/booking/check-in', { code, key })
    expect(early.status).toBe(422)
    expect(await early.text()).toContain('还没到签到时间')
    t.clock.set('2026-11-26T01:30:00.000Z') // 09:30, the 09:00 slot is over
    const late = await k.post('/kiosk/booking/check-in', { code, key })
    expect(late.status).toBe(422)
    expect(await late.text()).toContain('预约的时段已经结束')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('cancels with the code, frees the seat, and refuses the code afterwards', async () => {
    const { t, k, code } = await booked('2026-11-25T03:00:00.000Z')
    const { html } = await find(k, code)
    const confirm = await (
      await k.get(links(html).find((h) => h.startsWith('/kiosk/booking/cancel?'))!)
    ).text()
    expect(confirm).toContain('取消这个预约？')
    const res = await k.post('/kiosk/booking/cancel', hiddenFields(confirm))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('预约已取消')
    expect(t.db.select().from(receptionBookings).get()).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'resident',
    })
    const again = await k.post('/kiosk/booking/cancel', hiddenFields(confirm))
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('这个预约已经取消了')
    // The seat is free for someone else; the old row stays (nothing is deleted).
    const rebook = await kioskBook(k, {
      sessionId: sessionOn(t.db, '2026-11-26').id,
      slot: 0,
      fields: { phone: '13900000000' },
    })
    expect(rebook.status).toBe(303)
    expect(bookingCounts(t.db).bookings).toBe(2)
  })

  it('answers unknown codes with a localised 404, and rate-limits lookups per kiosk', async () => {
    const { t, k } = await booked()
    const before = bookingCounts(t.db)
    const unknown = await find(k, 'ZZZ-ZZZ')
    expect(unknown.res.status).toBe(404)
    expect(unknown.html).toContain('没有找到这个预约码')
    const malformed = await find(k, '0O1I')
    expect(malformed.res.status).toBe(404)
    const empty = await find(k, '')
    expect(empty.res.status).toBe(422)
    for (let i = 2; i < CODE_LOOKUPS_PER_WINDOW; i++) await find(k, 'ZZZ-ZZZ')
    const limited = await find(k, 'ZZZ-ZZZ')
    expect(limited.res.status).toBe(429)
    expect(limited.html).toContain('输入次数太多')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('does not find a booking of another station', async () => {
    const { t, code } = await booked()
    const other = await kioskClient(t, 2)
    expect((await find(other, code)).res.status).toBe(404)
  })
})
