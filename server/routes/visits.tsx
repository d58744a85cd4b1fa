import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { z } from 'zod'
import { VISIT_KINDS } from '../../db/enums.ts'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import { findConcernByCode } from '../../db/queries/followup.ts'
import { listPlaces, type PlaceWithDistrict } from '../../db/queries/places.ts'
import { activeTopics, findActiveTopic } from '../../db/queries/queue-presence.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import {
  concernsAtVisit,
  countConcernsAtVisit,
  deputiesOfStation,
  districtsOfDeputies,
  findVisit,
  listVisits,
  organisingStation,
  type VisitView,
  visitHistory,
} from '../../db/queries/visits.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import { INTAKE_DESCRIPTION_MAX } from '../../views/components/intake-resident-fields.tsx'
import type { MessageKey } from '../../views/i18n/index.ts'
import { placeKindLabel, visitKindLabel, visitStatusLabel } from '../../views/pages/places/place-labels.ts'
import { formatTrackingCode, statusLabel } from '../../views/pages/track/concern-labels.ts'
import { VisitConcernPage, type VisitConcernValues } from '../../views/pages/visits/visit-concern-page.tsx'
import {
  type PlaceOptionGroup,
  VISIT_NOTE_MAX,
  VisitFormPage,
  type VisitFormValues,
} from '../../views/pages/visits/visit-form-page.tsx'
import { deputyNames, visitWhen } from '../../views/pages/visits/visit-labels.ts'
import {
  type VisitGroups,
  type VisitListItem,
  VisitListPage,
} from '../../views/pages/visits/visit-list-page.tsx'
import {
  PEOPLE_MET_MAX,
  VISIT_REASON_MAX,
  VISIT_SUMMARY_MAX,
  type VisitLogValues,
  VisitPage,
} from '../../views/pages/visits/visit-page.tsx'
import { VisitSlipPage } from '../../views/pages/visits/visit-slip-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { type Account, canActForStation } from '../domain/account.ts'
import { normalizePhone } from '../domain/masking.ts'
import { normalizeCode } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import { visitActions, visitPhase, visitTimeProblem } from '../domain/visit-rules.ts'
import { isLocalTime, utcToZoned, zonedTimeToUtc } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { submitConcern } from '../events/queue-commands.ts'
import { smsConcernReceived } from '../events/resident-sms.ts'
import {
  cancelVisit,
  editVisit,
  logVisitHeld,
  planVisit,
  undoVisitOutcome,
  type VisitWriteResult,
} from '../events/visit-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm, parseId } from '../validation.ts'
import { stationFromPath } from './station-scope.ts'

const time = () => z.string().trim().refine(isLocalTime, 'visit.error.time')

const planForm = z.object({
  deputy: f.ids(),
  place: f.id(),
  kind: z.enum(VISIT_KINDS, { message: 'error.unknownChoice' }),
  date: f.date(),
  start: time(),
  end: time(),
  note: f.optionalText(VISIT_NOTE_MAX),
})

const logForm = z.object({
  peopleMet: f.whole(0, PEOPLE_MET_MAX),
  summary: f.text(VISIT_SUMMARY_MAX),
})
const cancelForm = z.object({ reason: f.text(VISIT_REASON_MAX) })

const concernForm = z.object({
  topic: f.id(),
  deputy: f.id(),
  description: f.text(INTAKE_DESCRIPTION_MAX),
  residentName: f.optionalText(50),
  phone: f.optionalText(20),
  smsConsent: f.checkbox(),
})

const text = (body: Record<string, unknown>, key: string, max = 2000) =>
  typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : ''
const texts = (body: Record<string, unknown>, key: string) => {
  const v = body[key]
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
}

/**
 * Outreach visits (issue 17): a deputy's "my visits" (/me/visits), a station's visits
 * (/staff/stations/:id/visits), planning and changing (/visits/new, /visits/:id/edit), the log,
 * cancel and undo, and concerns recorded at a visit with their slips. Who may act: the deputies
 * going, the organising station's clerks, administrators (decision 0031).
 */
export function visitRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const zoneOf = (stationId: number) => findStation(db, stationId)?.timeZone ?? deps.config.defaultTimeZone

  const mayAct = (a: Account, v: VisitView) =>
    a.role === 'deputy' ? v.deputies.some((d) => d.id === a.deputyId) : canActForStation(a, v.stationId)

  const listItem = (c: Context<AppEnv>, v: VisitView): VisitListItem => {
    const i18n = c.get('i18n')
    return {
      id: v.id,
      when: visitWhen(i18n, v, zoneOf(v.stationId)),
      place: i18n.name(v.place),
      kind: visitKindLabel(i18n.t, v.kind),
      status: visitStatusLabel(i18n.t, v.status),
      deputies: deputyNames(v),
      note: v.note,
    }
  }

  const grouped = (c: Context<AppEnv>, list: VisitView[]): VisitGroups => {
    const now = clock.now()
    const groups: VisitGroups = { upcoming: [], awaitingLog: [], logged: [] }
    for (const v of list) groups[visitPhase(v, now)].push(listItem(c, v))
    groups.logged.reverse()
    return groups
  }

  /** Visits from this far back are listed; older ones live on in coverage and records. */
  const since = () => new Date(clock.now().getTime() - 120 * 86_400_000)

  app.get('/me/visits', (c) => {
    const account = c.get('account')!
    if (account.role !== 'deputy' || account.deputyId === null)
      return rejectRequest(c, 403, 'visit.error.notDeputy')
    const list = listVisits(db, { deputyId: account.deputyId, from: since() })
    return renderPage(
      c,
      <VisitListPage
        title={c.get('i18n').t('visit.mine.title')}
        planHref="/visits/new"
        groups={grouped(c, list)}
      />,
    )
  })

  app.get('/staff/stations/:id/visits', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const i18n = c.get('i18n')
    const list = listVisits(db, { stationId: station.id, from: since() })
    return renderPage(
      c,
      <VisitListPage
        title={i18n.t('visit.station.title', { station: i18n.name(station) })}
        planHref={`/visits/new?station=${station.id}`}
        back={{ href: `/staff/stations/${station.id}/today`, label: i18n.t('queue.intake.backToDay') }}
        groups={grouped(c, list)}
      />,
    )
  })

  /** Who plans: the deputy themself (station from the place), or a clerk for a station they act for. */
  type Planner =
    | { kind: 'deputy'; deputyId: number; candidates: { id: number; name: string }[] }
    | { kind: 'station'; station: StationRow; candidates: { id: number; name: string }[] }

  const plannerFor = (
    c: Context<AppEnv>,
    stationParam: string | undefined,
  ): Planner | Response | Promise<Response> => {
    const account = c.get('account')!
    if (account.role === 'deputy') {
      const me = account.deputyId === null ? undefined : findActiveDeputy(db, account.deputyId)
      if (!me) return rejectRequest(c, 403, 'visit.error.notDeputy')
      const colleagues = deputiesOfStation(db, me.homeStationId).filter((d) => d.id !== me.id)
      return { kind: 'deputy', deputyId: me.id, candidates: [{ id: me.id, name: me.name }, ...colleagues] }
    }
    const station = findStation(db, parseId(stationParam ?? '') ?? 0)
    if (!station) return rejectRequest(c, 404, 'error.notFound.body')
    if (!canActForStation(account, station.id)) return rejectRequest(c, 403, 'queue.error.notYourStation')
    return { kind: 'station', station, candidates: deputiesOfStation(db, station.id) }
  }

  /** Places offered: those of the candidate deputies' districts, or every place when they have none. */
  const offeredPlaces = (deputyIds: number[]): PlaceWithDistrict[] => {
    const districtIds = districtsOfDeputies(db, deputyIds)
    const offered = districtIds.length ? listPlaces(db, { districtIds }) : []
    return offered.length ? offered : listPlaces(db)
  }

  const placeGroups = (c: Context<AppEnv>, list: PlaceWithDistrict[]): PlaceOptionGroup[] => {
    const i18n = c.get('i18n')
    const groups = new Map<string, PlaceOptionGroup>()
    for (const p of list) {
      const label = i18n.t('visit.placeGroup', {
        district: i18n.name(p.district),
        kind: placeKindLabel(i18n.t, p.kind),
      })
      const g = groups.get(label) ?? { label, places: [] }
      g.places.push({ id: p.id, name: i18n.name(p) })
      groups.set(label, g)
    }
    return [...groups.values()]
  }

  const formValues = (body: Record<string, unknown>): VisitFormValues => ({
    place: text(body, 'place', 20),
    kind: text(body, 'kind', 40),
    date: text(body, 'date', 20),
    start: text(body, 'start', 10),
    end: text(body, 'end', 10),
    note: text(body, 'note', VISIT_NOTE_MAX * 2),
    deputy: texts(body, 'deputy').slice(0, 50),
  })

  /**
   * Checks a submitted plan against who plans it: returns the plan or the field errors. The
   * station is the planner's (clerk) or the place's district's (deputy; else their home station).
   */
  const checkPlan = (
    c: Context<AppEnv>,
    planner: Planner,
    body: Record<string, unknown>,
    fixedStationId?: number,
  ) => {
    const { t } = c.get('i18n')
    const parsed = parseForm(planForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (!parsed.ok) return { ok: false as const, errors }
    const d = parsed.data
    const deputyIds = [...new Set(d.deputy)]
    const allowed = new Set(planner.candidates.map((x) => x.id))
    if (deputyIds.length === 0) errors.deputy = t('visit.error.deputyRequired')
    else if (planner.kind === 'deputy' && !deputyIds.includes(planner.deputyId))
      errors.deputy = t('visit.error.notYours')
    else if (deputyIds.some((id) => !allowed.has(id))) errors.deputy = t('visit.error.notYourDeputy')
    if (!errors.deputy && !offeredPlaces(deputyIds).some((p) => p.id === d.place))
      errors.place = t('visit.error.placeNotOffered')
    const stationId =
      fixedStationId ??
      (planner.kind === 'station' ? planner.station.id : organisingStation(db, d.place, planner.deputyId))
    const station = stationId === undefined ? undefined : findStation(db, stationId)
    if (!station) errors.place ??= t('visit.error.placeNotOffered')
    const zone = station?.timeZone ?? deps.config.defaultTimeZone
    const startsAt = zonedTimeToUtc(d.date, d.start, zone)
    const endsAt = zonedTimeToUtc(d.date, d.end, zone)
    const problem = visitTimeProblem(startsAt, endsAt)
    if (problem) errors.end = t(problem)
    if (Object.keys(errors).length > 0 || !station) return { ok: false as const, errors }
    return {
      ok: true as const,
      plan: {
        placeId: d.place,
        kind: d.kind,
        startsAt,
        endsAt,
        deputyIds,
        note: d.note,
        stationId: station.id,
      },
    }
  }

  const formPage = (
    c: Context<AppEnv>,
    planner: Planner,
    opts: { action: string; values: VisitFormValues; errors?: FieldErrors; edit?: VisitView },
    status: 200 | 422 = 200,
  ) => {
    const { t } = c.get('i18n')
    const back =
      opts.edit !== undefined
        ? `/visits/${opts.edit.id}`
        : planner.kind === 'deputy'
          ? '/me/visits'
          : `/staff/stations/${planner.station.id}/visits`
    return renderPage(
      c,
      <VisitFormPage
        title={t(opts.edit ? 'visit.edit.title' : 'visit.plan.title')}
        action={opts.action}
        submitLabel={t(opts.edit ? 'visit.edit.submit' : 'visit.plan.submit')}
        back={back}
        placeGroups={placeGroups(c, offeredPlaces(planner.candidates.map((d) => d.id)))}
        deputies={planner.candidates}
        values={opts.values}
        errors={opts.errors}
      />,
      status,
    )
  }

  app.get('/visits/new', (c) => {
    const planner = plannerFor(c, c.req.query('station'))
    if (!('kind' in planner)) return planner
    const zone = planner.kind === 'station' ? planner.station.timeZone : deps.config.defaultTimeZone
    const values: VisitFormValues = {
      date: localDate(new Date(clock.now().getTime() + 86_400_000), zone),
      start: '09:00',
      end: '11:00',
      kind: 'home_visits',
      deputy: planner.kind === 'deputy' ? [String(planner.deputyId)] : [],
    }
    const q = c.req.query('station')
    return formPage(c, planner, {
      action: `/visits${planner.kind === 'station' ? `?station=${q}` : ''}`,
      values,
    })
  })

  app.post('/visits', async (c) => {
    const planner = plannerFor(c, c.req.query('station'))
    if (!('kind' in planner)) return planner
    const body = await readForm(c, { all: true })
    const checked = checkPlan(c, planner, body)
    if (!checked.ok)
      return formPage(
        c,
        planner,
        {
          action: `/visits${planner.kind === 'station' ? `?station=${planner.station.id}` : ''}`,
          values: formValues(body),
          errors: checked.errors,
        },
        422,
      )
    const visit = planVisit(db, { ...checked.plan, actorAccountId: c.get('account')!.id }, clock.now())
    return c.redirect(`/visits/${visit.id}?saved=1`, 303)
  })

  /** The visit named by :id if the signed-in account may act on it. */
  const visitFor = (
    c: Context<AppEnv>,
  ): { ok: true; visit: VisitView } | { ok: false; res: Response | Promise<Response> } => {
    const visit = findVisit(db, idParam(c) ?? 0)
    if (!visit) return { ok: false, res: rejectRequest(c, 404, 'error.notFound.body') }
    if (!mayAct(c.get('account')!, visit))
      return { ok: false, res: rejectRequest(c, 403, 'visit.error.noAccess') }
    return { ok: true, visit }
  }

  const HISTORY: Record<string, MessageKey> = {
    'visit.plan': 'visit.history.plan',
    'visit.edit': 'visit.history.edit',
    'visit.cancel': 'visit.history.cancel',
    'visit.log': 'visit.history.log',
    'visit.undo': 'visit.history.undo',
  }

  const visitPage = (
    c: Context<AppEnv>,
    visit: VisitView,
    opts: { values?: VisitLogValues; errors?: FieldErrors; notice?: string; refusal?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const i18n = c.get('i18n')
    const { t } = i18n
    const account = c.get('account')!
    const zone = zoneOf(visit.stationId)
    const concerns = concernsAtVisit(db, visit.id)
    const back = account.role === 'deputy' ? '/me/visits' : `/staff/stations/${visit.stationId}/visits`
    const isGoing = account.role === 'deputy' && visit.deputies.some((d) => d.id === account.deputyId)
    return renderPage(
      c,
      <VisitPage
        visit={{
          id: visit.id,
          title: t('visit.page.title', { place: i18n.name(visit.place) }),
          when: visitWhen(i18n, visit, zone),
          kind: visitKindLabel(t, visit.kind),
          status: visitStatusLabel(t, visit.status),
          deputies: deputyNames(visit),
          note: visit.note,
          peopleMet: visit.peopleMet,
          summary: visit.summary,
          cancelReason: visit.cancelReason,
        }}
        actions={visitActions(visit, clock.now(), concerns.length)}
        back={back}
        onBehalfOf={isGoing ? null : deputyNames(visit)}
        concerns={concerns.map((x) => ({
          id: x.id,
          code: formatTrackingCode(x.trackingCode),
          rawCode: x.trackingCode,
          status: statusLabel(t, x.status),
          at: i18n.dateTime(x.createdAt, zone, { dateStyle: 'medium', timeStyle: 'short' }),
        }))}
        history={visitHistory(db, visit.id).map((h) => ({
          at: i18n.dateTime(h.at, zone, { dateStyle: 'medium', timeStyle: 'short' }),
          action: HISTORY[h.action] ? t(HISTORY[h.action]!) : h.action,
          actor: h.actor ?? '',
        }))}
        {...opts}
      />,
      status,
    )
  }

  app.get('/visits/:id{[0-9]+}', (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    return visitPage(c, scope.visit, c.req.query('saved') ? { notice: c.get('i18n').t('visit.saved') } : {})
  })

  /** After a write: back to the visit, or the visit again with why it was refused (409). */
  const afterWrite = (c: Context<AppEnv>, visit: VisitView, r: VisitWriteResult) => {
    if (r.ok) return c.redirect(`/visits/${visit.id}?saved=1`, 303)
    if (r.refusal === 'notFound') return rejectRequest(c, 404, 'error.notFound.body')
    return visitPage(c, visit, { refusal: c.get('i18n').t(r.refusal) }, 409)
  }

  app.get('/visits/:id{[0-9]+}/edit', (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const v = scope.visit
    const planner = plannerFor(c, String(v.stationId))
    if (!('kind' in planner)) return planner
    const zone = zoneOf(v.stationId)
    const start = zonedParts(v.startsAt, zone)
    return formPage(c, planner, {
      action: `/visits/${v.id}/edit`,
      edit: v,
      values: {
        place: String(v.placeId),
        kind: v.kind,
        date: start.date,
        start: start.time,
        end: zonedParts(v.endsAt, zone).time,
        note: v.note,
        deputy: v.deputies.map((d) => String(d.id)),
      },
    })
  })

  app.post('/visits/:id{[0-9]+}/edit', async (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const v = scope.visit
    const planner = plannerFor(c, String(v.stationId))
    if (!('kind' in planner)) return planner
    const body = await readForm(c, { all: true })
    const checked = checkPlan(c, planner, body, v.stationId)
    if (!checked.ok)
      return formPage(
        c,
        planner,
        { action: `/visits/${v.id}/edit`, edit: v, values: formValues(body), errors: checked.errors },
        422,
      )
    return afterWrite(c, v, editVisit(db, v.id, checked.plan, c.get('account')!.id, clock.now()))
  })

  app.post('/visits/:id{[0-9]+}/log', async (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(logForm, body, t)
    if (!parsed.ok)
      return visitPage(
        c,
        scope.visit,
        {
          values: { peopleMet: text(body, 'peopleMet', 10), summary: text(body, 'summary') },
          errors: parsed.errors,
        },
        422,
      )
    return afterWrite(
      c,
      scope.visit,
      logVisitHeld(
        db,
        scope.visit.id,
        { status: 'held', peopleMet: parsed.data.peopleMet, summary: parsed.data.summary },
        c.get('account')!.id,
        clock.now(),
      ),
    )
  })

  app.post('/visits/:id{[0-9]+}/cancel', async (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(cancelForm, body, t)
    if (!parsed.ok)
      return visitPage(
        c,
        scope.visit,
        { values: { reason: text(body, 'reason', 400) }, errors: parsed.errors },
        422,
      )
    return afterWrite(
      c,
      scope.visit,
      cancelVisit(db, scope.visit.id, parsed.data.reason, c.get('account')!.id, clock.now()),
    )
  })

  app.post('/visits/:id{[0-9]+}/undo', (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    return afterWrite(c, scope.visit, undoVisitOutcome(db, scope.visit.id, c.get('account')!.id, clock.now()))
  })

  const concernPage = (
    c: Context<AppEnv>,
    visit: VisitView,
    opts: { values?: VisitConcernValues; errors?: FieldErrors; done?: { code: string; rawCode: string } },
    status: 200 | 409 | 422 = 200,
  ) => {
    const i18n = c.get('i18n')
    return renderPage(
      c,
      <VisitConcernPage
        visitId={visit.id}
        title={i18n.t('visit.concern.title', { place: i18n.name(visit.place) })}
        facts={`${visitWhen(i18n, visit, zoneOf(visit.stationId))} · ${visitKindLabel(i18n.t, visit.kind)} · ${deputyNames(visit)}`}
        topics={activeTopics(db)}
        deputies={visit.deputies}
        {...opts}
      />,
      status,
    )
  }

  const concernRefused = (c: Context<AppEnv>, visit: VisitView) => {
    const refusal = visitActions(visit, clock.now(), countConcernsAtVisit(db, visit.id)).includes(
      'addConcern',
    )
      ? null
      : visit.status === 'cancelled'
        ? 'visit.error.cancelled'
        : 'visit.error.notStarted'
    return refusal ? visitPage(c, visit, { refusal: c.get('i18n').t(refusal) }, 409) : null
  }

  app.get('/visits/:id{[0-9]+}/concerns', (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const refused = concernRefused(c, scope.visit)
    if (refused) return refused
    const code = normalizeCode(c.req.query('done') ?? '')
    const concern = code ? findConcernByCode(db, code) : undefined
    const done =
      concern && concern.visitId === scope.visit.id
        ? { code: formatTrackingCode(concern.trackingCode), rawCode: concern.trackingCode }
        : undefined
    return concernPage(c, scope.visit, { done })
  })

  app.post('/visits/:id{[0-9]+}/concerns', async (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const visit = scope.visit
    const refused = concernRefused(c, visit)
    if (refused) return refused
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const values: VisitConcernValues = {
      topic: text(body, 'topic', 20),
      deputy: text(body, 'deputy', 20),
      description: text(body, 'description', INTAKE_DESCRIPTION_MAX * 2),
      residentName: text(body, 'residentName', 100),
      phone: text(body, 'phone', 40),
      smsConsent: body.smsConsent === 'on',
    }
    const parsed = parseForm(concernForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok) {
      if (!findActiveTopic(db, parsed.data.topic)) errors.topic = t('queue.error.unknownTopic')
      if (!visit.deputies.some((d) => d.id === parsed.data.deputy)) errors.deputy = t('error.unknownChoice')
    }
    let phone: string | null = null
    if (parsed.ok && parsed.data.phone) {
      const checked = normalizePhone(parsed.data.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('queue.error.phone')
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return concernPage(c, visit, { values, errors }, 422)
    const now = clock.now()
    const station = findStation(db, visit.stationId)!
    const { concern } = submitConcern(
      db,
      {
        stationId: station.id,
        localDate: localDate(now, station.timeZone),
        topicId: parsed.data.topic,
        channel: 'visit',
        queue: false,
        deputyId: parsed.data.deputy,
        priority: false,
        description: parsed.data.description,
        callbackPhone: phone,
        residentName: parsed.data.residentName || null,
        placeId: visit.placeId,
        visitId: visit.id,
        smsConsent: phone !== null && parsed.data.smsConsent,
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'account', accountId: c.get('account')!.id },
        // The tracking code by SMS to a resident who agreed, written with the concern or not at all.
        alsoInTransaction: (tx, issued) => {
          smsConcernReceived(tx, issued.concern, now)
        },
      },
      now,
    )
    return c.redirect(`/visits/${visit.id}/concerns?done=${concern.trackingCode}`, 303)
  })

  app.get('/visits/:id{[0-9]+}/slip/:code', async (c) => {
    const scope = visitFor(c)
    if (!scope.ok) return scope.res
    const visit = scope.visit
    const i18n = c.get('i18n')
    const concern = findConcernByCode(db, normalizeCode(c.req.param('code')))
    if (!concern || concern.visitId !== visit.id) return rejectRequest(c, 404, 'error.notFound.body')
    const station = findStation(db, visit.stationId)!
    const statusUrl = `${publicOrigin(c)}/track/${concern.trackingCode}`
    const qrSvg = await QRCode.toString(statusUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return renderPage(
      c,
      <VisitSlipPage
        slip={{
          visitId: visit.id,
          stationName: i18n.name(station),
          place: i18n.name(visit.place),
          issuedAt: i18n.dateTime(concern.createdAt, station.timeZone, {
            dateStyle: 'long',
            timeStyle: 'short',
          }),
          deputyName: visit.deputies.find((d) => d.id === concern.deputyId)?.name ?? '',
          dueOn: i18n.dateTime(new Date(`${concern.firstResponseDueOn}T12:00:00Z`), 'UTC', {
            dateStyle: 'long',
          }),
          trackingCode: concern.trackingCode,
          statusUrl,
          qrSvg,
          station,
        }}
      />,
    )
  })

  return app
}

const zonedParts = (at: Date, zone: string) => utcToZoned(at, zone)
