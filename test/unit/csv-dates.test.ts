import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSpreadsheetDate } from '../../server/domain/csv/spreadsheet-date.ts'

describe('readSpreadsheetDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026/01/05', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年01月05日', '2026-01-05'],
    ['2026年1月5', '2026-01-05'],
    [' 2026-01-05 ', '2026-01-05'],
    ['2026/1/5 0:00', '2026-01-05'],
    ['2026-01-05 00:00:00', '2026-01-05'],
    ['2026-01-05T08:30:00+08:00', '2026-01-05'],
    ['2026/1/5 9:05 AM', '2026-01-05'],
    ['2026年1月5日 下午3:00', '2026-01-05'],
    ['46027', '2026-01-05'],
    ['46027.5', '2026-01-05'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['2028-02-29', '2028-02-29'],
  ])('reads %s as %s', (cell, date) => {
    expect(readSpreadsheetDate(cell)).toBe(date)
  })

  it.each([
    '',
    '2026-02-30',
    '2027-02-29',
    '2026-13-01',
    '2026/1-5',
    '2026-01-05x',
    '26-1-5',
    '5/1/2026',
    '60',
    '0',
    '-3',
    '46027abc',
    '2026-01-05 25',
    '二〇二六年一月五日',
  ])('refuses %j', (cell) => {
    expect(readSpreadsheetDate(cell)).toBeNull()
  })

  it('reads every real date the same in each written form and as its Excel serial (property)', () => {
    const day = fc.integer({ min: 61, max: 2_958_000 })
    fc.assert(
      fc.property(day, (serial) => {
        const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
        const [y, m, d] = iso.split('-').map((p) => String(Number(p)))
        if (Number(y) < 1000) return
        expect(readSpreadsheetDate(String(serial))).toBe(iso)
        expect(readSpreadsheetDate(`${y}/${m}/${d}`)).toBe(iso)
        expect(readSpreadsheetDate(`${y}.${m}.${d} 12:00`)).toBe(iso)
        expect(readSpreadsheetDate(`${y}年${m}月${d}日`)).toBe(iso)
      }),
    )
  })
})
