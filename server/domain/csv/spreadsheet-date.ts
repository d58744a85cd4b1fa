import { isRealDate } from '../time.ts'

const pad = (n: string) => n.padStart(2, '0')

// A time of day a spreadsheet may append: 0:00, 00:00:00, 12:30:00.000, 9:05 AM, 上午9:05.
const TIME = String.raw`(?:(?:上午|下午)\s*)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:\s*(?:[AaPp][Mm]))?`
const WRITTEN = new RegExp(
  String.raw`^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日?)(?:(?:\s+|T)${TIME}(?:Z|[+-]\d{2}:?\d{2})?)?$`,
)
// Excel's day numbers (1900 date system), optionally with a fraction for the time of day.
const SERIAL = /^([1-9]\d{0,6})(?:\.\d+)?$/
const DAY_MS = 86_400_000
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * The calendar date (YYYY-MM-DD) a spreadsheet cell names, or null: 2026-01-05, 2026-1-5,
 * 2026/1/5, 2026.1.5, 2026年1月5日, each optionally followed by a time (which is dropped), or an
 * Excel serial day number such as 46027 (2026-01-05). Excel counts 1900 as a leap year, so its
 * day 60 (the 29th of February 1900 that never was) is refused and later days are shifted back.
 * The one reader of dates in imported files.
 */
export function readSpreadsheetDate(cell: string): string | null {
  const s = cell.trim()
  const w = WRITTEN.exec(s)
  if (w) {
    const date = `${w[1]}-${pad(w[3] ?? w[5]!)}-${pad(w[4] ?? w[6]!)}`
    return isRealDate(date) ? date : null
  }
  const serial = SERIAL.exec(s)
  if (serial) {
    const day = Number(serial[1])
    if (day === 60) return null
    const ms = day < 60 ? EXCEL_EPOCH + (day + 1) * DAY_MS : EXCEL_EPOCH + day * DAY_MS
    const date = new Date(ms).toISOString().slice(0, 10)
    return isRealDate(date) ? date : null
  }
  return null
}
