import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { isMonth, isRealDate, LAST_YEAR, parseQuarter } from '../../server/domain/time.ts'
import { monthRange } from '../../server/domain/zoned-time.ts'
import { f, parseForm, parseId, parseWhole } from '../../server/validation.ts'
import { makeI18n } from '../../views/i18n/index.ts'

describe('the one parser of ids and whole numbers', () => {
  it('reads only plain digits without a leading zero', () => {
    for (const [s, n] of [
      ['0', 0],
      ['7', 7],
      ['120', 120],
      ['999999999999999', 999999999999999],
    ] as const)
      expect(parseWhole(s), s).toBe(n)
    for (const s of [
      '',
      ' 12',
      '12 ',
      '012',
      '00',
      '+3',
      '-3',
      '0x1f',
      '1e1',
      '1.0',
      '1_000',
      '١٢',
      '１２',
      '9999999999999999',
    ])
      expect(parseWhole(s), s).toBeNull()
    expect(parseWhole(undefined)).toBeNull()
    expect(parseId('0')).toBeNull()
    expect(parseId('12')).toBe(12)
  })

  it('agrees with String(n) on every safe whole number it accepts', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = parseWhole(s)
        if (n !== null) expect(String(n)).toBe(s)
      }),
    )
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999_999_999 }), (n) => {
        expect(parseWhole(String(n))).toBe(n)
      }),
    )
  })

  it('gives forms a message, not a number, for loose writing', () => {
    const { t } = makeI18n('en')
    const schema = z.object({
      id: f.id(),
      n: f.whole(1, 52, 'error.invalid', 'error.tooLong'),
      on: f.checkbox(),
    })
    expect(parseForm(schema, { id: '3', n: '52', on: 'on' }, t)).toEqual({
      ok: true,
      data: { id: 3, n: 52, on: true },
    })
    expect(parseForm(schema, { id: '3', n: '1' }, t)).toMatchObject({ ok: true, data: { on: false } })
    for (const bad of [
      { id: '0x1f' },
      { id: '012' },
      { n: '1e1' },
      { n: ' 12' },
      { n: '53' },
      { on: 'yes' },
      { on: '' },
    ]) {
      const res = parseForm(schema, { id: '3', n: '2', ...bad }, t)
      expect(res.ok, JSON.stringify(bad)).toBe(false)
    }
    expect(parseForm(schema, { id: ['1', '2'], n: '2' }, t).ok).toBe(false)
  })
})

describe('numeric settings', () => {
  it('are read by the same parser', () => {
    expect(loadConfig({ PORT: '8080', BACKUP_KEEP: '3' })).toMatchObject({ port: 8080, backupKeep: 3 })
    for (const v of ['0x1f', '1e3', ' 80', '080', '+80', '80.0'])
      expect(() => loadConfig({ PORT: v }), v).toThrow(ConfigError)
  })
})

describe('dates and months given to us', () => {
  it('lie in four-digit years, with the last one kept free', () => {
    for (const s of ['1000-01-01', '2026-02-28', '2024-02-29', `${LAST_YEAR}-12-31`])
      expect(isRealDate(s), s).toBe(true)
    for (const s of [
      '0001-01-01',
      '0999-12-31',
      '9999-01-01',
      '99999-01-01',
      '2026-02-29',
      '2026-13-01',
      ' 2026-01-01',
    ])
      expect(isRealDate(s), s).toBe(false)
    expect(isMonth('2026-12')).toBe(true)
    for (const s of ['0001-01', '9999-12', '99999-01', '2026-00', '2026-1']) expect(isMonth(s), s).toBe(false)
    expect(parseQuarter('2026-Q4')).toEqual({ year: 2026, quarter: 4 })
    expect(parseQuarter('0001-Q1')).toBeNull()
  })

  it('have a last day however far the month is', () => {
    expect(monthRange('9999-12')).toEqual({ first: '9999-12-01', last: '9999-12-31' })
    expect(monthRange('2024-02').last).toBe('2024-02-29')
    expect(monthRange('1900-02').last).toBe('1900-02-28')
    expect(monthRange('2026-11').last).toBe('2026-11-30')
  })
})
