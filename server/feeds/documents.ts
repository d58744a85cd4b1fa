import type { FeedKind, VisitKind } from '../../db/schema.ts'
import type { I18n } from '../../views/i18n/index.ts'
import { visitKindLabel } from '../../views/pages/places/place-labels.ts'
import { maskName } from '../domain/masking.ts'
import { type PersonKey, parsePersonKey } from '../domain/roster/types.ts'
import { utcToZoned } from '../domain/zoned-time.ts'
import type { DutyFact, Names } from './duty-facts.ts'
import type { FeedDocument, FeedItem } from './ical.ts'

/**
 * Feed documents from rows: which items a deputy's, a station's or a staff member's calendar
 * holds and what each says. Pure: rows, translations and `now` in, a document out.
 *
 * Privacy (DESIGN §4.8): the booking rows these functions accept have no phone number and no
 * concern text at all, so neither can reach a feed; a booking shows its number, its topic and at
 * most the masked surname.
 */

/** Clients are asked to fetch again after an hour (most poll less often; see the subscribe page). */
export const REFRESH_SECONDS = 60 * 60

export type FeedStation = Names & { id: number; address: string; timeZone: string }

export type FeedSession = {
  id: number
  deputyId: number
  stationId: number
  startsAt: Date
  endsAt: Date
  place: string
  status: 'scheduled' | 'cancelled'
  sequence: number
  updatedAt: Date
}

/** A booking as a feed may see it: deliberately no phone, no concern text, no booking code. */
export type FeedBooking = {
  id: number
  sessionId: number
  slotAt: Date
  slotEndsAt: Date
  topic: Names
  residentName: string | null
  status: 'booked' | 'checked_in' | 'served' | 'no_show' | 'cancelled'
  sequence: number
  updatedAt: Date
}

export type FeedContext = {
  i18n: I18n
  now: Date
  /** Host-like suffix of every UID, fixed per installation. */
  uidDomain: string
  stations: ReadonlyMap<number, FeedStation>
}

const compact = (date: string) => date.replaceAll('-', '')
/** Slot codes are free text; anything beyond letters and digits is written as hex so UIDs stay safe. */
const safeCode = (code: string) =>
  /^[A-Za-z0-9]+$/.test(code) ? code : `x${Buffer.from(code, 'utf8').toString('hex')}`

export const scopeOf = (kind: FeedKind, subjectId: number) =>
  `${kind === 'deputy' ? 'd' : kind === 'station' ? 's' : 'a'}${subjectId}`

/**
 * UIDs name the item and the feed it is in: the same session in a station's feed and in its
 * deputy's feed are two different events, so a phone subscribed to both never merges them.
 */
export const uids = {
  duty: (f: Pick<DutyFact, 'stationId' | 'date' | 'code'>, scope: string, domain: string) =>
    `duty-${f.stationId}-${compact(f.date)}-${safeCode(f.code)}.${scope}@${domain}`,
  session: (id: number, scope: string, domain: string) => `session-${id}.${scope}@${domain}`,
  booking: (id: number, scope: string, domain: string) => `booking-${id}.${scope}@${domain}`,
  visit: (id: number, scope: string, domain: string) => `visit-${id}.${scope}@${domain}`,
}

/**
 * An outreach visit as a feed may see it (issue 17): the place, the kind, the deputies going and
 * the public note — nothing of the log (people met, summary) and nothing of any resident.
 */
export type FeedVisit = {
  id: number
  stationId: number
  place: Names
  kind: VisitKind
  startsAt: Date
  endsAt: Date
  status: 'planned' | 'held' | 'cancelled'
  note: string
  deputyNames: readonly string[]
  sequence: number
  updatedAt: Date
}

function visitItems(ctx: FeedContext, visits: readonly FeedVisit[], scope: string): FeedItem[] {
  const { t, name } = ctx.i18n
  return visits.map((v) => ({
    uid: uids.visit(v.id, scope, ctx.uidDomain),
    sequence: v.sequence,
    updatedAt: v.updatedAt,
    start: v.startsAt,
    end: v.endsAt,
    summary: t('visit.feed.summary', { place: name(v.place), kind: visitKindLabel(t, v.kind) }),
    location: name(v.place),
    description: [t('visit.feed.deputies', { names: v.deputyNames.join('、') }), v.note]
      .filter(Boolean)
      .join('\n'),
    status: v.status === 'cancelled' ? 'cancelled' : 'confirmed',
  }))
}

/** A cancelled item stays in the feed, marked cancelled, until it has ended. */
const keep = (item: FeedItem, now: Date) => item.status !== 'cancelled' || item.end.getTime() > now.getTime()

const latest = (dates: readonly Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())))

function locationOf(ctx: FeedContext, stationId: number, place = ''): string {
  const s = ctx.stations.get(stationId)
  if (!s) return ''
  const name = ctx.i18n.name(s)
  const first = place ? `${name} ${place}` : name
  return s.address ? `${first}\n${s.address}` : first
}

const stationName = (ctx: FeedContext, stationId: number) => {
  const s = ctx.stations.get(stationId)
  return s ? ctx.i18n.name(s) : ''
}

const localTime = (ctx: FeedContext, stationId: number, at: Date) =>
  utcToZoned(at, ctx.stations.get(stationId)?.timeZone ?? 'Asia/Shanghai').time

/** Booking reference shown in feeds: its number, never the code residents cancel with. */
export const bookingRef = (id: number) => `#${id}`

/** What a booking says about the resident: at most the masked surname. */
export const bookingPerson = (name: string | null) => (name?.trim() ? maskName(name) : '')

function bookingLabel(ctx: FeedContext, b: FeedBooking): string {
  const { t, name } = ctx.i18n
  const surname = bookingPerson(b.residentName)
  return surname
    ? t('feeds.booking.summaryNamed', { ref: bookingRef(b.id), topic: name(b.topic), surname })
    : t('feeds.booking.summary', { ref: bookingRef(b.id), topic: name(b.topic) })
}

/** One person's duty: theirs while they hold it and are there, cancelled once it moved away. */
function myDutyItems(ctx: FeedContext, facts: readonly DutyFact[], me: PersonKey, scope: string): FeedItem[] {
  const { t, name } = ctx.i18n
  return facts
    .filter((f) => f.people.includes(me))
    .map(
      (f): FeedItem => ({
        uid: uids.duty(f, scope, ctx.uidDomain),
        sequence: f.changes,
        updatedAt: f.updatedAt,
        start: f.startsAt,
        end: f.endsAt,
        summary: t('feeds.duty.mine', { station: stationName(ctx, f.stationId), slot: name(f.slotName) }),
        location: locationOf(ctx, f.stationId),
        status: f.open && f.holder === me && !f.absent ? 'confirmed' : 'cancelled',
      }),
    )
}

/** Who a public feed names on duty: a deputy (a public office) by name, a clerk by role only. */
function publicHolder(ctx: FeedContext, f: DutyFact, deputyNames: ReadonlyMap<number, string>): string {
  const { t } = ctx.i18n
  const p = f.holder && !f.absent ? parsePersonKey(f.holder) : null
  if (!p) return t('feeds.duty.nobody')
  if (p.kind === 'account') return t('feeds.duty.staff')
  const deputy = deputyNames.get(p.id)
  return deputy ? t('feeds.duty.deputy', { name: deputy }) : t('feeds.duty.staff')
}

export type StationFeedRows = {
  station: FeedStation
  sessions: readonly FeedSession[]
  deputyNames: ReadonlyMap<number, string>
  duties: readonly DutyFact[]
  /** The visits the station organises. */
  visits: readonly FeedVisit[]
}

/** A station's public calendar: every reception session, who is on duty and its visits; no bookings. */
export function stationDocument(ctx: FeedContext, rows: StationFeedRows): FeedDocument {
  const { t, name } = ctx.i18n
  const scope = scopeOf('station', rows.station.id)
  const sessions = rows.sessions.map(
    (s): FeedItem => ({
      uid: uids.session(s.id, scope, ctx.uidDomain),
      sequence: s.sequence,
      updatedAt: s.updatedAt,
      start: s.startsAt,
      end: s.endsAt,
      summary: t('feeds.session.public', { deputy: rows.deputyNames.get(s.deputyId) ?? '' }),
      location: locationOf(ctx, s.stationId, s.place),
      status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
    }),
  )
  const duties = rows.duties.map(
    (f): FeedItem => ({
      uid: uids.duty(f, scope, ctx.uidDomain),
      sequence: f.changes,
      updatedAt: f.updatedAt,
      start: f.startsAt,
      end: f.endsAt,
      summary: t('feeds.duty.public', {
        slot: name(f.slotName),
        person: publicHolder(ctx, f, rows.deputyNames),
      }),
      location: locationOf(ctx, f.stationId),
      status: f.open ? 'confirmed' : 'cancelled',
    }),
  )
  return document(ctx, t('feeds.cal.station', { name: name(rows.station) }), [
    ...sessions,
    ...duties,
    ...visitItems(ctx, rows.visits, scope),
  ])
}

export type DeputyFeedRows = {
  deputy: { id: number; name: string }
  sessions: readonly FeedSession[]
  bookings: readonly FeedBooking[]
  duties: readonly DutyFact[]
  /** The visits the deputy goes on. */
  visits: readonly FeedVisit[]
}

/**
 * A deputy's own calendar: their reception sessions with how many are booked and who (by number,
 * topic and masked surname), each booking at its slot, and their duty. A session's SEQUENCE
 * counts its own changes plus every change to its bookings (each booking adds its sequence + 1),
 * so a new or cancelled booking, which changes the session's text, also raises it.
 */
export function deputyDocument(ctx: FeedContext, rows: DeputyFeedRows): FeedDocument {
  const { t } = ctx.i18n
  const scope = scopeOf('deputy', rows.deputy.id)
  const bySession = new Map<number, FeedBooking[]>()
  for (const b of [...rows.bookings].sort((x, y) => x.slotAt.getTime() - y.slotAt.getTime() || x.id - y.id))
    bySession.set(b.sessionId, [...(bySession.get(b.sessionId) ?? []), b])

  const items: FeedItem[] = []
  for (const s of rows.sessions) {
    const all = bySession.get(s.id) ?? []
    const live = all.filter((b) => b.status !== 'cancelled')
    const lines = live.map((b) => `${localTime(ctx, s.stationId, b.slotAt)} ${bookingLabel(ctx, b)}`)
    items.push({
      uid: uids.session(s.id, scope, ctx.uidDomain),
      sequence: s.sequence + all.reduce((n, b) => n + b.sequence + 1, 0),
      updatedAt: latest([s.updatedAt, ...all.map((b) => b.updatedAt)]),
      start: s.startsAt,
      end: s.endsAt,
      summary: t('feeds.session.mine', { station: stationName(ctx, s.stationId), count: live.length }),
      location: locationOf(ctx, s.stationId, s.place),
      description: lines.length ? lines.join('\n') : t('feeds.session.noBookings'),
      status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
    })
    for (const b of all)
      items.push({
        uid: uids.booking(b.id, scope, ctx.uidDomain),
        sequence: b.sequence,
        updatedAt: b.updatedAt,
        start: b.slotAt,
        end: b.slotEndsAt,
        summary: bookingLabel(ctx, b),
        location: locationOf(ctx, s.stationId, s.place),
        status: b.status === 'cancelled' || s.status === 'cancelled' ? 'cancelled' : 'confirmed',
      })
  }
  items.push(...myDutyItems(ctx, rows.duties, `deputy:${rows.deputy.id}` as PersonKey, scope))
  items.push(...visitItems(ctx, rows.visits, scope))
  return document(ctx, t('feeds.cal.deputy', { name: rows.deputy.name }), items)
}

export type StaffFeedRows = { account: { id: number; displayName: string }; duties: readonly DutyFact[] }

/** A staff member's own duty. */
export function staffDocument(ctx: FeedContext, rows: StaffFeedRows): FeedDocument {
  const scope = scopeOf('staff', rows.account.id)
  const items = myDutyItems(ctx, rows.duties, `account:${rows.account.id}` as PersonKey, scope)
  return document(ctx, ctx.i18n.t('feeds.cal.staff', { name: rows.account.displayName }), items)
}

const LANGUAGE = { 'zh-Hans': 'ZH-HANS', 'zh-Hant': 'ZH-HANT', en: 'EN' } as const

function document(ctx: FeedContext, name: string, items: FeedItem[]): FeedDocument {
  return {
    name,
    language: LANGUAGE[ctx.i18n.locale],
    refreshSeconds: REFRESH_SECONDS,
    items: items.filter((i) => keep(i, ctx.now)),
  }
}
