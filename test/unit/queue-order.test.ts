import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  callsSinceLastPriority,
  orderQueue,
  type QueueEntry,
  ticketLabel,
} from '../../server/domain/queue-order.ts'

const NOW = Date.UTC(2026, 10, 25, 2, 0)
const MIN = 60_000

const walkIn = (id: number, minute: number, priority = false): QueueEntry => ({
  id,
  kind: 'walk_in',
  priority,
  arrivedAt: NOW - 60 * MIN + minute * MIN,
})
const booking = (id: number, slotMinute: number, priority = false): QueueEntry => ({
  id,
  kind: 'booking',
  priority,
  arrivedAt: NOW - 90 * MIN,
  slotAt: NOW + slotMinute * MIN,
})
const ids = (xs: QueueEntry[]) => xs.map((x) => x.id)

describe('queue order (examples)', () => {
  it('serves walk-ins by arrival when the priority rule is off', () => {
    const q = [walkIn(3, 3), walkIn(1, 1, true), walkIn(2, 2)]
    expect(ids(orderQueue(q, { priorityEvery: 0, calledSinceLastPriority: 0, now: NOW }))).toEqual([1, 2, 3])
  })

  it('calls one priority ticket after every N others', () => {
    const q = [
      walkIn(1, 1),
      walkIn(2, 2),
      walkIn(3, 3),
      walkIn(4, 4),
      walkIn(5, 5),
      walkIn(6, 6, true),
      walkIn(7, 7, true),
    ]
    expect(ids(orderQueue(q, { priorityEvery: 2, calledSinceLastPriority: 0, now: NOW }))).toEqual([
      1, 2, 6, 3, 4, 7, 5,
    ])
    // Two regular tickets were already called since the last priority one: the priority goes now.
    expect(ids(orderQueue(q, { priorityEvery: 2, calledSinceLastPriority: 2, now: NOW }))).toEqual([
      6, 1, 2, 7, 3, 4, 5,
    ])
  })

  it('puts bookings whose slot has begun first, and early bookings last until their time', () => {
    const q = [walkIn(1, 1), booking(2, -10), booking(3, 30), walkIn(4, 2), booking(5, -20)]
    expect(ids(orderQueue(q, { priorityEvery: 3, calledSinceLastPriority: 0, now: NOW }))).toEqual([
      5, 2, 1, 4, 3,
    ])
  })

  it('counts what was called since the last priority ticket', () => {
    expect(callsSinceLastPriority([])).toBe(0)
    expect(
      callsSinceLastPriority([
        { priority: false },
        { priority: true },
        { priority: false },
        { priority: false },
      ]),
    ).toBe(2)
    expect(callsSinceLastPriority([{ priority: false }, { priority: true }])).toBe(0)
  })

  it('labels tickets with the station code and three digits', () => {
    expect(ticketLabel('A', 7)).toBe('A-007')
    expect(ticketLabel('B', 123)).toBe('B-123')
    expect(ticketLabel('A', 1234)).toBe('A-1234')
  })
})

const entry = fc
  .record({
    kind: fc.constantFrom<'walk_in' | 'booking'>('walk_in', 'walk_in', 'booking'),
    priority: fc.boolean(),
    arrivedMinute: fc.integer({ min: 0, max: 240 }),
    slotMinute: fc.integer({ min: -120, max: 120 }),
  })
  .map((r) => r)
const queue = fc.array(entry, { maxLength: 40 }).map((rs) =>
  rs.map(
    (r, i): QueueEntry => ({
      id: i + 1,
      kind: r.kind,
      priority: r.priority,
      arrivedAt: NOW - 240 * MIN + r.arrivedMinute * MIN,
      slotAt: r.kind === 'booking' ? NOW + r.slotMinute * MIN : null,
    }),
  ),
)
const rule = fc.record({
  priorityEvery: fc.integer({ min: 0, max: 6 }),
  calledSinceLastPriority: fc.integer({ min: 0, max: 10 }),
  now: fc.constant(NOW),
})

const isDueBooking = (e: QueueEntry) => e.kind === 'booking' && (e.slotAt ?? 0) <= NOW
const isEarlyBooking = (e: QueueEntry) => e.kind === 'booking' && (e.slotAt ?? 0) > NOW
const arrivesBefore = (a: QueueEntry, b: QueueEntry) =>
  a.arrivedAt < b.arrivedAt || (a.arrivedAt === b.arrivedAt && a.id < b.id)

describe('queue order (properties)', () => {
  it('is a permutation: nobody is dropped or called twice', () => {
    fc.assert(
      fc.property(queue, rule, (q, r) => {
        const out = orderQueue(q, r)
        expect([...ids(out)].sort((a, b) => a - b)).toEqual(ids(q).sort((a, b) => a - b))
      }),
    )
  })

  it('puts due bookings first in slot order, early bookings last in slot order, walk-ins between', () => {
    fc.assert(
      fc.property(queue, rule, (q, r) => {
        const out = orderQueue(q, r)
        const due = out.filter(isDueBooking)
        const early = out.filter(isEarlyBooking)
        expect(out.slice(0, due.length)).toEqual(due)
        expect(out.slice(out.length - early.length)).toEqual(early)
        for (const group of [due, early])
          for (let i = 1; i < group.length; i++) expect(group[i - 1]!.slotAt! <= group[i]!.slotAt!).toBe(true)
      }),
    )
  })

  it('keeps arrival order among regular walk-ins and among priority walk-ins', () => {
    fc.assert(
      fc.property(queue, rule, (q, r) => {
        const walkIns = orderQueue(q, r).filter((e) => e.kind === 'walk_in')
        for (const prio of [true, false]) {
          const group = walkIns.filter((e) => e.priority === prio)
          for (let i = 1; i < group.length; i++) expect(arrivesBefore(group[i - 1]!, group[i]!)).toBe(true)
        }
      }),
    )
  })

  it('never serves a priority ticket later than plain arrival order would', () => {
    fc.assert(
      fc.property(queue, rule, (q, r) => {
        const walkIns = orderQueue(q, r).filter((e) => e.kind === 'walk_in')
        const byArrival = [...walkIns].sort((a, b) => (arrivesBefore(a, b) ? -1 : 1))
        for (const p of walkIns.filter((e) => e.priority))
          expect(walkIns.indexOf(p)).toBeLessThanOrEqual(byArrival.indexOf(p))
      }),
    )
  })

  it('lets at most N others go ahead while a priority ticket waits (the rule shown on the board)', () => {
    fc.assert(
      fc.property(queue, rule, (q, r) => {
        if (r.priorityEvery === 0) return
        const out = orderQueue(q, r)
        let since = r.calledSinceLastPriority
        for (let i = 0; i < out.length; i++) {
          const e = out[i]!
          if (e.priority) {
            since = 0
            continue
          }
          // A waiting walk-in priority ticket further back forces a limit on the run of others;
          // due bookings come first by design and are exempt.
          const priorityWaits = out.slice(i + 1).some((x) => x.priority && x.kind === 'walk_in')
          if (priorityWaits && e.kind === 'walk_in') expect(since).toBeLessThan(r.priorityEvery)
          since += 1
        }
      }),
    )
  })

  it('is deterministic and does not depend on the input order', () => {
    fc.assert(
      fc.property(queue, rule, fc.integer(), (q, r, seed) => {
        const shuffled = [...q].sort((a, b) => ((a.id * 7919 + seed) % 13) - ((b.id * 7919 + seed) % 13))
        expect(ids(orderQueue(shuffled, r))).toEqual(ids(orderQueue(q, r)))
      }),
    )
  })
})
