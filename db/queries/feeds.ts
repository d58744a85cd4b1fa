import { randomBytes } from 'node:crypto'
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { type PersonKey, parsePersonKey } from '../../server/domain/roster/types.ts'
import { randomToken, sha256 } from '../../server/domain/secrets.ts'
import type { FeedBooking, FeedSession, FeedStation } from '../../server/feeds/documents.ts'
import type { StationDutyRows } from '../../server/feeds/duty-facts.ts'
import type { Locale } from '../../views/i18n/locales.ts'
import type { Db, Queryable } from '../client.ts'
import { preparedFor } from '../prepared.ts'
import {
  accounts,
  closures,
  deputies,
  type FeedKind,
  feedTokens,
  receptionBookings,
  receptionSessions,
  rosterAbsences,
  rosterEntries,
  rosterOverrides,
  rosterPublications,
  rosterSwaps,
  settings,
  stationBookingSettings,
  stations,
  topics,
} from '../schema.ts'
import { recordAudit } from './audit.ts'
import { keyOfCols, listSlotDefs, loadRosterInput, stationsOfPeople } from './roster.ts'

export type FeedTokenRow = typeof feedTokens.$inferSelect
/** A live token as pages show it: never its hash. */
export type FeedState = Pick<
  FeedTokenRow,
  'id' | 'kind' | 'subjectId' | 'locale' | 'createdAt' | 'lastFetchedAt'
>

// ── tokens ──────────────────────────────────────────────────────────────────────────────────────

/** 32 random bytes: 256 bits, URL-safe, 43 characters. */
export const FEED_TOKEN_BYTES = 32
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/** The live token of a feed, if it has one. */
export function liveFeed(db: Queryable, kind: FeedKind, subjectId: number): FeedState | undefined {
  return db
    .select({
      id: feedTokens.id,
      kind: feedTokens.kind,
      subjectId: feedTokens.subjectId,
      locale: feedTokens.locale,
      createdAt: feedTokens.createdAt,
      lastFetchedAt: feedTokens.lastFetchedAt,
    })
    .from(feedTokens)
    .where(and(eq(feedTokens.kind, kind), eq(feedTokens.subjectId, subjectId), isNull(feedTokens.revokedAt)))
    .get()
}

/** Live tokens of many feeds of one kind, by subject. */
export function liveFeeds(db: Queryable, kind: FeedKind): Map<number, FeedState> {
  const rows = db
    .select({
      id: feedTokens.id,
      kind: feedTokens.kind,
      subjectId: feedTokens.subjectId,
      locale: feedTokens.locale,
      createdAt: feedTokens.createdAt,
      lastFetchedAt: feedTokens.lastFetchedAt,
    })
    .from(feedTokens)
    .where(and(eq(feedTokens.kind, kind), isNull(feedTokens.revokedAt)))
    .all()
  return new Map(rows.map((r) => [r.subjectId, r]))
}

/**
 * Issues a new token for a feed, revoking the live one if any (a rotation), in one immediate
 * transaction; the partial unique index keeps one live token per feed even so. Returns the
 * token, which exists nowhere else: only its sha256 is stored.
 */
export function issueFeedToken(
  db: Db,
  feed: { kind: FeedKind; subjectId: number; locale: Locale },
  actor: number | null,
  now: Date,
): string {
  const token = randomToken(FEED_TOKEN_BYTES)
  db.transaction(
    (tx) => {
      const rotated = tx
        .update(feedTokens)
        .set({ revokedAt: now, revokedBy: actor, updatedAt: now })
        .where(
          and(
            eq(feedTokens.kind, feed.kind),
            eq(feedTokens.subjectId, feed.subjectId),
            isNull(feedTokens.revokedAt),
          ),
        )
        .run().changes
      const id = tx
        .insert(feedTokens)
        .values({
          kind: feed.kind,
          subjectId: feed.subjectId,
          tokenHash: sha256(token),
          locale: feed.locale,
          createdBy: actor,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: feedTokens.id })
        .get().id
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: rotated ? 'feed.rotated' : 'feed.issued',
        entity: `feed_${feed.kind}`,
        entityId: feed.subjectId,
        detail: { tokenId: id },
      })
    },
    { behavior: 'immediate' },
  )
  return token
}

/** Revokes a feed's live token; false when it had none. */
export function revokeFeedToken(db: Db, kind: FeedKind, subjectId: number, actor: number | null, now: Date) {
  return db.transaction((tx) => {
    const changed = tx
      .update(feedTokens)
      .set({ revokedAt: now, revokedBy: actor, updatedAt: now })
      .where(
        and(eq(feedTokens.kind, kind), eq(feedTokens.subjectId, subjectId), isNull(feedTokens.revokedAt)),
      )
      .run().changes
    if (changed)
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'feed.revoked',
        entity: `feed_${kind}`,
        entityId: subjectId,
      })
    return changed > 0
  })
}

/** What serving a feed needs of its live token. */
export type ServedFeed = Pick<
  FeedTokenRow,
  'id' | 'kind' | 'subjectId' | 'locale' | 'renderedHash' | 'renderedAt' | 'lastFetchedAt'
>

/** The live token a presented token stands for; undefined when unknown or revoked. */
const liveFeedToken = preparedFor((db) =>
  db
    .select({
      id: feedTokens.id,
      kind: feedTokens.kind,
      subjectId: feedTokens.subjectId,
      locale: feedTokens.locale,
      renderedHash: feedTokens.renderedHash,
      renderedAt: feedTokens.renderedAt,
      lastFetchedAt: feedTokens.lastFetchedAt,
    })
    .from(feedTokens)
    .where(and(eq(feedTokens.tokenHash, sql.placeholder('hash')), isNull(feedTokens.revokedAt)))
    .prepare(),
)

export function feedByToken(db: Db, token: string): ServedFeed | undefined {
  if (!FEED_TOKEN_PATTERN.test(token)) return undefined
  return liveFeedToken(db).get({ hash: sha256(token) })
}

const issuedFeedToken = preparedFor((db) =>
  db
    .select({ id: feedTokens.id })
    .from(feedTokens)
    .where(eq(feedTokens.tokenHash, sql.placeholder('hash')))
    .prepare(),
)

/**
 * Whether a token was ever issued, live or revoked: calendar apps keep polling a link after it was
 * revoked or replaced, and such a fetch is no guess.
 */
export function feedTokenIssued(db: Db, token: string): boolean {
  return FEED_TOKEN_PATTERN.test(token) && issuedFeedToken(db).get({ hash: sha256(token) }) !== undefined
}

/** Fetch times are recorded at most this often, so polling clients cause few writes. */
const FETCH_RECORD_MS = 60 * 60_000

/**
 * Moves the feed's high-water mark: when the served bytes differ from the last ones, their hash is
 * stored with the time they first appeared, never earlier than the mark already stored, so
 * Last-Modified only moves forward and moves on removals too. Returns that Last-Modified, and
 * brings `row` up to date with what it wrote, as the feed route keeps rows in memory.
 */
export function recordFeedServed(db: Db, row: ServedFeed, hash: string, now: Date): Date {
  const second = new Date(Math.floor(now.getTime() / 1000) * 1000)
  const changed = row.renderedHash !== hash
  const modifiedAt =
    !changed && row.renderedAt
      ? row.renderedAt
      : row.renderedAt && row.renderedAt > second
        ? row.renderedAt
        : second
  const fetchedStale = !row.lastFetchedAt || now.getTime() - row.lastFetchedAt.getTime() >= FETCH_RECORD_MS
  if (changed || fetchedStale) {
    const marks = {
      renderedHash: hash,
      renderedAt: modifiedAt,
      ...(fetchedStale ? { lastFetchedAt: now } : {}),
    }
    db.update(feedTokens)
      .set(marks)
      .where(and(eq(feedTokens.id, row.id), isNull(feedTokens.revokedAt)))
      .run()
    Object.assign(row, marks)
  }
  return modifiedAt
}

/** The host-like UID suffix of this installation, made once and kept, so UIDs never change. */
export function feedUidDomain(db: Db): string {
  const key = 'feeds.uidDomain'
  const existing = db.select().from(settings).where(eq(settings.key, key)).get()
  if (existing) return existing.value
  db.insert(settings)
    .values({ key, value: `${randomBytes(6).toString('hex')}.liaison` })
    .onConflictDoNothing()
    .run()
  return db.select().from(settings).where(eq(settings.key, key)).get()!.value
}

// ── subjects ────────────────────────────────────────────────────────────────────────────────────

export type FeedSubject = { kind: FeedKind; id: number; name: string; active: boolean }

/** The deputy, station or staff account a feed belongs to; undefined when there is none. */
export function findFeedSubject(db: Queryable, kind: FeedKind, id: number): FeedSubject | undefined {
  if (kind === 'deputy') {
    const d = db.select().from(deputies).where(eq(deputies.id, id)).get()
    return d && { kind, id, name: d.name, active: d.active }
  }
  if (kind === 'station') {
    const s = db.select().from(stations).where(eq(stations.id, id)).get()
    return s && { kind, id, name: s.nameZhHans, active: s.active }
  }
  const a = db.select().from(accounts).where(eq(accounts.id, id)).get()
  return a && a.role === 'staff' ? { kind, id, name: a.displayName, active: a.active } : undefined
}

export const listStaffAccounts = (db: Queryable) =>
  db
    .select({ id: accounts.id, displayName: accounts.displayName, username: accounts.username })
    .from(accounts)
    .where(and(eq(accounts.role, 'staff'), eq(accounts.active, true)))
    .orderBy(asc(accounts.displayName), asc(accounts.id))
    .all()

export const listActiveDeputies = (db: Queryable) =>
  db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(eq(deputies.active, true))
    .orderBy(asc(deputies.id))
    .all()

// ── rows behind a feed ──────────────────────────────────────────────────────────────────────────

export function feedStations(db: Queryable, ids?: readonly number[]): Map<number, FeedStation> {
  const q = db
    .select({
      id: stations.id,
      nameZhHans: stations.nameZhHans,
      nameZhHant: stations.nameZhHant,
      nameEn: stations.nameEn,
      address: stations.address,
      timeZone: stations.timeZone,
    })
    .from(stations)
  const rows = ids ? (ids.length ? q.where(inArray(stations.id, [...ids])).all() : []) : q.all()
  return new Map(rows.map((r) => [r.id, r]))
}

/** Days ahead a station takes bookings (its booking horizon; 30 when it has no settings row). */
export function bookingHorizons(db: Queryable): (stationId: number) => number {
  const rows = db.select().from(stationBookingSettings).all()
  const byStation = new Map(rows.map((r) => [r.stationId, r.horizonDays]))
  return (id) => byStation.get(id) ?? 30
}

/** Everything the pure duty facts need for one station, for slots from `from` to `to`. */
export function loadStationDutyRows(
  db: Queryable,
  station: { id: number; timeZone: string },
  from: string,
  to: string,
): StationDutyRows {
  const entries = db
    .select({
      date: rosterEntries.date,
      slotCode: rosterEntries.slotCode,
      accountId: rosterEntries.accountId,
      deputyId: rosterEntries.deputyId,
      publishedAt: rosterPublications.createdAt,
    })
    .from(rosterEntries)
    .innerJoin(rosterPublications, eq(rosterPublications.id, rosterEntries.publicationId))
    .where(
      and(
        eq(rosterEntries.stationId, station.id),
        gte(rosterEntries.date, from),
        lte(rosterEntries.date, to),
      ),
    )
    .all()
  const swaps = db
    .select()
    .from(rosterSwaps)
    .where(
      and(
        eq(rosterSwaps.stationId, station.id),
        eq(rosterSwaps.status, 'approved'),
        gte(rosterSwaps.date, from),
        lte(rosterSwaps.date, to),
      ),
    )
    .all()
  const overrides = db
    .select()
    .from(rosterOverrides)
    .where(and(eq(rosterOverrides.stationId, station.id), gte(rosterOverrides.toDate, from)))
    .all()
  const absences = db.select().from(rosterAbsences).where(gte(rosterAbsences.toDate, from)).all()
  const closureRows = db
    .select({ date: closures.date, kind: closures.kind, updatedAt: closures.updatedAt })
    .from(closures)
    .where(
      and(
        gte(closures.date, from),
        lte(closures.date, to),
        or(
          inArray(closures.kind, ['holiday', 'workday']),
          and(eq(closures.kind, 'station_closed'), eq(closures.stationId, station.id)),
        ),
      ),
    )
    .all()
  const list = (s: string) => (s === '' ? [] : s.split(','))
  return {
    stationId: station.id,
    input: loadRosterInput(db, station),
    slotDefs: listSlotDefs(db, station.id),
    entries: entries.map((e) => ({
      date: e.date,
      slotCode: e.slotCode,
      person: keyOfCols(e.accountId, e.deputyId),
      publishedAt: e.publishedAt,
    })),
    swaps: swaps.flatMap((s) => {
      const from = keyOfCols(s.fromAccountId, s.fromDeputyId)
      const to = keyOfCols(s.toAccountId, s.toDeputyId)
      return from && to
        ? [{ date: s.date, slotCode: s.slotCode, from, to, decidedAt: s.decidedAt ?? s.updatedAt }]
        : []
    }),
    overrides: overrides.flatMap((o) => {
      const person = keyOfCols(o.accountId, o.deputyId)
      return person
        ? [
            {
              fromDate: o.fromDate,
              toDate: o.toDate,
              slotCodes: list(o.slotCodes),
              person,
              createdAt: o.createdAt,
              removedAt: o.removedAt,
            },
          ]
        : []
    }),
    absences: absences.flatMap((a) => {
      const person = keyOfCols(a.accountId, a.deputyId)
      return person
        ? [
            {
              person,
              fromDate: a.fromDate,
              toDate: a.toDate,
              createdAt: a.createdAt,
              cancelledAt: a.cancelledAt,
            },
          ]
        : []
    }),
    closures: closureRows,
  }
}

/**
 * Stations where a person has or had any duty: named in a rotation, a published entry, an
 * override (removed ones too) or a swap. Their feed must still see a slot taken away from them,
 * to mark it cancelled.
 */
export function dutyStationsOf(db: Queryable, person: PersonKey): { id: number; timeZone: string }[] {
  const p = parsePersonKey(person)
  if (!p) return []
  const isAccount = p.kind === 'account'
  const ids = new Set(stationsOfPeople(db, [person]).map((s) => s.id))
  for (const r of db
    .selectDistinct({ id: rosterEntries.stationId })
    .from(rosterEntries)
    .where(isAccount ? eq(rosterEntries.accountId, p.id) : eq(rosterEntries.deputyId, p.id))
    .all())
    ids.add(r.id)
  for (const r of db
    .selectDistinct({ id: rosterOverrides.stationId })
    .from(rosterOverrides)
    .where(isAccount ? eq(rosterOverrides.accountId, p.id) : eq(rosterOverrides.deputyId, p.id))
    .all())
    ids.add(r.id)
  for (const r of db
    .selectDistinct({ id: rosterSwaps.stationId })
    .from(rosterSwaps)
    .where(
      isAccount
        ? or(eq(rosterSwaps.fromAccountId, p.id), eq(rosterSwaps.toAccountId, p.id))
        : or(eq(rosterSwaps.fromDeputyId, p.id), eq(rosterSwaps.toDeputyId, p.id)),
    )
    .all())
    ids.add(r.id)
  if (ids.size === 0) return []
  return db
    .select({ id: stations.id, timeZone: stations.timeZone })
    .from(stations)
    .where(inArray(stations.id, [...ids]))
    .orderBy(asc(stations.id))
    .all()
}

/** Reception sessions of a deputy or a station whose local date lies in each station's window. */
export function loadFeedSessions(
  db: Queryable,
  who: { deputyId: number } | { stationId: number },
  window: (stationId: number) => { from: string; to: string },
): FeedSession[] {
  const rows = db
    .select({
      id: receptionSessions.id,
      deputyId: receptionSessions.deputyId,
      stationId: receptionSessions.stationId,
      date: receptionSessions.date,
      startsAt: receptionSessions.startsAt,
      endsAt: receptionSessions.endsAt,
      place: receptionSessions.place,
      status: receptionSessions.status,
      sequence: receptionSessions.sequence,
      updatedAt: receptionSessions.updatedAt,
    })
    .from(receptionSessions)
    .where(
      'deputyId' in who
        ? eq(receptionSessions.deputyId, who.deputyId)
        : eq(receptionSessions.stationId, who.stationId),
    )
    .orderBy(asc(receptionSessions.startsAt), asc(receptionSessions.id))
    .all()
  return rows
    .filter((r) => {
      const w = window(r.stationId)
      return w.from <= r.date && r.date <= w.to
    })
    .map(({ date: _date, ...r }) => r)
}

/**
 * The bookings of some sessions, with only what a feed may show: the booking's number, slot,
 * topic, the resident's name (masked later to a surname), status, sequence and update time. The
 * phone number and the concern are never selected.
 */
export function loadFeedBookings(db: Queryable, sessionIds: readonly number[]): FeedBooking[] {
  if (sessionIds.length === 0) return []
  return db
    .select({
      id: receptionBookings.id,
      sessionId: receptionBookings.sessionId,
      slotAt: receptionBookings.slotAt,
      slotEndsAt: receptionBookings.slotEndsAt,
      topicZhHans: topics.nameZhHans,
      topicZhHant: topics.nameZhHant,
      topicEn: topics.nameEn,
      residentName: receptionBookings.residentName,
      status: receptionBookings.status,
      sequence: receptionBookings.sequence,
      updatedAt: receptionBookings.updatedAt,
    })
    .from(receptionBookings)
    .innerJoin(topics, eq(topics.id, receptionBookings.topicId))
    .where(inArray(receptionBookings.sessionId, [...sessionIds]))
    .orderBy(asc(receptionBookings.slotAt), asc(receptionBookings.id))
    .all()
    .map(({ topicZhHans, topicZhHant, topicEn, ...b }) => ({
      ...b,
      topic: { nameZhHans: topicZhHans, nameZhHant: topicZhHant, nameEn: topicEn },
    }))
}
