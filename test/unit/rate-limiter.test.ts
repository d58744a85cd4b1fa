import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../server/domain/clock.ts'
import { LoginLimiter, RateLimiter, SecretLookupLimiter } from '../../server/domain/rate-limiter.ts'

const minute = 60_000
const LIMITS = { perUserAtAddress: 10, perAddress: 30, perUser: 100, windowMs: 15 * minute }

describe('rate limiter', () => {
  it('tells a used-up key without counting, refunds and forgets after the window', () => {
    const clock = fixedClock('2026-11-25T02:00:00Z')
    const r = new RateLimiter(2, minute, clock)
    expect(r.blocked('a')).toBe(false)
    expect(r.take('a')).toBe(true)
    expect(r.take('a')).toBe(true)
    expect(r.blocked('a')).toBe(true)
    r.refund('a')
    expect(r.blocked('a')).toBe(false)
    expect(r.take('a')).toBe(true)
    expect(r.take('a')).toBe(false)
    clock.advance(minute)
    expect(r.blocked('a')).toBe(false)
  })
})

describe('log-in limits', () => {
  it('refuses the eleventh wrong password at one account from one address, and not the owner elsewhere', () => {
    const login = new LoginLimiter(LIMITS, fixedClock('2026-11-25T02:00:00Z'))
    for (let i = 0; i < 10; i++) expect(login.attempt('admin', '203.0.113.9')).toBe(true)
    expect(login.attempt('admin', '203.0.113.9')).toBe(false)
    expect(login.attempt('Admin', '203.0.113.9')).toBe(false)
    expect(login.attempt('admin', '198.51.100.1')).toBe(true)
  })

  it('stops spraying usernames from one address at the per-address limit', () => {
    const login = new LoginLimiter(LIMITS, fixedClock('2026-11-25T02:00:00Z'))
    let allowed = 0
    for (let i = 0; i < 200; i++) if (login.attempt(`user${i}`, '203.0.113.9')) allowed++
    expect(allowed).toBe(30)
    expect(login.attempt('someone-else', '198.51.100.1')).toBe(true)
  })

  it('does not count successes', () => {
    const login = new LoginLimiter(LIMITS, fixedClock('2026-11-25T02:00:00Z'))
    for (let i = 0; i < 100; i++) {
      expect(login.attempt('clerk', '203.0.113.9')).toBe(true)
      login.succeeded('clerk', '203.0.113.9')
    }
  })

  it('never lets failures from one address turn the owner away at another', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('admin', 'ADMIN', 'clerk', 'deputy', 'x'), fc.boolean()), {
          maxLength: 300,
        }),
        (attempts) => {
          const login = new LoginLimiter(LIMITS, fixedClock('2026-11-25T02:00:00Z'))
          for (const [user, succeeds] of attempts)
            if (login.attempt(user, 'attacker') && succeeds) login.succeeded(user, 'attacker')
          for (const user of ['admin', 'clerk', 'deputy']) expect(login.attempt(user, 'owner')).toBe(true)
        },
      ),
    )
  })

  it('refuses limits that would let one address lock an account', () => {
    expect(() => new LoginLimiter({ ...LIMITS, perUser: 30 }, fixedClock('2026-11-25T02:00:00Z'))).toThrow()
  })
})

describe('secret look-up limits', () => {
  it('counts misses per address and hits per secret', () => {
    const clock = fixedClock('2026-11-25T02:00:00Z')
    const limiter = new SecretLookupLimiter(
      { limit: 3, windowMs: minute },
      { limit: 5, windowMs: minute },
      clock,
    )
    // A shared fetcher with many valid secrets is never blocked.
    for (let i = 0; i < 100; i++) {
      expect(limiter.blocked('fetcher')).toBe(false)
      expect(limiter.hit(`secret${i}`)).toBe(true)
    }
    for (let i = 0; i < 3; i++) limiter.miss('guesser')
    expect(limiter.blocked('guesser')).toBe(true)
    expect(limiter.blocked('fetcher')).toBe(false)
    for (let i = 0; i < 4; i++) limiter.hit('hot')
    expect(limiter.hit('hot')).toBe(true)
    expect(limiter.hit('hot')).toBe(false)
    clock.advance(minute)
    expect(limiter.blocked('guesser')).toBe(false)
  })
})
