import { timingSafeEqual } from 'node:crypto'
import { randomToken } from '../domain/secrets.ts'
import { CSRF_COOKIE, readCookie, setAppCookie } from './cookies.ts'
import { formErrorMessage, readForm } from './form-body.ts'
import { rejectRequest } from './reject.tsx'
import { syncMiddleware } from './sync-chain.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Double-submit token: a random value in an httpOnly cookie must come back with every
 * state-changing request, as the `_csrf` form field or the `X-CSRF-Token` header (htmx requests
 * get it from the page's meta tag via /static/csrf.js). A cross-site page can read neither.
 * `csrfToken` issues the cookie (every page needs it, refusals too); `csrfProtection` checks it,
 * after the access check so that a request refused anyway never has its form read.
 */
export const csrfToken = syncMiddleware((c, next) => {
  let token = readCookie(c, CSRF_COOKIE)
  if (!token || token.length < 32) {
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
