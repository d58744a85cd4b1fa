import { Hono } from 'hono'
import { findPublicConcern } from '../../db/queries/concerns.ts'
import { publicReply } from '../../db/queries/followup.ts'
import { TrackPage } from '../../views/pages/track/track-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientKey } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { SecretLookupLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { setHeader } from '../middleware/response-headers.ts'

const TRACK_WINDOW_MS = 10 * 60_000
/**
 * Codes that match nothing: 30 per client address per window, a few typos of many residents
 * behind one address (a community centre's Wi-Fi), far from a search of the code space. A code
 * that exists may be looked up 60 times per window from anywhere (WeChat's link previews and
 * refreshes included); a guesser's address is refused before the lookup, valid codes or not.
 */
const TRACK_LIMITS = {
  misses: { limit: 30, windowMs: TRACK_WINDOW_MS },
  hits: { limit: 60, windowMs: TRACK_WINDOW_MS },
}

/** Public status page by tracking code; lookups are rate-limited (DESIGN §4.3, §4.9). */
export function trackRoutes(deps: AppDeps) {
  const limiter = new SecretLookupLimiter(
    TRACK_LIMITS.misses,
    TRACK_LIMITS.hits,
    deps.clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()
  app.use('/track/*', async (c, next) => {
    setHeader(c, 'X-Robots-Tag', 'noindex')
    await next()
  })
  app.get('/track/:code', (c) => {
    const address = clientKey(c)
    if (limiter.blocked(address)) return rejectRequest(c, 429, 'queue.error.tooManyLookups')
    const code = normalizeCode(c.req.param('code'))
    const concern = /^[A-Z0-9]{4,16}$/.test(code) ? findPublicConcern(deps.db, code) : null
    if (!concern) {
      limiter.miss(address)
      return rejectRequest(c, 404, 'queue.error.unknownCode')
    }
    if (!limiter.hit(code)) return rejectRequest(c, 429, 'queue.error.tooManyLookups')
    return renderPage(c, <TrackPage concern={concern} reply={publicReply(deps.db, code)} />)
  })
  return app
}
