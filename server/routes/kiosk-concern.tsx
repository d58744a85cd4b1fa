import { type Context, Hono } from 'hono'
import QRCode from 'qrcode'
import { z } from 'zod'
import { type Batch, groupCommit } from '../../db/group-commit.ts'
import {
  findConcernBySubmissionKey,
  findPublicConcern,
  firstResponseDueOn,
} from '../../db/queries/concerns.ts'
import { deputyName, homeStationDeputies } from '../../db/queries/deputies.ts'
import { findConcernByCode } from '../../db/queries/followup.ts'
import { findTicketByConcern, orderedWaiting } from '../../db/queries/queue.ts'
import {
  activeTopics,
  type DistrictDeputies,
  districtDeputies,
  findActiveTopic,
  presentDeputies,
} from '../../db/queries/queue-presence.ts'
import { stationPlace, stationPlaces } from '../../db/queries/station-places.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import { activePhrases, arePhrasesOfTopic, insertConcernPhrases } from '../../db/queries/topic-phrases.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { MessageKey } from '../../views/i18n/index.ts'
import {
  ConcernDetailsPage,
  type ConcernDraft,
  ConcernPhonePage,
  DESCRIPTION_MAX,
  type DeputyChoice,
  type PlaceChoice,
} from '../../views/pages/kiosk/concern-form-page.tsx'
import { ConcernPlacePage, placePageOf, placeStepOrder } from '../../views/pages/kiosk/concern-place-page.tsx'
import { ConcernTopicsPage } from '../../views/pages/kiosk/concern-topics-page.tsx'
import { KioskMessagePage } from '../../views/pages/kiosk/kiosk-message-page.tsx'
import { SlipPage } from '../../views/pages/kiosk/slip-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import { normalizePhone } from '../domain/masking.ts'
import { ticketLabel } from '../domain/queue-order.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { normalizeCode, randomToken } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { type NewWalkIn, submitConcerns, type WalkInResult } from '../events/queue-commands.ts'
import type { KioskAction } from '../kiosk-actions.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm, parseId, parseWhole } from '../validation.ts'

/** Tickets one kiosk may issue per window; far above any real use, low enough to stop a runaway. */
export const KIOSK_SUBMISSIONS_PER_WINDOW = 30
export const KIOSK_SUBMISSION_WINDOW_MS = 5 * 60_000
/** More chips than any topic offers is not a real choice. */
const MAX_PHRASES = 50

const draftSchema = z.object({
  station: f.id(),
  topic: f.id(),
  key: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'queue.error.expiredForm'),
  description: f.optionalText(DESCRIPTION_MAX),
  deputy: z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((v) => v ?? ''),
  priority: f.checkbox(),
  phone: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v ?? ''),
  mode: z.enum(['anonymous', 'phone']).optional(),
  'phrase[]': f.ids().refine((ids) => ids.length <= MAX_PHRASES, 'chips.unknown'),
  inPerson: f.checkbox(),
  place: z
    .string()
    .trim()
    .max(12, 'placeStep.unknown')
    .optional()
    .transform((v) => v ?? ''),
})
type DraftInput = z.output<typeof draftSchema>

/**
 * The kiosk's drop-in flow: topic → a few words and whom to see (and, if the resident likes, their
 * place) → (phone) → ticket and slip.
 */
export function kioskConcernRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const walkIns: Batch<NewWalkIn, WalkInResult> = { all: (ns) => submitConcerns(db, ns, clock.now()) }
  const limiter = new RateLimiter(
    KIOSK_SUBMISSIONS_PER_WINDOW,
    KIOSK_SUBMISSION_WINDOW_MS,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()

  const stationOf = (c: Context<AppEnv>) => findStation(db, c.get('kiosk')!.stationId)
  const message = (
    c: Context<AppEnv>,
    status: 403 | 404 | 409 | 422 | 429,
    title: MessageKey,
    body: MessageKey,
    station?: StationRow,
  ) => {
    const { t, name } = c.get('i18n')
    return renderPage(
      c,
      <KioskMessagePage title={t(title)} body={t(body)} stationName={station ? name(station) : undefined} />,
      status,
    )
  }

  /** Whom the resident can see today: whoever is present, else their district's deputy. */
  const deputyChoice = (station: StationRow, today: string): DeputyChoice => {
    const present = presentDeputies(db, station.id, today)
    if (present.length > 0) return { mode: 'queue', present }
    let districts: DistrictDeputies[] = districtDeputies(db, station.id)
    if (districts.length === 0) {
      const own = homeStationDeputies(db, station.id)
      districts = own.length
        ? [
            {
              district: {
                id: 0,
                nameZhHans: station.nameZhHans,
                nameZhHant: station.nameZhHant,
                nameEn: station.nameEn,
              },
              deputies: own,
            },
          ]
        : []
    }
    return { mode: 'backlog', districts, dueOn: firstResponseDueOn(db, station.id, today) }
  }

  app.get('/kiosk/concern', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    const topics = activeTopics(db)
    if (topics.length === 0)
      return message(c, 404, 'queue.error.closedTitle', 'queue.error.noTopics', station)
    return renderPage(c, <ConcernTopicsPage stationName={c.get('i18n').name(station)} topics={topics} />)
  })

  app.get('/kiosk/concern/details', (c) => {
    const station = stationOf(c)
    if (!station) return c.notFound()
    const topic = findActiveTopic(db, parseId(c.req.query('topic')) ?? 0)
    if (!topic) return message(c, 404, 'error.notFound.title', 'queue.error.unknownTopic', station)
    const today = localDate(clock.now(), station.timeZone)
    const draft: ConcernDraft = {
      stationId: station.id,
      topicId: topic.id,
      key: randomToken(24),
      description: '',
      deputy: 'any',
      priority: false,
      phrases: [],
      inPerson: false,
      place: '',
    }
    return renderPage(
      c,
      <ConcernDetailsPage
        stationName={c.get('i18n').name(station)}
        topicName={c.get('i18n').name(topic)}
        choice={deputyChoice(station, today)}
        draft={draft}
        phrases={activePhrases(db, topic.id)}
        place={{ offered: stationPlaces(db, station.id).length > 0 }}
      />,
    )
  })

  // A language switch mid-flow lands here with GET; the entries were in the POST body, so start over.
  app.get('/kiosk/concern/phone', (c) => c.redirect('/kiosk/concern', 303))
  app.get('/kiosk/concern/place', (c) => c.redirect('/kiosk/concern', 303))

  /**
   * Validates a submitted draft against today's facts. Returns the page parts to re-render and
   * either the clean values or the field errors.
   */
  const check = async (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const station = stationOf(c)!
    const parsed = parseForm(draftSchema, body, t)
    const raw = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const topic = findActiveTopic(db, parseId(raw('topic')) ?? 0)
    const draft: ConcernDraft = {
      stationId: station.id,
      topicId: topic?.id ?? 0,
      key: parsed.ok ? parsed.data.key : raw('key'),
      description: raw('description').slice(0, DESCRIPTION_MAX * 2),
      deputy: raw('deputy'),
      priority: raw('priority') === 'on',
      phone: raw('phone').slice(0, 40),
      phrases: parsed.ok ? parsed.data['phrase[]'] : rawIds(body['phrase[]']),
      inPerson: raw('inPerson') === 'on',
      place: raw('place').trim().slice(0, 12),
    }
    if (parseId(raw('station')) !== station.id) return { kind: 'other-station' as const, station, draft }
    if (!topic) return { kind: 'no-topic' as const, station, draft }
    const today = localDate(clock.now(), station.timeZone)
    const choice = deputyChoice(station, today)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (errors['phrase[]'] || !arePhrasesOfTopic(db, topic.id, draft.phrases)) {
      delete errors['phrase[]']
      errors.phrase = t('chips.unknown')
      draft.phrases = []
    }
    // A place must be an active one of this station's districts; a stale or forged id is refused.
    const place = draft.place ? stationPlace(db, station.id, parseId(draft.place) ?? 0) : undefined
    if (errors.place || (draft.place && !place)) {
      errors.place = t('placeStep.unknown')
      draft.place = ''
    }
    const data: DraftInput | null = parsed.ok && !errors.phrase && !errors.place ? parsed.data : null
    const deputyId = deputyFor(choice, data?.deputy ?? draft.deputy)
    if (deputyId === undefined)
      errors.deputy = t(
        choice.mode === 'queue' ? 'queue.error.deputyGone' : 'queue.error.chooseDistrictDeputy',
      )
    const placeChoice: PlaceChoice = {
      offered: stationPlaces(db, station.id).length > 0,
      chosenName: place ? c.get('i18n').name(place) : undefined,
    }
    return {
      kind: 'draft' as const,
      station,
      topic,
      today,
      choice,
      draft,
      data,
      errors,
      deputyId,
      place,
      placeChoice,
    }
  }

  app.post('/kiosk/concern/phone', async (c) => {
    const r = await check(c)
    if (r.kind === 'other-station')
      return message(c, 403, 'error.forbidden.title', 'queue.error.otherStation', r.station)
    if (r.kind === 'no-topic')
      return message(c, 422, 'error.badRequest', 'queue.error.unknownTopic', r.station)
    const { name } = c.get('i18n')
    const props = {
      stationName: name(r.station),
      topicName: name(r.topic),
      choice: r.choice,
      draft: r.draft,
      phrases: activePhrases(db, r.topic.id),
      place: r.placeChoice,
    }
    const { phone: _ignored, ...errors } = r.errors
    if (Object.keys(errors).length > 0)
      return renderPage(c, <ConcernDetailsPage {...props} errors={errors} />, 422)
    return renderPage(c, <ConcernPhonePage {...props} />)
  })

  /** The place step: the station's places as buttons, a page at a time, the draft carried along. */
  app.post('/kiosk/concern/place', async (c) => {
    const r = await check(c)
    if (r.kind === 'other-station')
      return message(c, 403, 'error.forbidden.title', 'queue.error.otherStation', r.station)
    if (r.kind === 'no-topic')
      return message(c, 422, 'error.badRequest', 'queue.error.unknownTopic', r.station)
    const places = placeStepOrder(stationPlaces(db, r.station.id))
    const asked = parseWhole((await readForm(c)).placePage)
    return renderPage(
      c,
      <ConcernPlacePage
        stationName={c.get('i18n').name(r.station)}
        topicName={c.get('i18n').name(r.topic)}
        draft={r.draft}
        places={places}
        page={asked ?? placePageOf(places, r.place?.id ?? null)}
      />,
    )
  })

  /** Back from the place step (a place or 跳过) to the details, with everything entered so far. */
  app.post('/kiosk/concern/details', async (c) => {
    const r = await check(c)
    if (r.kind === 'other-station')
      return message(c, 403, 'error.forbidden.title', 'queue.error.otherStation', r.station)
    if (r.kind === 'no-topic')
      return message(c, 422, 'error.badRequest', 'queue.error.unknownTopic', r.station)
    const { name } = c.get('i18n')
    const placeError = r.errors.place
    return renderPage(
      c,
      <ConcernDetailsPage
        stationName={name(r.station)}
        topicName={name(r.topic)}
        choice={r.choice}
        draft={r.draft}
        phrases={activePhrases(db, r.topic.id)}
        place={r.placeChoice}
        errors={placeError ? { place: placeError } : {}}
      />,
      placeError ? 422 : 200,
    )
  })

  app.post('/kiosk/concern', async (c) => {
    const { t, name } = c.get('i18n')
    const r = await check(c)
    if (r.kind === 'other-station')
      return message(c, 403, 'error.forbidden.title', 'queue.error.otherStation', r.station)
    // A repeated key (double tap, reload) shows what the first submission made, whatever else the
    // request says: each refusal below looks for it first; an accepted one finds it in its batch.
    const unlessRepeated = (refusal: () => Response | Promise<Response>) => {
      const earlier = r.draft.key ? findConcernBySubmissionKey(db, r.draft.key) : undefined
      return earlier && earlier.stationId === r.station.id
        ? c.redirect(`/kiosk/slip/${earlier.trackingCode}`, 303)
        : refusal()
    }
    if (r.kind === 'no-topic')
      return unlessRepeated(() => message(c, 422, 'error.badRequest', 'queue.error.unknownTopic', r.station))
    const props = {
      stationName: name(r.station),
      topicName: name(r.topic),
      choice: r.choice,
      draft: r.draft,
      phrases: activePhrases(db, r.topic.id),
      place: r.placeChoice,
    }
    let phone: string | null = null
    if (r.data?.mode === 'phone') {
      const checked = normalizePhone(r.data.phone)
      if (!checked.ok)
        r.errors.phone = t(r.data.phone.trim() ? 'queue.error.phone' : 'queue.error.phoneMissing')
      else phone = checked.phone
    }
    const { phone: phoneError, ...otherErrors } = r.errors
    if (Object.keys(otherErrors).length > 0 || !r.data || r.deputyId === undefined)
      return unlessRepeated(() => renderPage(c, <ConcernDetailsPage {...props} errors={otherErrors} />, 422))
    if (phoneError)
      return unlessRepeated(() =>
        renderPage(c, <ConcernPhonePage {...props} errors={{ phone: phoneError }} />, 422),
      )
    const limitKey = `kiosk:${c.get('kiosk')!.id}`
    if (!limiter.take(limitKey))
      return unlessRepeated(() => message(c, 429, 'queue.error.busyTitle', 'queue.error.tooMany', r.station))

    const data = r.data
    const queued = r.choice.mode === 'queue'
    const walkIn: NewWalkIn = {
      stationId: r.station.id,
      localDate: r.today,
      topicId: r.topic.id,
      channel: 'kiosk',
      queue: queued,
      deputyId: r.deputyId,
      priority: queued && r.data.priority,
      description: r.data.description,
      callbackPhone: phone,
      placeId: r.place?.id ?? null,
      submissionKey: r.data.key,
      kioskId: c.get('kiosk')!.id,
      actor: { kind: 'kiosk' },
      alsoInTransaction: (tx, { concern }) => insertConcernPhrases(tx, concern.id, data['phrase[]']),
    }
    // Walk-ins arriving together share one durable commit and one statement per kind of row.
    const result = await groupCommit(db).runBatched(walkIns, walkIn)
    // A repeat is not a new submission: it does not count towards the kiosk's limit.
    if (result.replayed) limiter.refund(limitKey)
    return c.redirect(`/kiosk/slip/${result.concern.trackingCode}`, 303)
  })

  app.get('/kiosk/slip/:code', async (c) => {
    const i18n = c.get('i18n')
    const station = stationOf(c)
    const code = normalizeCode(c.req.param('code'))
    const concern = findConcernByCode(db, code)
    const pub = concern ? findPublicConcern(db, code) : null
    if (!station || !concern || !pub || concern.stationId !== station.id)
      return message(c, 404, 'error.notFound.title', 'queue.error.noSlip', station)
    const ticket = findTicketByConcern(db, concern.id)
    const now = clock.now()
    const ahead =
      ticket?.status === 'waiting'
        ? orderedWaiting(db, station.id, ticket.localDate, now).findIndex((t) => t.id === ticket.id)
        : null
    const deputy = concern.deputyId ? { name: deputyName(db, concern.deputyId) } : undefined
    const base = publicOrigin(c)
    const statusUrl = `${base}/track/${concern.trackingCode}`
    const qrSvg = await QRCode.toString(statusUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    return renderPage(
      c,
      <SlipPage
        slip={{
          stationName: i18n.name(station),
          ticket: ticket ? ticketLabel(station.code, ticket.number) : null,
          issuedAt: i18n.dateTime(concern.createdAt, station.timeZone, {
            dateStyle: 'long',
            timeStyle: 'short',
          }),
          waitingAhead: ahead === null || ahead < 0 ? null : ahead,
          deputyName: deputy?.name ?? null,
          dueOn: i18n.dateTime(new Date(`${concern.firstResponseDueOn}T12:00:00Z`), 'UTC', {
            dateStyle: 'long',
          }),
          trackingCode: concern.trackingCode,
          statusUrl,
          qrSvg,
          station,
          printer: c.get('kiosk')!.hasReceiptPrinter,
        }}
      />,
    )
  })

  return app
}

/** Phrase ids of a refused form, kept to tick the chips again: digits only, at most MAX_PHRASES. */
function rawIds(value: unknown): number[] {
  return (Array.isArray(value) ? value : [value])
    .map(parseId)
    .filter((id): id is number => id !== null)
    .slice(0, MAX_PHRASES)
}

/** The deputy id a choice stands for: null = whoever is present; undefined = not a valid choice. */
function deputyFor(choice: DeputyChoice, value: string): number | null | undefined {
  if (choice.mode === 'queue') {
    if (value === 'any' || value === '') return null
    const id = parseId(value)
    return choice.present.some((d) => d.deputyId === id) ? id : undefined
  }
  const id = parseId(value)
  return choice.districts.some((g) => g.deputies.some((d) => d.id === id)) ? id : undefined
}

/** The start screen's "反映问题" button; shown while there are topics to choose from. */
export const concernKioskAction: KioskAction = {
  id: 'concern',
  href: '/kiosk/concern',
  label: 'kiosk.action.concern',
  hint: 'kiosk.action.concernHint',
  available: (deps) => activeTopics(deps.db).length > 0,
}
