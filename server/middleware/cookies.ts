import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import type { AppEnv } from '../env.ts'

/** Sets an httpOnly, SameSite=Lax cookie; Secure when served over https (or configured so). */
export function setAppCookie(c: Context<AppEnv>, name: string, value: string, opts: CookieOptions = {}) {
  const mode = c.var.deps.config.cookieSecure
  const secure = mode === 'true' || (mode === 'auto' && new URL(c.req.url).protocol === 'https:')
  setCookie(c, name, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure, ...opts })
}
