import type { CronPlan } from './cron.ts'

/**
 * What a job's cron expression means on the wall clock of the page's time zone, in a form a page
 * can put into words in any language. Expressions of another shape stay `cron` (the page then
 * shows the expression itself).
 */
export type Schedule =
  | { kind: 'everyMinute' }
  | { kind: 'everyMinutes'; n: number }
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; time: string }
  /** weekday: 0 Sunday … 6 Saturday, as in cron. */
  | { kind: 'weekly'; weekday: number; time: string }
  | { kind: 'cron'; expression: string }

const DAY_MINUTES = 1440
const all = (values: readonly number[], from: number, to: number) => values.length === to - from + 1
const pad = (n: number) => String(n).padStart(2, '0')
const mod = (a: number, n: number) => ((a % n) + n) % n

/** Every `n` minutes from :00, with `n` dividing the hour: the step, or null. */
function stepOf(minutes: readonly number[]): number | null {
  const n = minutes[1]
  if (minutes[0] !== 0 || n === undefined || 60 % n !== 0 || minutes.length !== 60 / n) return null
  return minutes.every((m, i) => m === i * n) ? n : null
}

/**
 * Describes a parsed cron plan (read in UTC, as the scheduler reads it) in the wall-clock time of
 * a zone that is `offsetMinutes` ahead of UTC, e.g. `0 0 * * 1` at +480 is "weekly, Monday 08:00".
 */
export function describeSchedule(plan: CronPlan, offsetMinutes: number): Schedule {
  const other = { kind: 'cron', expression: plan.expression } as const
  const everyDay = plan.daysOfMonth.size === 31 && plan.months.size === 12
  if (plan.seconds.length !== 1 || plan.seconds[0] !== 0 || !everyDay) return other
  const everyHour = all(plan.hours, 0, 23)
  const weekdays = [...plan.weekdays].sort((a, b) => a - b)
  const everyWeekday = weekdays.length === 7
  if (everyHour && everyWeekday) {
    if (all(plan.minutes, 0, 59)) return { kind: 'everyMinute' }
    const n = stepOf(plan.minutes)
    if (n !== null) return { kind: 'everyMinutes', n }
    if (plan.minutes.length === 1)
      return { kind: 'hourly', minute: mod(plan.minutes[0]! + offsetMinutes, 60) }
    return other
  }
  if (plan.minutes.length !== 1 || plan.hours.length !== 1) return other
  const utc = plan.hours[0]! * 60 + plan.minutes[0]!
  const local = utc + offsetMinutes
  const minuteOfDay = mod(local, DAY_MINUTES)
  const time = `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`
  if (everyWeekday) return { kind: 'daily', time }
  if (weekdays.length !== 1) return other
  const dayShift = Math.floor(local / DAY_MINUTES)
  return { kind: 'weekly', weekday: mod(weekdays[0]! + dayShift, 7), time }
}
