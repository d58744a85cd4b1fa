import fc from 'fast-check'
import { createTask } from 'node-cron'
import { describe, expect, it } from 'vitest'
import {
  CronError,
  latestSlotAtOrBefore,
  nextSlotAfter,
  parseCron,
  slotsAfter,
  slotsBetween,
} from '../../server/jobs/cron.ts'

const MIN = 60_000

/** node-cron's own matcher, in UTC: the doorbell must agree with the planner. */
function oracle(expression: string) {
  const task = createTask(expression, () => {}, { timezone: 'UTC' })
  return { match: (d: Date) => task.match(d), done: () => task.destroy() }
}

const field = (min: number, max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min: 1, max: Math.min(30, max) }).map((k) => `*/${k}`),
    fc.integer({ min, max }).map(String),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
      .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }), fc.integer({ min: 1, max: 5 }))
      .map(([a, b, k]) => `${Math.min(a, b)}-${Math.max(a, b)}/${k}`),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 }).map((v) => v.join(',')),
  )

/** Five-field expressions that fire often enough for a two-day window to say something. */
const denseCron = fc
  .tuple(
    field(0, 59),
    field(0, 23),
    fc.constantFrom('*', '1-15', '*/2', '10,20'),
    fc.constant('*'),
    field(0, 7),
  )
  .map((f) => f.join(' '))

const anyCron = fc
  .tuple(field(0, 59), field(0, 23), field(1, 28), field(1, 12), field(0, 6))
  .map((f) => f.join(' '))

const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / MIN, max: Date.UTC(2090, 0, 1) / MIN })
  .map((m) => new Date(m * MIN))

describe('cron planning', () => {
  it('plans exactly the minutes node-cron matches, over two-day windows', () => {
    fc.assert(
      fc.property(denseCron, instant, (expression, start) => {
        const plan = parseCron(expression)
        const o = oracle(expression)
        try {
          const end = new Date(start.getTime() + 2 * 1440 * MIN)
          const expected: number[] = []
          for (let t = start.getTime() + MIN; t <= end.getTime(); t += MIN)
            if (o.match(new Date(t))) expected.push(t)
          const planned = slotsBetween(plan, start, end).slots.map((d) => d.getTime())
          expect(planned).toEqual(expected)
        } finally {
          o.done()
        }
      }),
      { numRuns: 60 },
    )
  })

  it('walks forward and backward to the same slots, each one matched by node-cron', () => {
    fc.assert(
      fc.property(anyCron, instant, (expression, at) => {
        const plan = parseCron(expression)
        const o = oracle(expression)
        try {
          const next = nextSlotAfter(plan, at)
          expect(next).not.toBeNull()
          expect(next!.getTime()).toBeGreaterThan(at.getTime())
          expect(o.match(next!)).toBe(true)
          // Nothing planned strictly between `at` and `next`.
          const before = latestSlotAtOrBefore(plan, new Date(next!.getTime() - 1))
          if (before) expect(before.getTime()).toBeLessThanOrEqual(at.getTime())
          expect(latestSlotAtOrBefore(plan, next!)!.getTime()).toBe(next!.getTime())
          const prev = latestSlotAtOrBefore(plan, at)
          if (prev) {
            expect(o.match(prev)).toBe(true)
            expect(nextSlotAfter(plan, new Date(prev.getTime() - 1))!.getTime()).toBe(prev.getTime())
          }
        } finally {
          o.done()
        }
      }),
      { numRuns: 150 },
    )
  })

  it('keeps the most recent slots when a window holds more than the limit', () => {
    fc.assert(
      fc.property(denseCron, instant, fc.integer({ min: 1, max: 20 }), (expression, start, limit) => {
        const plan = parseCron(expression)
        const end = new Date(start.getTime() + 1440 * MIN)
        const all = slotsBetween(plan, start, end).slots
        const { slots, dropped } = slotsBetween(plan, start, end, limit)
        expect(slots).toEqual(all.slice(Math.max(0, all.length - limit)))
        expect(dropped).toBe(Math.max(0, all.length - limit))
        for (let i = 1; i < slots.length; i++)
          expect(slots[i]!.getTime()).toBeGreaterThan(slots[i - 1]!.getTime())
      }),
      { numRuns: 80 },
    )
  })

  it('lists slots after an instant in order, without end', () => {
    const plan = parseCron('30 19 * * *')
    const it = slotsAfter(plan, new Date('2026-11-24T19:30:00Z'))
    expect(it.next().value?.toISOString()).toBe('2026-11-25T19:30:00.000Z')
    expect(it.next().value?.toISOString()).toBe('2026-11-26T19:30:00.000Z')
  })

  it('reads weekday 7 as Sunday, names and nicknames, and a seconds field', () => {
    expect(nextSlotAfter(parseCron('0 9 * * 7'), new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-29T09:00:00.000Z',
    )
    expect(nextSlotAfter(parseCron('0 9 * * SUN'), new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-29T09:00:00.000Z',
    )
    expect(nextSlotAfter(parseCron('@daily'), new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-26T00:00:00.000Z',
    )
    expect(nextSlotAfter(parseCron('*/20 * * * * *'), new Date('2026-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2026-11-25T00:00:20.000Z',
    )
  })

  it('finds a rare slot (29 February on a Monday)', () => {
    const plan = parseCron('0 0 29 2 1')
    expect(nextSlotAfter(plan, new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2044-02-29T00:00:00.000Z',
    )
    expect(latestSlotAtOrBefore(plan, new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2016-02-29T00:00:00.000Z',
    )
  })

  it('refuses malformed and unsupported expressions with a clear error', () => {
    for (const bad of ['', 'nonsense', '61 * * * *', '0 0 L * *', '0 0 * * 1#2', '0 0 31 2 *']) {
      expect(() => parseCron(bad), bad).toThrow(CronError)
    }
  })
})
