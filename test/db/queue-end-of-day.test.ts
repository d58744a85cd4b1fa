import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deputyBacklog } from '../../db/queries/concerns.ts'
import { concernEvents, concerns, queueTickets } from '../../db/schema.ts'
import { queueBus } from '../../server/events/queue-bus.ts'
import { runQueueEndOfDay } from '../../server/jobs/queue-end-of-day.ts'
import { kioskClient, markPresent, STATION_A, submitDropIn } from '../helpers/queue.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

/** A day at station A: five tickets, one served, one no-show, one called, one parked, one waiting. */
async function busyDay() {
  const t = await makeTestApp()
  markPresent(t, STATION_A, [1, 2])
  const kiosk = await kioskClient(t)
  const deputy = await t.client().login(...DEMO.deputy)
  // Each leaves a phone, so a ticket nobody served goes to a backlog (see the no-contact test below).
  for (let i = 0; i < 6; i++) {
    const phone = { mode: 'phone', phone: `1390000000${i}` }
    await submitDropIn(kiosk, i === 5 ? { ...phone, deputy: '2' } : phone)
    t.clock.advance(60_000)
  }
  const id = (n: number) =>
    t.db
      .select()
      .from(queueTickets)
      .all()
      .find((r) => r.number === n)!.id
  await deputy.post('/console/1/1/call')
  await deputy.post(`/console/1/1/tickets/${id(1)}/serve`, { outcome: 'answered' })
  await deputy.post('/console/1/1/call')
  await deputy.post(`/console/1/1/tickets/${id(2)}/no-show`)
  await deputy.post('/console/1/1/call')
  await deputy.post(`/console/1/1/tickets/${id(3)}/park`)
  await deputy.post('/console/1/1/call') // A-004, still called at closing time
  return { t, id }
}

const status = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  Object.fromEntries(
    t.db
      .select()
      .from(queueTickets)
      .all()
      .map((r) => [r.number, r.status]),
  )

describe('queue end of day', () => {
  it('leaves today alone', async () => {
    const { t } = await busyDay()
    const before = status(t)
    expect(runQueueEndOfDay(t.deps, t.clock.now())).toMatchObject({ carriedOver: 0 })
    expect(status(t)).toEqual(before)
  })

  it("turns every unserved ticket of an earlier day into its deputy's backlog, with a timeline note", async () => {
    const { t, id } = await busyDay()
    const published: string[] = []
    queueBus(t.db).subscribe(STATION_A, (e) => published.push(e.kind))
    const nextMorning = new Date('2026-11-26T00:30:00Z')
    const result = runQueueEndOfDay(t.deps, nextMorning)
    expect(result).toMatchObject({ carriedOver: 4, unassigned: 0 })
    expect(status(t)).toEqual({
      1: 'served',
      2: 'no_show',
      3: 'carried_over',
      4: 'carried_over',
      5: 'carried_over',
      6: 'carried_over',
    })
    const concernOf = (n: number) => {
      const ticket = t.db
        .select()
        .from(queueTickets)
        .where(eq(queueTickets.id, id(n)))
        .get()!
      return t.db.select().from(concerns).where(eq(concerns.id, ticket.concernId)).get()!
    }
    // Called or parked: the deputy who called it. Asked for deputy 2: deputy 2. Unassigned: the
    // present deputy with the fewest open concerns (deputy 2 had one, deputy 1 had three).
    expect(concernOf(3)).toMatchObject({ deputyId: 1, status: 'received' })
    expect(concernOf(4)).toMatchObject({ deputyId: 1, status: 'received' })
    expect(concernOf(6)).toMatchObject({ deputyId: 2, status: 'received' })
    expect(concernOf(5).deputyId).toBe(2)
    const note = t.db
      .select()
      .from(concernEvents)
      .where(eq(concernEvents.concernId, concernOf(5).id))
      .all()
      .at(-1)!
    expect(note).toMatchObject({ action: 'carried_over', actorKind: 'system', note: 'A-005 · 2026-11-25' })
    // Nothing dropped: every concern of the day is either answered or open with a deputy.
    const all = t.db.select().from(concerns).all()
    expect(all).toHaveLength(6)
    expect(all.every((c) => c.status === 'answered' || c.deputyId !== null)).toBe(true)
    expect(deputyBacklog(t.db, 1).length + deputyBacklog(t.db, 2).length).toBe(5)
    expect(published).toEqual(['carried_over'])
  })

  it('closes walk-ins nobody could reach (no phone, never served) as no-show without contact', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const kiosk = await kioskClient(t)
    const deputy = await t.client().login(...DEMO.deputy)
    await submitDropIn(kiosk) // called, then parked; no phone
    await submitDropIn(kiosk) // never called; no phone
    await submitDropIn(kiosk, { mode: 'phone', phone: '13900000009' }) // never called; a phone
    const ticketNo = (n: number) =>
      t.db
        .select()
        .from(queueTickets)
        .all()
        .find((r) => r.number === n)!
    await deputy.post('/console/1/1/call')
    await deputy.post(`/console/1/1/tickets/${ticketNo(1).id}/park`)
    const result = runQueueEndOfDay(t.deps, new Date('2026-11-26T00:30:00Z'))
    expect(result).toMatchObject({ carriedOver: 1, noShowNoContact: 2 })
    expect([1, 2, 3].map((n) => ticketNo(n).status)).toEqual(['no_show', 'no_show', 'carried_over'])
    const concernOf = (n: number) =>
      t.db
        .select()
        .from(concerns)
        .where(eq(concerns.id, ticketNo(n).concernId))
        .get()!
    expect(concernOf(1).status).toBe('no_show_no_contact')
    expect(concernOf(2).status).toBe('no_show_no_contact')
    expect(concernOf(3)).toMatchObject({ status: 'received', deputyId: 1 })
    const last = t.db
      .select()
      .from(concernEvents)
      .where(eq(concernEvents.concernId, concernOf(2).id))
      .all()
      .at(-1)!
    expect(last).toMatchObject({
      action: 'no_show',
      actorKind: 'system',
      fromStatus: 'received',
      toStatus: 'no_show_no_contact',
      note: 'A-002 · 2026-11-25',
    })
    // In no backlog, and a second run finds nothing left.
    expect(deputyBacklog(t.db, 1).map((c) => c.id)).toEqual([concernOf(3).id])
    expect(runQueueEndOfDay(t.deps, new Date('2026-11-26T01:30:00Z'))).toMatchObject({
      carriedOver: 0,
      noShowNoContact: 0,
    })
  })

  it('is idempotent: a second run (e.g. at start-up) changes nothing', async () => {
    const { t } = await busyDay()
    const later = new Date('2026-11-26T00:30:00Z')
    runQueueEndOfDay(t.deps, later)
    const tickets = t.db.select().from(queueTickets).all()
    const events = t.db.select().from(concernEvents).all()
    expect(runQueueEndOfDay(t.deps, later)).toMatchObject({ carriedOver: 0 })
    expect(runQueueEndOfDay(t.deps, new Date('2026-11-30T00:30:00Z'))).toMatchObject({ carriedOver: 0 })
    expect(t.db.select().from(queueTickets).all()).toEqual(tickets)
    expect(t.db.select().from(concernEvents).all()).toEqual(events)
  })

  it('catches up after a missed night and uses each station’s own local date', async () => {
    const { t } = await busyDay()
    // 23:30 in Shanghai is still the same local day: nothing to carry over yet.
    expect(runQueueEndOfDay(t.deps, new Date('2026-11-25T15:30:00Z')).carriedOver).toBe(0)
    // Three days later (the job did not run in between): still all carried over, once.
    expect(runQueueEndOfDay(t.deps, new Date('2026-11-28T16:30:00Z')).carriedOver).toBe(4)
  })

  it('falls back to a deputy of the station when nobody was marked present, else leaves it with the station', async () => {
    const { t } = await busyDay()
    t.db.$client.prepare('delete from station_presence').run()
    t.db.$client
      .prepare('update queue_tickets set deputy_id = null, called_deputy_id = null where number = 6')
      .run()
    t.db.$client
      .prepare(
        'update concerns set deputy_id = null where id = (select concern_id from queue_tickets where number = 6)',
      )
      .run()
    runQueueEndOfDay(t.deps, new Date('2026-11-26T00:30:00Z'))
    const six = t.db.$client
      .prepare(
        'select c.deputy_id as d from concerns c join queue_tickets q on q.concern_id = c.id where q.number = 6',
      )
      .get() as { d: number }
    // Station A's own deputies are 1–7; deputy 1 has the most open concerns, so another one gets it.
    expect(six.d).toBeGreaterThan(1)
    expect(six.d).toBeLessThanOrEqual(7)
  })
})
