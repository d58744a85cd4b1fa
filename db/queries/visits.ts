import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { deputies, places, type VisitKind, type VisitStatus, visitDeputies, visits } from '../schema.ts'

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
