import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { VERDICTS, type Verdict } from '../../db/enums.ts'
import { findPublicConcern } from '../../db/queries/concerns.ts'
import { findConcernByCode, publicReply, publicStanding } from '../../db/queries/followup.ts'
import { suggestionProgressOfConcern } from '../../db/queries/suggestion-handling.ts'
import { failureOf } from '../../views/pages/followup/labels.ts'
import { TrackPage } from '../../views/pages/track/track-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientKey, publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { SecretLookupLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { takeStep } from '../events/concern-steps.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { setHeader } from '../middleware/response-headers.ts'
import { parseForm } from '../validation.ts'
import { residentVerdictForm } from './kiosk-progress.tsx'

const TRACK_WINDOW_MS = 10 * 60_000
/**
 * Codes that match nothing: 30 per client address per window, a few typos of many residents
 * behind one address (a community centre's Wi-Fi), far from a search of the code space. A code
 * that exists may be looked up 60 times per window from anywhere (WeChat's link previews and
 * refreshes included); a guesser's address is refused before the lookup, valid codes or not.
 * A verdict posted from the page is a look-up too and counts against the same limits.
 */
const TRACK_LIMITS = {
  misses: { limit: 30, windowMs: TRACK_WINDOW_MS },
  hits: { limit: 60, windowMs: TRACK_WINDOW_MS },
}
const CODE = /^[A-Z0-9]{4,16}$/

/**
 * Public status page by tracking code (the slip's QR), where the resident may also give their
 * verdict once the concern is replied or answered; lookups are rate-limited (DESIGN §4.3, §4.9).
 */
export function trackRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const limiter = new SecretLookupLimiter(
    TRACK_LIMITS.misses,
    TRACK_LIMITS.hits,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()
  app.use('/track/*', async (c, next) => {
    setHeader(c, 'X-Robots-Tag', 'noindex')
    await next()
  })

  /** The concern behind a code, or the refusal to send: too many look-ups, or no such code. */
  const lookUp = (c: Context<AppEnv>) => {
    const address = clientKey(c)
    if (limiter.blocked(address))
      return { ok: false as const, res: rejectRequest(c, 429, 'queue.error.tooManyLookups') }
    const code = normalizeCode(c.req.param('code') ?? '')
    const concern = CODE.test(code) ? findConcernByCode(db, code) : undefined
    if (!concern) {
      limiter.miss(address)
      return { ok: false as const, res: rejectRequest(c, 404, 'queue.error.unknownCode') }
    }
    if (!limiter.hit(code))
      return { ok: false as const, res: rejectRequest(c, 429, 'queue.error.tooManyLookups') }
    return { ok: true as const, concern }
  }

  const show = (
    c: Context<AppEnv>,
    code: string,
    extra: { rated?: Verdict | null; error?: string; raised?: 'new' | 'merged' | null } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const concern = findConcernByCode(db, code)!
    const standing = publicStanding(db, concern)
    return renderPage(
      c,
      <TrackPage
        concern={findPublicConcern(db, code)!}
        reply={publicReply(db, code)}
        standing={standing}
        rated={extra.rated ?? null}
        error={extra.error}
        raised={extra.raised ?? null}
        pending={concern.triage === 'pending'}
        statusUrl={`${publicOrigin(c)}/track/${code}`}
        suggestions={suggestionProgressOfConcern(db, concern.id)}
      />,
      status,
    )
  }

  app.get('/track/:code', (c) => {
    const found = lookUp(c)
    if (!found.ok) return found.res
    const rated = z.enum(VERDICTS).safeParse(c.req.query('rated'))
    const raised = c.req.query('raised')
    return show(c, found.concern.trackingCode, {
      rated: rated.success ? rated.data : null,
      raised: raised === 'merged' ? 'merged' : raised === '1' ? 'new' : null,
    })
  })

  app.post('/track/:code/verdict', async (c) => {
    const found = lookUp(c)
    if (!found.ok) return found.res
    const { t } = c.get('i18n')
    const code = found.concern.trackingCode
    const parsed = parseForm(residentVerdictForm, await readForm(c), t)
    if (!parsed.ok) return show(c, code, { error: Object.values(parsed.errors)[0] }, 422)
    const result = takeStep(
      { db, locale: deps.config.defaultLocale },
      {
        concernId: found.concern.id,
        by: { resident: 'phone' },
        input: {
          step: 'verdict',
          verdict: parsed.data.verdict,
          comment: parsed.data.comment,
          via: 'phone',
          note: '',
        },
      },
      clock.now(),
    )
    if (!result.ok) {
      const [, key] = failureOf(result.reason)
      return show(
        c,
        code,
        { error: t(key === 'followup.error.notAllowed' ? 'followup.error.notRatable' : key) },
        409,
      )
    }
    return c.redirect(`/track/${code}?rated=${parsed.data.verdict}`, 303)
  })
  return app
}
