import type { Context } from 'hono'
import { generateCookie } from 'hono/cookie'
import { type CookieOptions, parse } from 'hono/utils/cookie'
import { isHttps } from '../client-address.ts'
import type { AppEnv } from '../env.ts'
import { addCookie } from './response-headers.ts'

/** The cookies Liaison sets, by their plain names. */
export const SESSION_COOKIE = 'sid'
export const KIOSK_COOKIE = 'kiosk'
export const CSRF_COOKIE = 'csrf'
export const LANG_COOKIE = 'lang'
export const TEXT_SIZE_COOKIE = 'text'

/**
 * Cookies are named plainly (`sid`) and stored as `__Host-sid` when they are Secure: browsers then
 * refuse that name from plain http, from a sibling subdomain and with a Domain or a narrower Path,
 * so nobody on the network can plant a session or CSRF cookie.
 */
const HOST_PREFIX = '__Host-'

/**
 * Whether this request's cookies are Secure (and `__Host-` named): COOKIE_SECURE=true, or `auto`
 * with https known (PUBLIC_URL, the request itself or a trusted proxy's X-Forwarded-Proto).
 */
export function secureCookies(c: Context<AppEnv>): boolean {
  const mode = c.get('deps').config.cookieSecure
  return mode === 'auto' ? isHttps(c) : mode === 'true'
}

/**
 * Only a paired kiosk's cookie is still read by its plain name over https: kiosks paired before
 * https was known would otherwise all need pairing again. Their next visit stores it under the
 * new name (kiosk.tsx). A session or CSRF cookie is never taken from a plain name over https.
 */
const READ_PLAIN_OVER_HTTPS = new Set([KIOSK_COOKIE])

function cookiesOf(c: Context<AppEnv>): Record<string, string> {
  let cookies = c.get('cookies')
  if (!cookies) {
    const header = c.req.header('cookie')
    cookies = header ? parse(header) : {}
    c.set('cookies', cookies)
  }
  return cookies
}

/** A cookie the request brought, as Hono's getCookie reads it; the header is parsed once per request. */
export function readCookie(c: Context<AppEnv>, name: string): string | undefined {
  const cookies = cookiesOf(c)
  if (!secureCookies(c)) return cookies[name]
  return cookies[HOST_PREFIX + name] ?? (READ_PLAIN_OVER_HTTPS.has(name) ? cookies[name] : undefined)
}

/** Whether the cookie came only under its plain name where it is now kept as `__Host-` (see above). */
export const cookieNeedsRename = (c: Context<AppEnv>, name: string) =>
  secureCookies(c) && cookiesOf(c)[HOST_PREFIX + name] === undefined && cookiesOf(c)[name] !== undefined

/** Sets an httpOnly, SameSite=Lax cookie, Secure and `__Host-` named when secureCookies says so. */
export function setAppCookie(c: Context<AppEnv>, name: string, value: string, opts: CookieOptions = {}) {
  const secure = secureCookies(c)
  const options: CookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax', secure, ...opts }
  if (secure) options.prefix = 'host'
  addCookie(c, generateCookie(name, value, options))
}

/** Tells the browser to drop a cookie set by setAppCookie. */
export const clearAppCookie = (c: Context<AppEnv>, name: string) => setAppCookie(c, name, '', { maxAge: 0 })
