import type { CsvRecord } from './parse-csv.ts'

/**
 * How a header cell or an enum value is compared: case, spaces, underscores, hyphens and
 * full-width brackets do not matter, so `Station code`, `station_code` and `STATIONCODE` are one
 * name, as are `名称（简体）` and `名称(简体)`.
 */
export const normaliseName = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\u00a0]+/g, '')

/** The names a column may carry in a header row, in any of the three languages. */
export type ColumnAliases<K extends string> = Record<K, readonly string[]>

export type HeaderProblem =
  | { problem: 'unknownColumn'; column: string }
  | { problem: 'missingColumn'; column: string }
  | { problem: 'repeatedColumn'; column: string }

export type Table<K extends string> = {
  /** Whether the first record was a header row (and so is not among `rows`). */
  hasHeader: boolean
  /** Which cell holds each column; -1 for a column the file leaves out. */
  index: Record<K, number>
  /** Width of the header row, when there is one (every line must have it). */
  width: number | null
  rows: CsvRecord[]
}

function aliasIndex<K extends string>(aliases: ColumnAliases<K>) {
  const byName = new Map<string, K>()
  for (const [key, names] of Object.entries(aliases) as [K, readonly string[]][]) {
    byName.set(normaliseName(key), key)
    for (const n of names) byName.set(normaliseName(n), key)
  }
  return byName
}

/**
 * Finds the columns of a file. The first record is a header row when any of its cells names a
 * known column; its cells may then come in any order and any language. Without a header the
 * columns are `fixedOrder` (when the format allows that) or the file is refused. A missing column
 * is reported by its key, the others by the header cell as written.
 */
export function readTable<K extends string>(
  records: CsvRecord[],
  spec: { aliases: ColumnAliases<K>; required: readonly NoInfer<K>[]; fixedOrder?: readonly NoInfer<K>[] },
): { ok: true; table: Table<K> } | { ok: false; line: number; error: HeaderProblem } {
  const byName = aliasIndex(spec.aliases)
  const keys = Object.keys(spec.aliases) as K[]
  const first = records[0]
  const names = first ? first.cells.map((c) => byName.get(normaliseName(c))) : []
  const isHeader = names.some((n) => n !== undefined)
  const empty = Object.fromEntries(keys.map((k) => [k, -1])) as Record<K, number>
  if (!isHeader) {
    if (spec.fixedOrder) {
      const index = { ...empty }
      spec.fixedOrder.forEach((k, i) => {
        index[k] = i
      })
      return { ok: true, table: { hasHeader: false, index, width: null, rows: records } }
    }
    const line = first?.line ?? 1
    return { ok: false, line, error: { problem: 'missingColumn', column: spec.required[0]! } }
  }
  const line = first!.line
  const unknown = names.findIndex((n, i) => n === undefined && first!.cells[i]!.trim() !== '')
  if (unknown >= 0)
    return { ok: false, line, error: { problem: 'unknownColumn', column: first!.cells[unknown]!.trim() } }
  const index = { ...empty }
  for (const [i, k] of names.entries()) {
    if (k === undefined) continue
    if (index[k] >= 0)
      return { ok: false, line, error: { problem: 'repeatedColumn', column: first!.cells[i]!.trim() } }
    index[k] = i
  }
  const missing = spec.required.find((k) => index[k] < 0)
  if (missing !== undefined) return { ok: false, line, error: { problem: 'missingColumn', column: missing } }
  // Spreadsheets often end a header with empty cells; lines are as wide as the named part.
  let width = first!.cells.length
  while (width > 0 && first!.cells[width - 1]!.trim() === '') width--
  return { ok: true, table: { hasHeader: true, index, width, rows: records.slice(1) } }
}

/** The trimmed text of a column in a record; '' for a column the file leaves out. */
export const cellOf = <K extends string>(table: Table<K>, record: CsvRecord, column: K) => {
  const i = table.index[column]
  return i >= 0 ? (record.cells[i] ?? '').trim() : ''
}

/** Whether a record has more cells with text than the header names (empty trailing cells are fine). */
export function tooWide(table: Table<string>, record: CsvRecord): boolean {
  if (table.width === null) return false
  return record.cells.slice(table.width).some((c) => c.trim() !== '')
}

/**
 * A reader of an enum column that accepts each value's key and any of its names (Chinese or
 * English, compared as normaliseName does); null for anything else.
 */
export function enumReader<V extends string>(
  names: Record<V, readonly string[]>,
): (cell: string) => V | null {
  const byName = new Map<string, V>()
  for (const [value, list] of Object.entries(names) as [V, readonly string[]][]) {
    byName.set(normaliseName(value), value)
    for (const n of list) byName.set(normaliseName(n), value)
  }
  return (cell) => byName.get(normaliseName(cell)) ?? null
}
