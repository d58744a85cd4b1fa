import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../../server/domain/csv/parse-csv.ts'

const cells = (text: string) => {
  const r = parseCsv(text)
  if (!r.ok) throw new Error(`unreadable at line ${r.line}`)
  return r.records.map((x) => x.cells)
}

describe('parseCsv', () => {
  it('reads CRLF, LF and lone CR line ends alike, and drops a BOM', () => {
    expect(cells('\uFEFFa,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(cells('"东湖, 一期","他说""好""","第一行\r\n第二行"\n')).toEqual([
      ['东湖, 一期', '他说"好"', '第一行\r\n第二行'],
    ])
  })

  it('counts physical lines, so a record after a multi-line field has its true line number', () => {
    const r = parseCsv('name,kind\n"两行\n名称",村\n\n幸福村,村\n')
    expect(r.ok && r.records.map((x) => x.line)).toEqual([1, 2, 5])
  })

  it('skips blank lines and the ",,," rows spreadsheets leave, but keeps empty cells in a record', () => {
    expect(cells('a,,c\n\n,,\r\n , \n')).toEqual([['a', '', 'c']])
  })

  it('keeps a quote inside an unquoted field as written', () => {
    expect(cells('12" pipe,x')).toEqual([['12" pipe', 'x']])
  })

  it('names the line of an unpaired quote, and of text after a closing quote', () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toEqual({ ok: false, line: 2 })
    expect(parseCsv('a,"b"c\n')).toEqual({ ok: false, line: 1 })
  })

  it('reads back whatever toCsv writes (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '社', ',', '"', '\n', '\r', ' ', '\uFEFF', 'x') })
    const row = fc.array(text, { minLength: 1, maxLength: 6 }).filter((r) => r.some((c) => c.trim() !== ''))
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        expect(cells(toCsv(rows))).toEqual(rows)
        expect(cells(`${toCsv(rows)}\r\n`)).toEqual(rows)
      }),
    )
  })
})
