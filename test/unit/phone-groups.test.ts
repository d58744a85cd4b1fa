import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { groupPhone, normalizePhone, PHONE_GROUPS } from '../../server/domain/masking.ts'

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''))
/** A number normalizePhone accepts: a mobile or a landline with a 3- or 4-digit area code. */
const validPhone = fc.oneof(
  fc.tuple(fc.constantFrom('13', '15', '18', '19'), digits(9, 9)).map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom('010', '020', '021', '025'), digits(8, 8)).map(([a, b]) => a + b),
  fc
    .tuple(fc.constantFrom('0571', '0755', '0371'), fc.constantFrom(...'23456789'), digits(7, 7))
    .map(([a, b, c]) => a + b + c),
)

describe('phone numbers grouped as they are entered', () => {
  it('groups mobiles 3-4-4 and landlines by their area code', () => {
    expect(groupPhone('13812345678')).toBe('138 1234 5678')
    expect(groupPhone('01012345678')).toBe('010 1234 5678')
    expect(groupPhone('02155556666')).toBe('021 5555 6666')
    expect(groupPhone('057187654321')).toBe('0571 8765 4321')
    expect(groupPhone('138')).toBe('138')
    expect(groupPhone('1381')).toBe('138 1')
    expect(groupPhone('0571')).toBe('0571')
    expect(groupPhone('05718')).toBe('0571 8')
    expect(groupPhone('')).toBe('')
    expect(groupPhone('138-1234 5678')).toBe('138 1234 5678')
    // Too many digits stay visible, in one more group.
    expect(groupPhone('1381234567899')).toBe('138 1234 5678 99')
  })

  it('groups each rule’s full length into a number normalizePhone accepts', () => {
    fc.assert(
      fc.property(validPhone, (phone) => {
        const grouped = groupPhone(phone)
        expect(grouped.replaceAll(' ', '')).toBe(phone)
        expect(normalizePhone(grouped)).toEqual({ ok: true, phone })
        const rule = PHONE_GROUPS.find(([prefix]) => phone.startsWith(prefix))!
        expect(phone.length).toBeLessThanOrEqual(rule[1].reduce((a, b) => a + b, 0))
      }),
    )
  })

  it('only adds spaces, never moves what is already shown, and is idempotent', () => {
    fc.assert(
      fc.property(digits(0, 16), fc.constantFrom(...'0123456789'), (typed, next) => {
        const shown = groupPhone(typed)
        expect(shown.replaceAll(' ', '')).toBe(typed)
        expect(shown).not.toMatch(/^ | $| {2}/)
        expect(groupPhone(typed + next).startsWith(shown)).toBe(true)
        expect(groupPhone(shown)).toBe(shown)
      }),
    )
  })

  it('every rule’s groups add up to a number normalizePhone accepts, and no shorter than the longest', () => {
    const starts: Record<string, string> = { '1': '138', '01': '010', '02': '021', '0': '0571' }
    for (const [prefix, sizes] of PHONE_GROUPS) {
      const total = sizes.reduce((a, b) => a + b, 0)
      if (prefix === '') continue
      const longest = starts[prefix]!.padEnd(total, '8')
      expect(normalizePhone(longest).ok, `${prefix} ${longest}`).toBe(true)
      // normalizePhone takes any 0 + 3 digits + 8 digits; but 010 and 02x are whole area codes.
      if (prefix === '1' || prefix === '0') expect(normalizePhone(`${longest}8`).ok).toBe(false)
    }
  })
})
