import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSearch, SEARCH_MAX } from '../../server/domain/staff-search.ts'

describe('reading the staff search box', () => {
  it('takes a tracking or booking code in any case and with dashes', () => {
    expect(parseSearch('ab2c-d3ef')).toEqual({
      ok: true,
      terms: { code: 'AB2CD3EF', phoneDigits: null, name: 'ab2c-d3ef' },
    })
    expect(parseSearch(' k7m-x2p ')).toMatchObject({ terms: { code: 'K7MX2P' } })
    // 0, O, 1 and I are never in a code.
    expect(parseSearch('AB0CD1EF')).toMatchObject({ terms: { code: null } })
  })

  it('takes four or more digits as the end of a phone number, full-width and grouped too', () => {
    expect(parseSearch('5678')).toMatchObject({ terms: { phoneDigits: '5678', name: null } })
    expect(parseSearch('５６７８')).toMatchObject({ terms: { phoneDigits: '5678' } })
    expect(parseSearch('+86 138-1234-5678')).toMatchObject({ terms: { phoneDigits: '13812345678' } })
    expect(parseSearch('567')).toMatchObject({ terms: { code: null, phoneDigits: null, name: null } })
    // Six or eight digits of the code alphabet could be either.
    expect(parseSearch('234567')).toMatchObject({ terms: { code: '234567', phoneDigits: '234567' } })
  })

  it('takes anything else as part of a name', () => {
    expect(parseSearch('  张  三 ')).toMatchObject({ terms: { name: '张 三', phoneDigits: null } })
  })

  it('an empty box is no search; too long or control characters are refused', () => {
    expect(parseSearch('   ')).toEqual({ ok: true, terms: null })
    expect(parseSearch('张'.repeat(SEARCH_MAX))).toMatchObject({ ok: true })
    expect(parseSearch('张'.repeat(SEARCH_MAX + 1))).toEqual({ ok: false, reason: 'too_long' })
    expect(parseSearch('a\u0007b')).toEqual({ ok: false, reason: 'control' })
  })

  it('never throws, and a term it accepts is never longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), (s) => {
        const r = parseSearch(s)
        if (r.ok && r.terms) {
          for (const v of Object.values(r.terms))
            if (v !== null) expect([...v].length).toBeLessThanOrEqual(SEARCH_MAX)
        }
      }),
    )
  })
})
