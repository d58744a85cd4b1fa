import { addDays, weekdayOf, weekStart } from './zoned-time.ts'

/** One thing in a deputy's coming week: its local day and start, and a word or two for it. */
export type WeekItem = { date: string; time: string; label: string }

/**
 * The `items` variable may take this many characters, so the whole SMS (the approved template's
 * own words, about 20, plus the week) stays within two messages of 70 Chinese characters.
 */
export const WEEK_ITEMS_MAX = 100

/**
 * The week a weekly schedule sent at local date `today` speaks of: the one starting tomorrow's
 * Monday, so the Sunday run and a catch-up on Monday both name the same week.
 */
export function comingWeek(today: string): { from: string; to: string } {
  const from = weekStart(addDays(today, 1))
  return { from, to: addDays(from, 6) }
}

/**
 * The items in one line, earliest first (`周二 09:00 接待；周三 14:00 东湖社区`), cut at
 * WEEK_ITEMS_MAX with "and n more" naming what did not fit. `dayName(1..7)` names a weekday,
 * `more(n)` the rest.
 */
export function weekItemsText(
  items: readonly WeekItem[],
  dayName: (weekday: number) => string,
  more: (n: number) => string,
  sep = '；',
): string {
  const sorted = [...items].sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time))
  const parts = sorted.map((i) => `${dayName(weekdayOf(i.date))} ${i.time} ${i.label}`)
  for (let n = parts.length; n > 0; n--) {
    const rest = parts.length - n
    const text = parts.slice(0, n).join(sep) + (rest > 0 ? sep + more(rest) : '')
    if (text.length <= WEEK_ITEMS_MAX) return text
  }
  return more(parts.length)
}
