import { and, asc, count, eq, gte, inArray, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Queryable } from '../client.ts'
import { concerns, deputies, places, stations, topics } from '../schema.ts'

/**
 * The clerks' triage of phone concerns (issue 16): new ones from the /m/ pages wait as
 * triage = 'pending' until a clerk accepts them (they reach the deputy) or marks them spam.
 */

const other = alias(concerns, 'other')
const DAY_MS = 86_400_000

export type TriageRow = {
  id: number
  trackingCode: string
  stationId: number
  createdAt: Date
  description: string | null
  callbackPhone: string | null
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  station: { nameZhHans: string; nameZhHant: string; nameEn: string; timeZone: string }
  place: { nameZhHans: string; nameZhHant: string; nameEn: string } | null
  deputyName: string | null
  /** Other concerns of the same station from the same phone in the week before. */
  samePhone: number
  /** Other concerns of the same station with the very same text in the week before. */
  sameText: number
}

/** Pending phone concerns of these stations, oldest first. */
export function pendingTriage(db: Queryable, stationIds: readonly number[], now: Date): TriageRow[] {
  if (stationIds.length === 0) return []
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS)
  const near = (what: 'phone' | 'text') =>
    db
      .select({ n: count() })
      .from(other)
      .where(
        and(
          eq(other.stationId, concerns.stationId),
          ne(other.id, concerns.id),
          what === 'phone'
            ? eq(other.callbackPhone, concerns.callbackPhone)
            : eq(other.description, concerns.description),
          gte(other.createdAt, weekAgo),
        ),
      )
  return db
    .select({
      id: concerns.id,
      trackingCode: concerns.trackingCode,
      stationId: concerns.stationId,
      createdAt: concerns.createdAt,
      description: concerns.description,
      callbackPhone: concerns.callbackPhone,
      topic: { nameZhHans: topics.nameZhHans, nameZhHant: topics.nameZhHant, nameEn: topics.nameEn },
      station: {
        nameZhHans: stations.nameZhHans,
        nameZhHant: stations.nameZhHant,
        nameEn: stations.nameEn,
        timeZone: stations.timeZone,
      },
      place: { nameZhHans: places.nameZhHans, nameZhHant: places.nameZhHant, nameEn: places.nameEn },
      placeId: concerns.placeId,
      deputyName: deputies.name,
      samePhone: sql<number>`(${near('phone')})`,
      sameText: sql<number>`(${near('text')})`,
    })
    .from(concerns)
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .innerJoin(stations, eq(stations.id, concerns.stationId))
    .leftJoin(places, eq(places.id, concerns.placeId))
    .leftJoin(deputies, eq(deputies.id, concerns.deputyId))
    .where(and(inArray(concerns.stationId, [...stationIds]), eq(concerns.triage, 'pending')))
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .all()
    .map(({ placeId, ...r }) => ({
      ...r,
      place: placeId === null ? null : r.place,
      samePhone: Number(r.samePhone),
      sameText: Number(r.sameText),
    }))
}

/** How many phone concerns of a station wait for a clerk's look. */
export function pendingTriageCount(db: Queryable, stationId: number): number {
  return (
    db
      .select({ n: count() })
      .from(concerns)
      .where(and(eq(concerns.stationId, stationId), eq(concerns.triage, 'pending')))
      .get()?.n ?? 0
  )
}

/** pending → accepted or spam; false when the concern was no longer pending. */
export function settleTriage(db: Queryable, id: number, to: 'accepted' | 'spam', now: Date): boolean {
  return (
    db
      .update(concerns)
      .set({ triage: to, updatedAt: now })
      .where(and(eq(concerns.id, id), eq(concerns.triage, 'pending')))
      .run().changes === 1
  )
}
