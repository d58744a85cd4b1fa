import { localDate } from './time.ts'
import { daysBetween, type Weekday, weekdayOf, weekStart } from './zoned-time.ts'

/**
 * How a day is named to someone reading a notice on the day it is shown: 今天, 明天, 后天, then
 * 本周五 / 下周二 (weeks start on Monday, as Chinese calendars count them), then the date itself.
 * Past days are only the date: a notice never says "yesterday".
 */
export type RelativeDay =
  | { kind: 'today' | 'tomorrow' | 'dayAfterTomorrow'; date: string }
  | { kind: 'thisWeek' | 'nextWeek'; weekday: Weekday; date: string }
  | { kind: 'date'; date: string }

/** The day of `at` named relative to `now`, both read as local dates in `timeZone`. */
export function relativeDay(at: Date, now: Date, timeZone: string): RelativeDay {
  const date = localDate(at, timeZone)
  const today = localDate(now, timeZone)
  const days = daysBetween(today, date)
  if (days === 0) return { kind: 'today', date }
  if (days === 1) return { kind: 'tomorrow', date }
  if (days === 2) return { kind: 'dayAfterTomorrow', date }
  if (days < 0) return { kind: 'date', date }
  const weeks = daysBetween(weekStart(today), weekStart(date)) / 7
  if (weeks === 0) return { kind: 'thisWeek', weekday: weekdayOf(date), date }
  if (weeks === 1) return { kind: 'nextWeek', weekday: weekdayOf(date), date }
  return { kind: 'date', date }
}
