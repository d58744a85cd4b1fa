import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { randomToken } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { CSRF_COOKIE, clearAppCookie, readCookie, SESSION_COOKIE, setAppCookie } from './cookies.ts'
import { formErrorMessage, readForm } from './form-body.ts'
import { rejectRequest } from './reject.tsx'
import { syncMiddleware } from './sync-chain.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A signed-in session's token: derived from the session's secret cookie, so it changes at every
 * log-in, and a token from before the log-in or from another session does not fit.
 */
export const sessionCsrfToken = (sessionToken: string) =>
  createHmac('sha256', sessionToken).update('csrf').digest('base64url')

/** At log-in: the cookie takes the new session's token (the one from before no longer counts). */
export const issueSessionCsrf = (c: Context<AppEnv>, sessionToken: string) =>
  setAppCookie(c, CSRF_COOKIE, sessionCsrfToken(sessionToken))

/** At log-out: the next page gets a fresh anonymous token. */
export const dropCsrf = (c: Context<AppEnv>) => clearAppCookie(c, CSRF_COOKIE)

/**
 * A token in an httpOnly cookie must come back with every state-changing request, as the `_csrf`
 * form field or the `X-CSRF-Token` header (htmx requests get it from the page's meta tag via
 * /static/csrf.js). A cross-site page can read neither. Without a session (log-in, kiosks) it is
 * a random double-submit value; with one, only the session's own token is accepted.
 * `csrfToken` issues the cookie (every page needs it, refusals too); `csrfProtection` checks it,
 * after the access check so that a request refused anyway never has its form read.
 */
export const csrfToken = syncMiddleware((c, next) => {
  const session = c.get('account') ? readCookie(c, SESSION_COOKIE) : undefined
  let token = readCookie(c, CSRF_COOKIE)
  if (session) {
    const bound = sessionCsrfToken(session)
    if (token !== bound) setAppCookie(c, CSRF_COOKIE, bound)
    token = bound
  } else if (!token || token.length < 32) {
    token = randomToken()
    setAppCookie(c, CSRF_COOKIE, token)
  }
  c.set('csrfToken', token)
  return next()
})

export const csrfProtection = syncMiddleware((c, next) => {
  if (SAFE.has(c.req.method)) return next()
  const token = c.get('csrfToken')

  const header = c.req.header('x-csrf-token')
  if (header) return check(header)
  const type = c.req.header('content-type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return check(undefined)
  return readForm(c, { all: true }).then(
    (body) => check(typeof body._csrf === 'string' ? body._csrf : undefined),
    (err) => {
      const { status, key } = formErrorMessage(err)
      return rejectRequest(c, status, key)
    },
  )

  function check(sent: string | undefined) {
    if (!sent || !equal(sent, token)) return rejectRequest(c, 403, 'error.csrf')
    return next()
  }
})

function equal(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
