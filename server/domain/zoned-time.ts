/**
 * Local calendar arithmetic and the conversion of a local date and wall-clock time in an IANA zone
 * to a UTC instant. Pure: no clock reads, only Intl's time-zone data. Local dates are 'YYYY-MM-DD',
 * local times 'HH:MM'.
 */

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7]

/** Whether `s` is a wall-clock time written HH:MM (00:00–23:59). */
export const isLocalTime = (s: string) => TIME.test(s)

/** Minutes since local midnight of an 'HH:MM' time. */
export function minutesOf(time: string): number {
  const m = TIME.exec(time)
  if (!m) throw new RangeError(`not a local time: ${time}`)
  return Number(m[1]) * 60 + Number(m[2])
}

function dayNumber(date: string): number {
  const m = DATE.exec(date)
  if (!m) throw new RangeError(`not a local date: ${date}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS
}

const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** The local date `n` days after `date` (negative goes back). */
export const addDays = (date: string, n: number) => fromDayNumber(dayNumber(date) + n)

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a)

/** ISO weekday of a local date. */
export function weekdayOf(date: string): Weekday {
  const d = new Date(dayNumber(date) * DAY_MS).getUTCDay()
  return (d === 0 ? 7 : d) as Weekday
}

/** The Monday that starts the ISO week of `date`. */
export const weekStart = (date: string) => addDays(date, 1 - weekdayOf(date))

/** 'YYYY-MM' of a local date. */
export const monthOf = (date: string) => date.slice(0, 7)

/** First and last local date of a month given as 'YYYY-MM'. */
export function monthRange(month: string): { first: string; last: string } {
  const first = `${month}-01`
  const [y, m] = month.split('-').map(Number) as [number, number]
  // Day 0 of the next month is this month's last, so no date past it is written (9999-12 has one).
  const end = new Date(0)
  end.setUTCFullYear(y, m, 0)
  return { first, last: `${month}-${String(end.getUTCDate()).padStart(2, '0')}` }
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(fromDayNumber(n))
  return out
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock reading of an instant in a zone, as UTC milliseconds of that reading. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime()
  const whole = Math.floor(ms / 1000) * 1000
  return wallClockMs(whole, timeZone) - whole
}

/**
 * The UTC instant at which the wall clocks of `timeZone` show `time` on `date`.
 *
 * Around daylight-saving changes it resolves like Temporal's 'compatible' disambiguation: a time
 * that happens twice (clocks go back) gives the earlier instant; a time that never happens (clocks
 * go forward) is moved forward by the length of the gap, e.g. 02:30 on the spring-forward night in
 * Berlin gives 03:30 CEST. Assumes at most one offset change within a day either side, which holds
 * for every zone in the IANA database since 1970 except Samoa's skipped day in 2011.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  // Pure, and asked for the same few thousand slot times over and over (a session's slots, a year
  // of roster), while each answer costs several Intl lookups: keep the answers.
  const key = `${timeZone} ${date} ${time}`
  let ms = converted.get(key)
  if (ms === undefined) {
    ms = convert(date, time, timeZone)
    if (converted.size >= CONVERTED_MAX) converted.clear()
    converted.set(key, ms)
  }
  return new Date(ms)
}

const converted = new Map<string, number>()
const CONVERTED_MAX = 100_000

function convert(date: string, time: string, timeZone: string): number {
  const wall = dayNumber(date) * DAY_MS + minutesOf(time) * 60_000
  const before = zoneOffsetMs(wall - DAY_MS, timeZone)
  const after = zoneOffsetMs(wall + DAY_MS, timeZone)
  const valid = [before, after].filter((o) => zoneOffsetMs(wall - o, timeZone) === o).map((o) => wall - o)
  if (valid.length > 0) return Math.min(...valid)
  // In a gap: read the wall time with the offset that held before it, which lands after the gap.
  return wall - before
}

/** The local date and 'HH:MM' time an instant shows in a zone. */
export function utcToZoned(instant: Date | number, timeZone: string): { date: string; time: string } {
  const iso = new Date(wallClockMs(typeof instant === 'number' ? instant : instant.getTime(), timeZone))
    .toISOString()
    .slice(0, 16)
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}
