import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  bookingsOfSessions,
  callbackList,
  findBookingView,
  markCalledBack,
} from '../../db/queries/bookings.ts'
import { deputyName, deputyOptions, findActiveDeputy } from '../../db/queries/deputies.ts'
import { activeTopics, findActiveTopic } from '../../db/queries/queue-presence.ts'
import {
  bookingSettings,
  endPlan,
  findPlan,
  findSession,
  insertPlan,
  listPlans,
  listSessions,
  type PlanValues,
  saveBookingSettings,
  updatePlan,
} from '../../db/queries/reception.ts'
import { activePlace, placeOptions } from '../../db/queries/station-places.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { MessageKey, T } from '../../views/i18n/index.ts'
import {
  type BookValues,
  CallbacksPage,
  ClerkBookPage,
  DeputyReceptionPage,
  PlanEditPage,
  type PlanFormValues,
  PlansPage,
  ReceptionDayPage,
  type SessionDay,
} from '../../views/pages/staff/reception-pages.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import {
  type BookingSettings,
  bookingRefusal,
  formatBookingCode,
  seesPersonalData,
} from '../domain/booking-rules.ts'
import { maskName, maskPhone, normalizePhone } from '../domain/masking.ts'
import { planProblem, sessionSlots } from '../domain/reception-sessions.ts'
import { normalizeCode } from '../domain/secrets.ts'
import { isRealDate, localDate } from '../domain/time.ts'
import { addDays, isLocalTime } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import {
  type BookFailure,
  bookSlot,
  cancelBookingBy,
  cancelSessionByClerk,
  moveSessionByClerk,
  type SessionActionFailure,
  syncStationSessions,
} from '../events/reception-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm, parseId, parseWhole } from '../validation.ts'
import { NAME_MAX, refusalText } from './kiosk-booking.tsx'
import { auditFullView } from './personal-data-audit.ts'
import { stationFromPath } from './station-scope.ts'

const time = () => z.string().trim().refine(isLocalTime, 'booking.error.time')
const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || isRealDate(v), 'error.invalidDate')

const planForm = z.object({
  deputy: f.id(),
  pattern: z.enum(['weekly', 'nth_weekday', 'month_day'], { message: 'error.unknownChoice' }),
  weekdays: f.ids(),
  nthOfMonth: f.optionalInteger('booking.error.nthOfMonth'),
  dayOfMonth: f.optionalInteger('booking.error.dayOfMonth'),
  months: f.ids(),
  startTime: time(),
  endTime: time(),
  slotMinutes: f.whole(0, Number.MAX_SAFE_INTEGER, 'booking.error.slotMinutes'),
  capacityPerSlot: f.whole(0, Number.MAX_SAFE_INTEGER, 'booking.error.capacity'),
  place: f.optionalText(40),
  validFrom: f.date(),
  validUntil: optionalDate(),
})

const settingsForm = z.object({
  minNoticeMinutes: f.whole(0, 7 * 24 * 60, 'booking.error.minNotice'),
  horizonDays: f.whole(1, 180, 'booking.error.horizonDays'),
  onePerPhonePerDeputy: f.checkbox(),
})

const bookForm = z.object({
  session: f.id(),
  slot: f.whole(0, 500),
  topic: f.id('booking.error.topic'),
  name: z.string().trim().min(1, 'booking.error.name').max(NAME_MAX),
  phone: z.string().trim().min(1, 'booking.error.phoneMissing').max(40),
  place: f.optionalId(),
})

const moveForm = z.object({ date: f.date(), startTime: time() })

const PROBLEM_FIELDS: Record<string, [field: string, key: MessageKey]> = {
  time: ['startTime', 'booking.error.time'],
  endBeforeStart: ['endTime', 'booking.error.endBeforeStart'],
  slotMinutes: ['slotMinutes', 'booking.error.slotMinutes'],
  noSlot: ['slotMinutes', 'booking.error.noSlot'],
  capacity: ['capacityPerSlot', 'booking.error.capacity'],
  validUntil: ['validUntil', 'booking.error.validUntil'],
  months: ['months', 'error.unknownChoice'],
  weekdays: ['weekdays', 'booking.error.weekdays'],
  nthOfMonth: ['nthOfMonth', 'booking.error.nthOfMonth'],
  dayOfMonth: ['dayOfMonth', 'booking.error.dayOfMonth'],
}

const field = (body: Record<string, unknown>, k: string) => {
  const v = body[k]
  return typeof v === 'string' ? v.slice(0, 200) : Array.isArray(v) ? String(v[0] ?? '').slice(0, 200) : ''
}
const fields = (body: Record<string, unknown>, k: string) => {
  const v = body[k]
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')
}

/**
 * Reception days for clerks (/staff/stations/:id/reception…): the day view with booked,
 * checked-in and free slots, booking for a caller, moving and cancelling sessions, the call-back
 * list, and the plans with the station's booking settings. And /deputy/reception, a deputy's days.
 */
export function receptionRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const base = (s: StationRow) => `/staff/stations/${s.id}/reception`

  /**
   * Sessions of one day with every seat of every slot, names shown as the viewer may see them
   * (and an audit entry when any is shown in full).
   */
  const sessionDays = (
    c: Context<AppEnv>,
    where: { stationId?: number; deputyIds?: number[]; date: string },
    withActions: boolean,
  ): SessionDay[] => {
    const account = c.get('account')!
    const seen: number[] = []
    const now = clock.now()
    const sessions = listSessions(db, { ...where, from: where.date, to: where.date })
    const bookings = bookingsOfSessions(
      db,
      sessions.map((s) => s.id),
    )
    const days = sessions.map((s) => {
      const station = findStation(db, s.stationId)!
      const settings = bookingSettings(db, station.id)
      const today = localDate(now, station.timeZone)
      const mine = bookings.filter((b) => b.sessionId === s.id)
      const person = (b: (typeof mine)[number]) => {
        const full = seesPersonalData(account, b)
        const name = b.residentName ?? ''
        const phone = b.residentPhone ?? ''
        if (full && (name || phone)) seen.push(b.id)
        return {
          name: full ? name : maskName(name),
          phone: full ? phone : maskPhone(phone),
        }
      }
      return {
        session: s,
        station,
        slots: sessionSlots(s, station.timeZone).map((slot) => {
          const live = mine.filter((b) => b.slotIndex === slot.index && b.status !== 'cancelled')
          const bookable =
            withActions &&
            bookingRefusal({
              sessionStatus: s.status,
              slotStartsAt: slot.startsAt,
              slotDate: s.date,
              now,
              today,
              settings,
            }) === null
          return {
            slot,
            seats: Array.from({ length: s.capacityPerSlot }, (_, i) => {
              const b = live.find((x) => x.seat === i + 1)
              return b
                ? {
                    booking: {
                      id: b.id,
                      code: formatBookingCode(b.code),
                      status: b.status,
                      channel: b.channel,
                      topic: b.topic,
                      ...person(b),
                      cancellable: withActions && b.status === 'booked' && b.slotAt.getTime() > now.getTime(),
                    },
                  }
                : { booking: null, bookable }
            }),
          }
        }),
        cancelled: mine
          .filter((b) => b.status === 'cancelled')
          .map((b) => ({
            id: b.id,
            code: formatBookingCode(b.code),
            slotAt: b.slotAt,
            by: b.cancelledBy,
            ...person(b),
          })),
        canChange: withActions && s.status === 'scheduled' && s.startsAt.getTime() > now.getTime(),
      }
    })
    auditFullView(c, 'reception_booking', [...new Set(seen)])
    return days
  }

  const dayPage = (
    c: Context<AppEnv>,
    station: StationRow,
    date: string,
    opts: { notice?: string; errors?: FieldErrors; moveValues?: Record<string, string> } = {},
    status: 200 | 404 | 409 | 422 = 200,
  ) => {
    const today = localDate(clock.now(), station.timeZone)
    return renderPage(
      c,
      <ReceptionDayPage
        station={{ id: station.id, name: c.get('i18n').name(station), timeZone: station.timeZone }}
        date={date}
        today={today}
        prev={addDays(date, -1)}
        next={addDays(date, 1)}
        days={sessionDays(c, { stationId: station.id, date }, true)}
        {...opts}
      />,
      status,
    )
  }

  const dateQuery = (c: Context<AppEnv>, station: StationRow) => {
    const asked = c.req.query('date') ?? ''
    return isRealDate(asked) ? asked : localDate(clock.now(), station.timeZone)
  }

  app.get('/staff/stations/:id/reception', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { t } = c.get('i18n')
    const booked = normalizeCode(c.req.query('booked') ?? '')
    const notice = booked
      ? t('booking.clerk.booked', { code: formatBookingCode(booked) })
      : c.req.query('saved')
        ? t('booking.clerk.saved')
        : undefined
    return dayPage(c, scope.station, dateQuery(c, scope.station), { notice })
  })

  // ── booking for a caller ────────────────────────────────────────────────────────────────────

  const bookPage = (
    c: Context<AppEnv>,
    station: StationRow,
    values: BookValues,
    errors: FieldErrors = {},
    status: 200 | 404 | 409 | 422 = 200,
  ) => {
    const session = findSession(db, parseId(values.session) ?? 0)
    const slot = session && sessionSlots(session, station.timeZone)[parseWhole(values.slot) ?? -1]
    if (!session || session.stationId !== station.id || !slot)
      return rejectRequest(c, 404, 'booking.error.gone')
    const deputy = { name: deputyName(db, session.deputyId) }
    return renderPage(
      c,
      <ClerkBookPage
        station={{ id: station.id, name: c.get('i18n').name(station), timeZone: station.timeZone }}
        session={session}
        deputyName={deputy?.name ?? ''}
        slot={slot}
        topics={activeTopics(db)}
        places={placeOptions(db, station.id)}
        values={values}
        errors={errors}
      />,
      status,
    )
  }

  app.get('/staff/stations/:id/reception/book', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    return bookPage(c, scope.station, {
      session: c.req.query('session') ?? '',
      slot: c.req.query('slot') ?? '',
    })
  })

  app.post('/staff/stations/:id/reception/book', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const values: BookValues = {
      session: field(body, 'session'),
      slot: field(body, 'slot'),
      topic: field(body, 'topic'),
      name: field(body, 'name').slice(0, NAME_MAX * 2),
      phone: field(body, 'phone').slice(0, 40),
      place: field(body, 'place').slice(0, 20),
    }
    const parsed = parseForm(bookForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    let phone = ''
    if (parsed.ok) {
      const checked = normalizePhone(parsed.data.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('booking.error.phone')
      if (!findActiveTopic(db, parsed.data.topic)) errors.topic = t('booking.error.topic')
      if (parsed.data.place !== undefined && !activePlace(db, parsed.data.place))
        errors.place = t('placeField.unknown')
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return bookPage(c, station, values, errors, 422)
    const result = bookSlot(
      deps,
      {
        stationId: station.id,
        sessionId: parsed.data.session,
        slotIndex: parsed.data.slot,
        topicId: parsed.data.topic,
        residentName: parsed.data.name,
        residentPhone: phone,
        placeId: parsed.data.place ?? null,
        channel: 'clerk',
        kioskId: null,
        accountId: c.get('account')!.id,
        submissionKey: null,
      },
      clock.now(),
    )
    if (result.ok) {
      const session = findSession(db, result.booking.sessionId)!
      return c.redirect(`${base(station)}?date=${session.date}&booked=${result.booking.code}`, 303)
    }
    return bookPage(
      c,
      station,
      values,
      { _form: bookFailureText(t, result.reason) },
      bookFailureStatus(result.reason),
    )
  })

  // ── sessions: cancel, move; bookings: cancel ────────────────────────────────────────────────

  const sessionFailure = (t: T, reason: SessionActionFailure) => {
    switch (reason) {
      case 'not_found':
        return t('booking.error.gone')
      case 'started':
        return t('booking.error.sessionStarted')
      case 'checked_in':
        return t('booking.error.sessionCheckedIn')
      case 'unconfirmed':
        return t('booking.error.confirmCancel')
      case 'cancelled':
        return t('booking.error.sessionCancelled')
      case 'closed':
        return t('booking.error.closedDay')
      case 'past':
        return t('booking.error.movePast')
      case 'no_slot':
        return t('booking.error.moveOvernight')
    }
  }

  app.post('/staff/stations/:id/reception/sessions/:sid/cancel', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const sessionId = idParam(c, 'sid') ?? 0
    const session = findSession(db, sessionId)
    // Cancelling a whole session is not undone by a click: the form has a box to tick first.
    const confirmed = (await readForm(c)).confirm === 'on'
    const result = confirmed
      ? cancelSessionByClerk(deps, { stationId: station.id, sessionId }, clock.now())
      : ({ ok: false, reason: 'unconfirmed' } as const)
    if (!result.ok) {
      if (!session || session.stationId !== station.id) return rejectRequest(c, 404, 'booking.error.gone')
      const errors = { _form: sessionFailure(c.get('i18n').t, result.reason) }
      return dayPage(c, station, session.date, { errors }, result.reason === 'unconfirmed' ? 422 : 409)
    }
    return c.redirect(`${base(station)}?date=${session!.date}&saved=1`, 303)
  })

  app.post('/staff/stations/:id/reception/sessions/:sid/move', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const { t } = c.get('i18n')
    const sessionId = idParam(c, 'sid') ?? 0
    const session = findSession(db, sessionId)
    if (!session || session.stationId !== station.id) return rejectRequest(c, 404, 'booking.error.gone')
    const body = await readForm(c)
    const moveValues = {
      session: String(sessionId),
      date: field(body, 'date'),
      startTime: field(body, 'startTime'),
    }
    const parsed = parseForm(moveForm, body, t)
    if (!parsed.ok) return dayPage(c, station, session.date, { errors: parsed.errors, moveValues }, 422)
    const result = moveSessionByClerk(
      deps,
      { stationId: station.id, sessionId, date: parsed.data.date, startTime: parsed.data.startTime },
      clock.now(),
    )
    if (!result.ok)
      return dayPage(
        c,
        station,
        session.date,
        { errors: { date: sessionFailure(t, result.reason) }, moveValues },
        result.reason === 'not_found' ? 404 : 422,
      )
    return c.redirect(`${base(station)}?date=${parsed.data.date}&saved=1`, 303)
  })

  app.post('/staff/stations/:id/reception/bookings/:bid/cancel', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const booking = findBookingView(db, idParam(c, 'bid') ?? 0)
    if (!booking || booking.stationId !== station.id) return rejectRequest(c, 404, 'booking.error.gone')
    const result = cancelBookingBy(deps, { bookingId: booking.id, by: 'clerk' }, clock.now())
    if (!result.ok)
      return dayPage(
        c,
        station,
        booking.sessionDate,
        { errors: { _form: c.get('i18n').t('booking.error.notCancellable') } },
        409,
      )
    return c.redirect(`${base(station)}?date=${booking.sessionDate}&saved=1`, 303)
  })

  // ── call-backs ──────────────────────────────────────────────────────────────────────────────

  const callbacksPage = (c: Context<AppEnv>, station: StationRow, notice?: string) => {
    const account = c.get('account')!
    const seen: number[] = []
    const rows = callbackList(db, station.id).map((b) => {
      const full = seesPersonalData(account, b)
      if (full && (b.residentName || b.residentPhone)) seen.push(b.id)
      return {
        id: b.id,
        code: formatBookingCode(b.code),
        deputyName: b.deputyName,
        name: full ? (b.residentName ?? '') : maskName(b.residentName ?? ''),
        phone: full ? (b.residentPhone ?? '') : maskPhone(b.residentPhone ?? ''),
        reason: b.callbackReason!,
        status: b.status,
        slotAt: b.slotAt,
        requestedAt: b.callbackRequestedAt!,
      }
    })
    auditFullView(c, 'reception_booking', seen)
    return renderPage(
      c,
      <CallbacksPage
        station={{ id: station.id, name: c.get('i18n').name(station), timeZone: station.timeZone }}
        rows={rows}
        notice={notice}
      />,
    )
  }

  app.get('/staff/stations/:id/reception/callbacks', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    return callbacksPage(
      c,
      scope.station,
      c.req.query('saved') ? c.get('i18n').t('booking.clerk.saved') : undefined,
    )
  })

  app.post('/staff/stations/:id/reception/callbacks/:bid/done', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const ok = markCalledBack(db, idParam(c, 'bid') ?? 0, scope.station.id, c.get('account')!.id, clock.now())
    if (!ok) return rejectRequest(c, 404, 'booking.error.gone')
    return c.redirect(`${base(scope.station)}/callbacks?saved=1`, 303)
  })

  // ── plans and settings ──────────────────────────────────────────────────────────────────────

  const plansPage = (
    c: Context<AppEnv>,
    station: StationRow,
    opts: {
      values?: PlanFormValues
      errors?: FieldErrors
      settings?: BookingSettings
      settingsErrors?: FieldErrors
      notice?: string
    } = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      <PlansPage
        station={{ id: station.id, name: c.get('i18n').name(station), timeZone: station.timeZone }}
        plans={listPlans(db, station.id)}
        deputies={deputyOptions(db, station.id)}
        values={
          opts.values ?? {
            pattern: 'weekly',
            slotMinutes: '30',
            capacityPerSlot: '1',
            validFrom: localDate(clock.now(), station.timeZone),
          }
        }
        errors={opts.errors}
        settings={opts.settings ?? bookingSettings(db, station.id)}
        settingsErrors={opts.settingsErrors}
        notice={opts.notice}
      />,
      status,
    )

  /** Parses a submitted plan: the values to re-render, and the clean plan or field errors. */
  const readPlan = async (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const body = (await readForm(c, { all: true })) as Record<string, unknown>
    const values: PlanFormValues = {
      deputy: field(body, 'deputy'),
      pattern: field(body, 'pattern'),
      weekdays: fields(body, 'weekdays'),
      nthOfMonth: field(body, 'nthOfMonth'),
      dayOfMonth: field(body, 'dayOfMonth'),
      months: fields(body, 'months'),
      startTime: field(body, 'startTime'),
      endTime: field(body, 'endTime'),
      slotMinutes: field(body, 'slotMinutes'),
      capacityPerSlot: field(body, 'capacityPerSlot'),
      place: field(body, 'place'),
      validFrom: field(body, 'validFrom'),
      validUntil: field(body, 'validUntil'),
    }
    const flat = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [
        k,
        Array.isArray(v) && k !== 'weekdays' && k !== 'months' ? v[0] : v,
      ]),
    )
    const parsed = parseForm(planForm, flat, t)
    if (!parsed.ok) return { values, errors: parsed.errors, plan: null }
    const d = parsed.data
    const plan: PlanValues = {
      deputyId: d.deputy,
      pattern: d.pattern,
      weekdays: d.pattern === 'month_day' ? '' : [...new Set(d.weekdays)].sort().join(','),
      nthOfMonth: d.pattern === 'nth_weekday' ? d.nthOfMonth : null,
      dayOfMonth: d.pattern === 'month_day' ? d.dayOfMonth : null,
      months: d.pattern === 'weekly' ? '' : [...new Set(d.months)].sort((a, b) => a - b).join(','),
      startTime: d.startTime,
      endTime: d.endTime,
      slotMinutes: d.slotMinutes,
      capacityPerSlot: d.capacityPerSlot,
      place: d.place,
      validFrom: d.validFrom,
      validUntil: d.validUntil || null,
    }
    const errors: FieldErrors = {}
    const problem = planProblem({
      ...plan,
      weekdays: plan.weekdays === '' ? [] : (plan.weekdays.split(',').map(Number) as never),
      months: plan.months === '' ? [] : plan.months.split(',').map(Number),
    })
    if (problem) {
      const [name, key] = PROBLEM_FIELDS[problem]!
      errors[name] = t(key)
    }
    if (!findActiveDeputy(db, d.deputy)) errors.deputy = t('error.unknownChoice')
    return Object.keys(errors).length > 0 ? { values, errors, plan: null } : { values, errors, plan }
  }

  app.get('/staff/stations/:id/reception/plans', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    return plansPage(c, scope.station, {
      notice: c.req.query('saved') ? c.get('i18n').t('booking.clerk.saved') : undefined,
    })
  })

  app.post('/staff/stations/:id/reception/plans', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const r = await readPlan(c)
    if (!r.plan) return plansPage(c, station, { values: r.values, errors: r.errors }, 422)
    const now = clock.now()
    insertPlan(db, station.id, r.plan, c.get('account')!.id, now)
    syncStationSessions(deps, station.id, now)
    return c.redirect(`${base(station)}/plans?saved=1`, 303)
  })

  const planOf = (c: Context<AppEnv>, station: StationRow) => {
    const plan = findPlan(db, idParam(c, 'pid') ?? 0)
    return plan && plan.stationId === station.id ? plan : null
  }

  app.get('/staff/stations/:id/reception/plans/:pid', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const plan = planOf(c, scope.station)
    if (!plan) return rejectRequest(c, 404, 'error.notFound.body')
    const values: PlanFormValues = {
      deputy: String(plan.deputyId),
      pattern: plan.pattern,
      weekdays: plan.weekdays === '' ? [] : plan.weekdays.split(','),
      nthOfMonth: plan.nthOfMonth === null ? '' : String(plan.nthOfMonth),
      dayOfMonth: plan.dayOfMonth === null ? '' : String(plan.dayOfMonth),
      months: plan.months === '' ? [] : plan.months.split(','),
      startTime: plan.startTime,
      endTime: plan.endTime,
      slotMinutes: String(plan.slotMinutes),
      capacityPerSlot: String(plan.capacityPerSlot),
      place: plan.place,
      validFrom: plan.validFrom,
      validUntil: plan.validUntil ?? '',
    }
    return planEditPage(c, scope.station, plan.id, plan.endedAt !== null, values)
  })

  const planEditPage = (
    c: Context<AppEnv>,
    station: StationRow,
    planId: number,
    ended: boolean,
    values: PlanFormValues,
    errors: FieldErrors = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      <PlanEditPage
        station={{ id: station.id, name: c.get('i18n').name(station), timeZone: station.timeZone }}
        planId={planId}
        ended={ended}
        deputies={deputyOptions(db, station.id)}
        values={values}
        errors={errors}
      />,
      status,
    )

  app.post('/staff/stations/:id/reception/plans/:pid', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const plan = planOf(c, station)
    if (!plan) return rejectRequest(c, 404, 'error.notFound.body')
    const r = await readPlan(c)
    if (!r.plan) return planEditPage(c, station, plan.id, plan.endedAt !== null, r.values, r.errors, 422)
    const now = clock.now()
    updatePlan(db, plan.id, r.plan, now)
    syncStationSessions(deps, station.id, now)
    return c.redirect(`${base(station)}/plans?saved=1`, 303)
  })

  app.post('/staff/stations/:id/reception/plans/:pid/end', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const plan = planOf(c, station)
    if (!plan) return rejectRequest(c, 404, 'error.notFound.body')
    const now = clock.now()
    endPlan(db, plan.id, now)
    syncStationSessions(deps, station.id, now)
    return c.redirect(`${base(station)}/plans?saved=1`, 303)
  })

  app.post('/staff/stations/:id/reception/settings', async (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const body = await readForm(c)
    const parsed = parseForm(settingsForm, body, c.get('i18n').t)
    if (!parsed.ok) {
      const settings = {
        minNoticeMinutes: parseWhole(field(body, 'minNoticeMinutes')) ?? 0,
        horizonDays: parseWhole(field(body, 'horizonDays')) ?? 0,
        onePerPhonePerDeputy: field(body, 'onePerPhonePerDeputy') === 'on',
      }
      return plansPage(c, station, { settings, settingsErrors: parsed.errors }, 422)
    }
    const now = clock.now()
    saveBookingSettings(db, station.id, parsed.data, now)
    syncStationSessions(deps, station.id, now)
    return c.redirect(`${base(station)}/plans?saved=1`, 303)
  })

  // ── a deputy's own days ─────────────────────────────────────────────────────────────────────

  app.get('/deputy/reception', (c) => {
    const account = c.get('account')!
    if (account.deputyId === null) return rejectRequest(c, 403, 'booking.error.notDeputy')
    const tz = deps.config.defaultTimeZone
    const asked = c.req.query('date') ?? ''
    const date = isRealDate(asked) ? asked : localDate(clock.now(), tz)
    const upcoming = listSessions(db, {
      deputyIds: [account.deputyId],
      from: localDate(clock.now(), tz),
      to: addDays(localDate(clock.now(), tz), 60),
      scheduledOnly: true,
    }).map((s) => s.date)
    return renderPage(
      c,
      <DeputyReceptionPage
        date={date}
        prev={addDays(date, -1)}
        next={addDays(date, 1)}
        days={sessionDays(c, { deputyIds: [account.deputyId], date }, false)}
        upcoming={[...new Set(upcoming)].slice(0, 8)}
      />,
    )
  })

  return app
}

const bookFailureStatus = (reason: BookFailure) =>
  reason === 'taken' || reason === 'limit' ? 409 : reason === 'not_found' ? 404 : 422

function bookFailureText(t: T, reason: BookFailure) {
  switch (reason) {
    case 'taken':
      return t('booking.error.taken')
    case 'limit':
      return t('booking.error.limit')
    case 'not_found':
      return t('booking.error.gone')
    default:
      return refusalText(t, reason)
  }
}
