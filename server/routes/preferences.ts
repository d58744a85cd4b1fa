import { Hono } from 'hono'
import { isLocale } from '../../views/i18n/locales.ts'
import type { AppEnv } from '../env.ts'
import { LANG_COOKIE, setAppCookie, TEXT_SIZE_COOKIE } from '../middleware/cookies.ts'
import { safeNext } from '../safe-redirect.ts'

const YEAR = 365 * 24 * 3600

/**
 * Language and text size are display preferences kept in cookies and set by plain links, so they
 * work with one tap and without JavaScript.
 */
export function preferenceRoutes() {
  const app = new Hono<AppEnv>()
  app.get('/lang/text/:size', (c) => {
    const size = c.req.param('size')
    if (size !== 'large' && size !== 'normal') return c.notFound()
    setAppCookie(c, TEXT_SIZE_COOKIE, size, { maxAge: YEAR })
    return c.redirect(safeNext(c.req.query('next')), 303)
  })
  app.get('/lang/:locale', (c) => {
    const locale = c.req.param('locale')
    if (!isLocale(locale)) return c.notFound()
    setAppCookie(c, LANG_COOKIE, locale, { maxAge: YEAR })
    return c.redirect(safeNext(c.req.query('next')), 303)
  })
  return app
}
