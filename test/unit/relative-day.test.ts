import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { relativeDay } from '../../server/domain/relative-day.ts'
import { localDate } from '../../server/domain/time.ts'
import { visitsToShow } from '../../server/domain/visit-notices.ts'
import { daysBetween, weekdayOf, zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import { relativeDayText } from '../../views/components/visit-notices.tsx'
import { makeI18n } from '../../views/i18n/index.ts'

const TZ = 'Asia/Shanghai'
/** Wednesday 2026-11-25, 10:00 in Shanghai. */
const NOW = zonedTimeToUtc('2026-11-25', '10:00', TZ)
const at = (date: string, time = '09:00') => zonedTimeToUtc(date, time, TZ)

describe('relativeDay', () => {
  it('names the days of a Wednesday morning as a Chinese calendar does', () => {
    const cases: [string, string, number?][] = [
      ['2026-11-25', 'today'],
      ['2026-11-26', 'tomorrow'],
      ['2026-11-27', 'dayAfterTomorrow'],
      ['2026-11-28', 'thisWeek', 6],
      ['2026-11-29', 'thisWeek', 7],
      ['2026-11-30', 'nextWeek', 1],
      ['2026-12-01', 'nextWeek', 2],
      ['2026-12-06', 'nextWeek', 7],
      ['2026-12-07', 'date'],
      ['2026-11-24', 'date'],
    ]
    for (const [date, kind, weekday] of cases) {
      const day = relativeDay(at(date), NOW, TZ)
      expect({ date, kind: day.kind, weekday: 'weekday' in day ? day.weekday : undefined }).toEqual({
        date,
        kind,
        weekday,
      })
      expect(day.date).toBe(date)
    }
  })

  it('reads both instants in the station’s zone, not in UTC', () => {
    // 00:30 on Thursday in Shanghai is still Wednesday in UTC.
    expect(relativeDay(new Date('2026-11-25T16:30:00Z'), NOW, TZ).kind).toBe('tomorrow')
    expect(relativeDay(new Date('2026-11-25T16:30:00Z'), NOW, 'UTC').kind).toBe('today')
    // Late on Sunday evening, Monday is tomorrow, and Tuesday is already next week's.
    const sunday = zonedTimeToUtc('2026-11-29', '23:00', TZ)
    expect(relativeDay(at('2026-11-30'), sunday, TZ).kind).toBe('tomorrow')
    expect(relativeDay(at('2026-12-01'), sunday, TZ)).toMatchObject({ kind: 'dayAfterTomorrow' })
    expect(relativeDay(at('2026-12-02'), sunday, TZ)).toMatchObject({ kind: 'nextWeek', weekday: 3 })
  })

  it('never says this week or next week of a day outside that week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        fc.integer({ min: -5, max: 40 }),
        (dayNo, minute, ahead) => {
          const now = new Date(NOW.getTime() + dayNo * 86_400_000 + minute * 60_000)
          const then = new Date(now.getTime() + ahead * 86_400_000)
          const day = relativeDay(then, now, TZ)
          const days = daysBetween(localDate(now, TZ), day.date)
          expect(day.date).toBe(localDate(then, TZ))
          if (day.kind === 'thisWeek' || day.kind === 'nextWeek') {
            expect(day.weekday).toBe(weekdayOf(day.date))
            const mondayOffset = weekdayOf(localDate(now, TZ)) - 1
            const weekIndex = Math.floor((days + mondayOffset) / 7)
            expect(weekIndex).toBe(day.kind === 'thisWeek' ? 0 : 1)
            expect(days).toBeGreaterThanOrEqual(3)
          }
          if (days > 13 || days < 0) expect(day.kind).toBe('date')
        },
      ),
    )
  })

  it('reads 下周二, 下週二 and Next Tuesday in the three languages', () => {
    const day = relativeDay(at('2026-12-01'), NOW, TZ)
    expect(relativeDayText(makeI18n('zh-Hans'), day)).toBe('下周二')
    expect(relativeDayText(makeI18n('zh-Hant'), day)).toBe('下週二')
    expect(relativeDayText(makeI18n('en'), day)).toBe('Next Tuesday')
    const thisSat = relativeDay(at('2026-11-28'), NOW, TZ)
    expect(relativeDayText(makeI18n('zh-Hans'), thisSat)).toBe('本周六')
    expect(relativeDayText(makeI18n('en'), relativeDay(at('2026-11-26'), NOW, TZ))).toBe('Tomorrow')
    expect(relativeDayText(makeI18n('zh-Hant'), relativeDay(at('2026-11-27'), NOW, TZ))).toBe('後天')
    expect(relativeDayText(makeI18n('zh-Hans'), relativeDay(at('2026-12-08'), NOW, TZ))).toBe('12月8日周二')
  })
})

describe('visitsToShow', () => {
  const v = (date: string, status: 'planned' | 'held' | 'cancelled', from = '09:00', to = '11:00') => ({
    date,
    status,
    startsAt: at(date, from),
    endsAt: at(date, to),
  })

  it('shows planned visits not yet over, cancelled ones of today and tomorrow, soonest first, at most three', () => {
    const visits = [
      v('2026-12-03', 'planned'),
      v('2026-11-25', 'planned', '08:00', '09:30'), // over at 09:30
      v('2026-11-25', 'planned', '09:00', '11:00'), // under way
      v('2026-11-26', 'cancelled'),
      v('2026-11-27', 'cancelled'),
      v('2026-11-25', 'held', '09:00', '12:00'),
      v('2026-11-28', 'planned'),
    ]
    expect(visitsToShow(visits, NOW, TZ).map((x) => `${x.date} ${x.status}`)).toEqual([
      '2026-11-25 planned',
      '2026-11-26 cancelled',
      '2026-11-28 planned',
    ])
    expect(visitsToShow(visits, NOW, TZ, 10)).toHaveLength(4)
  })
})
