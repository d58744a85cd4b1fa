import type { Context, Handler } from 'hono'
import { findStation } from '../../db/queries/stations.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { isLocale } from '../../views/i18n/locales.ts'
import { isHttps } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import type { KioskDevice } from '../domain/kiosk-device.ts'
import type { AppEnv } from '../env.ts'
import { redactUrl } from '../logger.ts'
import { LANG_COOKIE, readCookie, TEXT_SIZE_COOKIE } from './cookies.ts'
import { finishHeaders, startHeaders } from './response-headers.ts'
import { baseHeaders } from './security-headers.ts'
import { afterNext, syncMiddleware } from './sync-chain.ts'

/**
 * Gives each request its dependencies, an id, a child logger, its locale and the headers every
 * response carries, and logs the outcome.
 */
export const requestContext = (deps: AppDeps) =>
  syncMiddleware((c, next) => {
    const started = openRequest(c, deps)
    return afterNext(c, next, (res) => closeRequest(c, res, started))
  })

/**
 * The request context around one handler, without making its answer a promise when it has one
 * at once: Hono answers a route with a single handler synchronously, and the Node adapter writes
 * a synchronous answer without waiting for a promise first.
 */
export const withRequestContext =
  (deps: AppDeps, handler: (c: Context<AppEnv>) => Response | Promise<Response>): Handler<AppEnv> =>
  (c) => {
    const started = openRequest(c, deps)
    const res = handler(c)
    if (res instanceof Response) return closeRequest(c, res, started)
    return res.then((r) => closeRequest(c, r, started))
  }

/** Sets what every request carries; returns when it started. */
function openRequest(c: Context<AppEnv>, deps: AppDeps): number {
  const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID()
  c.set('deps', deps)
  c.set('requestId', requestId)
  c.set('log', deps.logger.child({ requestId }))
  const lang = readCookie(c, LANG_COOKIE)
  c.set('i18n', makeI18n(isLocale(lang) ? lang : deps.config.defaultLocale))
  c.set('largeText', readCookie(c, TEXT_SIZE_COOKIE) === 'large')
  c.set('account', null)
  c.set('kiosk', null)
  startHeaders(c, baseHeaders(requestId, isHttps(c)))
  return performance.now()
}

/**
 * A kiosk with no language or text size chosen on it shows its station's defaults. 完成 on a slip
 * and the idle reset clear both choices, so that is where every resident's visit ends.
 */
export function applyKioskDefaults(c: Context<AppEnv>, kiosk: KioskDevice) {
  const station = findStation(c.get('deps').db, kiosk.stationId)
  if (!station) return
  if (!isLocale(readCookie(c, LANG_COOKIE))) c.set('i18n', makeI18n(station.defaultLocale))
  if (readCookie(c, TEXT_SIZE_COOKIE) === undefined) c.set('largeText', station.defaultLargeText)
}

/** Gives the answer the gathered headers and logs it. */
function closeRequest(c: Context<AppEnv>, res: Response, started: number): Response {
  finishHeaders(c, res)
  const log = c.get('log')
  if (log.isLevelEnabled('info'))
    log.info(
      {
        method: c.req.method,
        // Decoded, as the router matches it: /%74rack/<code> is /track/<code>.
        path: redactUrl(c.req.path),
        status: res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  return res
}
