import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { findConcernBySubmissionKey } from '../../db/queries/concerns.ts'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import {
  deputiesOfDistrict,
  districtsOfDeputy,
  findDistrict,
  findPhoneDuplicate,
  leastBusyDeputy,
  type PublicDistrict,
  recordResubmission,
} from '../../db/queries/phone-concerns.ts'
import { findPlace, listPlaces, searchPlaces } from '../../db/queries/places.ts'
import { activeTopics, findActiveTopic } from '../../db/queries/queue-presence.ts'
import { findStation, listStations } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import { DESCRIPTION_MAX } from '../../views/pages/kiosk/concern-form-page.tsx'
import { FindPage, type FoundPlace } from '../../views/pages/mobile/find-page.tsx'
import { PhoneHomePage } from '../../views/pages/mobile/phone-home-page.tsx'
import {
  emptyRaiseDraft,
  type RaiseDraft,
  RaisePage,
  RaiseStartPage,
} from '../../views/pages/mobile/raise-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { clientKey } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { normalizePhone } from '../domain/masking.ts'
import { checkFormGuard, issueFormToken, PHONE_GUARD_RULES } from '../domain/phone-guard.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode, randomToken, sha256 } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import { triageOnArrival } from '../domain/triage.ts'
import type { AppEnv } from '../env.ts'
import { submitConcern } from '../events/queue-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm, parseId } from '../validation.ts'

/**
 * Concerns from residents' phones (decision 0034): 20 an hour from one client address (a
 * community centre's Wi-Fi helping its residents stays under it; a script does not), and 5 a day
 * for one phone number. Counted only for forms that passed every other check.
 */
export const PHONE_RAISE_LIMITS = {
  perAddress: { limit: 20, windowMs: 60 * 60_000 },
  perPhone: { limit: 5, windowMs: 24 * 60 * 60_000 },
}
/** Same text from the same phone at the same station within this long is one concern. */
const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000
const FIND_RESULTS = 20

const raiseSchema = z.object({
  district: f.id(),
  deputy: z.string().max(12),
  topic: f.id('error.unknownChoice'),
  description: z.string().trim().min(1, 'm.raise.descriptionMissing').max(DESCRIPTION_MAX),
  place: f.optionalId(),
  phone: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v?.trim() ?? ''),
  sms: f.checkbox(),
  terms: f.checkbox().refine((v) => v, 'm.raise.termsMissing'),
})

/** Residents' own phones (issue 16 item 3): /m/ home, find my deputy, raise a concern. */
export function phoneRaiseRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const scale = deps.config.rateLimitMultiplier
  const perAddress = new RateLimiter(
    PHONE_RAISE_LIMITS.perAddress.limit,
    PHONE_RAISE_LIMITS.perAddress.windowMs,
    clock,
    scale,
  )
  const perPhone = new RateLimiter(
    PHONE_RAISE_LIMITS.perPhone.limit,
    PHONE_RAISE_LIMITS.perPhone.windowMs,
    clock,
    scale,
  )
  // Signs form tokens; a restart makes open forms come back once with a fresh token, text kept.
  const secret = randomToken(32)
  const rules = { ...PHONE_GUARD_RULES, bits: deps.config.phoneProofBits }
  const app = new Hono<AppEnv>()

  app.get('/m', (c) => c.redirect('/m/', 301))
  app.get('/m/', (c) => renderPage(c, <PhoneHomePage stations={listStations(db)} />))

  /** The home page's code form: straight to the status page, or back home for an empty code. */
  app.get('/m/track', (c) => {
    const code = normalizeCode(c.req.query('code') ?? '')
    return c.redirect(/^[A-Z0-9]{4,16}$/.test(code) ? `/track/${code}` : '/m/', 303)
  })

  app.get('/m/find', (c) => {
    const query = (c.req.query('q') ?? '').trim().slice(0, 40)
    const placeId = parseId(c.req.query('place'))
    const place = placeId === null ? undefined : findPlace(db, placeId)
    let chosen: FoundPlace | null = null
    if (place?.active) {
      const district = findDistrict(db, place.districtId)!
      chosen = { place, district, deputies: deputiesOfDistrict(db, district.id) }
    }
    const results = !chosen && query ? searchPlaces(db, query, FIND_RESULTS) : null
    const all = chosen || results ? [] : listPlaces(db)
    const status = placeId !== null && !chosen ? 404 : 200
    return renderPage(c, <FindPage query={query} results={results} all={all} chosen={chosen} />, status)
  })

  /** The district a raise form is about: the place's, else the chosen deputy's first. */
  const districtFor = (deputyId: number | null, placeId: number | null): PublicDistrict | undefined => {
    const place = placeId === null ? undefined : findPlace(db, placeId)
    if (place?.active) return findDistrict(db, place.districtId)
    return deputyId === null ? undefined : districtsOfDeputy(db, deputyId)[0]
  }

  const form = (
    c: Context<AppEnv>,
    district: PublicDistrict,
    draft: RaiseDraft,
    status: 200 | 404 | 409 | 422 | 429 = 200,
    errors: FieldErrors = {},
    notice?: string,
  ) =>
    renderPage(
      c,
      <RaisePage
        district={district}
        deputies={deputiesOfDistrict(db, district.id)}
        places={listPlaces(db, { districtIds: [district.id] })}
        topics={activeTopics(db)}
        draft={draft}
        token={issueFormToken(secret, clock.now(), rules.bits)}
        errors={errors}
        notice={notice}
      />,
      status,
    )

  app.get('/m/raise', (c) => {
    const deputyId = parseId(c.req.query('deputy'))
    const placeId = parseId(c.req.query('place'))
    const district = districtFor(deputyId, placeId)
    if (!district) return renderPage(c, <RaiseStartPage />, deputyId || placeId ? 404 : 200)
    const known = deputiesOfDistrict(db, district.id).some((d) => d.id === deputyId)
    const place = placeId === null ? undefined : findPlace(db, placeId)
    const draft = emptyRaiseDraft(known ? deputyId : null, place?.districtId === district.id ? placeId : null)
    return form(c, district, draft)
  })

  app.post('/m/raise', async (c) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const raw = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const district = findDistrict(db, parseId(raw('district')) ?? 0)
    if (!district) return renderPage(c, <RaiseStartPage />, 404)
    const draft: RaiseDraft = {
      deputy: raw('deputy').slice(0, 12),
      topic: raw('topic').slice(0, 12),
      description: raw('description').slice(0, DESCRIPTION_MAX * 2),
      place: raw('place').slice(0, 12),
      phone: raw('phone').slice(0, 40),
      sms: raw('sms') === 'on',
      terms: raw('terms') === 'on',
    }
    const refuse = (status: 409 | 422 | 429, notice: string, errors: FieldErrors = {}) =>
      form(c, district, draft, status, errors, notice)
    const address = clientKey(c)
    if (perAddress.blocked(address)) return refuse(429, t('m.raise.error.tooMany'))
    // A person never sees the honeypot; a form that fills it is a script's.
    if (raw('website') !== '') return refuse(422, t('m.raise.error.check'))
    const now = clock.now()
    const guard = checkFormGuard(secret, raw('token'), raw('nonce'), now, rules)
    if (guard) return refuse(422, t(guard === 'too_fast' ? 'm.raise.error.tooFast' : 'm.raise.error.check'))

    const parsed = parseForm(raiseSchema, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    const deputies = deputiesOfDistrict(db, district.id)
    const deputy =
      draft.deputy === 'any'
        ? leastBusyDeputy(db, district.id)
        : deputies.find((d) => d.id === parseId(draft.deputy))
    if (!deputy) errors.deputy = t('m.raise.error.deputy')
    const topic = findActiveTopic(db, parseId(draft.topic) ?? 0)
    if (!topic) errors.topic = t('error.unknownChoice')
    const place = parsed.ok && parsed.data.place !== undefined ? findPlace(db, parsed.data.place) : undefined
    if (parsed.ok && parsed.data.place !== undefined && (!place?.active || place.districtId !== district.id))
      errors.place = t('error.unknownChoice')
    let phone: string | null = null
    if (draft.phone.trim()) {
      const checked = normalizePhone(draft.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('queue.error.phone')
    }
    const stationId = district.stationId ?? (deputy && findActiveDeputy(db, deputy.id)?.homeStationId)
    const station = stationId ? findStation(db, stationId) : undefined
    if (!parsed.ok || !deputy || !topic || !station || Object.keys(errors).length > 0)
      return form(c, district, draft, 422, errors)

    // The form's token is the submission key: a double tap or a replayed form finds the first concern.
    const key = `m:${sha256(raw('token'))}`
    const earlier = findConcernBySubmissionKey(db, key)
    if (earlier) return c.redirect(`/track/${earlier.trackingCode}?raised=1`, 303)
    if (phone) {
      const same = findPhoneDuplicate(db, {
        stationId: station.id,
        phone,
        description: parsed.data.description,
        since: new Date(now.getTime() - DUPLICATE_WINDOW_MS),
      })
      if (same) {
        recordResubmission(db, same, now)
        return c.redirect(`/track/${same.trackingCode}?raised=merged`, 303)
      }
    }
    if (!perAddress.take(address) || (phone !== null && !perPhone.take(phone)))
      return refuse(429, t('m.raise.error.tooMany'))

    const result = submitConcern(
      db,
      {
        stationId: station.id,
        localDate: localDate(now, station.timeZone),
        topicId: topic.id,
        channel: 'phone_web',
        queue: false,
        deputyId: deputy.id,
        priority: false,
        description: parsed.data.description,
        callbackPhone: phone,
        placeId: place?.id ?? null,
        triage: triageOnArrival(station.phoneTriage),
        smsConsent: phone !== null && parsed.data.sms,
        submissionKey: key,
        kioskId: null,
        actor: { kind: 'resident' },
      },
      now,
    )
    return c.redirect(`/track/${result.concern.trackingCode}?raised=1`, 303)
  })

  return app
}
