import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { DerivedCache } from '../../db/derived-cache.ts'
import { redeemPairingCode, touchKiosk } from '../../db/queries/kiosks.ts'
import { type Duty, onDutyAt, ROSTER_INPUT_TABLES } from '../../db/queries/roster.ts'
import { upcomingVisits } from '../../db/queries/station-places.ts'
import { closureOn, findStation } from '../../db/queries/stations.ts'
import { isDemoDatabase } from '../../db/seed-demo.ts'
import { visitNoticeLines } from '../../views/components/visit-notices.tsx'
import { KioskPairPage } from '../../views/pages/kiosk/kiosk-pair-page.tsx'
import { KioskStartPage } from '../../views/pages/kiosk/kiosk-start-page.tsx'
import { pageHtml, renderPage, respondHtmlText } from '../../views/render.tsx'
import { clientKey } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { SecretLookupLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode, randomToken, sha256 } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import { addDays, zonedTimeToUtc } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { KIOSK_ACTIONS } from '../kiosk-actions.ts'
import {
  clearAppCookie,
  cookieNeedsRename,
  KIOSK_COOKIE,
  LANG_COOKIE,
  readCookie,
  setAppCookie,
  TEXT_SIZE_COOKIE,
} from '../middleware/cookies.ts'
import { readForm } from '../middleware/form-body.ts'
import { parseForm } from '../validation.ts'

// Browsers cap cookies at 400 days; the start screen renews it whenever it records the kiosk as
// seen (at most every five minutes), so a kiosk in use never expires.
const DEVICE_COOKIE_SECONDS = 400 * 24 * 3600
const pairForm = z.object({ code: z.string().trim().min(1).max(20) })

/** Stands in for the request's CSRF token in a kept start screen (same alphabet as real tokens). */
const CSRF_SLOT = 'csrf-slot-0000000000000000000000000000000000'

/** A start screen; once rendered, also its bytes around each CSRF slot, ready to be joined with a token. */
type StartScreen = { html: Promise<string>; parts?: Buffer[]; validUntil: number }

function withToken(parts: Buffer[], token: string) {
  const joined: Buffer[] = [parts[0]!]
  const bytes = Buffer.from(token)
  for (let i = 1; i < parts.length; i++) joined.push(bytes, parts[i]!)
  return Buffer.concat(joined)
}

/**
 * Start screens by station, language and text size. Every kiosk of a city shows one every few
 * seconds, so a screen is rendered once and kept until the data behind it changes (any schedule
 * table), the clock passes its validUntil, or a minute has passed: booking availability moves
 * with the clock too, and a minute's delay there is harmless.
 */
/**
 * What a start screen shows: the station, who is on duty, today's reception, the topics and the
 * deputies' next visits to the station's districts.
 */
const START_SCREEN_TABLES = [
  'stations',
  'deputies',
  'accounts',
  'topics',
  'station_booking_settings',
  'reception_sessions',
  'reception_bookings',
  ...ROSTER_INPUT_TABLES,
  'districts',
  'places',
  'visits',
  'visit_deputies',
] as const
const startScreens = new DerivedCache<StartScreen | undefined>(START_SCREEN_TABLES, {
  name: 'kiosk start screens',
  ttlMs: 60_000,
  validUntil: (s) => s?.validUntil,
})

export function kioskRoutes(deps: AppDeps) {
  // Pairing codes are one-time and issued by an admin: only codes that pair nothing count, 10 per
  // client address per 10 minutes, so a technician pairing a room of kiosks is never stopped.
  const limiter = new SecretLookupLimiter(
    { limit: 10, windowMs: 10 * 60_000 },
    undefined,
    deps.clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()

  const pair = (c: Context<AppEnv>, code: string) => {
    const { t } = c.get('i18n')
    const address = clientKey(c)
    if (limiter.blocked(address)) {
      return renderPage(c, <KioskPairPage code={code} errors={{ code: t('kiosk.pair.tooMany') }} />, 429)
    }
    const token = randomToken()
    const device = redeemPairingCode(deps.db, sha256(normalizeCode(code)), sha256(token), deps.clock.now())
    if (!device) {
      limiter.miss(address)
      return renderPage(c, <KioskPairPage code={code} errors={{ code: t('kiosk.pair.invalid') }} />, 422)
    }
    setAppCookie(c, KIOSK_COOKIE, token, { maxAge: DEVICE_COOKIE_SECONDS })
    return c.redirect('/kiosk', 303)
  }

  app.get('/kiosk/pair', (c) => {
    const code = c.req.query('code')
    // A link preview (WeChat, DingTalk) would spend a real one-time code, so a link only fills in
    // the form; on the demo database the printed link pairs at once.
    if (code && isDemoDatabase(deps.db)) return pair(c, code)
    return renderPage(c, <KioskPairPage code={code} />)
  })

  app.post('/kiosk/pair', async (c) => {
    const parsed = parseForm(pairForm, await readForm(c), c.get('i18n').t)
    if (!parsed.ok) return renderPage(c, <KioskPairPage errors={parsed.errors} />, 422)
    return pair(c, parsed.data.code)
  })

  app.get('/kiosk', (c): Response | Promise<Response> => {
    if (c.req.query('reset')) {
      // Idle reset: back to the station's default language and text size.
      clearAppCookie(c, LANG_COOKIE)
      clearAppCookie(c, TEXT_SIZE_COOKIE)
      return c.redirect('/kiosk', 303)
    }
    const kiosk = c.get('kiosk')!
    const now = deps.clock.now()
    if (touchKiosk(deps.db, kiosk, now) || cookieNeedsRename(c, KIOSK_COOKIE))
      setAppCookie(c, KIOSK_COOKIE, readCookie(c, KIOSK_COOKIE)!, { maxAge: DEVICE_COOKIE_SECONDS })
    const csrfToken = c.get('csrfToken')
    const i18n = c.get('i18n')
    const account = c.get('account')
    const build = () => startScreen(c, kiosk.stationId, now)
    // Only the plain screen is kept: a query or a signed-in account changes what it shows.
    const key = `${kiosk.stationId}|${i18n.locale}|${c.get('largeText')}`
    const query = c.req.url.indexOf('?') + 1
    const screen =
      account || (query && query < c.req.url.length) ? build() : startScreens.get(deps.db, key, build, now)
    if (!screen) return c.notFound()
    // A kept screen is answered at once; a new one when its rendering resolves.
    if (screen.parts) return respondHtmlText(c, withToken(screen.parts, csrfToken))
    return screen.html.then((text) => respondHtmlText(c, text.replaceAll(CSRF_SLOT, csrfToken)))
  })

  /**
   * The start screen of a station, with a placeholder for the request's CSRF token, and when it
   * stops being right by the clock alone: the next local midnight or the next change of duty.
   */
  function startScreen(c: Context<AppEnv>, stationId: number, now: Date): StartScreen | undefined {
    const station = findStation(deps.db, stationId)
    if (!station) return undefined
    const date = localDate(now, station.timeZone)
    const closure = closureOn(deps.db, station.id, date)
    const actions = KIOSK_ACTIONS.filter((a) => a.available(deps, station, now))
    const i18n = c.get('i18n')
    const today = i18n.dateTime(now, station.timeZone, { dateStyle: 'full' })
    const onDuty = onDutyAt(deps.db, station.id, now)
    const line = (d: Duty | null) =>
      d && {
        name: d.gap ? null : (d.person?.name ?? null),
        slot: i18n.name(d.label),
        when: `${i18n.name(d.label)} ${i18n.dateTime(d.startsAt, station.timeZone, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}`,
      }
    const visits = upcomingVisits(deps.db, station.id, station.timeZone, now)
    const html = pageHtml(
      c,
      <KioskStartPage
        stationName={i18n.name(station)}
        today={today}
        closedName={closure?.name}
        actions={actions}
        duty={{ now: line(onDuty.now), next: line(onDuty.next) }}
        visits={visitNoticeLines(i18n, visits, now, station.timeZone)}
      />,
      { csrfToken: CSRF_SLOT },
    )
    const ends = [
      zonedTimeToUtc(addDays(date, 1), '00:00', station.timeZone).getTime(),
      onDuty.now?.endsAt.getTime(),
      onDuty.next?.startsAt.getTime(),
      ...visits.map((v) => v.endsAt.getTime()),
    ]
    const screen: StartScreen = { html, validUntil: Math.min(...ends.filter((t) => t !== undefined)) }
    // A failed rendering reaches the request through `html`; this only keeps the bytes of a good one.
    html.then(
      (text) => {
        screen.parts = text.split(CSRF_SLOT).map((part) => Buffer.from(part))
      },
      () => undefined,
    )
    return screen
  }

  return app
}
