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

  reset(key: string) {
    this.#hits.delete(key)
  }

  #prune(now: number) {
    for (const [k, v] of this.#hits) if (v.resetAt <= now) this.#hits.delete(k)
  }
}
