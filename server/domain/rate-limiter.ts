import type { Clock } from './clock.ts'

/**
 * Fixed-window attempt counter per key, in memory. Enough for one server process; it forgets on
 * restart, which errs towards letting people in.
 */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>()
  readonly limit: number
  /** `scale` multiplies the limit (config RATE_LIMIT_MULTIPLIER, for the benchmark). */
  constructor(
    limit: number,
    readonly windowMs: number,
    readonly clock: Clock,
    scale = 1,
  ) {
    this.limit = Math.ceil(limit * scale)
  }

  /** Counts one attempt; false when the key has used up its window. */
  take(key: string): boolean {
    const now = this.clock.now().getTime()
    if (this.#hits.size > 10_000) this.#prune(now)
    const entry = this.#hits.get(key)
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs })
      return true
    }
    entry.count += 1
    return entry.count <= this.limit
  }

  /** Whether the key has used up its window, without counting an attempt. */
  blocked(key: string): boolean {
    const entry = this.#hits.get(key)
    return entry !== undefined && entry.count >= this.limit && entry.resetAt > this.clock.now().getTime()
  }

  /** Takes back one attempt counted in the current window. */
  refund(key: string) {
    const entry = this.#hits.get(key)
    if (entry && entry.count > 0) entry.count -= 1
  }

  reset(key: string) {
    this.#hits.delete(key)
  }

  #prune(now: number) {
    for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k)
  }
}

export type Limit = { limit: number; windowMs: number }

/**
 * Limits for looking up a secret (a feed token, a tracking code, a pairing code): misses are
 * guesses, counted per client address, and an address that has used them up is refused before
 * any lookup; hits are counted per secret under a much higher ceiling. So a shared fetcher
 * (Google, Outlook and Apple fetch many people's feeds from a few addresses) never trips on valid
 * secrets, and one guesser cannot make a neighbour's valid lookups fail.
 */
export class SecretLookupLimiter {
  readonly #misses: RateLimiter
  readonly #hits: RateLimiter | undefined
  constructor(misses: Limit, hits: Limit | undefined, clock: Clock, scale = 1) {
    this.#misses = new RateLimiter(misses.limit, misses.windowMs, clock, scale)
    this.#hits = hits && new RateLimiter(hits.limit, hits.windowMs, clock, scale)
  }

  /** Whether this client address has used up its guesses; ask before looking the secret up. */
  blocked(address: string): boolean {
    return this.#misses.blocked(address)
  }

  /** Counts a guess that found nothing. */
  miss(address: string) {
    this.#misses.take(address)
  }

  /** Counts a lookup that found the secret; false when that secret has used up its ceiling. */
  hit(secret: string): boolean {
    return this.#hits ? this.#hits.take(secret) : true
  }
}

/**
 * Log-in failures, counted three ways; successes are not counted, and a success clears that
 * username's count at that address. Each attempt is counted as it starts and given back when it
 * succeeds, so parallel guesses cannot all pass while their passwords are being checked. An
 * attempt is refused (before the password is checked) when any of the three is used up:
 * - per username at one address: `perUserAtAddress` guesses at one account from one place;
 * - per address: `perAddress`, above the first, so one address may mistype a few accounts, yet
 *   spraying many usernames from one place stops there;
 * - per username from anywhere: `perUser`, a ceiling for guesses at one account spread over many
 *   addresses. It is more than one address can ever contribute (`perAddress`), so nobody can lock
 *   the rightful owner out from one place; it takes many addresses to do so.
 */
export class LoginLimiter {
  readonly #pair: RateLimiter
  readonly #address: RateLimiter
  readonly #user: RateLimiter
  constructor(
    limits: { perUserAtAddress: number; perAddress: number; perUser: number; windowMs: number },
    clock: Clock,
    scale = 1,
  ) {
    if (!(limits.perUserAtAddress <= limits.perAddress && limits.perAddress < limits.perUser))
      throw new Error('log-in limits must grow: per username at an address ≤ per address < per username')
    this.#pair = new RateLimiter(limits.perUserAtAddress, limits.windowMs, clock, scale)
    this.#address = new RateLimiter(limits.perAddress, limits.windowMs, clock, scale)
    this.#user = new RateLimiter(limits.perUser, limits.windowMs, clock, scale)
  }

  /** Starts an attempt as `username` from `address`, counted as a failure until it succeeds; false when refused. */
  attempt(username: string, address: string): boolean {
    const user = username.toLowerCase()
    const pair = `${address}|${user}`
    if (this.blockedBy(username, address)) return false
    this.#pair.take(pair)
    this.#address.take(address)
    this.#user.take(user)
    return true
  }

  /** Which limit refuses the next attempt as `username` from `address`, if any. */
  blockedBy(username: string, address: string): 'username at address' | 'address' | 'username' | undefined {
    const user = username.toLowerCase()
    if (this.#pair.blocked(`${address}|${user}`)) return 'username at address'
    if (this.#address.blocked(address)) return 'address'
    if (this.#user.blocked(user)) return 'username'
    return undefined
  }

  /** The attempt succeeded: it is not counted, and this username starts afresh at this address. */
  succeeded(username: string, address: string) {
    const user = username.toLowerCase()
    this.#pair.reset(`${address}|${user}`)
    this.#address.refund(address)
    this.#user.refund(user)
  }
}
