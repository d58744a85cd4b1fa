import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { makeI18n } from '../../views/i18n/index.ts'
import { isLocale } from '../../views/i18n/locales.ts'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'
import { redactUrl } from '../logger.ts'
import { finishHeaders, startHeaders } from './response-headers.ts'
import { SECURITY_HEADERS } from './security-headers.ts'

/**
 * Gives each request its dependencies, an id, a child logger, its locale and the headers every
 * response carries, and logs the outcome.
 */
export const requestContext =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID()
    c.set('deps', deps)
    c.set('requestId', requestId)
    c.set('log', deps.logger.child({ requestId }))
    const lang = getCookie(c, 'lang')
    c.set('i18n', makeI18n(isLocale(lang) ? lang : deps.config.defaultLocale))
    c.set('account', null)
    c.set('kiosk', null)
    const started = performance.now()
    startHeaders(c, { ...SECURITY_HEADERS, 'x-request-id': requestId })
    await next()
    finishHeaders(c)
    if (c.get('log').isLevelEnabled('info'))
      c.get('log').info(
        {
          method: c.req.method,
          path: redactUrl(new URL(c.req.url).pathname),
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      )
  }
