/**
 * Working-day arithmetic for deadlines (DESIGN §4.1): Saturdays and Sundays are off, a closure of
 * kind 'holiday' or 'station_closed' is off, and a make-up working day (调休, kind 'workday') is on
 * even when it falls on a weekend. Dates are local calendar dates written YYYY-MM-DD.
 */

export type WorkingCalendar = {
  /** Dates that are off: holidays and this station's closures. */
  offDays: ReadonlySet<string>
  /** Make-up working days (调休). */
  workdays: ReadonlySet<string>
}

/** Turns closure rows into a calendar; a day that is both closed and a make-up day stays closed. */
export function workingCalendar(closures: readonly { date: string; kind: string }[]): WorkingCalendar {
  const offDays = new Set<string>()
  const workdays = new Set<string>()
  for (const c of closures) {
    if (c.kind === 'workday') workdays.add(c.date)
    else if (c.kind === 'holiday' || c.kind === 'station_closed') offDays.add(c.date)
  }
  return { offDays, workdays }
}

const toUtc = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`)
  }
  return d
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string) => toUtc(date).getUTCDay()

/** Whether people work on `date` under this calendar. */
export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  if (cal.offDays.has(date)) return false
  if (cal.workdays.has(date)) return true
  const wd = weekday(date)
  return wd !== 0 && wd !== 6
}

/** No real calendar has a year without a working day; this only stops a runaway loop. */
const MAX_SCAN_DAYS = 3 * 366

/**
 * The `n`-th working day after `from` (from itself does not count). With n = 0 it is `from` when
 * that is a working day, else the next working day. Used for "reply within n working days".
 */
export function addWorkingDays(from: string, n: number, cal: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
  let date = from
  if (n === 0) {
    for (let i = 0; i < MAX_SCAN_DAYS; i++, date = addCalendarDays(date, 1)) {
      if (isWorkingDay(date, cal)) return date
    }
    throw new RangeError('no working day found')
  }
  let left = n
  for (let i = 0; i < MAX_SCAN_DAYS * Math.max(1, Math.ceil(n / 200)); i++) {
    date = addCalendarDays(date, 1)
    if (isWorkingDay(date, cal)) {
      left -= 1
      if (left === 0) return date
    }
  }
  throw new RangeError('no working day found')
}

/** Working days in (from, to]; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): number {
  let count = 0
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    if (isWorkingDay(date, cal)) count += 1
  }
  return count
}
