import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import { addressKey, clientAddress } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { LoginLimiter } from '../domain/rate-limiter.ts'
import type { AppEnv } from '../env.ts'

export const LOGIN_WINDOW_MINUTES = 15

/**
 * Failed log-ins allowed per window (see LoginLimiter for how they combine):
 * - 10 at one username from one address: plenty for someone who forgot which password they
 *   chose, and all an attacker in one place gets at one account;
 * - 30 from one address over all usernames: a station's office behind one NAT can still mistype a
 *   few accounts, while spraying many usernames from one place stops after 30 guesses;
 * - 100 at one username from anywhere: caps guesses spread over many addresses (under 10,000 a
 *   day) and is beyond the 30 one address can contribute, so an attacker needs at least four
 *   addresses before the owner, logging in from elsewhere, is turned away too.
 */
const LOGIN_LIMITS = {
  perUserAtAddress: 10,
  perAddress: 30,
  perUser: 100,
  windowMs: LOGIN_WINDOW_MINUTES * 60_000,
}

/**
 * Rate limits and the audit trail of log-in attempts, kept apart from the log-in handler. Counted
 * by the client's real address (TRUST_PROXY) and username; a success is not counted.
 */
export function loginGuard(deps: AppDeps) {
  const limiter = new LoginLimiter(LOGIN_LIMITS, deps.clock, deps.config.rateLimitMultiplier)
  return {
    /** Starts an attempt; false when a limit refuses it before the password is checked. */
    begin: (c: Context<AppEnv>, username: string) => limiter.attempt(username, addressKey(clientAddress(c))),

    /**
     * A wrong password, an unknown or a disabled account: written to the audit log, without the
     * password, and with the limit it used up if it was the last one allowed. Attempts refused by
     * a limit are not written one by one, so nobody can fill the log at the rate of requests.
     */
    failed(c: Context<AppEnv>, username: string, accountId: number | undefined) {
      const address = clientAddress(c)
      const locked = limiter.blockedBy(username, addressKey(address))
      recordAudit(deps.db, deps.clock.now(), {
        actorAccountId: null,
        action: 'auth.login_failed',
        entity: 'account',
        entityId: accountId,
        detail: locked ? { username, address, locked } : { username, address },
      })
    },

    succeeded: (c: Context<AppEnv>, username: string) =>
      limiter.succeeded(username, addressKey(clientAddress(c))),
  }
}
