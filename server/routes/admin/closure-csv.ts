import { CsvError, parse } from 'csv-parse/sync'
import { CLOSURE_KINDS, type ClosureKind } from '../../../db/enums.ts'
import type { T } from '../../../views/i18n/index.ts'
import { isRealDate } from '../../domain/time.ts'

export type ClosureCsvRow = { line: number; date: string; kind: ClosureKind; name: string; stationId: number }
export type LineError = { line: number; message: string }

export const MAX_CSV_BYTES = 256 * 1024
export const MAX_CSV_ROWS = 2000
export const MAX_CLOSURE_NAME = 60
const COLUMNS = ['date', 'kind', 'name', 'station_code'] as const
const REQUIRED = ['date', 'kind', 'name'] as const

const isKind = (v: string): v is ClosureKind => (CLOSURE_KINDS as readonly string[]).includes(v)

/**
 * Reads a closures CSV (`date,kind,name[,station_code]`, optional header row, optional UTF-8 BOM)
 * and checks every line. Returns all rows when the whole file is valid, otherwise every problem
 * with its line number, so nothing is written from a file that is partly wrong. A date given
 * twice for the same station (or for all stations) is an error: the file must say one thing.
 */
export function parseClosureCsv(
  text: string,
  stationIdByCode: Map<string, number>,
  t: T,
): { ok: true; rows: ClosureCsvRow[] } | { ok: false; errors: LineError[] } {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    const line = (err as CsvError & { lines?: number }).lines ?? 1
    return { ok: false, errors: [{ line, message: t('admin.csv.unreadable') }] }
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: t('admin.csv.empty') }] }

  // A header row names the columns in any order; without one they are date,kind,name[,station_code].
  let index: Record<(typeof COLUMNS)[number], number> = { date: 0, kind: 1, name: 2, station_code: 3 }
  let width: number | null = null
  const first = records[0]!
  if (first.record.some((h) => (COLUMNS as readonly string[]).includes(h.toLowerCase()))) {
    const names = first.record.map((h) => h.toLowerCase())
    const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n))
    const missing = REQUIRED.filter((n) => !names.includes(n))
    const repeated = names.filter((n, i) => names.indexOf(n) !== i)
    if (unknown.length || missing.length || repeated.length) {
      const message = unknown.length
        ? t('admin.csv.unknownColumn', { column: unknown[0]! })
        : repeated.length
          ? t('admin.csv.repeatedColumn', { column: repeated[0]! })
          : t('admin.csv.missingColumn', { column: missing[0]! })
      return { ok: false, errors: [{ line: first.info.lines, message }] }
    }
    index = {
      date: names.indexOf('date'),
      kind: names.indexOf('kind'),
      name: names.indexOf('name'),
      station_code: names.indexOf('station_code'),
    }
    width = names.length
    records.shift()
  }
  if (records.length > MAX_CSV_ROWS)
    return { ok: false, errors: [{ line: 1, message: t('admin.csv.tooManyRows', { max: MAX_CSV_ROWS }) }] }

  const rows: ClosureCsvRow[] = []
  const errors: LineError[] = []
  const seen = new Map<string, number>()
  for (const { record, info } of records) {
    const line = info.lines
    const fail = (message: string) => errors.push({ line, message })
    if (width !== null ? record.length !== width : record.length < 3 || record.length > 4) {
      fail(t('admin.csv.columnCount', { count: record.length }))
      continue
    }
    const cell = (c: (typeof COLUMNS)[number]) => (index[c] >= 0 ? (record[index[c]] ?? '') : '')
    const date = cell('date')
    const kind = cell('kind').toLowerCase()
    const name = cell('name')
    const code = cell('station_code').toUpperCase()
    let ok = true
    if (!isRealDate(date)) {
      fail(t('admin.csv.badDate', { value: date }))
      ok = false
    }
    if (!isKind(kind)) {
      fail(t('admin.csv.badKind', { value: cell('kind') }))
      ok = false
    }
    if (name === '') {
      fail(t('admin.csv.noName'))
      ok = false
    } else if (name.length > MAX_CLOSURE_NAME) {
      fail(t('error.tooLong', { max: MAX_CLOSURE_NAME }))
      ok = false
    }
    let stationId = 0
    if (kind === 'station_closed') {
      const id = code ? stationIdByCode.get(code) : undefined
      if (!code) fail(t('admin.closures.stationRequired'))
      else if (id === undefined) fail(t('admin.csv.unknownStation', { value: code }))
      if (id === undefined) ok = false
      else stationId = id
    } else if (code && isKind(kind)) {
      fail(t('admin.closures.stationOnlyForClosed'))
      ok = false
    }
    if (!ok || !isKind(kind)) continue
    const key = `${date}|${stationId}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail(t('admin.csv.duplicateInFile', { date, other: earlier }))
      continue
    }
    seen.set(key, line)
    rows.push({ line, date, kind, name, stationId })
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows }
}

/** Decodes an uploaded file as UTF-8, refusing other encodings (e.g. GBK from a spreadsheet). */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}
