/** Whether `tz` is an IANA zone name this runtime knows (e.g. Asia/Shanghai). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return tz.includes('/') || tz === 'UTC'
  } catch {
    return false
  }
}

/**
 * The years a date or month given to us may name. Four-digit years, the last one kept free so that
 * a window of MAX_WINDOW_DAYS, or the next month's link, from any accepted date is still written
 * YYYY-MM-DD (local-date arithmetic is defined only there).
 */
export const FIRST_YEAR = 1000
export const LAST_YEAR = 9998

/** The longest span, in days from first to last, any one request may ask about (a report period, a roster view). */
export const MAX_WINDOW_DAYS = 366

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const inYears = (year: string) => Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR

/** Whether `s` is a real calendar date written YYYY-MM-DD, in FIRST_YEAR…LAST_YEAR. */
export function isRealDate(s: string): boolean {
  const m = DATE.exec(s)
  if (!m || !inYears(m[1]!)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Whether `s` is a month written YYYY-MM, in FIRST_YEAR…LAST_YEAR. */
export function isMonth(s: string): boolean {
  const m = MONTH.exec(s)
  return !!m && inYears(m[1]!)
}

/** The year and quarter of `s` written YYYY-Qn, in FIRST_YEAR…LAST_YEAR; null when it is not one. */
export function parseQuarter(s: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(s)
  return m && inYears(m[1]!) ? { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  // Building an Intl formatter costs far more than using one; keep one per zone.
  let f = dateFormats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dateFormats.set(timeZone, f)
  }
  return f.format(instant)
}
