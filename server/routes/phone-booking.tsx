import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { findBookingByCode, findBookingView } from '../../db/queries/bookings.ts'
import { deputyName, findActiveDeputy } from '../../db/queries/deputies.ts'
import { findPlace, listPlaces, placesOfDeputy } from '../../db/queries/places.ts'
import { activeTopics, districtDeputies, findActiveTopic } from '../../db/queries/queue-presence.ts'
import { findSession, openSessionsOfDeputies } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { MessageKey } from '../../views/i18n/index.ts'
import {
  PhoneBookingPage,
  type PhoneBookingView,
  PhoneBookMessagePage,
  PhoneCancelPage,
  PhoneFindBookingPage,
} from '../../views/pages/phone/phone-booking-code-pages.tsx'
import {
  PhoneBookDaysPage,
  PhoneBookDetailsPage,
  PhoneBookSlotsPage,
  PhoneBookWhoPage,
  type PhoneDraft,
  type PhoneWho,
  type StationInfo,
  type WhoGroup,
} from '../../views/pages/phone/phone-booking-pages.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientKey } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { CHECK_IN_EARLY_MINUTES, cancelRefusal, isBookingCode } from '../domain/booking-rules.ts'
import { normalizePhone } from '../domain/masking.ts'
import { RateLimiter, SecretLookupLimiter } from '../domain/rate-limiter.ts'
import { sessionSlots } from '../domain/reception-sessions.ts'
import { normalizeCode, randomToken } from '../domain/secrets.ts'
import { isRealDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { type BookFailure, bookSlot, cancelBookingBy } from '../events/reception-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { setHeader } from '../middleware/response-headers.ts'
import { f, parseForm, parseId, parseWhole } from '../validation.ts'
import { codeRefusalText, NAME_MAX, refusalText } from './kiosk-booking.tsx'

/**
 * Bookings one client address may make per window. Several residents may share one address (a
 * community centre's Wi-Fi, a carrier's NAT), and each may book one slot per deputy; a script
 * filling every slot of a day stops here.
 */
export const PHONE_BOOKINGS_PER_WINDOW = 10
export const PHONE_BOOKING_WINDOW_MS = 60 * 60_000
/**
 * Code lookups as at the kiosk's code desk (30 per 10 minutes), counted per client address for
 * codes that match nothing; a code that exists may be opened 60 times per window from anywhere.
 */
export const PHONE_LOOKUP_LIMITS = {
  misses: { limit: 30, windowMs: 10 * 60_000 },
  hits: { limit: 60, windowMs: 10 * 60_000 },
}

const KEY = /^[A-Za-z0-9_-]{20,64}$/
const phoneBookingForm = z.object({
  deputy: f.optionalId(),
  district: f.optionalId(),
  place: f.optionalId(),
  session: f.id('booking.error.gone'),
  slot: f.whole(0, 500, 'booking.error.gone'),
  key: z.string().regex(KEY, 'queue.error.expiredForm'),
  topic: f.id('booking.error.topic'),
  name: z.string().trim().min(1, 'booking.error.name').max(NAME_MAX),
  phone: z.string().trim().min(1, 'booking.error.phoneMissing').max(40),
  sms: f.checkbox(),
})
const cancelForm = z.object({
  key: z.string().regex(KEY, 'queue.error.expiredForm'),
  confirm: z.literal('yes').optional().catch(undefined),
})

const stationInfo = (s: NonNullable<ReturnType<typeof findStation>>): StationInfo => ({
  id: s.id,
  nameZhHans: s.nameZhHans,
  nameZhHant: s.nameZhHant,
  nameEn: s.nameEn,
  address: s.address,
  timeZone: s.timeZone,
})

/**
 * Booking a reception slot from a resident's own phone (issue 16): who → day → time → topic,
 * place, name, phone and SMS consent → the code, shown large at /m/booking/CODE, where the
 * booking can also be cancelled. The kiosk's rules and command (bookSlot, cancelBookingBy) decide.
 */
export function phoneBookingRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const scale = deps.config.rateLimitMultiplier
  const submissions = new RateLimiter(PHONE_BOOKINGS_PER_WINDOW, PHONE_BOOKING_WINDOW_MS, clock, scale)
  const lookups = new SecretLookupLimiter(PHONE_LOOKUP_LIMITS.misses, PHONE_LOOKUP_LIMITS.hits, clock, scale)
  const app = new Hono<AppEnv>()
  for (const path of ['/m/book', '/m/book/*', '/m/booking/*'])
    app.use(path, async (c, next) => {
      setHeader(c, 'X-Robots-Tag', 'noindex')
      await next()
    })

  const message = (
    c: Context<AppEnv>,
    status: 404 | 409 | 422 | 429,
    title: MessageKey,
    body: MessageKey,
    next: { href: string; label: MessageKey } = { href: '/m/book', label: 'mbook.title' },
  ) => renderPage(c, <PhoneBookMessagePage title={title} body={c.get('i18n').t(body)} next={next} />, status)
  const noSessions = (c: Context<AppEnv>) =>
    message(c, 404, 'booking.kiosk.noneTitle', 'mbook.none', { href: '/m/raise', label: 'mbook.raise' })

  /** The choice the query names: one active deputy, or any deputy of one district; null if neither. */
  const whoOf = (q: { deputy?: string; district?: string; place?: string }) => {
    const placeId = parseId(q.place)
    const place = placeId === null ? undefined : findPlace(db, placeId)
    const kept = place?.active ? place.id : null
    const deputyId = parseId(q.deputy)
    if (deputyId !== null) {
      const d = findActiveDeputy(db, deputyId)
      if (!d) return null
      const who: PhoneWho = { kind: 'deputy', id: d.id, name: d.name, placeId: kept }
      return { who, deputyIds: [d.id] }
    }
    const districtId = parseId(q.district)
    if (districtId === null) return null
    const group = districtDeputies(db).find((g) => g.district.id === districtId)
    if (!group) return null
    const who: PhoneWho = {
      kind: 'district',
      id: districtId,
      name: '',
      district: group.district,
      placeId: kept,
    }
    return { who, deputyIds: group.deputies.map((d) => d.id) }
  }

  const stationsOf = (ids: Iterable<number>) => {
    const out = new Map<number, StationInfo>()
    for (const id of ids) {
      const s = findStation(db, id)
      if (s) out.set(id, stationInfo(s))
    }
    return out
  }

  app.get('/m/book', (c) => {
    const q = c.req.query()
    if (q.deputy !== undefined || q.district !== undefined) {
      const scope = whoOf(q)
      if (!scope) return noSessions(c)
      const days = new Map<string, number>()
      for (const s of openSessionsOfDeputies(db, clock.now(), scope.deputyIds))
        days.set(s.date, (days.get(s.date) ?? 0) + s.slots.length)
      return renderPage(
        c,
        <PhoneBookDaysPage who={scope.who} days={[...days].map(([date, free]) => ({ date, free }))} />,
      )
    }
    const placeId = parseId(q.place)
    const place = placeId === null ? undefined : findPlace(db, placeId)
    const known = place?.active ? place : undefined
    const all = districtDeputies(db)
    const next = new Map<number, string>()
    for (const s of openSessionsOfDeputies(
      db,
      clock.now(),
      all.flatMap((g) => g.deputies.map((d) => d.id)),
    ))
      if (!next.has(s.deputyId)) next.set(s.deputyId, s.date)
    const groups: WhoGroup[] = all
      .filter((g) => !known || g.district.id === known.districtId)
      .map((g) => ({
        district: g.district,
        deputies: g.deputies.filter((d) => next.has(d.id)).map((d) => ({ ...d, nextDate: next.get(d.id)! })),
      }))
      .filter((g) => g.deputies.length > 0)
    return renderPage(c, <PhoneBookWhoPage groups={groups} place={known} placeId={known?.id ?? null} />)
  })

  const slotsPage = (
    c: Context<AppEnv>,
    q: Record<string, string | undefined>,
    status: 200 | 409 | 422 = 200,
    notice?: string,
  ) => {
    const scope = whoOf(q)
    const date = q.date
    if (!scope || !date || !isRealDate(date)) return noSessions(c)
    const sessions = openSessionsOfDeputies(db, clock.now(), scope.deputyIds).filter((s) => s.date === date)
    return renderPage(
      c,
      <PhoneBookSlotsPage
        who={scope.who}
        date={date}
        sessions={sessions}
        stations={stationsOf(new Set(sessions.map((s) => s.stationId)))}
        notice={notice}
      />,
      status,
    )
  }

  app.get('/m/book/slots', (c) => slotsPage(c, c.req.query()))

  /** The places offered on the form: the chosen deputy's districts, or the chosen district's. */
  const placesFor = (who: PhoneWho) =>
    who.kind === 'deputy' ? placesOfDeputy(db, who.id) : listPlaces(db, { districtIds: [who.id] })

  const detailsPage = (
    c: Context<AppEnv>,
    who: PhoneWho,
    draft: PhoneDraft,
    errors: FieldErrors = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const session = findSession(db, parseId(draft.session) ?? 0)
    const station = session && findStation(db, session.stationId)
    const slot = session && station && sessionSlots(session, station.timeZone)[parseWhole(draft.slot) ?? -1]
    if (!session || !station || !slot)
      return message(c, 404, 'mbook.goneTitle', 'booking.error.gone', {
        href: `/m/book?${who.kind}=${who.id}`,
        label: 'booking.kiosk.otherDay',
      })
    return renderPage(
      c,
      <PhoneBookDetailsPage
        who={who}
        draft={draft}
        deputyName={deputyName(db, session.deputyId)}
        station={stationInfo(station)}
        room={session.place}
        date={session.date}
        slotAt={slot.startsAt}
        slotEndsAt={slot.endsAt}
        topics={activeTopics(db)}
        places={placesFor(who)}
        errors={errors}
      />,
      status,
    )
  }

  app.get('/m/book/details', (c) => {
    const q = c.req.query()
    const scope = whoOf(q)
    if (!scope) return noSessions(c)
    const session = findSession(db, parseId(q.session) ?? 0)
    if (session && !scope.deputyIds.includes(session.deputyId))
      return message(c, 404, 'mbook.goneTitle', 'booking.error.gone')
    return detailsPage(c, scope.who, {
      session: q.session ?? '',
      slot: q.slot ?? '',
      key: randomToken(24),
      topic: '',
      place: scope.who.placeId === null ? '' : String(scope.who.placeId),
      name: '',
      phone: '',
      sms: false,
    })
  })

  app.post('/m/book', async (c) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const raw = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const scope = whoOf({ deputy: raw('deputy'), district: raw('district'), place: raw('place') })
    if (!scope) return noSessions(c)
    const draft: PhoneDraft = {
      session: raw('session').slice(0, 12),
      slot: raw('slot').slice(0, 4),
      key: raw('key').slice(0, 64),
      topic: raw('topic').slice(0, 12),
      place: raw('place').slice(0, 12),
      name: raw('name').slice(0, NAME_MAX * 2),
      phone: raw('phone').slice(0, 40),
      sms: raw('sms') === 'on',
    }
    const parsed = parseForm(phoneBookingForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    let phone = ''
    if (parsed.ok) {
      const checked = normalizePhone(parsed.data.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('booking.error.phone')
      if (!findActiveTopic(db, parsed.data.topic)) errors.topic = t('booking.error.topic')
      const place = parsed.data.place === undefined ? undefined : findPlace(db, parsed.data.place)
      if (parsed.data.place !== undefined && !place?.active) errors.place = t('error.unknownChoice')
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return detailsPage(c, scope.who, draft, errors, 422)
    const session = findSession(db, parsed.data.session)
    // The slot must belong to whom the resident chose: a deputy's page cannot book another deputy.
    if (!session || !scope.deputyIds.includes(session.deputyId))
      return message(c, 404, 'mbook.goneTitle', 'booking.error.gone')
    if (!submissions.take(`phone-book:${clientKey(c)}`))
      return message(c, 429, 'queue.error.busyTitle', 'mbook.tooManyBookings')
    const result = bookSlot(
      deps,
      {
        stationId: session.stationId,
        sessionId: session.id,
        slotIndex: parsed.data.slot,
        topicId: parsed.data.topic,
        residentName: parsed.data.name,
        residentPhone: phone,
        channel: 'phone_web',
        kioskId: null,
        accountId: null,
        submissionKey: `phone:${parsed.data.key}`,
        placeId: parsed.data.place ?? null,
        smsConsent: parsed.data.sms,
      },
      clock.now(),
    )
    if (result.ok) {
      if (result.replayed) submissions.refund(`phone-book:${clientKey(c)}`)
      return c.redirect(`/m/booking/${result.booking.code}?booked=1`, 303)
    }
    return refusal(c, scope.who, draft, session.date, result.reason)
  })

  /** A booking the rules refused, answered where the resident can best go on. */
  const refusal = (
    c: Context<AppEnv>,
    who: PhoneWho,
    draft: PhoneDraft,
    date: string,
    reason: BookFailure,
  ) => {
    const { t } = c.get('i18n')
    const q = {
      [who.kind]: String(who.id),
      place: who.placeId === null ? undefined : String(who.placeId),
      date,
    }
    switch (reason) {
      case 'taken':
        return slotsPage(c, q, 409, t('booking.error.taken'))
      case 'limit':
        return detailsPage(c, who, draft, { phone: t('booking.error.limit') }, 409)
      case 'not_found':
        return message(c, 404, 'mbook.goneTitle', 'booking.error.gone')
      default:
        return slotsPage(c, q, 422, refusalText(t, reason))
    }
  }

  // ── the booking by its code: see it, cancel it ────────────────────────────────────────────────

  /** The booking a code names, counted against the lookup limits; or the refusal page. */
  const lookUp = (c: Context<AppEnv>) => {
    const address = clientKey(c)
    if (lookups.blocked(address))
      return { ok: false as const, res: message(c, 429, 'queue.error.busyTitle', 'mbook.tooMany') }
    const code = normalizeCode(c.req.param('code') ?? '')
    const found = isBookingCode(code) ? findBookingByCode(db, code) : undefined
    if (!found) {
      lookups.miss(address)
      return { ok: false as const, res: notFound(c) }
    }
    if (!lookups.hit(code))
      return { ok: false as const, res: message(c, 429, 'queue.error.busyTitle', 'mbook.tooMany') }
    return { ok: true as const, booking: findBookingView(db, found.id)! }
  }
  const notFound = (c: Context<AppEnv>) =>
    message(c, 404, 'mbook.notFoundTitle', 'mbook.notFoundBody', {
      href: '/m/book/find',
      label: 'mbook.findTitle',
    })

  const viewOf = (b: NonNullable<ReturnType<typeof findBookingView>>): PhoneBookingView => ({
    code: b.code,
    status: b.status,
    deputyName: b.deputyName,
    station: stationInfo(findStation(db, b.stationId)!),
    room: b.sessionPlace,
    date: b.sessionDate,
    slotAt: b.slotAt,
    slotEndsAt: b.slotEndsAt,
  })

  const bookingPage = (
    c: Context<AppEnv>,
    b: NonNullable<ReturnType<typeof findBookingView>>,
    flags: { fresh?: boolean; cancelled?: boolean; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) =>
    renderPage(
      c,
      <PhoneBookingPage
        booking={viewOf(b)}
        fresh={flags.fresh ?? false}
        cancelled={flags.cancelled ?? false}
        canCancel={cancelRefusal({ ...b, now: clock.now() }) === null}
        notice={flags.notice}
        checkInMinutes={CHECK_IN_EARLY_MINUTES}
      />,
      status,
    )

  app.get('/m/booking/:code', (c) => {
    const r = lookUp(c)
    if (!r.ok) return r.res
    const fresh = c.req.query('booked') === '1' && r.booking.status === 'booked'
    const cancelled = c.req.query('cancelled') === '1' && r.booking.status === 'cancelled'
    return bookingPage(c, r.booking, { fresh, cancelled })
  })

  // Asks first and changes nothing.
  app.get('/m/booking/:code/cancel', (c) => {
    const r = lookUp(c)
    if (!r.ok) return r.res
    const refused = cancelRefusal({ ...r.booking, now: clock.now() })
    if (refused) {
      const { t } = c.get('i18n')
      return bookingPage(c, r.booking, { notice: codeRefusalText(t, refused, r.booking.status) }, 409)
    }
    return renderPage(c, <PhoneCancelPage booking={viewOf(r.booking)} formKey={randomToken(24)} />)
  })

  app.post('/m/booking/:code/cancel', async (c) => {
    const { t } = c.get('i18n')
    const r = lookUp(c)
    if (!r.ok) return r.res
    const parsed = parseForm(cancelForm, await readForm(c), t)
    if (!parsed.ok || parsed.data.confirm !== 'yes')
      return renderPage(c, <PhoneCancelPage booking={viewOf(r.booking)} formKey={randomToken(24)} />, 422)
    const result = cancelBookingBy(deps, { bookingId: r.booking.id, by: 'resident' }, clock.now())
    const fresh = findBookingView(db, r.booking.id)!
    if (!result.ok)
      return bookingPage(c, fresh, { notice: codeRefusalText(t, result.reason, fresh.status) }, 409)
    return c.redirect(`/m/booking/${fresh.code}?cancelled=1`, 303)
  })

  // The code typed on the phone: a plain GET form, so nothing to protect and nothing stored.
  app.get('/m/book/find', (c) => {
    const { t } = c.get('i18n')
    const input = c.req.query('code')
    if (input === undefined) return renderPage(c, <PhoneFindBookingPage code="" />)
    const shown = input.slice(0, 20)
    const code = normalizeCode(input)
    if (!isBookingCode(code))
      return renderPage(
        c,
        <PhoneFindBookingPage
          code={shown}
          errors={{ code: t(input.trim() ? 'mbook.badCode' : 'booking.error.codeMissing') }}
        />,
        422,
      )
    return c.redirect(`/m/booking/${code}`, 303)
  })

  return app
}
