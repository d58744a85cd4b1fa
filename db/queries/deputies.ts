import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { deputies } from '../schema.ts'
import { districtDeputies } from './queue-presence.ts'

/** A deputy who is still active, or undefined (a form's choice is checked against this). */
export const findActiveDeputy = (db: Queryable, id: number) =>
  db
    .select()
    .from(deputies)
    .where(and(eq(deputies.id, id), eq(deputies.active, true)))
    .get()

/** A deputy's name, '' when there is no such deputy. */
export const deputyName = (db: Queryable, id: number): string =>
  db.select({ name: deputies.name }).from(deputies).where(eq(deputies.id, id)).get()?.name ?? ''

/** Active deputies whose home station this is. */
export const homeStationDeputies = (db: Queryable, stationId: number) =>
  db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.homeStationId, stationId), eq(deputies.active, true)))
    .all()

/** Names of the deputies with these ids. */
export const deputyNamesById = (db: Queryable, ids: readonly number[]): Map<number, string> =>
  new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: deputies.id, name: deputies.name })
          .from(deputies)
          .where(inArray(deputies.id, [...ids]))
          .all()
          .map((d) => [d.id, d.name]),
  )

/** Active deputies to choose from at a station: its districts' deputies first, then the rest. */
export function deputyOptions(db: Queryable, stationId: number) {
  const own = new Set(districtDeputies(db, stationId).flatMap((g) => g.deputies.map((d) => d.id)))
  return db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(eq(deputies.active, true))
    .orderBy(asc(deputies.id))
    .all()
    .map((d) => ({ ...d, ownDistrict: own.has(d.id) }))
    .sort((a, b) => Number(b.ownDistrict) - Number(a.ownDistrict) || a.id - b.id)
}
