import type { Context } from 'hono'
import { KIOSK_TABLES } from '../../db/data-versions.ts'
import { DerivedCache } from '../../db/derived-cache.ts'
import { findAuthSession, loadAccount } from '../../db/queries/accounts.ts'
import { findKioskByDeviceToken } from '../../db/queries/kiosks.ts'
import { isHtmx } from '../../views/render.tsx'
import { accessFor } from '../access-policy.ts'
import type { Account } from '../domain/account.ts'
import type { KioskDevice } from '../domain/kiosk-device.ts'
import { sha256 } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { KIOSK_COOKIE, readCookie, SESSION_COOKIE } from './cookies.ts'
import { rejectRequest } from './reject.tsx'
import { applyKioskDefaults } from './request-context.ts'
import { syncMiddleware } from './sync-chain.ts'

/** Paired kiosks by device token, kept until a kiosk is paired, changed or revoked anywhere. */
const pairedKiosks = new DerivedCache<KioskDevice | null>(KIOSK_TABLES, { name: 'paired kiosks', max: 5000 })

/** Resolves the signed-in account and the paired kiosk, if any, from their cookies. */
export const identify = syncMiddleware((c, next) => {
  const { db, clock } = c.get('deps')
  const sid = readCookie(c, SESSION_COOKIE)
  if (sid) {
    const session = findAuthSession(db, sha256(sid), clock.now())
    if (session) c.set('account', loadAccount(db, session.accountId))
  }
  const device = readCookie(c, KIOSK_COOKIE)
  if (device) {
    const kiosk = pairedKiosks.get(db, device, () => findKioskByDeviceToken(db, sha256(device)))
    c.set('kiosk', kiosk)
    if (kiosk) applyKioskDefaults(c, kiosk)
  }
  return next()
})

/**
 * The request's account as it stands now, for a long answer (an SSE stream) to ask again later:
 * null once its session has ended (log-out, expiry, password change) or the account was disabled.
 */
export function currentAccount(c: Context<AppEnv>): () => Account | null {
  const { db, clock } = c.get('deps')
  const sid = readCookie(c, SESSION_COOKIE)
  const hash = sid && c.get('account') ? sha256(sid) : null
  return () => {
    const session = hash ? findAuthSession(db, hash, clock.now()) : undefined
    return session ? loadAccount(db, session.accountId) : null
  }
}

/** Likewise the request's paired kiosk: null once it is revoked or paired again. */
export function currentKiosk(c: Context<AppEnv>): () => KioskDevice | null {
  const { db } = c.get('deps')
  const device = c.get('kiosk') ? readCookie(c, KIOSK_COOKIE) : undefined
  return () =>
    device ? pairedKiosks.get(db, device, () => findKioskByDeviceToken(db, sha256(device))) : null
}

/** Enforces ACCESS_RULES for every route; the only gate, so no handler has to remember one. */
export const enforceAccess = syncMiddleware((c, next) => {
  // The router matches the decoded path, so the gate must too: /%61dmin is /admin.
  const path = c.req.path
  const access = accessFor(path)
  if (access === 'public') return next()
  if (access === 'kiosk') {
    if (c.get('kiosk')) return next()
    if (c.req.method === 'GET' && !isHtmx(c)) return c.redirect('/kiosk/pair', 302)
    return rejectRequest(c, 401, 'error.forbidden.body')
  }
  const account = c.get('account')
  if (!account) {
    if (c.req.method === 'GET' && !isHtmx(c)) {
      const next = path + new URL(c.req.url).search
      return c.redirect(`/login?next=${encodeURIComponent(next)}`, 302)
    }
    return rejectRequest(c, 401, 'error.forbidden.body')
  }
  if (access !== 'signed-in' && account.role !== 'admin' && !access.includes(account.role)) {
    return rejectRequest(c, 403, 'error.forbidden.body')
  }
  return next()
})

/** Where an account that must change its password may still go. */
const OPEN_WHILE_CHANGING = ['/me/password', '/logout', '/static', '/lang', '/healthz']

/**
 * An account an administrator marked "must change the password" reaches only the change page (and
 * log-out, static files, language links) until it has changed it: pages redirect there, other
 * requests are refused with the reason.
 */
export const requirePasswordChange = syncMiddleware((c, next) => {
  if (!c.get('account')?.mustChangePassword) return next()
  const path = c.req.path
  if (OPEN_WHILE_CHANGING.some((p) => path === p || path.startsWith(`${p}/`))) return next()
  if (c.req.method === 'GET' && !isHtmx(c)) return c.redirect('/me/password', 302)
  return rejectRequest(c, 403, 'password.mustChange')
})
