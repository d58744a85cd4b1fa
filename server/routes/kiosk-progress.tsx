import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { type ConcernStatus, VERDICTS } from '../../db/enums.ts'
import { findTopic } from '../../db/queries/admin-catalogue.ts'
import { findConcernById } from '../../db/queries/concerns.ts'
import { findConcernByCode, latestReply, publicStanding } from '../../db/queries/followup.ts'
import { findStation } from '../../db/queries/stations.ts'
import type { I18n } from '../../views/i18n/index.ts'
import {
  KIOSK_COMMENT_MAX,
  type KioskProgress,
  KioskProgressLookupPage,
  KioskProgressPage,
} from '../../views/pages/followup/kiosk-progress-pages.tsx'
import { failureOf } from '../../views/pages/followup/labels.ts'
import { KioskMessagePage } from '../../views/pages/kiosk/kiosk-message-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { currentDue, isOpen } from '../domain/concern-follow-up.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { takeStep } from '../events/concern-steps.ts'
import type { KioskAction } from '../kiosk-actions.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm } from '../validation.ts'

/** Code look-ups one kiosk may make per window: a queue of residents, not a guessing machine. */
export const PROGRESS_LOOKUPS_PER_WINDOW = 60
export const PROGRESS_LOOKUP_WINDOW_MS = 10 * 60_000

const CODE = /^[A-Z0-9]{4,16}$/
const lookupForm = z.object({ code: z.string().max(40) })
/** The resident's verdict form, wherever they give it (kiosk, phone page, on-the-spot screen). */
export const residentVerdictForm = z.object({
  verdict: z.enum(VERDICTS, { message: 'followup.error.verdict' }),
  comment: f.optionalText(KIOSK_COMMENT_MAX),
})

/**
 * "Check progress" at the kiosk (/kiosk/progress): a resident types the tracking code from their
 * slip, reads the status and the reply (never a name, phone or what they wrote), and once the
 * concern is replied gives their verdict: 满意 / 基本满意 / 不满意, with an optional word.
 */
export function kioskProgressRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const limiter = new RateLimiter(
    PROGRESS_LOOKUPS_PER_WINDOW,
    PROGRESS_LOOKUP_WINDOW_MS,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()

  const stationName = (c: Context<AppEnv>) => {
    const s = findStation(db, c.get('kiosk')!.stationId)
    return s ? c.get('i18n').name(s) : ''
  }
  const tooMany = (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    return renderPage(
      c,
      <KioskMessagePage
        title={t('queue.error.busyTitle')}
        body={t('queue.error.tooManyLookups')}
        stationName={stationName(c)}
      />,
      429,
    )
  }
  const take = (c: Context<AppEnv>) => limiter.take(`kiosk:${c.get('kiosk')!.id}`)

  /** The public view of a concern by code, or null. */
  const progressOf = (code: string, i18n: I18n): Omit<KioskProgress, 'rated' | 'newDueOn'> | null => {
    const concern = CODE.test(code) ? findConcernByCode(db, code) : undefined
    if (!concern) return null
    const station = findStation(db, concern.stationId)!
    const topic = findTopic(db, concern.topicId)!
    const standing = publicStanding(db, concern)
    const reply = latestReply(db, standing.master?.id ?? concern.id)
    return {
      trackingCode: concern.trackingCode,
      status: concern.status,
      topic: i18n.name(topic),
      stationName: i18n.name(station),
      receivedOn: concern.receivedOn,
      dueOn: standing.due?.on ?? null,
      reply: reply && { text: reply.text, grade: reply.grade, on: localDate(reply.at, station.timeZone) },
      mergedInto: standing.master ? { status: standing.master.status } : null,
      canRate: standing.canRate,
    }
  }

  const show = (
    c: Context<AppEnv>,
    code: string,
    extra: { rated?: KioskProgress['rated']; error?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const i18n = c.get('i18n')
    const p = progressOf(code, i18n)
    if (!p)
      return renderPage(
        c,
        <KioskProgressLookupPage
          stationName={stationName(c)}
          code={code}
          error={i18n.t('queue.error.unknownCode')}
        />,
        404,
      )
    const rated = extra.rated ?? null
    return renderPage(
      c,
      <KioskProgressPage
        stationName={stationName(c)}
        p={{ ...p, rated, newDueOn: rated === 'unsatisfied' ? p.dueOn : null }}
        error={extra.error}
      />,
      status,
    )
  }

  app.get('/kiosk/progress', (c) => renderPage(c, <KioskProgressLookupPage stationName={stationName(c)} />))

  app.post('/kiosk/progress', async (c) => {
    if (!take(c)) return tooMany(c)
    const parsed = parseForm(lookupForm, await readForm(c), c.get('i18n').t)
    const code = parsed.ok ? normalizeCode(parsed.data.code) : ''
    if (!CODE.test(code) || !findConcernByCode(db, code))
      return renderPage(
        c,
        <KioskProgressLookupPage
          stationName={stationName(c)}
          code={parsed.ok ? parsed.data.code.slice(0, 12) : ''}
          error={c.get('i18n').t('queue.error.unknownCode')}
        />,
        404,
      )
    return c.redirect(`/kiosk/progress/${code}`, 303)
  })

  app.get('/kiosk/progress/:code', (c) => {
    if (!take(c)) return tooMany(c)
    const rated = z.enum(VERDICTS).safeParse(c.req.query('rated'))
    return show(c, normalizeCode(c.req.param('code')), { rated: rated.success ? rated.data : null })
  })

  app.post('/kiosk/progress/:code/verdict', async (c) => {
    if (!take(c)) return tooMany(c)
    const { t } = c.get('i18n')
    const code = normalizeCode(c.req.param('code'))
    const concern = CODE.test(code) ? findConcernByCode(db, code) : undefined
    if (!concern) return show(c, code)
    const parsed = parseForm(residentVerdictForm, await readForm(c), t)
    if (!parsed.ok) return show(c, code, { error: Object.values(parsed.errors)[0] }, 422)
    const result = takeStep(
      { db, locale: deps.config.defaultLocale },
      {
        concernId: concern.id,
        by: { kioskId: c.get('kiosk')!.id },
        input: {
          step: 'verdict',
          verdict: parsed.data.verdict,
          comment: parsed.data.comment,
          via: 'kiosk',
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
    return c.redirect(`/kiosk/progress/${code}?rated=${parsed.data.verdict}`, 303)
  })

  return app
}

/** The start screen's "查询进度" button; always there, a slip can be brought back any day. */
export const progressKioskAction: KioskAction = {
  id: 'progress',
  href: '/kiosk/progress',
  label: 'followup.kiosk.action',
  hint: 'followup.kiosk.actionHint',
  available: () => true,
}
