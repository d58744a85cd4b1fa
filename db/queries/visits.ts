import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import {
  accounts,
  auditLog,
  concerns,
  deputies,
  deputyDistricts,
  districts,
  places,
  type VisitKind,
  type VisitStatus,
  visitDeputies,
  visits,
} from '../schema.ts'

export type VisitRow = typeof visits.$inferSelect

/** A visit as lists, feeds, the kiosk, the board and the public pages show it. */
export type VisitView = VisitRow & {
  place: {
    id: number
    kind: (typeof places.$inferSelect)['kind']
    districtId: number
    nameZhHans: string
    nameZhHant: string
    nameEn: string
  }
  deputies: { id: number; name: string }[]
}

export type VisitFilter = {
  /** Visits that start in [from, to). */
  from?: Date
  to?: Date
  deputyId?: number
  stationId?: number
  districtIds?: readonly number[]
  placeId?: number
  statuses?: readonly VisitStatus[]
  ids?: readonly number[]
}

/** Visits by start time, each with its place and the deputies going. */
export function listVisits(db: Queryable, f: VisitFilter = {}): VisitView[] {
  const parts: SQL[] = []
  if (f.from) parts.push(gte(visits.startsAt, f.from))
  if (f.to) parts.push(lt(visits.startsAt, f.to))
  if (f.stationId !== undefined) parts.push(eq(visits.stationId, f.stationId))
  if (f.placeId !== undefined) parts.push(eq(visits.placeId, f.placeId))
  if (f.districtIds) parts.push(inArray(places.districtId, [...f.districtIds]))
  if (f.statuses) parts.push(inArray(visits.status, [...f.statuses]))
  if (f.ids) parts.push(inArray(visits.id, [...f.ids]))
  if (f.deputyId !== undefined) {
    const going = db
      .select({ id: visitDeputies.visitId })
      .from(visitDeputies)
      .where(eq(visitDeputies.deputyId, f.deputyId))
    parts.push(inArray(visits.id, going))
  }
  const rows = db
    .select({
      visit: visits,
      place: {
        id: places.id,
        kind: places.kind,
        districtId: places.districtId,
        nameZhHans: places.nameZhHans,
        nameZhHant: places.nameZhHant,
        nameEn: places.nameEn,
      },
    })
    .from(visits)
    .innerJoin(places, eq(places.id, visits.placeId))
    .where(parts.length ? and(...parts) : undefined)
    .orderBy(asc(visits.startsAt), asc(visits.id))
    .all()
  if (!rows.length) return []
  const going = new Map<number, { id: number; name: string }[]>()
  for (const r of db
    .select({ visitId: visitDeputies.visitId, id: deputies.id, name: deputies.name })
    .from(visitDeputies)
    .innerJoin(deputies, eq(deputies.id, visitDeputies.deputyId))
    .where(
      inArray(
        visitDeputies.visitId,
        rows.map((r) => r.visit.id),
      ),
    )
    .orderBy(asc(deputies.id))
    .all())
    going.set(r.visitId, [...(going.get(r.visitId) ?? []), { id: r.id, name: r.name }])
  return rows.map((r) => ({ ...r.visit, place: r.place, deputies: going.get(r.visit.id) ?? [] }))
}

export type VisitPlanInput = {
  placeId: number
  stationId: number
  kind: VisitKind
  startsAt: Date
  endsAt: Date
  deputyIds: readonly number[]
  note?: string
  createdByAccountId?: number | null
}

/** Plans a visit with the deputies going; the caller holds the transaction. */
export function insertVisit(db: Queryable, input: VisitPlanInput, now: Date): VisitRow {
  const row = db
    .insert(visits)
    .values({
      placeId: input.placeId,
      stationId: input.stationId,
      kind: input.kind,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      note: input.note ?? '',
      createdByAccountId: input.createdByAccountId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get()
  for (const deputyId of new Set(input.deputyIds))
    db.insert(visitDeputies).values({ visitId: row.id, deputyId }).run()
  return row
}

/** One visit with its place and deputies, or undefined. */
export const findVisit = (db: Queryable, id: number): VisitView | undefined =>
  listVisits(db, { ids: [id] })[0]

/**
 * The next planned visits from `now` on (those under way included), soonest first: of a deputy,
 * of a station, or of places in some districts (kiosk start screen, board, public pages).
 */
export function nextPlannedVisits(
  db: Queryable,
  f: Pick<VisitFilter, 'deputyId' | 'stationId' | 'districtIds'>,
  now: Date,
  limit = 5,
): VisitView[] {
  return listVisits(db, { ...f, statuses: ['planned'] })
    .filter((v) => v.endsAt.getTime() > now.getTime())
    .slice(0, limit)
}

export type VisitPlanChange = Pick<
  VisitPlanInput,
  'placeId' | 'kind' | 'startsAt' | 'endsAt' | 'deputyIds'
> & {
  note: string
}

/** Rewrites a planned visit's plan and its deputies; bumps its sequence. Caller holds the transaction. */
export function updateVisitPlan(db: Queryable, id: number, change: VisitPlanChange, now: Date) {
  db.update(visits)
    .set({
      placeId: change.placeId,
      kind: change.kind,
      startsAt: change.startsAt,
      endsAt: change.endsAt,
      note: change.note,
      sequence: sql`${visits.sequence} + 1`,
      updatedAt: now,
    })
    .where(eq(visits.id, id))
    .run()
  db.delete(visitDeputies).where(eq(visitDeputies.visitId, id)).run()
  for (const deputyId of new Set(change.deputyIds))
    db.insert(visitDeputies).values({ visitId: id, deputyId }).run()
}

export type VisitOutcome =
  | { status: 'held'; peopleMet: number; summary: string }
  | { status: 'cancelled'; reason: string }
  | { status: 'planned' }

/**
 * Sets a visit's outcome: held (with its log), cancelled (with the reason) or back to planned
 * (the undo: the log and reason are cleared). Bumps its sequence; the caller holds the transaction.
 */
export function setVisitOutcome(db: Queryable, id: number, o: VisitOutcome, now: Date) {
  db.update(visits)
    .set({
      status: o.status,
      peopleMet: o.status === 'held' ? o.peopleMet : null,
      summary: o.status === 'held' ? o.summary : null,
      cancelReason: o.status === 'cancelled' ? o.reason : null,
      loggedAt: o.status === 'planned' ? null : now,
      sequence: sql`${visits.sequence} + 1`,
      updatedAt: now,
    })
    .where(eq(visits.id, id))
    .run()
}

/** Concerns recorded at a visit, oldest first: tracking code, topic id and when. */
export function concernsAtVisit(db: Queryable, visitId: number) {
  return db
    .select({
      id: concerns.id,
      trackingCode: concerns.trackingCode,
      status: concerns.status,
      deputyId: concerns.deputyId,
      createdAt: concerns.createdAt,
    })
    .from(concerns)
    .where(eq(concerns.visitId, visitId))
    .orderBy(asc(concerns.id))
    .all()
}

export const countConcernsAtVisit = (db: Queryable, visitId: number): number =>
  db.select({ n: count() }).from(concerns).where(eq(concerns.visitId, visitId)).get()?.n ?? 0

/** A visit's audit trail, newest first: who planned, changed, logged or cancelled it and when. */
export function visitHistory(db: Queryable, visitId: number) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actor: accounts.displayName,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(and(eq(auditLog.entity, 'visit'), eq(auditLog.entityId, String(visitId))))
    .orderBy(desc(auditLog.id))
    .all()
}

/** Districts a deputy serves. */
export const districtsOfDeputies = (db: Queryable, deputyIds: readonly number[]): number[] =>
  deputyIds.length === 0
    ? []
    : [
        ...new Set(
          db
            .select({ id: deputyDistricts.districtId })
            .from(deputyDistricts)
            .where(inArray(deputyDistricts.deputyId, [...deputyIds]))
            .all()
            .map((r) => r.id),
        ),
      ]

/**
 * Active deputies a station's clerks plan visits for: those whose home station it is and those
 * serving a district the station serves.
 */
export function deputiesOfStation(db: Queryable, stationId: number): { id: number; name: string }[] {
  const served = db
    .select({ id: deputyDistricts.deputyId })
    .from(deputyDistricts)
    .innerJoin(districts, eq(districts.id, deputyDistricts.districtId))
    .where(eq(districts.stationId, stationId))
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(
      and(eq(deputies.active, true), or(eq(deputies.homeStationId, stationId), inArray(deputies.id, served))),
    )
    .orderBy(asc(deputies.id))
    .all()
}

/** The station that organises a visit to a place: its district's station, else the deputy's home station. */
export function organisingStation(db: Queryable, placeId: number, deputyId: number): number | undefined {
  const d = db
    .select({ stationId: districts.stationId })
    .from(places)
    .innerJoin(districts, eq(districts.id, places.districtId))
    .where(eq(places.id, placeId))
    .get()
  if (d?.stationId) return d.stationId
  return db.select({ id: deputies.homeStationId }).from(deputies).where(eq(deputies.id, deputyId)).get()?.id
}
