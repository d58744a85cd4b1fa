import { describe, expect, it } from 'vitest'
import { cellOf, enumReader, readTable, tooWide } from '../../server/domain/csv/csv-table.ts'
import { parseCsv } from '../../server/domain/csv/parse-csv.ts'

const records = (text: string) => {
  const r = parseCsv(text)
  if (!r.ok) throw new Error('unreadable')
  return r.records
}
const spec = {
  aliases: { name: ['名称', '名稱'], kind: ['类型', '類型'], stationCode: ['station_code', '联络站'] },
  required: ['name', 'kind'] as const,
}

describe('readTable', () => {
  it('finds columns by Chinese or English names in any order, ignoring case, spaces and underscores', () => {
    const r = readTable(records('類型, NAME ,Station Code\n村,幸福村,A\n'), spec)
    if (!r.ok) throw new Error(JSON.stringify(r))
    const [row] = r.table.rows
    expect(cellOf(r.table, row!, 'name')).toBe('幸福村')
    expect(cellOf(r.table, row!, 'kind')).toBe('村')
    expect(cellOf(r.table, row!, 'stationCode')).toBe('A')
  })

  it('reports unknown, repeated and missing columns with the header line', () => {
    expect(readTable(records('名称,类型,颜色\n'), spec)).toMatchObject({
      ok: false,
      line: 1,
      error: { problem: 'unknownColumn', column: '颜色' },
    })
    expect(readTable(records('名称,name,类型\n'), spec)).toMatchObject({
      error: { problem: 'repeatedColumn', column: 'name' },
    })
    expect(readTable(records('\n名称\n'), spec)).toMatchObject({
      line: 2,
      error: { problem: 'missingColumn', column: 'kind' },
    })
  })

  it('uses the fixed order without a header when the format has one, and refuses otherwise', () => {
    const r = readTable(records('幸福村,村\n'), { ...spec, fixedOrder: ['name', 'kind'] })
    expect(r.ok && r.table.hasHeader).toBe(false)
    expect(readTable(records('幸福村,村\n'), spec)).toMatchObject({ ok: false })
  })

  it('accepts empty trailing header and row cells, but not extra text', () => {
    const r = readTable(records('名称,类型,,\n幸福村,村,,\n东湖,社区,,多余\n'), spec)
    if (!r.ok) throw new Error('header')
    expect(r.table.rows.map((row) => tooWide(r.table, row))).toEqual([false, true])
  })
})

describe('enumReader', () => {
  it('reads a value by its key or any of its names', () => {
    const kind = enumReader({ village: ['村', 'Village'], firm: ['企业', '企業', 'Firm'] })
    expect(['village', '村', 'VILLAGE', ' 企業 ', 'firm', '工厂'].map(kind)).toEqual([
      'village',
      'village',
      'village',
      'firm',
      'firm',
      null,
    ])
  })
})
