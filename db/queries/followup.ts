import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  notInArray,
  or,
  sql,
} from 'drizzle-orm'
import {
  AWAITING_VERDICT,
  awaitsVerdict,
  currentDue,
  DEFAULT_FOLLOW_UP_SETTINGS,
  EMPTY_FOLLOW_UP,
  type FollowUpSettings,
  isOpen,
} from '../../server/domain/concern-follow-up.ts'
import { OPEN_STATUSES } from '../../server/domain/concern-lifecycle.ts'
import type { RecordConcern, RecordDay, RecordEvent } from '../../server/domain/deputy-record.ts'
import { localDate } from '../../server/domain/time.ts'
import { type WorkingCalendar, workingCalendar } from '../../server/domain/working-days.ts'
import type { Queryable } from '../client.ts'
import {
  accounts,
  type ConcernStatus,
  closures,
  concernEvents,
  concernFollowUps,
  concerns,
  deputies,
  type FollowUpSnapshot,
  handlingUnits,
  queueTickets,
  type ReplyGrade,
  receptionSessions,
  settings,
  stationPresence,
  stations,
  streets,
  topics,
} from '../schema.ts'
import { type ConcernRow, countsForDeputy } from './concerns.ts'
import { eraseSmsPhones } from './outbox.ts'
import { stationZones } from './stations.ts'

export type FollowUpRow = typeof concernFollowUps.$inferSelect

// ── Settings ───────────────────────────────────────────────────────────────────────────────────

const SETTINGS_KEY = 'followup'

/** The follow-up settings (stored as one JSON value in `settings`), defaults filling any gap. */
export function followUpSettings(db: Queryable): FollowUpSettings {
  const row = db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)).get()
  if (!row) return DEFAULT_FOLLOW_UP_SETTINGS
  try {
    const stored = JSON.parse(row.value) as Partial<FollowUpSettings>
    const out = { ...DEFAULT_FOLLOW_UP_SETTINGS }
    for (const k of Object.keys(out) as (keyof FollowUpSettings)[]) {
      const v = stored[k]
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[k] = v
    }
    return out
  } catch {
    return DEFAULT_FOLLOW_UP_SETTINGS
  }
}

export function saveFollowUpSettings(db: Queryable, s: FollowUpSettings) {
  const value = JSON.stringify(s)
  db.insert(settings)
    .values({ key: SETTINGS_KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run()
}

// ── State and events ───────────────────────────────────────────────────────────────────────────

export const findFollowUp = (db: Queryable, concernId: number): FollowUpRow | undefined =>
  db.select().from(concernFollowUps).where(eq(concernFollowUps.concernId, concernId)).get()

/** The part of a follow-up row an undo restores; null when the concern has no row yet. */
export function snapshotOf(row: FollowUpRow | undefined): FollowUpSnapshot | null {
  if (!row) return null
  const { concernId: _c, updatedAt: _u, ...state } = row
  return state
}

/** Writes a concern's follow-up state (null deletes the row: back to "first response only"). */
export function writeFollowUp(db: Queryable, concernId: number, state: FollowUpSnapshot | null, now: Date) {
  if (state === null) {
    db.delete(concernFollowUps).where(eq(concernFollowUps.concernId, concernId)).run()
    return
  }
  db.insert(concernFollowUps)
    .values({ concernId, ...state, updatedAt: now })
    .onConflictDoUpdate({ target: concernFollowUps.concernId, set: { ...state, updatedAt: now } })
    .run()
}

/** The state to change: the row as it is, or an empty one. */
export const stateOf = (row: FollowUpRow | undefined): FollowUpSnapshot =>
  snapshotOf(row) ?? { ...EMPTY_FOLLOW_UP }

/**
 * Moves a concern from the status it was seen in; returns false when someone else moved it
 * first (the guard makes two simultaneous verdicts impossible).
 */
export function moveConcern(db: Queryable, id: number, from: ConcernStatus, to: ConcernStatus, now: Date) {
  return (
    db
      .update(concerns)
      .set({ status: to, updatedAt: now })
      .where(and(eq(concerns.id, id), eq(concerns.status, from)))
      .run().changes === 1
  )
}

export type TimelineEvent = typeof concernEvents.$inferSelect & { actorName: string | null }

/** A concern's whole timeline, oldest first, with the names of the people who acted. */
export function timelineOf(db: Queryable, concernId: number): TimelineEvent[] {
  return db
    .select({ event: concernEvents, actorName: accounts.displayName })
    .from(concernEvents)
    .leftJoin(accounts, eq(accounts.id, concernEvents.actorAccountId))
    .where(eq(concernEvents.concernId, concernId))
    .orderBy(asc(concernEvents.at), asc(concernEvents.id))
    .all()
    .map((r) => ({ ...r.event, actorName: r.actorName }))
}

export const findConcernByCode = (db: Queryable, code: string): ConcernRow | undefined =>
  db.select().from(concerns).where(eq(concerns.trackingCode, code)).get()

/** What a clerk sees after recording a concern at a station: its code, due date and deputy. */
export const recordedConcern = (db: Queryable, code: string, stationId: number) =>
  db
    .select({ code: concerns.trackingCode, dueOn: concerns.firstResponseDueOn, deputyName: deputies.name })
    .from(concerns)
    .innerJoin(deputies, eq(deputies.id, concerns.deputyId))
    .where(and(eq(concerns.trackingCode, code), eq(concerns.stationId, stationId)))
    .get()

/** Concerns linked to a master as duplicates of it (ids and codes, oldest first). */
export function duplicatesOf(db: Queryable, masterId: number) {
  return db
    .select({ id: concerns.id, trackingCode: concerns.trackingCode, status: concerns.status })
    .from(concernFollowUps)
    .innerJoin(concerns, eq(concerns.id, concernFollowUps.concernId))
    .where(and(eq(concernFollowUps.masterConcernId, masterId), eq(concerns.status, 'duplicate')))
    .orderBy(asc(concerns.id))
    .all()
}

// ── Screens ────────────────────────────────────────────────────────────────────────────────────

const names = (t: typeof topics | typeof stations | typeof handlingUnits) => ({
  nameZhHans: t.nameZhHans,
  nameZhHant: t.nameZhHant,
  nameEn: t.nameEn,
})

/** Everything the concern page shows, or undefined. */
export function loadConcernPage(db: Queryable, id: number) {
  const row = db
    .select({
      concern: concerns,
      station: stations,
      topic: names(topics),
      deputyName: deputies.name,
      followUp: concernFollowUps,
    })
    .from(concerns)
    .innerJoin(stations, eq(stations.id, concerns.stationId))
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .leftJoin(deputies, eq(deputies.id, concerns.deputyId))
    .leftJoin(concernFollowUps, eq(concernFollowUps.concernId, concerns.id))
    .where(eq(concerns.id, id))
    .get()
  if (!row) return undefined
  const unitId = row.followUp?.handlingUnitId
  const unit = unitId
    ? db.select(names(handlingUnits)).from(handlingUnits).where(eq(handlingUnits.id, unitId)).get()
    : undefined
  const masterId = row.followUp?.masterConcernId
  const master = masterId
    ? db
        .select({ id: concerns.id, trackingCode: concerns.trackingCode, status: concerns.status })
        .from(concerns)
        .where(eq(concerns.id, masterId))
        .get()
    : undefined
  return {
    ...row,
    unit: unit ?? null,
    master: master ?? null,
    duplicates: duplicatesOf(db, id),
    events: timelineOf(db, id),
  }
}
export type ConcernPageData = NonNullable<ReturnType<typeof loadConcernPage>>

export function activeUnits(db: Queryable) {
  return db
    .select({ id: handlingUnits.id, ...names(handlingUnits) })
    .from(handlingUnits)
    .where(eq(handlingUnits.active, true))
    .orderBy(asc(handlingUnits.id))
    .all()
}

/** The outer query's concern id, qualified: drizzle leaves columns bare in a one-table select. */
const OUTER_ID = sql.raw('"concerns"."id"')

const duplicateCount = sql<number>`(select count(*) from concern_follow_ups d join concerns dc on dc.id = d.concern_id where d.master_concern_id = ${OUTER_ID} and dc.status = 'duplicate')`

const listColumns = {
  id: concerns.id,
  trackingCode: concerns.trackingCode,
  status: concerns.status,
  channel: concerns.channel,
  stationId: concerns.stationId,
  deputyId: concerns.deputyId,
  receivedOn: concerns.receivedOn,
  firstResponseDueOn: concerns.firstResponseDueOn,
  deputyName: deputies.name,
  topic: names(topics),
  followUp: {
    dueKind: concernFollowUps.dueKind,
    dueOn: concernFollowUps.dueOn,
    escalationLevel: concernFollowUps.escalationLevel,
    concernId: concernFollowUps.concernId,
  },
  duplicates: duplicateCount,
}

export type ConcernListRow = {
  id: number
  trackingCode: string
  status: ConcernStatus
  stationId: number
  deputyId: number | null
  receivedOn: string
  firstResponseDueOn: string
  deputyName: string | null
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  followUp: FollowUpSnapshot | null
  duplicates: number
}

function listRows(
  db: Queryable,
  where: ReturnType<typeof and>,
  order: 'received' | 'recent' = 'received',
): ConcernListRow[] {
  return db
    .select(listColumns)
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .leftJoin(deputies, eq(deputies.id, concerns.deputyId))
    .leftJoin(concernFollowUps, eq(concernFollowUps.concernId, concerns.id))
    .where(where)
    .orderBy(order === 'received' ? asc(concerns.receivedOn) : desc(concerns.receivedOn), asc(concerns.id))
    .all()
    .map((r) => ({
      ...r,
      followUp:
        r.followUp === null || r.followUp.concernId === null
          ? null
          : {
              ...EMPTY_FOLLOW_UP,
              dueKind: r.followUp.dueKind,
              dueOn: r.followUp.dueOn,
              escalationLevel: r.followUp.escalationLevel ?? 0,
            },
      duplicates: Number(r.duplicates),
    }))
}

const OPEN = [...OPEN_STATUSES]

/** A station's concerns: open ones, or every one received in a month. */
export function stationConcernList(
  db: Queryable,
  stationId: number,
  filter: { open: true } | { month: string },
): ConcernListRow[] {
  if ('open' in filter)
    return listRows(db, and(eq(concerns.stationId, stationId), inArray(concerns.status, OPEN)))
  return listRows(
    db,
    and(
      eq(concerns.stationId, stationId),
      gte(concerns.receivedOn, `${filter.month}-01`),
      lte(concerns.receivedOn, `${filter.month}-31`),
    ),
    'recent',
  )
}

/** A deputy's open concerns (their "my concerns"). */
export const deputyOpenConcerns = (db: Queryable, deputyId: number) =>
  listRows(db, and(eq(concerns.deputyId, deputyId), inArray(concerns.status, OPEN), countsForDeputy))

/** Every open concern with its deadline inputs, for the daily deadline pass. */
export const allOpenConcerns = (db: Queryable) => listRows(db, and(inArray(concerns.status, OPEN)))

/** Open and overdue-relevant counts per station, for the concerns index. */
export function openCountByStation(db: Queryable, stationIds: number[]) {
  if (stationIds.length === 0) return new Map<number, number>()
  const rows = db
    .select({ stationId: concerns.stationId, n: count() })
    .from(concerns)
    .where(and(inArray(concerns.stationId, stationIds), inArray(concerns.status, OPEN)))
    .groupBy(concerns.stationId)
    .all()
  return new Map(rows.map((r) => [r.stationId, r.n]))
}

/**
 * The call-back list: a station's replied concerns (and those answered on the spot, with a phone)
 * still waiting for the resident's verdict,
 * oldest reply first, with the personal fields the caller may show or mask.
 */
export function callbackList(db: Queryable, stationId: number) {
  const repliedAt = sql<number>`(select max(e.at) from concern_events e where e.concern_id = ${OUTER_ID} and e.to_status in ('replied', 'answered') and e.from_status <> e.to_status)`
  return db
    .select({
      id: concerns.id,
      trackingCode: concerns.trackingCode,
      status: concerns.status,
      stationId: concerns.stationId,
      deputyId: concerns.deputyId,
      deputyName: deputies.name,
      residentName: concerns.residentName,
      callbackPhone: concerns.callbackPhone,
      topic: names(topics),
      repliedAt,
    })
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .leftJoin(deputies, eq(deputies.id, concerns.deputyId))
    .where(
      and(
        eq(concerns.stationId, stationId),
        inArray(concerns.status, [...AWAITING_VERDICT]),
        // An answer on the spot is only worth a call when there is a phone to call; it leaves the
        // list when the phone is erased with the other personal fields.
        or(eq(concerns.status, 'replied'), isNotNull(concerns.callbackPhone)),
      ),
    )
    .orderBy(asc(repliedAt), asc(concerns.id))
    .all()
    .map((r) => ({ ...r, repliedAt: new Date(Number(r.repliedAt)) }))
}

/**
 * Where a concern stands on the resident's own pages (kiosk progress, /track): a duplicate shows
 * its master's status and deadline; the deadline is the current one (a reopened concern's
 * re-handling date, not its first-response date); and whether the resident may give a verdict now.
 */
export function publicStanding(db: Queryable, concern: ConcernRow) {
  const followUp = findFollowUp(db, concern.id) ?? null
  const masterId = concern.status === 'duplicate' ? followUp?.masterConcernId : null
  const master = masterId ? db.select().from(concerns).where(eq(concerns.id, masterId)).get() : undefined
  const shown = master ?? concern
  const shownFollowUp = master ? (findFollowUp(db, master.id) ?? null) : followUp
  return {
    master: master ? { id: master.id, status: master.status } : null,
    due: isOpen(shown.status) ? currentDue(shown, shownFollowUp) : null,
    canRate: !master && awaitsVerdict(concern.status),
  }
}

/** The latest reply passed on to the resident (not undone), with its grade, for the public pages. */
export function latestReply(db: Queryable, concernId: number) {
  const events = db
    .select()
    .from(concernEvents)
    .where(eq(concernEvents.concernId, concernId))
    .orderBy(asc(concernEvents.at), asc(concernEvents.id))
    .all()
  const undone = new Set(events.filter((e) => e.action === 'undone').map((e) => e.detail.undoes))
  let grade: ReplyGrade | undefined
  let reply: { at: Date; text: string; grade: ReplyGrade | null } | null = null
  for (const e of events) {
    if (undone.has(e.id) || e.action === 'undone') continue
    if (e.action === 'unit_replied' && e.detail.grade) grade = e.detail.grade
    if (e.detail.reply) reply = { at: e.at, text: e.detail.reply, grade: grade ?? null }
  }
  return reply
}

export type PublicReply = { text: string; grade: ReplyGrade | null; on: string; merged: boolean }

/**
 * The reply a tracking code's page shows: the latest words passed on to the resident (a
 * duplicate shows its master's). Written for the resident; never a name or phone of anyone.
 */
export function publicReply(db: Queryable, code: string): PublicReply | null {
  const concern = findConcernByCode(db, code)
  if (!concern) return null
  const masterId = concern.status === 'duplicate' ? findFollowUp(db, concern.id)?.masterConcernId : null
  const reply = latestReply(db, masterId ?? concern.id)
  if (!reply) return null
  const tz = db
    .select({ tz: stations.timeZone })
    .from(stations)
    .where(eq(stations.id, concern.stationId))
    .get()?.tz
  return {
    text: reply.text,
    grade: reply.grade,
    on: localDate(reply.at, tz ?? 'Asia/Shanghai'),
    merged: Boolean(masterId),
  }
}

// ── Deadline and privacy jobs ──────────────────────────────────────────────────────────────────

/** Every closure row; small (a few dozen a year). */
export const allClosures = (db: Queryable) =>
  db.select({ date: closures.date, kind: closures.kind, stationId: closures.stationId }).from(closures).all()

/** A calendar per station from the closure rows (street-wide holidays plus the station's own). */
export function calendarsByStation(rows: { date: string; kind: string; stationId: number }[]) {
  const cache = new Map<number, WorkingCalendar>()
  return (stationId: number) => {
    let cal = cache.get(stationId)
    if (!cal) {
      cal = workingCalendar(rows.filter((r) => r.stationId === 0 || r.stationId === stationId))
      cache.set(stationId, cal)
    }
    return cal
  }
}

/**
 * Concerns that ended (resolved or closed) with personal fields still held, and when each
 * ended: the time of the last event that changed its status.
 */
export function endedWithPersonalData(db: Queryable) {
  const endedAt = sql<number>`(select max(e.at) from concern_events e where e.concern_id = ${OUTER_ID} and e.from_status is not null and e.from_status <> e.to_status)`
  return db
    .select({ id: concerns.id, status: concerns.status, endedAt })
    .from(concerns)
    .where(and(isNull(concerns.personalDataErasedAt), notInArray(concerns.status, OPEN)))
    .all()
    .map((r) => ({ ...r, endedAt: r.endedAt === null ? null : new Date(Number(r.endedAt)) }))
}

/** Erases a concern's personal fields and the residents' own words in its verdicts. */
export function erasePersonalData(db: Queryable, concernId: number, now: Date) {
  db.update(concerns)
    .set({
      residentName: null,
      callbackPhone: null,
      description: null,
      personalDataErasedAt: now,
      updatedAt: now,
    })
    .where(and(eq(concerns.id, concernId), isNull(concerns.personalDataErasedAt)))
    .run()
  eraseSmsPhones(db, { concernId }, now)
  db.update(concernEvents)
    .set({ detail: sql`json_remove(${concernEvents.detail}, '$.comment')` })
    .where(
      and(
        eq(concernEvents.concernId, concernId),
        sql`json_extract(${concernEvents.detail}, '$.comment') is not null`,
      ),
    )
    .run()
}

// ── Record inputs ──────────────────────────────────────────────────────────────────────────────

export type RecordScope =
  | { kind: 'deputy'; id: number }
  | { kind: 'station'; id: number }
  | { kind: 'street'; id: number }

/** The station ids a scope covers (a deputy's record spans every station). */
export function scopeStations(db: Queryable, scope: RecordScope): number[] | null {
  if (scope.kind === 'deputy') return null
  if (scope.kind === 'station') return [scope.id]
  return db
    .select({ id: stations.id })
    .from(stations)
    .where(eq(stations.streetId, scope.id))
    .all()
    .map((s) => s.id)
}

/**
 * The plain rows a record of `scope` is computed from: its concerns received up to the period's
 * end with all their events (each dated in its station's zone), the reception sessions scheduled,
 * the days present and the tickets served in the period.
 */
export function loadRecordRows(db: Queryable, scope: RecordScope, period: { from: string; to: string }) {
  const stationIds = scopeStations(db, scope)
  const concernScope =
    scope.kind === 'deputy' ? eq(concerns.deputyId, scope.id) : inArray(concerns.stationId, stationIds ?? [])
  const zones = stationZones(db)
  const concernRows: (RecordConcern & { deputyId: number | null })[] = db
    .select({
      id: concerns.id,
      stationId: concerns.stationId,
      deputyId: concerns.deputyId,
      receivedOn: concerns.receivedOn,
      firstResponseDueOn: concerns.firstResponseDueOn,
    })
    .from(concerns)
    .where(and(concernScope, lte(concerns.receivedOn, period.to), countsForDeputy))
    .all()
  const stationOf = new Map(concernRows.map((c) => [c.id, c.stationId]))
  const events: RecordEvent[] = []
  const ids = concernRows.map((c) => c.id)
  for (let i = 0; i < ids.length; i += 500) {
    for (const e of db
      .select()
      .from(concernEvents)
      .where(inArray(concernEvents.concernId, ids.slice(i, i + 500)))
      .all()) {
      const tz = zones.get(stationOf.get(e.concernId) ?? 0) ?? 'Asia/Shanghai'
      events.push({
        id: e.id,
        concernId: e.concernId,
        at: e.at.getTime(),
        date: localDate(e.at, tz),
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        detail: e.detail,
      })
    }
  }
  const dayScope = <
    T extends { deputyId: typeof receptionSessions.deputyId; stationId: typeof receptionSessions.stationId },
  >(
    t: T,
  ) => (scope.kind === 'deputy' ? eq(t.deputyId, scope.id) : inArray(t.stationId, stationIds ?? []))
  const scheduled: RecordDay[] = db
    .select({
      deputyId: receptionSessions.deputyId,
      stationId: receptionSessions.stationId,
      date: receptionSessions.date,
    })
    .from(receptionSessions)
    .where(
      and(
        dayScope(receptionSessions),
        eq(receptionSessions.status, 'scheduled'),
        gte(receptionSessions.date, period.from),
        lte(receptionSessions.date, period.to),
      ),
    )
    .all()
  const present: RecordDay[] = db
    .select({
      deputyId: stationPresence.deputyId,
      stationId: stationPresence.stationId,
      date: stationPresence.date,
    })
    .from(stationPresence)
    .where(
      and(
        scope.kind === 'deputy'
          ? eq(stationPresence.deputyId, scope.id)
          : inArray(stationPresence.stationId, stationIds ?? []),
        eq(stationPresence.present, true),
        gte(stationPresence.date, period.from),
        lte(stationPresence.date, period.to),
      ),
    )
    .all()
  const served = db
    .select({
      deputyId: queueTickets.calledDeputyId,
      stationId: queueTickets.stationId,
      date: queueTickets.localDate,
    })
    .from(queueTickets)
    .where(
      and(
        scope.kind === 'deputy'
          ? eq(queueTickets.calledDeputyId, scope.id)
          : inArray(queueTickets.stationId, stationIds ?? []),
        eq(queueTickets.status, 'served'),
        gte(queueTickets.localDate, period.from),
        lte(queueTickets.localDate, period.to),
      ),
    )
    .all()
    .map((r) => ({ ...r, deputyId: r.deputyId ?? 0 }))
  return { concerns: concernRows, events, scheduled, present, served }
}
export type RecordRows = ReturnType<typeof loadRecordRows>

/** Keeps the rows of one deputy from a station's or street's rows (for the per-deputy table). */
export function rowsOfDeputy(rows: RecordRows, deputyId: number): RecordRows {
  const concernRows = rows.concerns.filter((c) => c.deputyId === deputyId)
  const ids = new Set(concernRows.map((c) => c.id))
  const mine = (r: RecordDay) => r.deputyId === deputyId
  return {
    concerns: concernRows,
    events: rows.events.filter((e) => ids.has(e.concernId)),
    scheduled: rows.scheduled.filter(mine),
    present: rows.present.filter(mine),
    served: rows.served.filter(mine),
  }
}

/** Deputies whose home is one of the stations, or who hold concerns there (active first). */
export function deputiesOfStations(db: Queryable, stationIds: number[]) {
  if (stationIds.length === 0) return []
  return db
    .select({ id: deputies.id, name: deputies.name, homeStationId: deputies.homeStationId })
    .from(deputies)
    .where(
      or(
        inArray(deputies.homeStationId, stationIds),
        sql`${deputies.id} in (select deputy_id from concerns where station_id in (${sql.join(
          stationIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and deputy_id is not null)`,
      ),
    )
    .orderBy(asc(deputies.id))
    .all()
}

// ── Public monthly report ──────────────────────────────────────────────────────────────────────

/** Concerns received at a station in a month, counted by topic (most first). */
export function receivedByTopic(db: Queryable, stationId: number, from: string, to: string) {
  return db
    .select({ topic: names(topics), n: count() })
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .where(
      and(
        eq(concerns.stationId, stationId),
        gte(concerns.receivedOn, from),
        lte(concerns.receivedOn, to),
        // Like the record's "received": a walk-in who never came and left no phone is counted apart.
        ne(concerns.status, 'no_show_no_contact'),
        countsForDeputy,
      ),
    )
    .groupBy(topics.id)
    .orderBy(desc(count()), asc(topics.sortOrder))
    .all()
}

/**
 * Examples for the public report: concerns of the station that a clerk gave a public summary,
 * now resolved, newest first. Only the topic, the summary and the unit's grade leave the building.
 */
export function publicExamples(db: Queryable, stationId: number, ids: number[], limit = 5) {
  if (ids.length === 0) return []
  return db
    .select({
      id: concerns.id,
      topic: names(topics),
      summary: concernFollowUps.publicSummary,
      grade: concernFollowUps.replyGrade,
    })
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .innerJoin(concernFollowUps, eq(concernFollowUps.concernId, concerns.id))
    .where(
      and(
        eq(concerns.stationId, stationId),
        inArray(concerns.id, ids),
        inArray(concerns.status, ['answered', 'closed']),
        ne(concernFollowUps.publicSummary, ''),
      ),
    )
    .orderBy(desc(concerns.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r, summary: r.summary ?? '' }))
}

// ── the scopes records are read for ─────────────────────────────────────────────────────────────

export const deputyById = (db: Queryable, id: number) =>
  db.select().from(deputies).where(eq(deputies.id, id)).get()

export const stationById = (db: Queryable, id: number) =>
  db.select().from(stations).where(eq(stations.id, id)).get()

export const streetById = (db: Queryable, id: number) =>
  db.select().from(streets).where(eq(streets.id, id)).get()

/** Ids of the stations in a street. */
export const stationIdsOfStreet = (db: Queryable, streetId: number): number[] =>
  db
    .select({ id: stations.id })
    .from(stations)
    .where(eq(stations.streetId, streetId))
    .all()
    .map((s) => s.id)

/** Streets by id (none for no ids). */
export const streetsByIds = (db: Queryable, ids: number[]) =>
  ids.length ? db.select().from(streets).where(inArray(streets.id, ids)).all() : []

/** Every deputy's id and name, by id. */
export const deputyNames = (db: Queryable) =>
  db.select({ id: deputies.id, name: deputies.name }).from(deputies).orderBy(asc(deputies.id)).all()
