import { Hono } from 'hono'
import { findPublicConcern } from '../../db/queries/concerns.ts'
import { publicReply } from '../../db/queries/followup.ts'
import { TrackPage } from '../../views/pages/track/track-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientAddress } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { setHeader } from '../middleware/response-headers.ts'

/** Public status page by tracking code; lookups are rate-limited per address (DESIGN §4.3, §4.9). */
export function trackRoutes(deps: AppDeps) {
  const limiter = new RateLimiter(30, 10 * 60_000, deps.clock, deps.config.rateLimitMultiplier)
  const app = new Hono<AppEnv>()
  app.use('/track/*', async (c, next) => {
    setHeader(c, 'X-Robots-Tag', 'noindex')
    await next()
  })
  app.get('/track/:code', (c) => {
    if (!limiter.take(clientAddress(c))) return rejectRequest(c, 429, 'queue.error.tooManyLookups')
    const code = normalizeCode(c.req.param('code'))
    const concern = /^[A-Z0-9]{4,16}$/.test(code) ? findPublicConcern(deps.db, code) : null
    if (!concern) return rejectRequest(c, 404, 'queue.error.unknownCode')
    return renderPage(c, <TrackPage concern={concern} reply={publicReply(deps.db, code)} />)
  })
  return app
}
