import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type CalendarDay,
  closedOn,
  type DeputyAbsence,
  generateSessions,
  type PlanRule,
  patternFalls,
  planProblem,
  reconcileSessions,
  type StoredSession,
  sessionSlots,
} from '../../server/domain/reception-sessions.ts'
import { addDays, minutesOf, type Weekday, weekdayOf } from '../../server/domain/zoned-time.ts'

const plan = (over: Partial<PlanRule> = {}): PlanRule => ({
  id: 1,
  deputyId: 1,
  stationId: 1,
  pattern: 'weekly',
  weekdays: [4],
  nthOfMonth: null,
  dayOfMonth: null,
  months: [],
  startTime: '09:00',
  endTime: '11:00',
  slotMinutes: 30,
  capacityPerSlot: 1,
  place: '',
  validFrom: '2026-01-01',
  validUntil: null,
  ended: false,
  ...over,
})

const dates = (
  plans: PlanRule[],
  from: string,
  to: string,
  cal: CalendarDay[] = [],
  abs: DeputyAbsence[] = [],
) => generateSessions(plans, cal, abs, { from, to }).sessions.map((s) => s.date)

describe('reception plans → sessions', () => {
  it('repeats weekly on the listed weekdays, within the plan’s validity', () => {
    expect(dates([plan({ weekdays: [1, 4], validUntil: '2026-12-10' })], '2026-11-25', '2026-12-31')).toEqual(
      ['2026-11-26', '2026-11-30', '2026-12-03', '2026-12-07', '2026-12-10'],
    )
  })

  it('takes the n-th or the last weekday of the month', () => {
    const second = plan({ pattern: 'nth_weekday', weekdays: [4], nthOfMonth: 2 })
    expect(dates([second], '2026-11-01', '2027-01-31')).toEqual(['2026-11-12', '2026-12-10', '2027-01-14'])
    const last = plan({ pattern: 'nth_weekday', weekdays: [5], nthOfMonth: -1 })
    expect(dates([last], '2026-11-01', '2027-01-31')).toEqual(['2026-11-27', '2026-12-25', '2027-01-29'])
    const fifth = plan({ pattern: 'nth_weekday', weekdays: [1], nthOfMonth: 5 })
    expect(dates([fifth], '2026-11-01', '2027-01-31')).toEqual(['2026-11-30'])
  })

  it('takes a fixed day of the listed months: "the 15th of odd months"', () => {
    const odd = plan({ pattern: 'month_day', dayOfMonth: 15, months: [1, 3, 5, 7, 9, 11], weekdays: [] })
    expect(dates([odd], '2026-10-01', '2027-05-31')).toEqual([
      '2026-11-15',
      '2027-01-15',
      '2027-03-15',
      '2027-05-15',
    ])
    // A day the month lacks does not happen; it does not slide to the 1st of the next month.
    const thirtyFirst = plan({ pattern: 'month_day', dayOfMonth: 31, weekdays: [] })
    expect(dates([thirtyFirst], '2026-11-01', '2027-01-31')).toEqual(['2026-12-31', '2027-01-31'])
  })

  it('skips closures and the deputy’s absences, and says why', () => {
    const cal: CalendarDay[] = [
      { date: '2026-12-03', kind: 'holiday', stationId: 0 },
      { date: '2026-12-10', kind: 'station_closed', stationId: 1 },
      { date: '2026-12-17', kind: 'station_closed', stationId: 2 },
    ]
    const abs: DeputyAbsence[] = [
      { deputyId: 1, from: '2026-12-24', to: '2026-12-24' },
      { deputyId: 9, from: '2026-12-31', to: '2026-12-31' },
    ]
    const out = generateSessions([plan()], cal, abs, { from: '2026-12-01', to: '2026-12-31' })
    expect(out.sessions.map((s) => s.date)).toEqual(['2026-12-17', '2026-12-31'])
    expect(out.skipped).toEqual([
      { planId: 1, date: '2026-12-03', reason: 'closure' },
      { planId: 1, date: '2026-12-10', reason: 'closure' },
      { planId: 1, date: '2026-12-24', reason: 'absence' },
    ])
  })

  it('holds an every-working-day plan on a make-up working day (调休), and only that kind', () => {
    const cal: CalendarDay[] = [{ date: '2026-10-10', kind: 'workday', stationId: 0 }] // a Saturday
    const everyDay = plan({ weekdays: [1, 2, 3, 4, 5] })
    expect(dates([everyDay], '2026-10-10', '2026-10-11', cal)).toEqual(['2026-10-10'])
    expect(dates([plan({ weekdays: [1, 3] })], '2026-10-10', '2026-10-11', cal)).toEqual([])
  })

  it('generates nothing from an ended or malformed plan', () => {
    expect(dates([plan({ ended: true })], '2026-11-01', '2026-11-30')).toEqual([])
    expect(dates([plan({ endTime: '08:00' })], '2026-11-01', '2026-11-30')).toEqual([])
  })

  it('names what is wrong with a plan', () => {
    expect(planProblem(plan())).toBeNull()
    expect(planProblem(plan({ endTime: '09:00' }))).toBe('endBeforeStart')
    expect(planProblem(plan({ slotMinutes: 180 }))).toBe('noSlot')
    expect(planProblem(plan({ capacityPerSlot: 0 }))).toBe('capacity')
    expect(planProblem(plan({ weekdays: [] }))).toBe('weekdays')
    expect(planProblem(plan({ pattern: 'nth_weekday', nthOfMonth: 6 }))).toBe('nthOfMonth')
    expect(planProblem(plan({ pattern: 'month_day', dayOfMonth: 0 }))).toBe('dayOfMonth')
    expect(planProblem(plan({ validUntil: '2025-01-01' }))).toBe('validUntil')
  })

  it('cuts a session into whole slots in the station’s zone; a short remainder stays free', () => {
    const slots = sessionSlots(
      { date: '2026-11-26', startTime: '09:00', endTime: '10:40', slotMinutes: 30 },
      'Asia/Shanghai',
    )
    expect(slots.map((s) => `${s.startTime}-${s.endTime}`)).toEqual([
      '09:00-09:30',
      '09:30-10:00',
      '10:00-10:30',
    ])
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    expect(slots[2]!.endsAt.toISOString()).toBe('2026-11-26T02:30:00.000Z')
  })
})

describe('reconciling stored sessions with the plans', () => {
  const stored = (over: Partial<StoredSession>): StoredSession => ({
    id: 1,
    planId: 1,
    planDate: '2026-11-26',
    date: '2026-11-26',
    startTime: '09:00',
    endTime: '11:00',
    slotMinutes: 30,
    capacityPerSlot: 1,
    place: '',
    status: 'scheduled',
    cancelReason: null,
    moved: false,
    ...over,
  })
  const range = { from: '2026-11-25', to: '2026-12-10' }
  const gen = (p: PlanRule, cal: CalendarDay[] = []) => generateSessions([p], cal, [], range)

  it('creates what is missing and leaves what matches', () => {
    const changes = reconcileSessions([stored({})], gen(plan()), new Set([1]), range)
    expect(changes.map((c) => [c.kind, 'session' in c ? c.session.date : c.id])).toEqual([
      ['create', '2026-12-03'],
      ['create', '2026-12-10'],
    ])
  })

  it('updates a session whose plan changed its times, and cancels one on a new closure', () => {
    const cal: CalendarDay[] = [{ date: '2026-12-03', kind: 'holiday', stationId: 0 }]
    const changes = reconcileSessions(
      [stored({}), stored({ id: 2, planDate: '2026-12-03', date: '2026-12-03' })],
      gen(plan({ startTime: '14:00', endTime: '16:00' }), cal),
      new Set([1]),
      range,
    )
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'update', id: 1 }))
    expect(changes).toContainEqual({ kind: 'cancel', id: 2, reason: 'closure' })
  })

  it('keeps a clerk’s cancellation and a clerk’s move; restores what the plan cancelled before', () => {
    const changes = reconcileSessions(
      [
        stored({ status: 'cancelled', cancelReason: 'clerk' }),
        stored({ id: 2, planDate: '2026-12-03', date: '2026-12-04', startTime: '15:00', moved: true }),
        stored({
          id: 3,
          planDate: '2026-12-10',
          date: '2026-12-10',
          status: 'cancelled',
          cancelReason: 'closure',
        }),
      ],
      gen(plan()),
      new Set([1]),
      range,
    )
    expect(changes).toEqual([expect.objectContaining({ kind: 'restore', id: 3 })])
  })

  it('cancels the sessions of an ended plan, and only within the range', () => {
    const changes = reconcileSessions(
      [stored({}), stored({ id: 2, planDate: '2026-12-24', date: '2026-12-24' })],
      gen(plan({ ended: true })),
      new Set([1]),
      range,
    )
    expect(changes).toEqual([{ kind: 'cancel', id: 1, reason: 'plan' }])
  })
})

// ── properties ──────────────────────────────────────────────────────────────────────────────────

const BASE = '2026-09-01'
const SPAN = 150
const dayArb = fc.integer({ min: 0, max: SPAN }).map((n) => addDays(BASE, n))
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

const planArb = (id: number) =>
  fc
    .record({
      pattern: fc.constantFrom('weekly', 'nth_weekday', 'month_day') as fc.Arbitrary<PlanRule['pattern']>,
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      nth: fc.constantFrom(1, 2, 3, 4, 5, -1),
      day: fc.integer({ min: 1, max: 31 }),
      months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 12 }),
      start: fc.integer({ min: 7 * 60, max: 17 * 60 }),
      length: fc.integer({ min: 15, max: 300 }),
      slot: fc.integer({ min: 5, max: 90 }),
      capacity: fc.integer({ min: 1, max: 4 }),
      from: dayArb,
      span: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: null }),
      deputyId: fc.integer({ min: 1, max: 3 }),
      stationId: fc.integer({ min: 1, max: 2 }),
    })
    .map(
      (r): PlanRule =>
        plan({
          id,
          deputyId: r.deputyId,
          stationId: r.stationId,
          pattern: r.pattern,
          weekdays: r.weekdays as Weekday[],
          nthOfMonth: r.nth,
          dayOfMonth: r.day,
          months: r.months,
          startTime: hhmm(r.start),
          endTime: hhmm(Math.min(r.start + r.length, 23 * 60 + 59)),
          slotMinutes: r.slot,
          capacityPerSlot: r.capacity,
          validFrom: r.from,
          validUntil: r.span === null ? null : addDays(r.from, r.span),
        }),
    )

const plansArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => planArb(i + 1))))
const calendarArb = fc.array(
  fc.record({
    date: dayArb,
    kind: fc.constantFrom('holiday', 'workday', 'station_closed') as fc.Arbitrary<CalendarDay['kind']>,
    stationId: fc.constantFrom(0, 1, 2),
  }),
  { maxLength: 25 },
)
const absencesArb = fc.array(
  fc
    .record({ deputyId: fc.integer({ min: 1, max: 3 }), from: dayArb, len: fc.integer({ min: 0, max: 10 }) })
    .map((a) => ({ deputyId: a.deputyId, from: a.from, to: addDays(a.from, a.len) })),
  { maxLength: 6 },
)
const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: 90 }))
  .map(([a, len]) => ({ from: addDays(BASE, a), to: addDays(BASE, a + len) }))

describe('session generation, properties', () => {
  it('never puts a session on a closure or an absence, outside the range, or off the pattern', () => {
    fc.assert(
      fc.property(plansArb, calendarArb, absencesArb, rangeArb, (plans, cal, abs, range) => {
        const { sessions } = generateSessions(plans, cal, abs, range)
        const makeUp = new Set(cal.filter((c) => c.kind === 'workday').map((c) => c.date))
        for (const s of sessions) {
          const p = plans.find((x) => x.id === s.planId)!
          expect(closedOn(cal, s.stationId, s.date)).toBe(false)
          // An independent reading of "closed" too, so closedOn is not checking itself.
          expect(
            cal.some(
              (c) =>
                c.date === s.date &&
                ((c.kind === 'holiday' && [0, s.stationId].includes(c.stationId)) ||
                  (c.kind === 'station_closed' && c.stationId === s.stationId)),
            ),
          ).toBe(false)
          expect(abs.some((a) => a.deputyId === s.deputyId && a.from <= s.date && s.date <= a.to)).toBe(false)
          expect(s.date >= range.from && s.date <= range.to).toBe(true)
          expect(s.date >= p.validFrom && (p.validUntil === null || s.date <= p.validUntil)).toBe(true)
          expect(patternFalls(p, s.date, makeUp)).toBe(true)
        }
        // …and every date the pattern yields that is open and attended does get its session.
        const expected = plans
          .filter((p) => planProblem(p) === null)
          .flatMap((p) => {
            const out: string[] = []
            for (let d = range.from; d <= range.to; d = addDays(d, 1))
              if (
                patternFalls(p, d, makeUp) &&
                !closedOn(cal, p.stationId, d) &&
                !abs.some((a) => a.deputyId === p.deputyId && a.from <= d && d <= a.to)
              )
                out.push(`${p.id}|${d}`)
            return out
          })
        expect(sessions.map((s) => `${s.planId}|${s.date}`).sort()).toEqual(expected.sort())
      }),
      { numRuns: 300 },
    )
  })

  it('keeps every slot inside its session, back to back, in any zone (DST included)', () => {
    fc.assert(
      fc.property(
        plansArb,
        rangeArb,
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York'),
        (plans, range, zone) => {
          for (const s of generateSessions(plans, [], [], range).sessions) {
            const slots = sessionSlots(s, zone)
            expect(slots.length).toBe(
              Math.floor((minutesOf(s.endTime) - minutesOf(s.startTime)) / s.slotMinutes),
            )
            slots.forEach((slot, i) => {
              expect(minutesOf(slot.startTime)).toBeGreaterThanOrEqual(minutesOf(s.startTime))
              expect(minutesOf(slot.endTime)).toBeLessThanOrEqual(minutesOf(s.endTime))
              expect(slot.endsAt.getTime()).toBeGreaterThan(slot.startsAt.getTime())
              if (i > 0) expect(slot.startTime).toBe(slots[i - 1]!.endTime)
            })
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('nth-weekday sessions fall on the right weekday and week of the month', () => {
    fc.assert(
      fc.property(planArb(1), rangeArb, (p0, range) => {
        const p = { ...p0, pattern: 'nth_weekday' as const }
        for (const s of generateSessions([p], [], [], range).sessions) {
          expect(p.weekdays).toContain(weekdayOf(s.date))
          const day = Number(s.date.slice(8))
          if (p.nthOfMonth === -1) expect(addDays(s.date, 7).slice(5, 7)).not.toBe(s.date.slice(5, 7))
          else expect(Math.ceil(day / 7)).toBe(p.nthOfMonth)
        }
      }),
    )
  })
})
