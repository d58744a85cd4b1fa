import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS_TEXT } from '../../server/domain/common-passwords.ts'
import { MIN_PASSWORD, passwordProblem } from '../../server/domain/password-policy.ts'

const common = COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean)

describe('passwordProblem', () => {
  it('accepts a long phrase and the passwords the tests use', () => {
    expect(passwordProblem('correct horse battery')).toBeNull()
    expect(passwordProblem('a-long-enough-pw')).toBeNull()
    expect(passwordProblem('我家门前有两棵树一棵枣树')).toBeNull()
  })

  it(`refuses anything shorter than ${MIN_PASSWORD} characters, counting characters, not UTF-16 units`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD - 1, unit: 'grapheme' }), (pw) => {
        fc.pre([...pw].length < MIN_PASSWORD)
        expect(passwordProblem(pw)).toBe('password.tooShort')
      }),
    )
    expect(passwordProblem('短'.repeat(11))).toBe('password.tooShort')
  })

  it('refuses the shipped list of common passwords in any case, including pinyin ones', () => {
    expect(common.length).toBeGreaterThan(500)
    for (const pw of ['woaini1314520', 'qwertyuiop12', 'Password1234', 'WOAINI5201314', 'zhangwei123456'])
      expect(passwordProblem(pw)).not.toBeNull()
    fc.assert(
      fc.property(fc.constantFrom(...common), fc.boolean(), (pw, upper) => {
        expect(passwordProblem(upper ? pw.toUpperCase() : pw)).not.toBeNull()
      }),
    )
    expect(passwordProblem('WoAiNi1314520')).toBe('password.common')
  })

  it('refuses one character or one short group repeated', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 4 }),
        fc.integer({ min: MIN_PASSWORD, max: 80 }),
        (unit, length) => {
          const pw = unit.repeat(length).slice(0, Math.max(length, unit.length * 3))
          fc.pre([...pw].length >= MIN_PASSWORD && pw.length <= 256)
          expect(passwordProblem(pw)).toBe('password.repeated')
        },
      ),
    )
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('password.repeated')
    expect(passwordProblem('520520520520')).toBe('password.repeated')
  })

  it('refuses simple sequences either way round: digits, the alphabet, keyboard rows and columns', () => {
    for (const pw of [
      '123456789012',
      '210987654321',
      'abcdefghijkl',
      'ZYXWVUTSRQPO',
      'qwertyuiopas',
      'lkjhgfdsapoiuy',
      "asdfghjkl;'",
      '1qaz2wsx3edc4rfv',
    ])
      expect(passwordProblem(pw), pw).toBe(
        pw.length < MIN_PASSWORD ? 'password.tooShort' : 'password.sequence',
      )
    const digits = '0123456789'.repeat(30)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: MIN_PASSWORD, max: 200 }),
        (at, length) => {
          expect(passwordProblem(digits.slice(at, at + length))).toBe('password.sequence')
        },
      ),
    )
  })

  it('refuses nothing more for a password with a character no rule covers', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MIN_PASSWORD, maxLength: 40 }), (pw) => {
        const problem = passwordProblem(`${pw}§7`)
        expect([null, 'password.repeated', 'password.sequence', 'password.common']).toContain(problem)
        // '§' is in no list, sequence or short repeated group unless the whole string repeats it.
        if (!pw.includes('§')) expect(problem).toBeNull()
      }),
    )
  })
})
