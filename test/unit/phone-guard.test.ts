import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkFormGuard,
  duplicateText,
  issueFormToken,
  leadingZeroBits,
  PHONE_GUARD_RULES,
  solveChallenge,
  workDigest,
} from '../../server/domain/phone-guard.ts'

const SECRET = 'test-secret'
const T0 = new Date('2026-11-25T02:00:00Z')
const later = (ms: number) => new Date(T0.getTime() + ms)
const rules = { ...PHONE_GUARD_RULES, bits: 8 }

describe('phone form guard', () => {
  it('counts leading zero bits of a hex digest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 32 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex')
        const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('')
        const expected = bits.indexOf('1') === -1 ? bits.length : bits.indexOf('1')
        expect(leadingZeroBits(hex)).toBe(expected)
      }),
    )
  })

  it('accepts a solved token after the minimum fill time and before it is stale, refuses otherwise', () => {
    const token = issueFormToken(SECRET, T0, 8)
    const nonce = solveChallenge(token)
    expect(checkFormGuard(SECRET, token, nonce, later(rules.minFillMs), rules)).toBeNull()
    expect(checkFormGuard(SECRET, token, nonce, later(rules.minFillMs - 1), rules)).toBe('too_fast')
    expect(checkFormGuard(SECRET, token, nonce, later(rules.maxAgeMs + 1), rules)).toBe('stale')
    expect(checkFormGuard('other secret', token, nonce, later(5_000), rules)).toBe('token')
    // A token issued for less work than the rules ask is not accepted.
    expect(checkFormGuard(SECRET, issueFormToken(SECRET, T0, 2), '0', later(5_000), rules)).toBe('token')
  })

  it('refuses any nonce whose digest lacks the zero bits, and any altered token', () => {
    const token = issueFormToken(SECRET, T0, 8)
    fc.assert(
      fc.property(fc.nat({ max: 1e9 }), (n) => {
        const ok = leadingZeroBits(workDigest(token.split('.').slice(0, 3).join('.'), String(n))) >= 8
        expect(checkFormGuard(SECRET, token, String(n), later(5_000), rules) === null).toBe(ok)
      }),
    )
    const [at, ch, bits, mac] = token.split('.')
    const forged = [
      `${Number(at) - 60_000}.${ch}.${bits}.${mac}`,
      `${at}.${ch}.4.${mac}`,
      `${at}.x${ch}.${bits}.${mac}`,
    ]
    for (const f of forged) expect(checkFormGuard(SECRET, f, '0', later(5_000), rules)).toBe('token')
  })

  it('the phone script computes the same SHA-256 as the server', () => {
    const source = readFileSync(join(import.meta.dirname, '../../kiosk/proof-of-work.js'), 'utf8')
    const sandbox: Record<string, unknown> = { document: { querySelector: () => null } }
    runInNewContext(
      source.replace('const form = document', 'globalThis.sha256Head = sha256Head\n  const form = document'),
      sandbox,
    )
    const head = sandbox.sha256Head as (s: string) => number
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.:abcXYZ-_'), maxLength: 130 }), (s) => {
        expect(head(s)).toBe(createHash('sha256').update(s).digest().readUInt32BE(0))
      }),
    )
  })

  it('compares descriptions for duplicates without spaces, width or case', () => {
    expect(duplicateText(' 路灯 坏了\n')).toBe(duplicateText('路灯坏了'))
    expect(duplicateText('ＡＢＣ')).toBe(duplicateText('abc'))
    expect(duplicateText('路灯坏了')).not.toBe(duplicateText('路灯修好了'))
  })
})
