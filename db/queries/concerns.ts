import { and, asc, count, eq, gte, inArray, or, sql } from 'drizzle-orm'
import { OPEN_STATUSES } from '../../server/domain/concern-lifecycle.ts'
import { randomCode, TRACKING_CODE_LENGTH } from '../../server/domain/secrets.ts'
import { addWorkingDays, type WorkingCalendar, workingCalendar } from '../../server/domain/working-days.ts'
import type { Queryable } from '../client.ts'
import { DerivedCache } from '../derived-cache.ts'
import { inChunks, preparedForRows, rowParams, rowPlaceholder } from '../prepared.ts'
import {
  type ConcernChannel,
  type ConcernEventAction,
  type ConcernEventDetail,
  type ConcernStatus,
  closures,
  concernEvents,
  concerns,
  stations,
  type TriageState,
  topics,
} from '../schema.ts'
import { queueSettings } from './queue-presence.ts'

export type ConcernRow = typeof concerns.$inferSelect
export type ConcernEventRow = typeof concernEvents.$inferSelect

/** The holiday calendar that applies to a station from a date on. */
export function calendarFor(db: Queryable, stationId: number, from: string): WorkingCalendar {
  const rows = db
    .select({ date: closures.date, kind: closures.kind })
    .from(closures)
    .where(and(gte(closures.date, from), or(eq(closures.stationId, 0), eq(closures.stationId, stationId))))
    .all()
  return workingCalendar(rows)
}

const DUE_DATE_TABLES = ['closures', 'station_queue_settings'] as const
const dueDates = new DerivedCache<string>(DUE_DATE_TABLES, { name: 'first-response due dates', max: 5000 })

/**
 * The first-response due date of a concern received at a station on `receivedOn`; it depends on
 * schedule tables only (settings, closures), so it is kept until one of them is written.
 */
export function firstResponseDueOn(db: Queryable, stationId: number, receivedOn: string): string {
  return dueDates.get(db, `${stationId}|${receivedOn}`, () => {
    const { firstResponseWorkingDays } = queueSettings(db, stationId)
    return addWorkingDays(receivedOn, firstResponseWorkingDays, calendarFor(db, stationId, receivedOn))
  })
}

export type Actor = { kind: 'kiosk' | 'account' | 'system' | 'resident'; accountId?: number | null }

export type NewConcern = {
  stationId: number
  topicId: number
  channel: ConcernChannel
  deputyId: number | null
  description?: string | null
  residentName?: string | null
  callbackPhone?: string | null
  receivedOn: string
  submissionKey?: string | null
  kioskId?: number | null
  actor: Actor
  note?: string
  /** Where the resident lives or works (issue 17), the visit it was raised at, and for phone
   * concerns (issue 16) the triage state and whether the resident agreed to SMS notices. */
  placeId?: number | null
  visitId?: number | null
  triage?: TriageState | null
  smsConsent?: boolean
}

// Walk-ins write these on every submission: built once per row count, run with placeholders.
const insertConcernRows = preparedForRows((db, k) =>
  db
    .insert(concerns)
    .values(
      Array.from({ length: k }, (_, i) => {
        const p = (name: string) => rowPlaceholder(name, i)
        return {
          trackingCode: p('trackingCode'),
          stationId: p('stationId'),
          topicId: p('topicId'),
          channel: p('channel'),
          status: 'received' as const,
          deputyId: p('deputyId'),
          description: p('description'),
          residentName: p('residentName'),
          callbackPhone: p('callbackPhone'),
          receivedOn: p('receivedOn'),
          firstResponseDueOn: p('firstResponseDueOn'),
          submissionKey: p('submissionKey'),
          kioskId: p('kioskId'),
          createdByAccountId: p('createdByAccountId'),
          placeId: p('placeId'),
          visitId: p('visitId'),
          triage: p('triage'),
          smsConsent: p('smsConsent'),
          createdAt: p('createdAt'),
          updatedAt: p('updatedAt'),
        }
      }),
    )
    .onConflictDoNothing({ target: concerns.trackingCode })
    .returning()
    .prepare(),
)

const insertConcernEventRows = preparedForRows((db, k) =>
  db
    .insert(concernEvents)
    .values(
      Array.from({ length: k }, (_, i) => {
        const p = (name: string) => rowPlaceholder(name, i)
        return {
          concernId: p('concernId'),
          at: p('at'),
          action: p('action'),
          actorKind: p('actorKind'),
          actorAccountId: p('actorAccountId'),
          fromStatus: p('fromStatus'),
          toStatus: p('toStatus'),
          note: p('note'),
          detail: p('detail'),
        }
      }),
    )
    .returning()
    .prepare(),
)

/**
 * Records a new concern (status `received`) with its due date and first timeline event. Call
 * inside the caller's transaction when more rows belong to the same change.
 */
export function insertConcern(db: Queryable, c: NewConcern, now: Date): ConcernRow {
  return insertConcerns(db, [c], now)[0]!
}

/**
 * Inserts the rows, each with a fresh tracking code. A code some concern already has skips its
 * row (ON CONFLICT DO NOTHING) and that row draws again: one statement but in the rarest case.
 */
function insertWithFreshCodes(
  db: Queryable,
  values: readonly Record<string, unknown>[],
  drawCode: () => string,
) {
  const rows: ConcernRow[] = []
  const drawn = new Set<string>()
  const fresh = () => {
    for (let i = 0; i < 100; i++) {
      const code = drawCode()
      if (drawn.has(code)) continue
      drawn.add(code)
      return code
    }
    throw new Error('could not find a free tracking code')
  }
  let left = values.map((_, i) => i)
  for (let attempt = 0; attempt < 20 && left.length > 0; attempt++) {
    const tries = left.map((i) => ({ ...values[i]!, trackingCode: fresh() }))
    // RETURNING's row order is not promised: each row is found again by its code.
    const made = new Map(
      inChunks(tries, (chunk) => insertConcernRows(db, chunk.length).all(rowParams(chunk))).map((r) => [
        r.trackingCode,
        r,
      ]),
    )
    left = left.filter((i, j) => {
      const row = made.get(tries[j]!.trackingCode)
      if (row) rows[i] = row
      return !row
    })
  }
  if (left.length > 0) throw new Error('could not find a free tracking code')
  return rows
}

/**
 * insertConcern for several concerns at once (a group commit's walk-ins), in their order.
 * `drawCode` is for tests that need a code to be taken.
 */
export function insertConcerns(
  db: Queryable,
  cs: readonly NewConcern[],
  now: Date,
  drawCode = () => randomCode(TRACKING_CODE_LENGTH),
): ConcernRow[] {
  if (cs.length === 0) return []
  // Inside a transaction that has written, each due-date lookup reads the data versions: once per station day.
  const dueOn = new Map<string, string>()
  const dueFor = (c: NewConcern) => {
    const day = `${c.stationId}|${c.receivedOn}`
    if (!dueOn.has(day)) dueOn.set(day, firstResponseDueOn(db, c.stationId, c.receivedOn))
    return dueOn.get(day)!
  }
  const values = cs.map((c) => ({
    stationId: c.stationId,
    topicId: c.topicId,
    channel: c.channel,
    deputyId: c.deputyId,
    description: c.description || null,
    residentName: c.residentName || null,
    callbackPhone: c.callbackPhone || null,
    receivedOn: c.receivedOn,
    firstResponseDueOn: dueFor(c),
    submissionKey: c.submissionKey ?? null,
    kioskId: c.kioskId ?? null,
    createdByAccountId: c.actor.kind === 'account' ? (c.actor.accountId ?? null) : null,
    placeId: c.placeId ?? null,
    visitId: c.visitId ?? null,
    triage: c.triage ?? null,
    smsConsent: c.smsConsent ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  }))
  const rows = insertWithFreshCodes(db, values, drawCode)
  addConcernEvents(
    db,
    rows.map((row, i) => ({
      concernId: row.id,
      at: now,
      event: {
        action: 'created',
        actor: cs[i]!.actor,
        fromStatus: null,
        toStatus: 'received',
        note: cs[i]!.note ?? '',
      },
    })),
  )
  return rows
}

export type NewConcernEvent = {
  action: ConcernEventAction
  actor: Actor
  fromStatus: ConcernStatus | null
  toStatus: ConcernStatus
  note?: string
  /** What a follow-up step carried (deadline, unit, grade, reply, verdict, undo link, state before). */
  detail?: ConcernEventDetail
}

/** Adds one event to a concern's timeline and returns it. */
export function addConcernEvent(
  db: Queryable,
  concernId: number,
  at: Date,
  e: NewConcernEvent,
): ConcernEventRow {
  return addConcernEvents(db, [{ concernId, at, event: e }])[0]!
}

/** Adds events to concerns' timelines (any order: they are read back by time and id). */
export function addConcernEvents(
  db: Queryable,
  events: readonly { concernId: number; at: Date; event: NewConcernEvent }[],
): ConcernEventRow[] {
  return inChunks(events, (chunk) =>
    insertConcernEventRows(db, chunk.length).all(
      rowParams(
        chunk.map(({ concernId, at, event: e }) => ({
          concernId,
          at,
          action: e.action,
          actorKind: e.actor.kind,
          actorAccountId: e.actor.accountId ?? null,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          note: e.note ?? '',
          detail: e.detail ?? {},
        })),
      ),
    ),
  )
}

export function findConcernById(db: Queryable, id: number): ConcernRow | undefined {
  return db.select().from(concerns).where(eq(concerns.id, id)).get()
}

const concernsBySubmissionKeys = preparedForRows((db, k) =>
  db
    .select()
    .from(concerns)
    .where(
      inArray(
        concerns.submissionKey,
        Array.from({ length: k }, (_, i) => rowPlaceholder('key', i)),
      ),
    )
    .prepare(),
)

export function findConcernBySubmissionKey(db: Queryable, key: string): ConcernRow | undefined {
  return findConcernsBySubmissionKeys(db, [key]).get(key)
}

/** The concerns already made with these submission keys, by key. */
export function findConcernsBySubmissionKeys(
  db: Queryable,
  keys: readonly string[],
): Map<string, ConcernRow> {
  const rows = inChunks(keys, (chunk) =>
    concernsBySubmissionKeys(db, chunk.length).all(rowParams(chunk.map((key) => ({ key })))),
  )
  return new Map(rows.map((r) => [r.submissionKey!, r]))
}

/** What the public tracking page may show: no names, phones or description. */
export type PublicConcern = {
  trackingCode: string
  status: ConcernStatus
  /** A phone concern's triage (issue 16): the page says "being checked" or "not accepted". */
  triage: TriageState | null
  channel: ConcernChannel
  receivedOn: string
  station: { nameZhHans: string; nameZhHant: string; nameEn: string; timeZone: string }
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  timeline: { at: Date; action: ConcernEventAction; toStatus: ConcernStatus }[]
}

export function findPublicConcern(db: Queryable, trackingCode: string): PublicConcern | null {
  const row = db
    .select({ concern: concerns, station: stations, topic: topics })
    .from(concerns)
    .innerJoin(stations, eq(stations.id, concerns.stationId))
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .where(eq(concerns.trackingCode, trackingCode))
    .get()
  if (!row) return null
  const timeline = db
    .select({ at: concernEvents.at, action: concernEvents.action, toStatus: concernEvents.toStatus })
    .from(concernEvents)
    .where(eq(concernEvents.concernId, row.concern.id))
    .orderBy(asc(concernEvents.at), asc(concernEvents.id))
    .all()
  return {
    trackingCode: row.concern.trackingCode,
    status: row.concern.status,
    triage: row.concern.triage,
    channel: row.concern.channel,
    receivedOn: row.concern.receivedOn,
    station: {
      nameZhHans: row.station.nameZhHans,
      nameZhHant: row.station.nameZhHant,
      nameEn: row.station.nameEn,
      timeZone: row.station.timeZone,
    },
    topic: { nameZhHans: row.topic.nameZhHans, nameZhHant: row.topic.nameZhHant, nameEn: row.topic.nameEn },
    timeline,
  }
}

/**
 * The one condition for "this concern reaches its deputy and counts" (issue 16): not spam and
 * not a phone concern waiting for a clerk's triage. Every deputy's list and every figure (record,
 * monthly report, coverage) uses it; server/domain/triage.ts `reachesDeputy` is the same rule.
 */
export const countsForDeputy = sql`(${concerns.status} <> 'spam' and coalesce(${concerns.triage}, 'accepted') = 'accepted')`

/** Open concerns per deputy, for spreading unassigned work evenly. */
export function openConcernCounts(db: Queryable, deputyIds: number[]): Map<number, number> {
  const out = new Map(deputyIds.map((id) => [id, 0]))
  if (deputyIds.length === 0) return out
  const rows = db
    .select({ deputyId: concerns.deputyId, n: count() })
    .from(concerns)
    .where(
      and(
        inArray(concerns.deputyId, deputyIds),
        inArray(concerns.status, [...OPEN_STATUSES]),
        countsForDeputy,
      ),
    )
    .groupBy(concerns.deputyId)
    .all()
  for (const r of rows) if (r.deputyId !== null) out.set(r.deputyId, r.n)
  return out
}

/** A deputy's open concerns, earliest due first (their backlog). */
export function deputyBacklog(db: Queryable, deputyId: number) {
  return db
    .select({
      id: concerns.id,
      trackingCode: concerns.trackingCode,
      status: concerns.status,
      channel: concerns.channel,
      receivedOn: concerns.receivedOn,
      firstResponseDueOn: concerns.firstResponseDueOn,
      topic: topics,
    })
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .where(
      and(eq(concerns.deputyId, deputyId), inArray(concerns.status, [...OPEN_STATUSES]), countsForDeputy),
    )
    .orderBy(asc(concerns.firstResponseDueOn), asc(concerns.id))
    .all()
}
