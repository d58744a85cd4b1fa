import type { Context } from 'hono'
import { generateCookie } from 'hono/cookie'
import { type CookieOptions, parse } from 'hono/utils/cookie'
import type { AppEnv } from '../env.ts'
import { addCookie } from './response-headers.ts'

/** A cookie the request brought, as Hono's getCookie reads it; the header is parsed once per request. */
export function readCookie(c: Context<AppEnv>, name: string): string | undefined {
  let cookies = c.get('cookies')
  if (!cookies) {
    const header = c.req.header('cookie')
    cookies = header ? parse(header) : {}
    c.set('cookies', cookies)
  }
  return cookies[name]
}

/** Sets an httpOnly, SameSite=Lax cookie; Secure when served over https (or configured so). */
export function setAppCookie(c: Context<AppEnv>, name: string, value: string, opts: CookieOptions = {}) {
  const mode = c.get('deps').config.cookieSecure
  const secure = mode === 'true' || (mode === 'auto' && new URL(c.req.url).protocol === 'https:')
  addCookie(c, generateCookie(name, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure, ...opts }))
}

/** Tells the browser to drop a cookie set by setAppCookie. */
export const clearAppCookie = (c: Context<AppEnv>, name: string) => setAppCookie(c, name, '', { maxAge: 0 })
