/** One record of a CSV file: its cells as written (quotes removed, not trimmed) and the line it starts on. */
export type CsvRecord = { line: number; cells: string[] }

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number }

/**
 * Reads CSV text as spreadsheets write it (RFC 4180 and the usual liberties): a leading BOM is
 * dropped; lines end in CRLF, LF or a lone CR; a field in double quotes may hold commas, line
 * breaks and doubled quotes; a quote inside an unquoted field is kept as it is. Records with no
 * text in any cell (blank lines, the `,,,` rows spreadsheets leave at the end) are skipped.
 * Fails with the line of the first unpaired quote. `line` counts physical lines from 1.
 */
export function parseCsv(input: string): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let recordLine = 1
  let i = 0
  const n = text.length

  const endRecord = () => {
    cells.push(cell)
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells })
    cells = []
    cell = ''
  }

  while (i < n) {
    const ch = text[i]!
    if (ch === '"' && cell === '') {
      // A quoted field runs to the next quote that is not doubled.
      const quoteLine = line
      i++
      for (;;) {
        if (i >= n) return { ok: false, line: quoteLine }
        const q = text[i]!
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++
        cell += q
        i++
      }
      // Only a delimiter or the end of the line may follow the closing quote.
      const next = text[i]
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        return { ok: false, line: quoteLine }
      continue
    }
    if (ch === ',') {
      cells.push(cell)
      cell = ''
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      endRecord()
      line++
      recordLine = line
      continue
    }
    cell += ch
    i++
  }
  if (cell !== '' || cells.length > 0) endRecord()
  return { ok: true, records }
}

/** Writes one cell so that parseCsv reads it back unchanged. */
export const csvCell = (value: string) =>
  /[",\r\n]/.test(value) || value.startsWith('\uFEFF') ? `"${value.replaceAll('"', '""')}"` : value

/** Writes records as CSV lines (CRLF), each cell quoted only where it must be. */
export const toCsv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => r.map(csvCell).join(',')).join('\r\n')
