import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addWorkingDays,
  isWorkingDay,
  weekday,
  workingCalendar,
  workingDaysBetween,
} from '../../server/domain/working-days.ts'

const day = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10))

/** A random holiday calendar around the start date: holidays, station closures and 调休 days. */
const calendar = (from: string) =>
  fc
    .array(
      fc.record({
        offset: fc.integer({ min: -5, max: 80 }),
        kind: fc.constantFrom('holiday', 'workday', 'station_closed'),
      }),
      { maxLength: 25 },
    )
    .map((rows) =>
      workingCalendar(rows.map((r) => ({ date: addCalendarDays(from, r.offset), kind: r.kind }))),
    )

const withCalendar = day.chain((from) => calendar(from).map((cal) => ({ from, cal })))

describe('working days', () => {
  const empty = workingCalendar([])

  it('knows the week: Monday to Friday on, weekends off', () => {
    expect(weekday('2026-11-25')).toBe(3)
    expect(isWorkingDay('2026-11-25', empty)).toBe(true)
    expect(isWorkingDay('2026-11-28', empty)).toBe(false)
    expect(isWorkingDay('2026-11-29', empty)).toBe(false)
  })

  it('skips the National Day week and counts the make-up Saturday (调休)', () => {
    const cal = workingCalendar([
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' })),
      { date: '2026-09-27', kind: 'workday' },
      { date: '2026-10-10', kind: 'workday' },
    ])
    // Friday 25 September + 1 working day is the make-up Sunday 27 September.
    expect(addWorkingDays('2026-09-25', 1, cal)).toBe('2026-09-27')
    // Wednesday 30 September + 1: the whole holiday week is off, then Thursday 8 October.
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08')
    // … and the make-up Saturday 10 October counts.
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10')
    expect(isWorkingDay('2026-10-10', cal)).toBe(true)
  })

  it('lets a station closure beat a make-up day', () => {
    const cal = workingCalendar([
      { date: '2026-10-10', kind: 'workday' },
      { date: '2026-10-10', kind: 'station_closed' },
    ])
    expect(isWorkingDay('2026-10-10', cal)).toBe(false)
  })

  it('with n = 0 stays on a working day and moves off a day off', () => {
    expect(addWorkingDays('2026-11-25', 0, empty)).toBe('2026-11-25')
    expect(addWorkingDays('2026-11-28', 0, empty)).toBe('2026-11-30')
  })

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-25', -1, empty)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-11-25', 1.5, empty)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-02-30', 1, empty)).toThrow(RangeError)
  })

  it('property: the result is a working day after the start, with exactly n working days in between', () => {
    fc.assert(
      fc.property(withCalendar, fc.integer({ min: 1, max: 30 }), ({ from, cal }, n) => {
        const due = addWorkingDays(from, n, cal)
        expect(due > from).toBe(true)
        expect(isWorkingDay(due, cal)).toBe(true)
        expect(workingDaysBetween(from, due, cal)).toBe(n)
        // The day before the result still had one working day to go.
        expect(workingDaysBetween(from, addCalendarDays(due, -1), cal)).toBe(n - 1)
      }),
      { numRuns: 300 },
    )
  })

  it('property: more working days never give an earlier date; one more is the next working day', () => {
    fc.assert(
      fc.property(withCalendar, fc.integer({ min: 0, max: 25 }), ({ from, cal }, n) => {
        const a = addWorkingDays(from, n, cal)
        const b = addWorkingDays(from, n + 1, cal)
        // From a day off, 0 and 1 working days both land on the next working day.
        expect(n === 0 ? b >= a : b > a).toBe(true)
        if (n >= 1) expect(addWorkingDays(a, 1, cal)).toBe(b)
      }),
      { numRuns: 300 },
    )
  })

  it('property: without closures five working days are one calendar week', () => {
    fc.assert(
      fc.property(day, (from) => {
        if (!isWorkingDay(from, empty)) return
        expect(addWorkingDays(from, 5, empty)).toBe(addCalendarDays(from, 7))
      }),
    )
  })

  it('property: a 调休 day on a weekend is a working day unless the station is closed', () => {
    fc.assert(
      fc.property(day, (d) => {
        const cal = workingCalendar([{ date: d, kind: 'workday' }])
        expect(isWorkingDay(d, cal)).toBe(true)
        const closed = workingCalendar([
          { date: d, kind: 'workday' },
          { date: d, kind: 'holiday' },
        ])
        expect(isWorkingDay(d, closed)).toBe(false)
      }),
    )
  })
})
