import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { CONCERN_STATUSES, REPLY_GRADES, VERDICTS } from '../../db/enums.ts'
import { calendarFor } from '../../db/queries/concerns.ts'
import {
  activeUnits,
  callbackList,
  deputyOpenConcerns,
  followUpSettings,
  loadConcernPage,
  openCountByStation,
  saveFollowUpSettings,
  stationConcernList,
} from '../../db/queries/followup.ts'
import { placesOfConcerns } from '../../db/queries/station-places.ts'
import { listStations } from '../../db/queries/stations.ts'
import { suggestionProgressOfConcern } from '../../db/queries/suggestion-handling.ts'
import { phrasesOfConcerns } from '../../db/queries/topic-phrases.ts'
import {
  COMMENT_MAX,
  ConcernPage,
  NOTE_MAX,
  REPLY_MAX,
  type StepError,
  SUMMARY_MAX,
} from '../../views/pages/followup/concern-page.tsx'
import { failureOf } from '../../views/pages/followup/labels.ts'
import {
  CallbacksPage,
  ConcernsIndexPage,
  MyConcernsPage,
  StationConcernsPage,
} from '../../views/pages/followup/list-pages.tsx'
import { FollowUpSettingsPage } from '../../views/pages/followup/settings-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { canActForStation } from '../domain/account.ts'
import {
  availableSteps,
  effectiveEvents,
  type FollowUpSettings,
  maySeeConcern,
  STEPS,
  type Step,
  undoCandidate,
} from '../domain/concern-follow-up.ts'
import { looksLikePhone, maskName, maskPhone } from '../domain/masking.ts'
import { maySeePersonalData } from '../domain/queue-access.ts'
import { normalizeCode } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import { addWorkingDays } from '../domain/working-days.ts'
import { daysBetween } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import {
  RIGHT_CHANNELS,
  type RightChannel,
  type StepInput,
  setPublicSummary,
  takeStep,
} from '../events/concern-steps.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { safeNext } from '../safe-redirect.ts'
import { f, idParam, parseForm, queryMonth } from '../validation.ts'
import { dueView, listItems, stationClock } from './followup-shared.ts'
import { auditFullView } from './personal-data-audit.ts'
import { stationFromPath } from './station-scope.ts'

/** Words that reach the public (tracking page, kiosk, report) must not carry a phone number. */
const publicText = (max: number) =>
  f.text(max).refine((s) => !looksLikePhone(s), 'followup.error.phoneInText')
const note = f.optionalText(NOTE_MAX)
const required = f.text(NOTE_MAX)

const STEP_FORMS = {
  answer: z.object({ reply: publicText(REPLY_MAX), note }),
  refer: z.object({
    unit: f.id(),
    dueOn: z
      .union([z.literal(''), f.date()])
      .optional()
      .transform((v) => v || null),
    note,
  }),
  suggest: z.object({ note: required }),
  out_of_scope: z.object({
    rightChannel: z.enum(RIGHT_CHANNELS, { message: 'followup.error.needsChannel' }),
    note,
  }),
  duplicate: z.object({
    master: z
      .string()
      .trim()
      .transform(normalizeCode)
      .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, 'followup.error.unknownMaster')),
    note,
  }),
  return: z.object({ note: required }),
  accept: z.object({ note }),
  unit_reply: z.object({
    grade: z.enum(REPLY_GRADES, { message: 'followup.error.grade' }),
    unitReply: f.text(REPLY_MAX),
    note,
  }),
  relay: z.object({ reply: publicText(REPLY_MAX), note }),
  verdict: z.object({
    verdict: z.enum(VERDICTS, { message: 'followup.error.verdict' }),
    comment: f.optionalText(COMMENT_MAX),
    note,
  }),
  withdraw: z.object({ note }),
  undo: z.object({ note: required }),
} satisfies Record<Step, z.ZodType>

const summaryForm = z.object({
  summary: f.optionalText(SUMMARY_MAX).refine((s) => !looksLikePhone(s), 'followup.error.phoneInText'),
})

/** Turns a validated form into the step's input (the kiosk has its own verdict form). */
function stepInput(step: Step, d: Record<string, unknown>): StepInput {
  const s = (k: string) => String(d[k] ?? '')
  switch (step) {
    case 'answer':
    case 'relay':
      return { step, reply: s('reply'), note: s('note') }
    case 'refer':
      return { step, unitId: Number(d.unit), dueOn: (d.dueOn as string | null) ?? null, note: s('note') }
    case 'out_of_scope':
      return { step, rightChannel: d.rightChannel as RightChannel, note: s('note') }
    case 'duplicate':
      return { step, masterCode: s('master'), note: s('note') }
    case 'unit_reply':
      return { step, grade: d.grade as 'A', unitReply: s('unitReply'), note: s('note') }
    case 'verdict':
      return {
        step,
        verdict: d.verdict as 'satisfied',
        comment: s('comment'),
        via: 'callback',
        note: s('note'),
      }
    case 'suggest':
    case 'return':
    case 'accept':
    case 'withdraw':
    case 'undo':
      return { step, note: s('note') }
  }
}

/**
 * Concern follow-up for staff and deputies: the concern page with its timeline and the steps
 * allowed now, a deputy's "my concerns", a station's list and its call-back list.
 */
export function concernRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  app.get('/concerns', (c) => {
    const account = c.get('account')!
    if (account.role === 'deputy') return c.redirect('/concerns/mine', 302)
    const now = clock.now()
    const stations = listStations(db, account.role === 'admin' ? undefined : account.stationIds)
    const open = openCountByStation(
      db,
      stations.map((s) => s.id),
    )
    const sc = stationClock(db, now)
    const rows = stations.map((s) => {
      const items = listItems(stationConcernList(db, s.id, { open: true }), sc, c.get('i18n'))
      return {
        id: s.id,
        name: c.get('i18n').name(s),
        open: open.get(s.id) ?? 0,
        overdue: items.filter((i) => i.due?.overdue).length,
      }
    })
    return renderPage(c, <ConcernsIndexPage stations={rows} />)
  })

  app.get('/concerns/mine', (c) => {
    const account = c.get('account')!
    if (account.role !== 'deputy' || account.deputyId === null) return c.redirect('/concerns', 302)
    const sc = stationClock(db, clock.now())
    const stationNames = new Map(listStations(db).map((s) => [s.id, c.get('i18n').name(s)]))
    const rows = listItems(deputyOpenConcerns(db, account.deputyId), sc, c.get('i18n'), stationNames)
    return renderPage(c, <MyConcernsPage rows={rows} deputyName={account.displayName} />)
  })

  /** Renders the concern page, with a refused step's message and the values typed. */
  const concernPage = (
    c: Context<AppEnv>,
    id: number,
    opts: { error?: StepError; values?: Record<string, string>; notice?: string } = {},
    status: 200 | 403 | 404 | 409 | 422 = 200,
  ) => {
    const account = c.get('account')!
    const data = loadConcernPage(db, id)
    if (!data) return rejectRequest(c, 404, 'followup.error.notFound')
    if (!maySeeConcern(account, data.concern)) return rejectRequest(c, 403, 'followup.error.forbidden')
    const i18n = c.get('i18n')
    const now = clock.now()
    const today = localDate(now, data.station.timeZone)
    const cal = calendarFor(db, data.station.id, today)
    const full = maySeePersonalData(account, data.concern)
    const { residentName, callbackPhone, description } = data.concern
    if (full && (residentName || callbackPhone || description)) auditFullView(c, 'concern', [data.concern.id])
    const undoTarget = account.role === 'admin' ? undoCandidate(data.events, data.concern.status) : null
    const placeNameOf = (id: number) => {
      const names = placesOfConcerns(db, [id]).get(id)
      return names ? i18n.name(names) : null
    }
    const lastUnitReply =
      effectiveEvents(data.events).findLast((e) => e.action === 'unit_replied')?.detail.unitReply ?? ''
    return renderPage(
      c,
      <ConcernPage
        data={data}
        due={dueView(
          data.concern,
          data.followUp,
          today,
          calendarFor(db, data.station.id, data.concern.receivedOn),
        )}
        steps={availableSteps(account, data.concern)}
        undoTarget={undoTarget}
        personal={{
          full,
          name: residentName ? (full ? residentName : maskName(residentName)) : null,
          phone: callbackPhone ? (full ? callbackPhone : maskPhone(callbackPhone)) : null,
          description: full ? description : null,
        }}
        units={activeUnits(db).map((u) => ({ id: u.id, name: i18n.name(u) }))}
        referDueOn={addWorkingDays(today, followUpSettings(db).unitReplyWorkingDays, cal)}
        unitReply={lastUnitReply}
        phrases={phrasesOfConcerns(db, [data.concern.id]).get(data.concern.id) ?? []}
        place={placeNameOf(data.concern.id)}
        suggestions={suggestionProgressOfConcern(db, data.concern.id)}
        canEditSummary={
          account.role !== 'deputy' &&
          canActForStation(account, data.concern.stationId) &&
          (data.concern.status === 'answered' || data.concern.status === 'closed')
        }
        {...opts}
      />,
      status,
    )
  }

  const concernId = (c: Context<AppEnv>) => idParam(c) ?? 0

  app.get('/concerns/:id{[0-9]+}', (c) => {
    const done = c.req.query('done')
    const notice =
      done && (STEPS as readonly string[]).includes(done)
        ? c.get('i18n').t('followup.concern.saved')
        : undefined
    return concernPage(c, concernId(c), { notice })
  })

  app.post('/concerns/:id{[0-9]+}/steps/:step', async (c) => {
    const step = c.req.param('step') as Step
    if (!(STEPS as readonly string[]).includes(step)) return rejectRequest(c, 404, 'error.notFound.body')
    const id = concernId(c)
    const account = c.get('account')!
    const data = loadConcernPage(db, id)
    if (!data) return rejectRequest(c, 404, 'followup.error.notFound')
    if (!maySeeConcern(account, data.concern)) return rejectRequest(c, 403, 'followup.error.forbidden')
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const values = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 2000)]] : [])),
    )
    const parsed = parseForm(STEP_FORMS[step], body, t)
    if (!parsed.ok)
      return concernPage(
        c,
        id,
        { error: { step, message: t('followup.error.form'), fields: parsed.errors }, values },
        422,
      )
    const seen = z.enum(CONCERN_STATUSES).safeParse(body.seen)
    const result = takeStep(
      { db, locale: deps.config.defaultLocale },
      {
        concernId: id,
        by: { account },
        seenStatus: seen.success ? seen.data : undefined,
        input: stepInput(step, parsed.data as Record<string, unknown>),
      },
      clock.now(),
    )
    if (!result.ok) {
      const [status, key] = failureOf(result.reason)
      return concernPage(c, id, { error: { step, message: t(key), fields: {} }, values }, status)
    }
    const back = typeof body.back === 'string' ? safeNext(body.back) : ''
    if (back.startsWith('/staff/stations/')) return c.redirect(`${back}?done=${id}`, 303)
    return c.redirect(`/concerns/${id}?done=${step}`, 303)
  })

  app.post('/concerns/:id{[0-9]+}/summary', async (c) => {
    const id = concernId(c)
    const account = c.get('account')!
    const data = loadConcernPage(db, id)
    if (!data) return rejectRequest(c, 404, 'followup.error.notFound')
    if (account.role === 'deputy' || !canActForStation(account, data.concern.stationId))
      return rejectRequest(c, 403, 'followup.error.forbidden')
    const { t } = c.get('i18n')
    if (data.concern.status !== 'answered' && data.concern.status !== 'closed')
      return concernPage(
        c,
        id,
        { error: { step: 'summary', message: t('followup.error.summaryOpen'), fields: {} } },
        409,
      )
    const body = await readForm(c)
    const parsed = parseForm(summaryForm, body, t)
    if (!parsed.ok)
      return concernPage(
        c,
        id,
        {
          error: { step: 'summary', message: t('followup.error.form'), fields: parsed.errors },
          values: { summary: String(body.summary ?? '').slice(0, 2000) },
        },
        422,
      )
    setPublicSummary(db, id, parsed.data.summary, clock.now())
    return c.redirect(`/concerns/${id}?done=answer#concern-summary`, 303)
  })

  app.get('/staff/stations/:id/concerns', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const now = clock.now()
    const view = c.req.query('view') === 'month' ? 'month' : 'open'
    const asked = queryMonth(c.req.query('month'))
    if (asked === null) return rejectRequest(c, 400, 'error.invalidMonth')
    const month = asked ?? localDate(now, station.timeZone).slice(0, 7)
    const rows = stationConcernList(db, station.id, view === 'open' ? { open: true } : { month })
    const items = listItems(rows, stationClock(db, now), c.get('i18n'))
    return renderPage(
      c,
      <StationConcernsPage
        stationId={station.id}
        stationName={c.get('i18n').name(station)}
        view={view}
        month={month}
        rows={items}
      />,
    )
  })

  app.get('/staff/stations/:id/callbacks', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const account = c.get('account')!
    const i18n = c.get('i18n')
    const today = localDate(clock.now(), station.timeZone)
    const seen: number[] = []
    const rows = callbackList(db, station.id).map((r) => {
      const full = maySeePersonalData(account, r)
      if (full && (r.residentName || r.callbackPhone)) seen.push(r.id)
      const repliedOn = localDate(r.repliedAt, station.timeZone)
      return {
        id: r.id,
        trackingCode: r.trackingCode,
        topic: i18n.name(r.topic),
        deputyName: r.deputyName,
        residentName: r.residentName ? (full ? r.residentName : maskName(r.residentName)) : null,
        phone: r.callbackPhone ? (full ? r.callbackPhone : maskPhone(r.callbackPhone)) : null,
        status: r.status,
        repliedOn,
        waitingDays: daysBetween(repliedOn, today),
      }
    })
    auditFullView(c, 'concern', seen)
    const done = c.req.query('done')
    return renderPage(
      c,
      <CallbacksPage
        stationId={station.id}
        stationName={i18n.name(station)}
        rows={rows}
        notice={done ? i18n.t('followup.callbacks.saved') : undefined}
      />,
    )
  })

  const days = (min: number, max: number) => f.whole(min, max, 'error.invalid', 'followup.error.range')
  const settingsForm = z.object({
    unitReplyWorkingDays: days(1, 250),
    suggestionReplyWorkingDays: days(1, 250),
    rehandlingWorkingDays: days(1, 250),
    escalationStepWorkingDays: days(1, 60),
    eraseAfterDays: days(30, 3650),
    minSatisfactionSample: days(1, 100),
    unreachedDays: days(7, 3650),
    suggestionUrgentWorkingDays: days(1, 250),
    suggestionRehandlingWorkingDays: days(1, 250),
    suggestionMaxRehandlings: days(0, 5),
    suggestionFinderDays: days(7, 3650),
  })

  app.get('/staff/followup-settings', (c) =>
    renderPage(
      c,
      <FollowUpSettingsPage values={followUpSettings(db)} saved={c.req.query('saved') === '1'} />,
    ),
  )

  app.post('/staff/followup-settings', async (c) => {
    const body = await readForm(c)
    const parsed = parseForm(settingsForm, body, c.get('i18n').t)
    if (!parsed.ok) {
      const values = Object.fromEntries(
        Object.keys(settingsForm.shape).map((k) => [k, String(body[k] ?? '').slice(0, 10)]),
      ) as Record<keyof FollowUpSettings, string>
      return renderPage(c, <FollowUpSettingsPage values={values} errors={parsed.errors} />, 422)
    }
    saveFollowUpSettings(db, parsed.data)
    return c.redirect('/staff/followup-settings?saved=1', 303)
  })

  return app
}
