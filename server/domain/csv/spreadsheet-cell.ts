/**
 * One text cell of a CSV file people open in a spreadsheet: quoted where it must be, and a
 * leading = + - @ defused, since a spreadsheet would run it as a formula.
 */
export const spreadsheetText = (raw: string) => {
  const s = /^[=+\-@]/.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** A share or a median in a CSV cell: four decimals, empty when there is none. */
export const spreadsheetNumber = (v: number | null) =>
  v === null ? '' : String(Math.round(v * 10000) / 10000)

/** A whole CSV download: a BOM so spreadsheet programs read Chinese as UTF-8, CRLF lines. */
export const spreadsheetCsv = (lines: readonly string[]) => `\uFEFF${lines.join('\r\n')}\r\n`
