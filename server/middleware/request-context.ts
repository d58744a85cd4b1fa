import type { Context, Handler } from 'hono'
import { findStation } from '../../db/queries/stations.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { isLocale, type Locale, localeFromAcceptLanguage } from '../../views/i18n/locales.ts'
import { accessFor } from '../access-policy.ts'
import { isHttps } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import type { KioskDevice } from '../domain/kiosk-device.ts'
import type { AppEnv } from '../env.ts'
import { redactUrl } from '../logger.ts'
import { KIOSK_COOKIE, LANG_COOKIE, readCookie, SESSION_COOKIE, TEXT_SIZE_COOKIE } from './cookies.ts'
import { finishHeaders, setHeader, startHeaders } from './response-headers.ts'
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
  startHeaders(c, baseHeaders(requestId, isHttps(c)))
  c.set('i18n', makeI18n(requestLocale(c, deps)))
  c.set('largeText', readCookie(c, TEXT_SIZE_COOKIE) === 'large')
  c.set('account', null)
  c.set('kiosk', null)
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

/**
 * The language cookie (the switch on every page) wins. Without it, a resident's own phone on a
 * public page (no kiosk, no account) gets the phone's language from Accept-Language; everything
 * else the configured default (a kiosk's screens, the pairing one included, are the station's).
 */
function requestLocale(c: Context<AppEnv>, deps: AppDeps): Locale {
  const lang = readCookie(c, LANG_COOKIE)
  if (isLocale(lang)) return lang
  if (!readCookie(c, KIOSK_COOKIE) && !readCookie(c, SESSION_COOKIE) && isPhonePage(c)) {
    // A shared cache must not hand one phone's language to another.
    setHeader(c, 'Vary', 'Accept-Language')
    const fromPhone = localeFromAcceptLanguage(c.req.header('accept-language'))
    if (fromPhone) return fromPhone
  }
  return deps.config.defaultLocale
}

const isPhonePage = (c: Context<AppEnv>) =>
  accessFor(c.req.path) === 'public' && !c.req.path.startsWith('/kiosk')

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
