import { PLACE_KINDS, PLACE_SECTORS, type PlaceKind, type PlaceSector } from '../../../db/enums.ts'
import type { PlaceFields } from '../../../db/queries/admin-places.ts'
import type { MessageKey, T } from '../../../views/i18n/index.ts'
import { cellOf, enumReader, normaliseName, readTable, tooWide } from '../../domain/csv/csv-table.ts'
import { parseCsv } from '../../domain/csv/parse-csv.ts'
import {
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  MAX_PLACE_ADDRESS,
  MAX_PLACE_COUNT,
  MAX_PLACE_NAME,
  type PlaceShapeProblem,
  placeShapeProblems,
} from '../../domain/place-rules.ts'
import { parseDecimal, parseWhole } from '../../validation.ts'
import { headerMessage, type LineError, labelsOf } from './csv-upload.ts'

export const MAX_PLACES_CSV_BYTES = 2 * 1024 * 1024 - 64 * 1024
export const MAX_PLACES_CSV_ROWS = 5000

/** Columns of a places file; the first alias is the Chinese name shown when a column is missing. */
const ALIASES = {
  name: ['名称', '名稱', '地点名称', '地點名稱', '简体名称', '簡體名稱', 'name_zh_hans', 'name zh-Hans'],
  nameZhHant: ['繁体名称', '繁體名稱', 'name_zh_hant', 'name zh-Hant'],
  nameEn: ['英文名称', '英文名稱', 'name_en', 'english name', 'English'],
  kind: ['类型', '類型', '地点类型', '地點類型', '类别', '類別', 'type'],
  district: ['选区', '選區', '所属选区', '所屬選區', 'electoral district'],
  sector: ['行业', '行業', 'trade', 'industry'],
  address: ['地址'],
  latitude: ['纬度', '緯度', 'lat'],
  longitude: ['经度', '經度', 'lng', 'lon', 'long'],
  households: ['户数', '戶數', '住户数', '住戶數'],
  residents: ['人口', '居民数', '居民數', '常住人口', 'population'],
  employees: ['员工数', '員工數', '职工数', '職工數', '员工', '員工', 'staff'],
  students: ['学生数', '學生數', '学生', '學生'],
} as const
type Column = keyof typeof ALIASES
const REQUIRED = ['name', 'kind', 'district'] as const
const SIZES = ['households', 'residents', 'employees', 'students'] as const

const KIND_LABEL: Record<PlaceKind, MessageKey> = {
  community: 'place.kind.community',
  village: 'place.kind.village',
  estate: 'place.kind.estate',
  firm: 'place.kind.firm',
  school: 'place.kind.school',
  market: 'place.kind.market',
  other: 'place.kind.other',
}
const KIND_EXTRA: Record<PlaceKind, string[]> = {
  community: ['居委会', '居委會'],
  village: ['行政村', '村委会', '村委會'],
  estate: ['住宅小区', '住宅小區', 'estate'],
  firm: ['公司', '工厂', '工廠', 'company'],
  school: ['幼儿园', '幼兒園', '中学', '中學', '小学', '小學'],
  market: ['农贸市场', '農貿市場'],
  other: ['其他', '其它'],
}
const readKind = enumReader<PlaceKind>(
  Object.fromEntries(PLACE_KINDS.map((k) => [k, [...labelsOf(KIND_LABEL[k]), ...KIND_EXTRA[k]]])) as Record<
    PlaceKind,
    string[]
  >,
)
const SECTOR_LABEL: Record<PlaceSector, MessageKey> = {
  furniture: 'place.sector.furniture',
  home_textiles: 'place.sector.home_textiles',
  fine_chemicals: 'place.sector.fine_chemicals',
  small_appliances: 'place.sector.small_appliances',
  nursery_plants: 'place.sector.nursery_plants',
  other: 'place.sector.other',
}
const SECTOR_EXTRA: Record<PlaceSector, string[]> = {
  furniture: ['家具'],
  home_textiles: [],
  fine_chemicals: ['化工'],
  small_appliances: ['家电', '家電'],
  nursery_plants: ['苗木', '花卉'],
  other: ['其他', '其它'],
}
const readSector = enumReader<PlaceSector>(
  Object.fromEntries(
    PLACE_SECTORS.map((s) => [s, [...labelsOf(SECTOR_LABEL[s]), ...SECTOR_EXTRA[s]]]),
  ) as Record<PlaceSector, string[]>,
)

/** The message of each way a place's fields disagree (placeShapeProblems), for the form and the import. */
export const SHAPE_MESSAGE: Record<PlaceShapeProblem, MessageKey> = {
  sectorOnlyForFirms: 'admin.places.sectorOnlyForFirms',
  latitudeWithoutLongitude: 'admin.places.latitudeWithoutLongitude',
  longitudeWithoutLatitude: 'admin.places.longitudeWithoutLatitude',
}

/** A whole number as a spreadsheet may show it: 1200, or 1,200 with thousands separators. */
const readCount = (cell: string) =>
  parseWhole(/^\d{1,3}(,\d{3})+$/.test(cell) ? cell.replaceAll(',', '') : cell)

export type DistrictNames = { id: number; nameZhHans: string; nameZhHant: string; nameEn: string }

/** `district|name` of a place: names are unique within a district. */
export const placeKey = (districtId: number, nameZhHans: string) => `${districtId}|${nameZhHans}`

/**
 * Reads a places CSV and checks every line: required name, kind and district (by its name in any
 * language), known kinds and trades in Chinese or English, sizes and coordinates in range, names
 * unique within a district both in the file and against `registered` (keys from placeKey).
 * Returns all places when every line is right, otherwise every problem with its line and column.
 */
export function parsePlaceCsv(
  text: string,
  districts: DistrictNames[],
  registered: Set<string>,
  t: T,
): { ok: true; rows: PlaceFields[] } | { ok: false; errors: LineError[] } {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.line, message: t('admin.csv.unreadable') }] }
  if (parsed.records.length === 0) return { ok: false, errors: [{ line: 1, message: t('admin.csv.empty') }] }
  const read = readTable(parsed.records, { aliases: ALIASES, required: REQUIRED })
  const columnName = (k: string) => `${ALIASES[k as Column][0]}/${k}`
  if (!read.ok) {
    const allowed = REQUIRED.map(columnName).join('、')
    return {
      ok: false,
      errors: [{ line: read.line, message: headerMessage(t, read.error, allowed, columnName) }],
    }
  }
  const { table } = read
  if (table.rows.length > MAX_PLACES_CSV_ROWS)
    return {
      ok: false,
      errors: [{ line: 1, message: t('admin.csv.tooManyRows', { max: MAX_PLACES_CSV_ROWS }) }],
    }
  const header = parsed.records[0]!.cells
  const heading = (c: Column) => header[table.index[c]]!.trim()

  const districtByName = new Map<string, number>()
  for (const d of districts)
    for (const n of [d.nameZhHans, d.nameZhHant, d.nameEn])
      if (n && !districtByName.has(normaliseName(n))) districtByName.set(normaliseName(n), d.id)

  const rows: PlaceFields[] = []
  const errors: LineError[] = []
  const seen = new Map<string, number>()
  for (const record of table.rows) {
    const { line } = record
    const before = errors.length
    const fail = (column: Column | null, message: string) =>
      errors.push(column ? { line, column: heading(column), message } : { line, message })
    if (tooWide(table, record)) {
      fail(null, t('admin.csv.columnCount', { count: record.cells.length }))
      continue
    }
    const cell = (c: Column) => cellOf(table, record, c)
    const text = (c: Column, max: number, required = false) => {
      const v = cell(c)
      if (required && v === '') fail(c, t('admin.placesCsv.required'))
      else if (v.length > max) fail(c, t('error.tooLong', { max }))
      return v
    }
    const name = text('name', MAX_PLACE_NAME, true)
    const nameZhHant = text('nameZhHant', MAX_PLACE_NAME)
    const nameEn = text('nameEn', MAX_PLACE_NAME)
    const address = text('address', MAX_PLACE_ADDRESS)

    const kind = readKind(cell('kind'))
    if (cell('kind') === '') fail('kind', t('admin.placesCsv.required'))
    else if (kind === null) fail('kind', t('admin.placesCsv.badKind', { value: cell('kind') }))

    const districtId = districtByName.get(normaliseName(cell('district'))) ?? null
    if (cell('district') === '') fail('district', t('admin.placesCsv.required'))
    else if (districtId === null)
      fail('district', t('admin.placesCsv.unknownDistrict', { value: cell('district') }))

    const sector = cell('sector') === '' ? null : readSector(cell('sector'))
    if (cell('sector') !== '' && sector === null)
      fail('sector', t('admin.placesCsv.badSector', { value: cell('sector') }))

    const coordinate = (c: 'latitude' | 'longitude', [min, max]: readonly [number, number]) => {
      if (cell(c) === '') return null
      const n = parseDecimal(cell(c))
      if (n !== null && n >= min && n <= max) return n
      fail(c, t(c === 'latitude' ? 'admin.places.badLatitude' : 'admin.places.badLongitude'))
      return null
    }
    const latitude = coordinate('latitude', LATITUDE_RANGE)
    const longitude = coordinate('longitude', LONGITUDE_RANGE)

    const size = {} as Record<(typeof SIZES)[number], number | null>
    for (const c of SIZES) {
      const n = cell(c) === '' ? null : readCount(cell(c))
      if (cell(c) !== '' && (n === null || n > MAX_PLACE_COUNT)) fail(c, t('admin.places.badCount'))
      size[c] = n
    }
    if (errors.length > before || kind === null || districtId === null) continue
    const shape = placeShapeProblems({ kind, sector, latitude, longitude })
    for (const s of shape) fail(s.field, t(SHAPE_MESSAGE[s.problem]))
    if (shape.length) continue

    const key = placeKey(districtId, name)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      fail('name', t('admin.placesCsv.duplicateInFile', { other: earlier }))
      continue
    }
    seen.set(key, line)
    if (registered.has(key)) {
      fail('name', t('admin.placesCsv.alreadyRegistered', { value: name }))
      continue
    }
    rows.push({
      districtId,
      kind,
      nameZhHans: name,
      nameZhHant,
      nameEn,
      sector,
      address,
      latitude,
      longitude,
      ...size,
    })
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows }
}
