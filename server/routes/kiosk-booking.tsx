import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { bookingsByPhone, findBookingByCode, findBookingView } from '../../db/queries/bookings.ts'
import { deputyName } from '../../db/queries/deputies.ts'
import { activeTopics, districtDeputies, findActiveTopic } from '../../db/queries/queue-presence.ts'
import { findSession, listSessions, type OpenSession, openSessions } from '../../db/queries/reception.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { MessageKey } from '../../views/i18n/index.ts'
import {
  BookingCancelConfirmPage,
  BookingPhoneListPage,
  BookingPhonePage,
} from '../../views/pages/kiosk/booking-lookup-pages.tsx'
import {
  BookingCodePage,
  BookingDaysPage,
  BookingDetailsPage,
  BookingDonePage,
  type BookingDraft,
  BookingFoundPage,
  BookingSlipPage,
  BookingSlotsPage,
  BookingWhoPage,
  type Who,
} from '../../views/pages/kiosk/booking-pages.tsx'
import { KioskMessagePage } from '../../views/pages/kiosk/kiosk-message-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import {
  type BookingStatus,
  CHECK_IN_EARLY_MINUTES,
  cancelRefusal,
  checkInRefusal,
  isBookingCode,
} from '../domain/booking-rules.ts'
import { maskName, normalizePhone } from '../domain/masking.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { sessionSlots } from '../domain/reception-sessions.ts'
import { normalizeCode, randomToken } from '../domain/secrets.ts'
import { isRealDate, localDate } from '../domain/time.ts'
import { addDays, zonedTimeToUtc } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { type BookFailure, bookSlot, cancelBookingBy, checkInBooking } from '../events/reception-commands.ts'
import type { KioskAction } from '../kiosk-actions.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm, parseId, parseWhole } from '../validation.ts'

/** Bookings one kiosk may make per window: far above real use, low enough to stop a runaway. */
export const KIOSK_BOOKINGS_PER_WINDOW = 30
export const KIOSK_BOOKING_WINDOW_MS = 5 * 60_000
/** Code lookups (find, check in, cancel) one kiosk may make per window (DESIGN §4.3). */
export const CODE_LOOKUPS_PER_WINDOW = 30
export const CODE_LOOKUP_WINDOW_MS = 10 * 60_000
/** The booking slip can be shown again on the kiosk this long after booking, then never. */
export const SLIP_VISIBLE_MS = 15 * 60_000
export const NAME_MAX = 20

const WHO = /^([dg])([1-9]\d{0,8})$/
const parseWho = (s: string | undefined): { kind: 'deputy' | 'district'; id: number } | null => {
  const m = WHO.exec(s ?? '')
  return m ? { kind: m[1] === 'd' ? 'deputy' : 'district', id: Number(m[2]) } : null
}

const bookingForm = z.object({
  station: f.id(),
  who: z.string().regex(WHO, 'error.unknownChoice'),
  session: f.id(),
  slot: f.whole(0, 500),
  key: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'queue.error.expiredForm'),
  topic: f.id('booking.error.topic'),
  name: z.string().trim().min(1, 'booking.error.name').max(NAME_MAX),
  phone: z.string().trim().min(1, 'booking.error.phoneMissing').max(40),
})

const codeForm = z.object({ code: z.string().trim().min(1, 'booking.error.codeMissing').max(20) })
const actionForm = z.object({
  code: z.string().trim().min(1).max(20),
  key: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'queue.error.expiredForm'),
  /** Cancelling needs the confirmation screen's `yes`; without it that screen is shown. */
  confirm: z.literal('yes').optional().catch(undefined),
})
const phoneForm = z.object({ phone: z.string().trim().min(1, 'booking.phone.missing').max(40) })

/**
 * The kiosk's booking flow (预约接待): who → day → slot → topic, name and phone → code and slip;
 * six taps plus the typing. And the code desk: find a booking by its code, check in, cancel.
 */
export function kioskBookingRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const submissions = new RateLimiter(
    KIOSK_BOOKINGS_PER_WINDOW,
    KIOSK_BOOKING_WINDOW_MS,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const lookups = new RateLimiter(
    CODE_LOOKUPS_PER_WINDOW,
    CODE_LOOKUP_WINDOW_MS,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()

  const stationOf = (c: Context<AppEnv>) => findStation(db, c.get('kiosk')!.stationId)
  const message = (
    c: Context<AppEnv>,
    status: 403 | 404 | 409 | 422 | 429,
    title: MessageKey,
    body: string,
    station?: StationRow,
  ) =>
    renderPage(
      c,
      <KioskMessagePage
        title={c.get('i18n').t(title)}
        body={body}
        stationName={station ? c.get('i18n').name(station) : undefined}
      />,
      status,
    )

  /** What a "who" choice covers: one deputy, or every deputy of one of this station's districts. */
  const scopeOf = (station: StationRow, whoParam: string | undefined) => {
    const who = parseWho(whoParam)
    if (!who) return null
    if (who.kind === 'deputy') {
      const sessions = openSessions(db, station, clock.now(), [who.id])
      if (sessions.length === 0) return null
      const label: Who = { param: `d${who.id}`, kind: 'deputy', name: sessions[0]!.deputyName }
      return { who: label, sessions }
    }
    const group = districtDeputies(db, station.id).find((g) => g.district.id === who.id)
    if (!group) return null
    const sessions = openSessions(
      db,
      station,
      clock.now(),
      group.deputies.map((d) => d.id),
    )
    const label: Who = { param: `g${who.id}`, kind: 'district', name: '', district: group.district }
    return { who: label, sessions }
  }

  app.get('/kiosk/booking', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    const sessions = openSessions(db, station, clock.now())
    const people = new Map<number, { id: number; name: string; next: OpenSession }>()
    for (const s of sessions)
      if (!people.has(s.deputyId)) people.set(s.deputyId, { id: s.deputyId, name: s.deputyName, next: s })
    const withSessions = new Set(people.keys())
    const districts = districtDeputies(db, station.id).filter((g) =>
      g.deputies.some((d) => withSessions.has(d.id)),
    )
    return renderPage(
      c,
      <BookingWhoPage
        stationName={c.get('i18n').name(station)}
        deputies={[...people.values()].map((d) => ({ id: d.id, name: d.name, nextDate: d.next.date }))}
        districts={districts.map((g) => g.district)}
      />,
    )
  })

  app.get('/kiosk/booking/days', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    const scope = scopeOf(station, c.req.query('who'))
    if (!scope || scope.sessions.length === 0)
      return message(c, 404, 'booking.kiosk.noneTitle', c.get('i18n').t('booking.kiosk.noneBody'), station)
    const days = new Map<string, number>()
    for (const s of scope.sessions) days.set(s.date, (days.get(s.date) ?? 0) + s.slots.length)
    return renderPage(
      c,
      <BookingDaysPage
        stationName={c.get('i18n').name(station)}
        who={scope.who}
        days={[...days].map(([date, free]) => ({ date, free }))}
      />,
    )
  })

  const slotsPage = (
    c: Context<AppEnv>,
    station: StationRow,
    whoParam: string | undefined,
    date: string | undefined,
    status: 200 | 409 | 422 = 200,
    notice?: string,
  ) => {
    const scope = scopeOf(station, whoParam)
    if (!scope || !date || !isRealDate(date))
      return message(c, 404, 'booking.kiosk.noneTitle', c.get('i18n').t('booking.kiosk.noneBody'), station)
    const sessions = scope.sessions.filter((s) => s.date === date)
    return renderPage(
      c,
      <BookingSlotsPage
        stationName={c.get('i18n').name(station)}
        who={scope.who}
        date={date}
        timeZone={station.timeZone}
        sessions={sessions}
        notice={notice}
      />,
      status,
    )
  }

  app.get('/kiosk/booking/slots', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    return slotsPage(c, station, c.req.query('who'), c.req.query('date'))
  })

  /** The chosen session and slot, if they still exist at this station. */
  const chosen = (station: StationRow, sessionId: number, slotIndex: number) => {
    const session = findSession(db, sessionId)
    if (!session || session.stationId !== station.id) return null
    const slot = sessionSlots(session, station.timeZone)[slotIndex]
    if (!slot) return null
    return { session, slot, deputyName: deputyName(db, session.deputyId) }
  }

  const detailsPage = (
    c: Context<AppEnv>,
    station: StationRow,
    draft: BookingDraft,
    errors: FieldErrors = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const pick = chosen(station, draft.sessionId, draft.slotIndex)
    if (!pick)
      return message(c, 404, 'booking.kiosk.noneTitle', c.get('i18n').t('booking.error.gone'), station)
    return renderPage(
      c,
      <BookingDetailsPage
        stationName={c.get('i18n').name(station)}
        draft={draft}
        deputyName={pick.deputyName}
        date={pick.session.date}
        startTime={pick.slot.startTime}
        endTime={pick.slot.endTime}
        place={pick.session.place}
        topics={activeTopics(db)}
        errors={errors}
      />,
      status,
    )
  }

  app.get('/kiosk/booking/details', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    const who = c.req.query('who') ?? ''
    if (!parseWho(who))
      return message(c, 404, 'booking.kiosk.noneTitle', c.get('i18n').t('booking.kiosk.noneBody'), station)
    return detailsPage(c, station, {
      stationId: station.id,
      who,
      sessionId: parseId(c.req.query('session')) ?? 0,
      slotIndex: parseWhole(c.req.query('slot')) ?? 0,
      key: randomToken(24),
      topic: '',
      name: '',
      phone: '',
    })
  })

  app.post('/kiosk/booking', async (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)!
    const body = await readForm(c)
    const raw = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const draft: BookingDraft = {
      stationId: station.id,
      who: raw('who').slice(0, 12),
      sessionId: parseId(raw('session')) ?? 0,
      slotIndex: parseWhole(raw('slot')) ?? 0,
      key: raw('key').slice(0, 64),
      topic: raw('topic').slice(0, 12),
      name: raw('name').slice(0, NAME_MAX * 2),
      phone: raw('phone').slice(0, 40),
    }
    if (parseId(raw('station')) !== station.id)
      return message(c, 403, 'error.forbidden.title', t('queue.error.otherStation'), station)
    const parsed = parseForm(bookingForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    let phone = ''
    if (parsed.ok) {
      const checked = normalizePhone(parsed.data.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('booking.error.phone')
      if (!findActiveTopic(db, parsed.data.topic)) errors.topic = t('booking.error.topic')
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return detailsPage(c, station, draft, errors, 422)
    if (!submissions.take(`kiosk:${c.get('kiosk')!.id}`))
      return message(c, 429, 'queue.error.busyTitle', t('queue.error.tooMany'), station)
    const result = bookSlot(
      deps,
      {
        stationId: station.id,
        sessionId: parsed.data.session,
        slotIndex: parsed.data.slot,
        topicId: parsed.data.topic,
        residentName: parsed.data.name,
        residentPhone: phone,
        channel: 'kiosk',
        kioskId: c.get('kiosk')!.id,
        accountId: null,
        submissionKey: parsed.data.key,
      },
      clock.now(),
    )
    if (result.ok) {
      if (result.booking.stationId !== station.id)
        return message(c, 403, 'error.forbidden.title', t('queue.error.otherStation'), station)
      return c.redirect(`/kiosk/booking/slip/${result.booking.code}`, 303)
    }
    return refusal(c, station, draft, result.reason)
  })

  /** A booking the rules refused, answered where the resident can best go on. */
  const refusal = (c: Context<AppEnv>, station: StationRow, draft: BookingDraft, reason: BookFailure) => {
    const { t } = c.get('i18n')
    const session = findSession(db, draft.sessionId)
    switch (reason) {
      case 'taken':
        return slotsPage(c, station, draft.who, session?.date, 409, t('booking.error.taken'))
      case 'limit':
        return detailsPage(c, station, draft, { phone: t('booking.error.limit') }, 409)
      case 'not_found':
        return message(c, 404, 'booking.kiosk.noneTitle', t('booking.error.gone'), station)
      default:
        return slotsPage(c, station, draft.who, session?.date, 422, refusalText(t, reason))
    }
  }

  app.get('/kiosk/booking/slip/:code', (c) => {
    const station = stationOf(c)
    const i18n = c.get('i18n')
    const code = normalizeCode(c.req.param('code'))
    const found = isBookingCode(code) ? findBookingByCode(db, code) : undefined
    const booking = found && findBookingView(db, found.id)
    const fresh = booking && clock.now().getTime() - booking.createdAt.getTime() <= SLIP_VISIBLE_MS
    if (!station || !booking || !fresh || booking.stationId !== station.id || booking.channel !== 'kiosk')
      return message(c, 404, 'error.notFound.title', i18n.t('booking.error.noSlip'), station)
    const session = findSession(db, booking.sessionId)!
    return renderPage(
      c,
      <BookingSlipPage
        stationName={i18n.name(station)}
        address={station.address}
        code={booking.code}
        deputyName={booking.deputyName}
        date={session.date}
        slotAt={booking.slotAt}
        slotEndsAt={booking.slotEndsAt}
        timeZone={station.timeZone}
        place={session.place}
        topicName={i18n.name(booking.topic)}
        checkInMinutes={CHECK_IN_EARLY_MINUTES}
        station={station}
        printer={c.get('kiosk')!.hasReceiptPrinter}
      />,
    )
  })

  // ── the code desk: find, check in, cancel ─────────────────────────────────────────────────────

  app.get('/kiosk/booking/code', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    return renderPage(c, <BookingCodePage stationName={c.get('i18n').name(station)} code="" />)
  })

  /** The booking a code names at this station, counting the lookup against the kiosk's limit. */
  const lookUp = (c: Context<AppEnv>, station: StationRow, input: string) => {
    if (!lookups.take(`kiosk:${c.get('kiosk')!.id}`)) return { kind: 'limited' as const }
    const code = normalizeCode(input)
    const found = isBookingCode(code) ? findBookingByCode(db, code) : undefined
    if (!found || found.stationId !== station.id) return { kind: 'unknown' as const }
    return { kind: 'found' as const, booking: findBookingView(db, found.id)! }
  }

  const codePage = (
    c: Context<AppEnv>,
    station: StationRow,
    code: string,
    error: string,
    status: 404 | 409 | 422 | 429,
  ) =>
    renderPage(
      c,
      <BookingCodePage stationName={c.get('i18n').name(station)} code={code} errors={{ code: error }} />,
      status,
    )

  app.post('/kiosk/booking/code', async (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)!
    const body = await readForm(c)
    const parsed = parseForm(codeForm, body, t)
    const input = typeof body.code === 'string' ? body.code.slice(0, 20) : ''
    if (!parsed.ok)
      return codePage(c, station, input, parsed.errors.code ?? t('booking.error.codeMissing'), 422)
    const r = lookUp(c, station, parsed.data.code)
    if (r.kind === 'limited') return codePage(c, station, input, t('booking.error.tooManyLookups'), 429)
    if (r.kind === 'unknown') return codePage(c, station, input, t('booking.error.unknownCode'), 404)
    return foundPage(c, station, r.booking)
  })

  const foundPage = (
    c: Context<AppEnv>,
    station: StationRow,
    booking: NonNullable<ReturnType<typeof findBookingView>>,
    status: 200 | 409 | 422 = 200,
    notice?: string,
  ) => {
    const now = clock.now()
    const session = findSession(db, booking.sessionId)!
    return renderPage(
      c,
      <BookingFoundPage
        stationName={c.get('i18n').name(station)}
        code={booking.code}
        formKey={randomToken(24)}
        deputyName={booking.deputyName}
        date={session.date}
        slotAt={booking.slotAt}
        slotEndsAt={booking.slotEndsAt}
        timeZone={station.timeZone}
        place={session.place}
        status={booking.status}
        canCheckIn={checkInRefusal({ ...booking, now }) === null}
        checkInRefusal={checkInRefusal({ ...booking, now })}
        canCancel={cancelRefusal({ ...booking, now }) === null}
        checkInMinutes={CHECK_IN_EARLY_MINUTES}
        notice={notice}
      />,
      status,
    )
  }

  /** Check-in and cancel: the code again (it is the only proof), looked up and rate-limited. */
  const codeAction = async (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)!
    const body = await readForm(c)
    const parsed = parseForm(actionForm, body, t)
    const input = typeof body.code === 'string' ? body.code.slice(0, 20) : ''
    if (!parsed.ok) return { done: codePage(c, station, input, t('booking.error.unknownCode'), 422) }
    const r = lookUp(c, station, parsed.data.code)
    if (r.kind === 'limited')
      return { done: codePage(c, station, input, t('booking.error.tooManyLookups'), 429) }
    if (r.kind === 'unknown')
      return { done: codePage(c, station, input, t('booking.error.unknownCode'), 404) }
    return { station, booking: r.booking, key: parsed.data.key, confirmed: parsed.data.confirm === 'yes' }
  }

  app.post('/kiosk/booking/check-in', async (c) => {
    const { t } = c.get('i18n')
    const r = await codeAction(c)
    if ('done' in r) return r.done
    const result = checkInBooking(
      deps,
      { bookingId: r.booking.id, stationId: r.station.id, kioskId: c.get('kiosk')!.id, submissionKey: r.key },
      clock.now(),
    )
    if (result.ok) return c.redirect(`/kiosk/slip/${result.trackingCode}`, 303)
    const status = result.reason === 'used' || result.reason === 'cancelled' ? 409 : 422
    const fresh = findBookingView(db, r.booking.id)!
    return foundPage(c, r.station, fresh, status, codeRefusalText(t, result.reason, fresh.status))
  })

  /** The confirmation screen of a cancellation, or the booking with why it cannot be cancelled. */
  const confirmCancel = (
    c: Context<AppEnv>,
    station: StationRow,
    booking: NonNullable<ReturnType<typeof findBookingView>>,
  ) => {
    const { t } = c.get('i18n')
    const refused = cancelRefusal({ ...booking, now: clock.now() })
    if (refused) {
      const status = refused === 'used' || refused === 'cancelled' ? 409 : 422
      return foundPage(c, station, booking, status, codeRefusalText(t, refused, booking.status))
    }
    const session = findSession(db, booking.sessionId)!
    return renderPage(
      c,
      <BookingCancelConfirmPage
        stationName={c.get('i18n').name(station)}
        code={booking.code}
        formKey={randomToken(24)}
        deputyName={booking.deputyName}
        date={session.date}
        slotAt={booking.slotAt}
        slotEndsAt={booking.slotEndsAt}
        timeZone={station.timeZone}
        place={session.place}
      />,
    )
  }

  // "取消这个预约" on the booking: asks first and changes nothing.
  app.get('/kiosk/booking/cancel', (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)
    if (!station) return c.notFound()
    const input = (c.req.query('code') ?? '').slice(0, 20)
    const r = lookUp(c, station, input)
    if (r.kind === 'limited') return codePage(c, station, input, t('booking.error.tooManyLookups'), 429)
    if (r.kind === 'unknown') return codePage(c, station, input, t('booking.error.unknownCode'), 404)
    return confirmCancel(c, station, r.booking)
  })

  app.post('/kiosk/booking/cancel', async (c) => {
    const { t } = c.get('i18n')
    const r = await codeAction(c)
    if ('done' in r) return r.done
    if (!r.confirmed) return confirmCancel(c, r.station, r.booking)
    const result = cancelBookingBy(deps, { bookingId: r.booking.id, by: 'resident' }, clock.now())
    const fresh = findBookingView(db, r.booking.id)!
    if (!result.ok) {
      const status = result.reason === 'used' || result.reason === 'cancelled' ? 409 : 422
      return foundPage(c, r.station, fresh, status, codeRefusalText(t, result.reason, fresh.status))
    }
    return renderPage(c, <BookingDonePage stationName={c.get('i18n').name(r.station)} code={fresh.code} />)
  })

  // ── booking by phone: "I lost my code" ────────────────────────────────────────────────────────

  const phonePage = (
    c: Context<AppEnv>,
    station: StationRow,
    phone: string,
    errors: FieldErrors = {},
    status: 200 | 404 | 422 | 429 = 200,
  ) =>
    renderPage(
      c,
      <BookingPhonePage stationName={c.get('i18n').name(station)} phone={phone} errors={errors} />,
      status,
    )

  app.get('/kiosk/booking/phone', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    return phonePage(c, station, '')
  })

  /**
   * The bookings of the phone number given when booking, at this station from today on. Counted
   * against the same per-kiosk limit as code lookups; a number with none is told only that.
   */
  app.post('/kiosk/booking/phone', async (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)!
    const body = await readForm(c)
    const parsed = parseForm(phoneForm, body, t)
    const input = typeof body.phone === 'string' ? body.phone.slice(0, 40) : ''
    if (!parsed.ok) return phonePage(c, station, input, parsed.errors, 422)
    const checked = normalizePhone(parsed.data.phone)
    if (!checked.ok) return phonePage(c, station, input, { phone: t('booking.error.phone') }, 422)
    if (!lookups.take(`kiosk:${c.get('kiosk')!.id}`))
      return phonePage(c, station, input, { phone: t('booking.error.tooManyLookups') }, 429)
    const now = clock.now()
    const today = zonedTimeToUtc(localDate(now, station.timeZone), '00:00', station.timeZone)
    const found = bookingsByPhone(db, station.id, checked.phone, today)
    if (found.length === 0) return phonePage(c, station, input, { phone: t('booking.phone.none') }, 404)
    return renderPage(
      c,
      <BookingPhoneListPage
        stationName={c.get('i18n').name(station)}
        timeZone={station.timeZone}
        bookings={found.map((b) => ({
          code: b.code,
          maskedName: maskName(b.residentName ?? ''),
          deputyName: b.deputyName,
          date: b.sessionDate,
          slotAt: b.slotAt,
          slotEndsAt: b.slotEndsAt,
          place: b.sessionPlace,
          status: b.status,
        }))}
      />,
    )
  })

  return app
}

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

/** The resident-facing reason a slot could not be booked. */
export function refusalText(t: Translate, reason: Exclude<BookFailure, 'taken' | 'limit' | 'not_found'>) {
  switch (reason) {
    case 'past':
      return t('booking.error.past')
    case 'notice':
      return t('booking.error.notice')
    case 'horizon':
      return t('booking.error.horizon')
    case 'cancelled':
      return t('booking.error.sessionCancelled')
  }
}

/** The resident-facing reason a code cannot be used now. */
export function codeRefusalText(t: Translate, reason: string, status: BookingStatus) {
  switch (reason) {
    case 'too_early':
      return t('booking.error.tooEarly', { minutes: CHECK_IN_EARLY_MINUTES })
    case 'too_late':
      return t('booking.error.tooLate')
    case 'started':
      return t('booking.error.started')
    case 'not_found':
      return t('booking.error.unknownCode')
    default:
      return status === 'cancelled' ? t('booking.error.alreadyCancelled') : t('booking.error.used')
  }
}

/** The start screen's "预约接待" button; shown while a reception day has a free slot. */
export const bookingKioskAction: KioskAction = {
  id: 'booking',
  href: '/kiosk/booking',
  label: 'booking.kiosk.action',
  hint: 'booking.kiosk.actionHint',
  available: (deps, station, now) => openSessions(deps.db, station, now).length > 0,
}

/** The start screen's "预约签到 / 取消" button; shown while the station has reception days. */
export const bookingCodeKioskAction: KioskAction = {
  id: 'booking-code',
  href: '/kiosk/booking/code',
  label: 'booking.kiosk.codeAction',
  hint: 'booking.kiosk.codeActionHint',
  available: (deps, station, now) => {
    const today = localDate(now, station.timeZone)
    return listSessions(deps.db, { stationId: station.id, from: today, to: addDays(today, 90) }).length > 0
  },
}
