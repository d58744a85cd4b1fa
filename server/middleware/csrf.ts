import { timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { randomToken } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { setAppCookie } from './cookies.ts'
import { readForm } from './form-body.ts'
import { rejectRequest } from './reject.tsx'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
const COOKIE = 'csrf'

/**
 * Double-submit token: a random value in an httpOnly cookie must come back with every
 * state-changing request, as the `_csrf` form field or the `X-CSRF-Token` header (htmx requests
 * get it from the page's meta tag via /static/csrf.js). A cross-site page can read neither.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  let token = getCookie(c, COOKIE)
  if (!token || token.length < 32) {
    token = randomToken()
    setAppCookie(c, COOKIE, token)
  }
  c.set('csrfToken', token)
  if (SAFE.has(c.req.method)) return next()

  let sent = c.req.header('x-csrf-token')
  if (!sent) {
    const type = c.req.header('content-type') ?? ''
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      let body: Record<string, unknown>
      try {
        body = await readForm(c, { all: true })
      } catch {
        return rejectRequest(c, 400, 'error.badRequest')
      }
      const v = body._csrf
      sent = typeof v === 'string' ? v : undefined
    }
  }
  if (!sent || !equal(sent, token)) return rejectRequest(c, 403, 'error.csrf')
  return next()
}

function equal(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
