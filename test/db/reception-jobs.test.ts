import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { insertAbsence } from '../../db/queries/roster.ts'
import { closures, outbox, receptionBookings, receptionSessions } from '../../db/schema.ts'
import { callTicket, finishTicket } from '../../server/events/queue-commands.ts'
import { checkInBooking } from '../../server/events/reception-commands.ts'
import {
  receptionNoShowsJob,
  receptionSessionsJob,
  runReceptionReminders,
} from '../../server/jobs/reception.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { addPlan, DEPUTY_CHEN, kioskBook, sessionOn } from '../helpers/booking.ts'
import { kioskClient, markPresent } from '../helpers/queue.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

const bookingRows = (t: TestApp) =>
  t.db.select().from(receptionBookings).orderBy(asc(receptionBookings.id)).all()

/** The Thursday plan with two kiosk bookings on 2026-11-26: 09:00 and 09:30. */
async function twoBookings(now?: string) {
  const t = await makeTestApp(now ? { now } : {})
  addPlan(t.deps)
  const k = await kioskClient(t)
  const s = sessionOn(t.db, '2026-11-26')
  await kioskBook(k, { sessionId: s.id, slot: 0 })
  await kioskBook(k, { sessionId: s.id, slot: 1, fields: { phone: '13900000000', name: '赵女士' } })
  return { t, k, session: s }
}

describe('reception jobs', () => {
  it('are registered with the scheduler', () => {
    const names = JOBS.map((j) => j.name)
    expect(names).toEqual(
      expect.arrayContaining(['reception-sessions', 'reception-no-shows', 'reception-reminders']),
    )
  })

  it('keep the rolling horizon: a later day comes in as the clock moves, once', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const last = () =>
      t.db
        .select()
        .from(receptionSessions)
        .all()
        .map((s) => s.date)
        .sort()
        .at(-1)
    expect(last()).toBe('2026-12-31') // today + 37 days
    t.clock.set('2027-01-08T02:00:00.000Z')
    await receptionSessionsJob.run(t.deps, t.clock.now(), t.clock.now())
    expect(last()).toBe('2027-02-11')
    const count = t.db.select().from(receptionSessions).all().length
    await receptionSessionsJob.run(t.deps, t.clock.now(), t.clock.now())
    expect(t.db.select().from(receptionSessions).all()).toHaveLength(count)
    // 2027-01-01 (元旦, a demo holiday) is a Friday, so no Thursday falls on it; nothing on a closure.
    const holidays = new Set(
      t.db
        .select()
        .from(closures)
        .all()
        .map((c) => c.date),
    )
    expect(
      t.db
        .select()
        .from(receptionSessions)
        .all()
        .some((s) => holidays.has(s.date)),
    ).toBe(false)
  })

  it('cancel a session on a closure or absence recorded later, put its residents on the list, and restore it when lifted', async () => {
    const { t } = await twoBookings()
    const now = t.clock.now()
    t.db
      .insert(closures)
      .values({
        date: '2026-11-26',
        kind: 'holiday',
        stationId: 0,
        name: '临时',
        createdAt: now,
        updatedAt: now,
      })
      .run()
    await receptionSessionsJob.run(t.deps, now, now)
    expect(sessionOn(t.db, '2026-11-26')).toMatchObject({ status: 'cancelled', cancelReason: 'closure' })
    expect(bookingRows(t).map((b) => [b.status, b.callbackReason])).toEqual([
      ['cancelled', 'session_cancelled'],
      ['cancelled', 'session_cancelled'],
    ])
    expect(
      t.db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.kind),
    ).toEqual(['reception.cancelled', 'reception.cancelled'])
    // The closure is lifted: the session comes back (its cancelled bookings stay cancelled).
    t.db.delete(closures).where(eq(closures.name, '临时')).run()
    await receptionSessionsJob.run(t.deps, now, now)
    expect(sessionOn(t.db, '2026-11-26')).toMatchObject({
      status: 'scheduled',
      cancelReason: null,
      sequence: 2,
    })
    // The deputy's absence a week later cancels that one, with its reason.
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    insertAbsence(
      t.db,
      { person: `deputy:${DEPUTY_CHEN}`, from: '2026-12-03', to: '2026-12-03' },
      clerkId,
      now,
    )
    await receptionSessionsJob.run(t.deps, now, now)
    expect(sessionOn(t.db, '2026-12-03')).toMatchObject({ status: 'cancelled', cancelReason: 'absence' })
  })

  it('mark bookings nobody checked in as no-shows once their slot is over, on the booking only', async () => {
    const { t } = await twoBookings()
    const [first] = bookingRows(t)
    t.clock.set('2026-11-26T00:30:00.000Z') // 08:30: the first resident checks in
    expect(
      checkInBooking(
        t.deps,
        { bookingId: first!.id, stationId: 1, kioskId: null, submissionKey: 'k'.repeat(24) },
        t.clock.now(),
      ).ok,
    ).toBe(true)
    t.clock.set('2026-11-26T01:45:00.000Z') // 09:45: the 09:30 slot is not over yet
    expect(await receptionNoShowsJob.run(t.deps, t.clock.now(), t.clock.now())).toBe('0 no-shows')
    t.clock.set('2026-11-26T02:00:00.000Z') // 10:00
    expect(await receptionNoShowsJob.run(t.deps, t.clock.now(), t.clock.now())).toBe('1 no-shows')
    const [a, b] = bookingRows(t)
    expect(a!.status).toBe('checked_in')
    expect(b).toMatchObject({ status: 'no_show', residentPhone: '13900000000', sequence: 1 })
    expect(b!.noShowAt?.toISOString()).toBe('2026-11-26T02:00:00.000Z')
  })

  it('record served and no-show from the console on the checked-in booking', async () => {
    const { t } = await twoBookings()
    const [first, second] = bookingRows(t)
    t.clock.set('2026-11-26T00:50:00.000Z')
    markPresent(t, 1, [DEPUTY_CHEN])
    for (const b of [first!, second!])
      checkInBooking(
        t.deps,
        { bookingId: b.id, stationId: 1, kioskId: null, submissionKey: `key-${b.id}`.padEnd(24, 'x') },
        t.clock.now(),
      )
    t.clock.set('2026-11-26T01:00:00.000Z')
    const actor = { kind: 'account' as const, accountId: null }
    const call = () =>
      callTicket(
        t.db,
        { stationId: 1, date: '2026-11-26', deputyId: DEPUTY_CHEN, actor, mode: { kind: 'next' } },
        t.clock.now(),
      )
    const one = call()
    if (!one.ok) throw new Error('no ticket')
    expect(one.ticket.id).toBe(bookingRows(t)[0]!.ticketId)
    finishTicket(
      t.db,
      {
        stationId: 1,
        date: '2026-11-26',
        deputyId: DEPUTY_CHEN,
        actor,
        ticketId: one.ticket.id,
        outcome: 'answered',
        note: '',
      },
      t.clock.now(),
    )
    const two = call()
    if (!two.ok) throw new Error('no ticket')
    finishTicket(
      t.db,
      {
        stationId: 1,
        date: '2026-11-26',
        deputyId: DEPUTY_CHEN,
        actor,
        ticketId: two.ticket.id,
        outcome: 'no_show',
        note: '',
      },
      t.clock.now(),
    )
    expect(bookingRows(t).map((b) => b.status)).toEqual(['served', 'no_show'])
  })

  it('remind the deputy and the station the day before, from 09:00 station time, once per change', async () => {
    const { t, session } = await twoBookings('2026-11-25T00:30:00.000Z') // 08:30 Wednesday
    expect(runReceptionReminders(t.deps, t.clock.now())).toBe(0)
    t.clock.set('2026-11-25T01:10:00.000Z') // 09:10
    expect(runReceptionReminders(t.deps, t.clock.now())).toBe(2)
    expect(runReceptionReminders(t.deps, t.clock.now())).toBe(0)
    const deputyAccount = findAccountByUsername(t.db, DEMO.deputy[0])!.id
    const sent = t.db.select().from(outbox).orderBy(asc(outbox.id)).all()
    expect(sent.map((m) => m.recipient)).toEqual([`account:${deputyAccount}`, 'station:1'])
    expect(sent[0]).toMatchObject({ kind: 'reception.reminder' })
    expect(sent[0]!.subject).toBe('明天接待：陈建国 代表，东湖街道人大代表联络站')
    expect(sent[0]!.body).toBe('2026-11-26 09:00–11:00，接待室 1。已有 2 位居民预约。')
    expect(sent[0]!.expiresAt?.toISOString()).toBe(session.startsAt.toISOString())
    // No message to a resident: there is no sender that reaches them.
    expect(sent.some((m) => m.recipient.includes('138'))).toBe(false)
  })
})

describe('booking personal data', () => {
  it('is cleared once the slot is long over; the booking and its status stay', async () => {
    const { t } = await twoBookings()
    const [first] = bookingRows(t)
    t.clock.set('2026-11-25T03:00:00.000Z')
    const { cancelBookingBy } = await import('../../server/events/reception-commands.ts')
    expect(cancelBookingBy(t.deps, { bookingId: first!.id, by: 'resident' }, t.clock.now()).ok).toBe(true)
    const { runBookingErasure } = await import('../../server/jobs/reception.ts')
    t.clock.set('2026-12-20T02:00:00.000Z') // weeks after the slot: not yet
    expect(runBookingErasure(t.deps, t.clock.now())).toBe(0)
    await receptionNoShowsJob.run(t.deps, t.clock.now(), t.clock.now())
    t.clock.set('2027-06-01T02:00:00.000Z') // beyond the default 180 days
    expect(runBookingErasure(t.deps, t.clock.now())).toBe(2)
    expect(bookingRows(t).map((b) => [b.status, b.residentName, b.residentPhone, b.openLimitKey])).toEqual([
      ['cancelled', null, null, null],
      ['no_show', null, null, null],
    ])
    expect(runBookingErasure(t.deps, t.clock.now())).toBe(0)
  })
})
