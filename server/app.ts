import { type ErrorHandler, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import type { AppDeps } from './deps.ts'
import type { AppEnv } from './env.ts'
import { enforceAccess, identify, requirePasswordChange } from './middleware/auth.ts'
import { limitBody } from './middleware/body-limit.ts'
import { noStoreUnlessPublic } from './middleware/cache-control.ts'
import { csrfProtection, csrfToken } from './middleware/csrf.ts'
import { FormRefused } from './middleware/form-body.ts'
import { rejectRequest } from './middleware/reject.tsx'
import { requestContext, withRequestContext } from './middleware/request-context.ts'
import { chainRouter } from './middleware/sync-chain.ts'
import { adminRoutes } from './routes/admin/index.tsx'
import { authRoutes } from './routes/auth.tsx'
import { concernRoutes } from './routes/concerns.tsx'
import { consoleRoutes } from './routes/console.tsx'
import { coverageRoutes } from './routes/coverage.tsx'
import { displayRoutes } from './routes/display.tsx'
import { adminFeedRoutes, feedFile, myCalendarRoutes } from './routes/feeds.tsx'
import { healthRoutes } from './routes/health.ts'
import { homeRoutes } from './routes/home.tsx'
import { intakeRoutes } from './routes/intake.tsx'
import { kioskRoutes } from './routes/kiosk.tsx'
import { kioskBookingRoutes } from './routes/kiosk-booking.tsx'
import { kioskConcernRoutes } from './routes/kiosk-concern.tsx'
import { kioskProgressRoutes } from './routes/kiosk-progress.tsx'
import { monthlyReportRoutes } from './routes/monthly-report.tsx'
import { myDutyRoutes } from './routes/my-duty.tsx'
import { myNotificationsRoutes } from './routes/my-notifications.tsx'
import { myPasswordRoutes } from './routes/my-password.tsx'
import { phoneBookingRoutes } from './routes/phone-booking.tsx'
import { phoneRaiseRoutes } from './routes/phone-raise.tsx'
import { posterRoutes } from './routes/posters.tsx'
import { preferenceRoutes } from './routes/preferences.ts'
import { publicPageRoutes } from './routes/public-pages.tsx'
import { receptionRoutes } from './routes/reception.tsx'
import { recordRoutes } from './routes/records.tsx'
import { rosterRoutes } from './routes/roster.tsx'
import { schedulePrintRoutes } from './routes/schedule-print.tsx'
import { staffCallRoutes } from './routes/staff-calls.tsx'
import { staffJobRoutes } from './routes/staff-jobs.tsx'
import { staffSearchRoutes } from './routes/staff-search.tsx'
import { staticFiles } from './routes/static-files.ts'
import { stationDayRoutes } from './routes/station-day.tsx'
import { suggestionDraftRoutes } from './routes/suggestion-drafts.tsx'
import { suggestionFinderRoutes } from './routes/suggestion-finder.tsx'
import { suggestionHandlingRoutes } from './routes/suggestion-handling.tsx'
import { suggestionPublicRoutes } from './routes/suggestion-public.tsx'
import { suggestionRecordRoutes } from './routes/suggestion-records.tsx'
import { trackRoutes } from './routes/track.tsx'
import { triageRoutes } from './routes/triage.tsx'
import { visitRoutes } from './routes/visits.tsx'

/** Builds the whole HTTP app from its dependencies; no globals, so tests build their own. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>({
    router: chainRouter(new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] }), () => onError),
  })

  app.use('*', requestContext(deps))
  app.use('*', identify)
  // The cheapest checks first: the body's size, then access; the form is read only by CSRF
  // protection and the handler of a request that passed both.
  app.use('*', limitBody)
  app.use('*', noStoreUnlessPublic)
  app.use('*', csrfToken)
  app.use('*', enforceAccess)
  app.use('*', requirePasswordChange)
  app.use('*', csrfProtection)

  app.route('/static', staticFiles())
  app.route('/', healthRoutes(deps))
  app.route('/', preferenceRoutes())
  app.route('/', authRoutes(deps))
  app.route('/', kioskRoutes(deps))
  app.route('/', kioskConcernRoutes(deps))
  app.route('/', kioskProgressRoutes(deps))
  app.route('/', kioskBookingRoutes(deps))
  app.route('/', displayRoutes(deps))
  app.route('/', consoleRoutes(deps))
  app.route('/', stationDayRoutes(deps))
  app.route('/', staffCallRoutes(deps))
  app.route('/', triageRoutes(deps))
  app.route('/', intakeRoutes(deps))
  app.route('/', visitRoutes(deps))
  app.route('/', receptionRoutes(deps))
  app.route('/', trackRoutes(deps))
  app.route('/', phoneRaiseRoutes(deps))
  app.route('/', phoneBookingRoutes(deps))
  app.route('/', publicPageRoutes(deps))
  app.route('/', posterRoutes(deps))
  app.route('/', schedulePrintRoutes(deps))
  // The finder's and the records' fixed paths before /suggestions/:id.
  app.route('/', suggestionFinderRoutes(deps))
  app.route('/', suggestionRecordRoutes(deps))
  app.route('/', suggestionPublicRoutes(deps))
  app.route('/', suggestionDraftRoutes(deps))
  app.route('/', suggestionHandlingRoutes(deps))
  app.route('/', concernRoutes(deps))
  app.route('/', recordRoutes(deps))
  app.route('/', coverageRoutes(deps))
  app.route('/', monthlyReportRoutes(deps))
  app.route('/', myCalendarRoutes(deps))
  app.route('/admin/feeds', adminFeedRoutes(deps))
  app.route('/admin', adminRoutes(deps))
  app.route('/staff/jobs', staffJobRoutes(deps))
  app.route('/', staffSearchRoutes(deps))
  app.route('/staff/stations/:id{[0-9]+}/roster', rosterRoutes(deps))
  app.route('/', myDutyRoutes(deps))
  app.route('/', myPasswordRoutes(deps))
  app.route('/', myNotificationsRoutes(deps))
  app.route('/', homeRoutes(deps))

  app.notFound((c) => rejectRequest(c, 404, 'error.notFound.body'))
  const onError: ErrorHandler<AppEnv> = (err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      c.get('log')?.warn({ err: err.message, status: err.status }, 'client error')
      return rejectRequest(
        c,
        err.status as 400,
        err instanceof FormRefused ? err.messageKey : 'error.badRequest',
      )
    }
    const log = c.get('log') ?? deps.logger
    log.error({ err }, 'unhandled error')
    return rejectRequest(c, 500, 'error.server.body', { id: c.get('requestId') ?? '-' })
  }
  app.onError(onError)

  // Calendar apps poll every feed of a city and bring no cookie, form or sign-in, and the access
  // table lists /feeds as public. So GET /feeds/<token>.ics has a router of its own, with that one
  // route in the request context and nothing else (decision 0016): with any middleware in the
  // way, every answer becomes a promise the Node adapter waits for, which halved the rate of
  // cached 304s. Anything else that router does not know goes to the app as usual.
  const feeds = new Hono<AppEnv>()
  feeds.get(FEED_ROUTE, withRequestContext(deps, feedFile(deps)))
  feeds.onError(onError)
  const appFetch = app.fetch
  feeds.notFound((c) => appFetch(c.req.raw, c.env))
  app.fetch = (req, env, ctx) => (isFeedFetch(req) ? feeds.fetch(req, env, ctx) : appFetch(req, env, ctx))
  return app
}

export const FEED_ROUTE = '/feeds/:file'

/** GET or HEAD of a path under /feeds/, read off the URL string without parsing it. */
function isFeedFetch(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const url = req.url
  return url.startsWith('/feeds/', url.indexOf('/', url.indexOf('//') + 2))
}

export type App = ReturnType<typeof createApp>
