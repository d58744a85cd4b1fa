import type { ClosureKind } from '../../../db/enums.ts'
import type { T } from '../../../views/i18n/index.ts'
import { cellOf, enumReader, readTable, tooWide } from '../../domain/csv/csv-table.ts'
import { parseCsv } from '../../domain/csv/parse-csv.ts'
import { readSpreadsheetDate } from '../../domain/csv/spreadsheet-date.ts'
import { headerMessage, type LineError, labelsOf } from './csv-upload.ts'

export type ClosureCsvRow = { line: number; date: string; kind: ClosureKind; name: string; stationId: number }

export const MAX_CSV_BYTES = 256 * 1024
export const MAX_CSV_ROWS = 2000
export const MAX_CLOSURE_NAME = 60

const COLUMNS = {
  aliases: {
    date: ['日期'],
    kind: ['类型', '類型', '类别', '類別'],
    name: ['名称', '名稱'],
    station_code: ['联络站', '聯絡站', '联络站字母', '聯絡站字母', 'station'],
  },
  required: ['date', 'kind', 'name'],
  fixedOrder: ['date', 'kind', 'name', 'station_code'],
} as const
const ALLOWED = '日期/date、类型/kind、名称/name、联络站/station_code'

const readKind = enumReader<ClosureKind>({
  holiday: [...labelsOf('admin.closureKind.holiday'), '节假日', '節假日', '假日', '休息'],
  workday: [...labelsOf('admin.closureKind.workday'), '调休上班', '調休上班', '上班'],
  station_closed: [...labelsOf('admin.closureKind.stationClosed'), '闭站', '閉站'],
})

/**
 * Reads a closures CSV (`date,kind,name[,station_code]`; a header row in Chinese or English names
 * the columns in any order, without one they come in that order) and checks every line. Kinds may
 * be written in Chinese or English, dates as spreadsheets write them. Returns all rows when the
 * whole file is valid, otherwise every problem with its line number, so nothing is written from a
 * file that is partly wrong. A date given twice for the same station (or for all stations) is an
 * error: the file must say one thing.
 */
export function parseClosureCsv(
  text: string,
  stationIdByCode: Map<string, number>,
  t: T,
): { ok: true; rows: ClosureCsvRow[] } | { ok: false; errors: LineError[] } {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.line, message: t('admin.csv.unreadable') }] }
  if (parsed.records.length === 0) return { ok: false, errors: [{ line: 1, message: t('admin.csv.empty') }] }
  const read = readTable(parsed.records, COLUMNS)
  if (!read.ok)
    return {
      ok: false,
      errors: [{ line: read.line, message: headerMessage(t, read.error, ALLOWED, (k) => k) }],
    }
  const { table } = read
  if (table.rows.length > MAX_CSV_ROWS)
    return { ok: false, errors: [{ line: 1, message: t('admin.csv.tooManyRows', { max: MAX_CSV_ROWS }) }] }

  const rows: ClosureCsvRow[] = []
  const errors: LineError[] = []
  const seen = new Map<string, number>()
  for (const record of table.rows) {
    const { line } = record
    const fail = (message: string) => errors.push({ line, message })
    const width = record.cells.length
    if (table.hasHeader ? tooWide(table, record) : width < 3 || width > 4) {
      fail(t('admin.csv.columnCount', { count: width }))
      continue
    }
    const cell = (c: keyof typeof COLUMNS.aliases) => cellOf(table, record, c)
    const date = readSpreadsheetDate(cell('date'))
    const kind = readKind(cell('kind'))
    const name = cell('name')
    const code = cell('station_code').toUpperCase()
    let ok = true
    if (date === null) {
      fail(t('admin.csv.badDate', { value: cell('date') }))
      ok = false
    }
    if (kind === null) {
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
    } else if (code && kind !== null) {
      fail(t('admin.closures.stationOnlyForClosed'))
      ok = false
    }
    if (!ok || kind === null || date === null) continue
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
