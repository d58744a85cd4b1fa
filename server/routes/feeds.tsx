import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { FEED_TOKEN_TABLES } from '../../db/data-versions.ts'
import { DerivedCache } from '../../db/derived-cache.ts'
import { FEED_KINDS, type FeedKind } from '../../db/enums.ts'
import {
  feedByToken,
  feedTokenIssued,
  findFeedSubject,
  issueFeedToken,
  listActiveDeputies,
  listStaffAccounts,
  liveFeed,
  liveFeeds,
  recordFeedServed,
  revokeFeedToken,
  type ServedFeed,
} from '../../db/queries/feeds.ts'
import { ROSTER_INPUT_TABLES } from '../../db/queries/roster.ts'
import { listStations } from '../../db/queries/stations.ts'
import {
  AdminFeedPage,
  AdminFeedsPage,
  type FeedPanelProps,
  type IssuedLink,
  MyCalendarPage,
} from '../../views/pages/feeds/feed-pages.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientKey, publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { SecretLookupLimiter } from '../domain/rate-limiter.ts'
import type { AppEnv } from '../env.ts'
import { buildFeedDocument } from '../feeds/build.ts'
import { calendarBytes, strongEtag } from '../feeds/ical.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { respond, respondNotModified, setHeader } from '../middleware/response-headers.ts'
import { idParam } from '../validation.ts'

const FEED_WINDOW_MS = 10 * 60_000
/**
 * Feed fetches per window: a client address may fetch tokens that were never issued 30 times (a
 * typo or two, never a search of the 256-bit space); each issued token may be fetched 120 times
 * from anywhere, which a calendar that polls hourly at most, on a few devices, never nears. A
 * shared fetcher (Google, Outlook, Apple) polling thousands of valid feeds from one address counts
 * only against each feed's own ceiling.
 */
const FEED_LIMITS = {
  misses: { limit: 30, windowMs: FEED_WINDOW_MS },
  hits: { limit: 120, windowMs: FEED_WINDOW_MS },
}

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/

const httpDate = (d: Date) => d.toUTCString()

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison; `*` matches any current entity. */
function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag)
}

/** Secret URL: no shared caches; clients may keep a feed but must revalidate (cheap: a 304). */
const FEED_CACHING = 'private, no-cache'

/** Whether the client's copy is current: If-None-Match decides; If-Modified-Since only without it. */
function notModified(c: Context, etag: string, lastModified: Date): boolean {
  const inm = c.req.header('if-none-match')
  if (inm !== undefined) return etagMatches(inm, etag)
  const ims = c.req.header('if-modified-since')
  if (!ims) return false
  const since = Date.parse(ims)
  return !Number.isNaN(since) && lastModified.getTime() <= since
}

/**
 * Rendered feeds by token, kept until a table they read is written or five minutes have passed
 * (a feed also moves with the date: its window, cancelled items leaving once over). Phones poll
 * every feed of a city, and one render of a busy deputy's year takes tens of milliseconds.
 */
/** What a feed shows: duties, reception sessions and bookings, visits, with names, topics and closures. */
const RENDERED_FEED_TABLES = [
  'stations',
  'deputies',
  'accounts',
  'topics',
  'settings',
  'station_booking_settings',
  'reception_sessions',
  'reception_bookings',
  'visits',
  'visit_deputies',
  'places',
  ...ROSTER_INPUT_TABLES,
] as const
const rendered = new DerivedCache<{ bytes: ReturnType<typeof calendarBytes>; etag: string } | undefined>(
  RENDERED_FEED_TABLES,
  {
    name: 'rendered feeds',
    ttlMs: 5 * 60_000,
    max: 4000,
  },
)

/** Live tokens as presented, kept until a token is issued, rotated or revoked anywhere. */
const liveTokens = new DerivedCache<ServedFeed | undefined>(FEED_TOKEN_TABLES, {
  name: 'live feed tokens',
  max: 20_000,
})

/**
 * GET /feeds/<token>.ics: the calendar itself. The token in the path is the only credential (the
 * access table lists /feeds as public); unknown, revoked or malformed tokens and feeds of
 * people or stations no longer active all answer 404; guesses are rate-limited per address and
 * fetches of an issued token per token (FEED_LIMITS).
 * The log line redacts the token from the path. Answered by a router of its own, in the request
 * context and outside the middleware chain (app.ts).
 */
export function feedFile(deps: AppDeps): (c: Context<AppEnv>) => Response | Promise<Response> {
  const { db, clock } = deps
  const limiter = new SecretLookupLimiter(
    FEED_LIMITS.misses,
    FEED_LIMITS.hits,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const tooMany = (c: Context<AppEnv>) => {
    setHeader(c, 'Retry-After', String(FEED_WINDOW_MS / 1000))
    return rejectRequest(c, 429, 'feeds.error.tooMany')
  }
  return (c) => {
    setHeader(c, 'X-Robots-Tag', 'noindex')
    const address = clientKey(c)
    if (limiter.blocked(address)) return tooMany(c)
    const token = FEED_FILE.exec(c.req.param('file') ?? '')?.[1]
    const row = token ? liveTokens.get(db, token, () => feedByToken(db, token)) : undefined
    if (!row) {
      // A revoked link counts against its own ceiling, like a live one, not as a guess.
      if (!token || !feedTokenIssued(db, token)) limiter.miss(address)
      else if (!limiter.hit(token)) return tooMany(c)
      return rejectRequest(c, 404, 'error.notFound.body')
    }
    if (!limiter.hit(token!)) return tooMany(c)
    const now = clock.now()
    const feed = rendered.get(
      db,
      `${row.id}|${row.kind}|${row.subjectId}|${row.locale}`,
      () => {
        const doc = buildFeedDocument(db, row, now)
        if (!doc) return undefined
        const bytes = calendarBytes(doc)
        return { bytes, etag: strongEtag(bytes) }
      },
      now,
    )
    if (!feed) return rejectRequest(c, 404, 'error.notFound.body')
    const { bytes, etag } = feed
    const lastModified = recordFeedServed(db, row, etag, now)
    if (notModified(c, etag, lastModified))
      return respondNotModified(c, { etag, 'cache-control': FEED_CACHING })
    return respond(c, bytes, 200, {
      etag,
      'cache-control': FEED_CACHING,
      'last-modified': httpDate(lastModified),
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="calendar.ics"',
    })
  }
}

// ── subscribing ─────────────────────────────────────────────────────────────────────────────────

/** The subscription links for a fresh token, at the public origin (client-address.ts publicOrigin). */
export async function subscriptionLinks(origin: string, token: string): Promise<IssuedLink> {
  const https = `${origin}/feeds/${token}.ics`
  const webcal = https.replace(/^https?:/, 'webcal:')
  const qrSvg = await QRCode.toString(webcal, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return {
    https,
    webcal,
    google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}`,
    qrSvg,
  }
}

/** The feeds a signed-in account owns: its deputy's, and its own duty if it is staff. */
export function ownFeeds(account: Account): { kind: FeedKind; subjectId: number }[] {
  const out: { kind: FeedKind; subjectId: number }[] = []
  if (account.deputyId) out.push({ kind: 'deputy', subjectId: account.deputyId })
  if (account.role === 'staff') out.push({ kind: 'staff', subjectId: account.id })
  return out
}

const isFeedKind = (s: string): s is FeedKind => (FEED_KINDS as readonly string[]).includes(s)

/** /me/calendar: a person subscribes to their own calendar, makes a new link or turns it off. */
export function myCalendarRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()

  const page = (c: Context<AppEnv>, issued?: { kind: FeedKind; link: IssuedLink }, notice?: string) => {
    const account = c.get('account')!
    const panels: FeedPanelProps[] = ownFeeds(account).map((f) => ({
      kind: f.kind,
      state: liveFeed(db, f.kind, f.subjectId),
      action: `/me/calendar/${f.kind}`,
      timeZone: config.defaultTimeZone,
      issued: issued?.kind === f.kind ? issued.link : undefined,
    }))
    return renderPage(
      c,
      <MyCalendarPage panels={panels} isAdmin={account.role === 'admin'} notice={notice} />,
    )
  }

  const owned = (c: Context<AppEnv>) => {
    const kind = c.req.param('kind') ?? ''
    return ownFeeds(c.get('account')!).find((f) => f.kind === kind)
  }

  app.get('/me/calendar', (c) =>
    page(
      c,
      undefined,
      c.req.query('done') === 'revoked' ? c.get('i18n').t('feeds.notice.revoked') : undefined,
    ),
  )

  // The link is shown in this response only: no redirect that would put it in a URL or history.
  app.post('/me/calendar/:kind/issue', async (c) => {
    const feed = owned(c)
    if (!feed) return c.notFound()
    const token = issueFeedToken(
      db,
      { ...feed, locale: c.get('i18n').locale },
      c.get('account')!.id,
      clock.now(),
    )
    return page(c, { kind: feed.kind, link: await subscriptionLinks(publicOrigin(c), token) })
  })

  app.post('/me/calendar/:kind/revoke', (c) => {
    const feed = owned(c)
    if (!feed) return c.notFound()
    revokeFeedToken(db, feed.kind, feed.subjectId, c.get('account')!.id, clock.now())
    return c.redirect('/me/calendar?done=revoked', 303)
  })
  return app
}

/** /admin/feeds: any deputy's, station's or staff member's feed (admin only, by the access table). */
export function adminFeedRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()
  const tz = config.defaultTimeZone

  app.get('/', (c) => {
    const { name, t } = c.get('i18n')
    const states = Object.fromEntries(FEED_KINDS.map((k) => [k, liveFeeds(db, k)])) as Record<
      FeedKind,
      ReturnType<typeof liveFeeds>
    >
    return renderPage(
      c,
      <AdminFeedsPage
        deputies={listActiveDeputies(db).map((d) => ({
          id: d.id,
          name: d.name,
          state: states.deputy.get(d.id),
        }))}
        stations={listStations(db)
          .filter((s) => s.active)
          .map((s) => ({ id: s.id, name: `${s.code} · ${name(s)}`, state: states.station.get(s.id) }))}
        staff={listStaffAccounts(db).map((a) => ({
          id: a.id,
          name: `${a.displayName} (${a.username})`,
          state: states.staff.get(a.id),
        }))}
        timeZone={tz}
        notice={c.req.query('done') === 'revoked' ? t('feeds.notice.revoked') : undefined}
      />,
    )
  })

  const subjectOf = (c: Context<AppEnv>) => {
    const kind = c.req.param('kind') ?? ''
    const id = idParam(c)
    if (!isFeedKind(kind) || id === null) return undefined
    const subject = findFeedSubject(db, kind, id)
    return subject?.active ? subject : undefined
  }

  const page = (c: Context<AppEnv>, issued?: IssuedLink, notice?: string) => {
    const subject = subjectOf(c)!
    return renderPage(
      c,
      <AdminFeedPage
        subjectName={subject.kind === 'station' ? stationName(c, subject.id) : subject.name}
        notice={notice}
        panel={{
          kind: subject.kind,
          state: liveFeed(db, subject.kind, subject.id),
          action: `/admin/feeds/${subject.kind}/${subject.id}`,
          timeZone: tz,
          issued,
        }}
      />,
    )
  }
  const stationName = (c: Context<AppEnv>, id: number) => {
    const s = listStations(db, [id])[0]
    return s ? c.get('i18n').name(s) : ''
  }

  app.get('/:kind{[a-z]+}/:id{[0-9]+}', (c) => {
    if (!subjectOf(c)) return c.notFound()
    return page(
      c,
      undefined,
      c.req.query('done') === 'revoked' ? c.get('i18n').t('feeds.notice.revoked') : undefined,
    )
  })

  app.post('/:kind{[a-z]+}/:id{[0-9]+}/issue', async (c) => {
    const subject = subjectOf(c)
    if (!subject) return c.notFound()
    const token = issueFeedToken(
      db,
      { kind: subject.kind, subjectId: subject.id, locale: c.get('i18n').locale },
      c.get('account')!.id,
      clock.now(),
    )
    return page(c, await subscriptionLinks(publicOrigin(c), token))
  })

  app.post('/:kind{[a-z]+}/:id{[0-9]+}/revoke', (c) => {
    const subject = subjectOf(c)
    if (!subject) return c.notFound()
    revokeFeedToken(db, subject.kind, subject.id, c.get('account')!.id, clock.now())
    return c.redirect(`/admin/feeds/${subject.kind}/${subject.id}?done=revoked`, 303)
  })
  return app
}
