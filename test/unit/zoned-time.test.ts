import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateRoster } from '../../server/domain/roster/generate.ts'
import {
  addDays,
  daysBetween,
  monthRange,
  utcToZoned,
  weekdayOf,
  weekStart,
  zonedTimeToUtc,
  zoneOffsetMs,
} from '../../server/domain/zoned-time.ts'
import { input, rule, slot } from '../helpers/roster.ts'

const iso = (d: Date) => d.toISOString()

describe('local dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
  })

  it('knows ISO weekdays and week starts', () => {
    expect(weekdayOf('2026-11-25')).toBe(3)
    expect(weekdayOf('2026-11-29')).toBe(7)
    expect(weekStart('2026-11-29')).toBe('2026-11-23')
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' })
    expect(monthRange('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' })
  })
})

describe('zonedTimeToUtc', () => {
  it('converts in zones without daylight saving', () => {
    expect(iso(zonedTimeToUtc('2026-11-25', '09:00', 'Asia/Shanghai'))).toBe('2026-11-25T01:00:00.000Z')
    expect(iso(zonedTimeToUtc('2026-11-25', '00:30', 'Asia/Shanghai'))).toBe('2026-11-24T16:30:00.000Z')
    expect(iso(zonedTimeToUtc('2026-07-01', '12:00', 'UTC'))).toBe('2026-07-01T12:00:00.000Z')
  })

  it('follows Berlin across both daylight-saving changes of 2026', () => {
    expect(iso(zonedTimeToUtc('2026-03-28', '09:00', 'Europe/Berlin'))).toBe('2026-03-28T08:00:00.000Z')
    expect(iso(zonedTimeToUtc('2026-03-29', '09:00', 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z')
    expect(iso(zonedTimeToUtc('2026-10-24', '09:00', 'Europe/Berlin'))).toBe('2026-10-24T07:00:00.000Z')
    expect(iso(zonedTimeToUtc('2026-10-25', '09:00', 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z')
  })

  it('moves a time that never happens forward over the gap, and picks the earlier of a time that happens twice', () => {
    // 02:30 on 29 March does not exist in Berlin: clocks jump from 02:00 CET to 03:00 CEST.
    expect(iso(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z')
    expect(utcToZoned(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Berlin'), 'Europe/Berlin').time).toBe(
      '03:30',
    )
    // 02:30 on 25 October happens twice; the first one is in CEST.
    expect(iso(zonedTimeToUtc('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z')
    // New York, southern-hemisphere Sydney and half-hour Lord Howe.
    expect(iso(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z')
    expect(iso(zonedTimeToUtc('2026-04-05', '02:30', 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z')
    expect(iso(zonedTimeToUtc('2026-10-04', '02:15', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:45:00.000Z')
  })

  it('round-trips every wall time that exists, in zones with and without daylight saving', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Shanghai',
      'America/Sao_Paulo',
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (zone, day, minute) => {
          const date = addDays('2025-01-01', day)
          const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
          const at = zonedTimeToUtc(date, time, zone)
          const back = utcToZoned(at, zone)
          const skipped = zoneOffsetMs(at.getTime() - 3_600_000, zone) !== zoneOffsetMs(at, zone)
          if (back.date !== date || back.time !== time) {
            // Only a wall time inside a spring-forward gap may come back different, and later.
            expect(skipped).toBe(true)
            expect(`${back.date} ${back.time}` > `${date} ${time}`).toBe(true)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('a roster in a zone with daylight saving (Europe/Berlin)', () => {
  const berlin = input({
    timeZone: 'Europe/Berlin',
    slotDefs: [
      slot('am', '09:00', '12:00', [1, 2, 3, 4, 5, 6, 7]),
      slot('pm', '14:00', '17:30', [1, 2, 3, 4, 5, 6, 7]),
    ],
    rules: [rule({ participants: ['account:1', 'account:2'], effectiveFrom: '2026-03-01' })],
  })
  const local = (d: Date) => utcToZoned(d, 'Europe/Berlin')

  it('keeps its local hand-off times across the spring change', () => {
    const roster = generateRoster(berlin, '2026-03-27', '2026-03-31')
    for (const s of roster) {
      expect(local(s.startsAt)).toEqual({ date: s.date, time: s.start })
      expect(local(s.endsAt)).toEqual({ date: s.date, time: s.end })
    }
    const am = roster.filter((s) => s.code === 'am').map((s) => iso(s.startsAt))
    expect(am).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ])
    // The morning duty of the change day still lasts three hours of real time.
    const change = roster.find((s) => s.key === '2026-03-29|am')!
    expect(change.endsAt.getTime() - change.startsAt.getTime()).toBe(3 * 3_600_000)
  })

  it('keeps its local hand-off times across the autumn change', () => {
    const roster = generateRoster(berlin, '2026-10-23', '2026-10-27')
    for (const s of roster) {
      expect(local(s.startsAt)).toEqual({ date: s.date, time: s.start })
      expect(local(s.endsAt)).toEqual({ date: s.date, time: s.end })
    }
    expect(roster.filter((s) => s.code === 'pm').map((s) => iso(s.startsAt))).toEqual([
      '2026-10-23T12:00:00.000Z',
      '2026-10-24T12:00:00.000Z',
      '2026-10-25T13:00:00.000Z',
      '2026-10-26T13:00:00.000Z',
      '2026-10-27T13:00:00.000Z',
    ])
  })

  it('hands each duty to the next person at the local time, with no hour lost or doubled', () => {
    const roster = generateRoster(berlin, '2026-03-01', '2026-11-30')
    for (let i = 1; i < roster.length; i++) {
      expect(roster[i]!.startsAt.getTime()).toBeGreaterThan(roster[i - 1]!.endsAt.getTime())
      expect(local(roster[i]!.startsAt).time).toBe(roster[i]!.start)
    }
  })
})
