import { and, asc, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { closures, stations } from '../schema.ts'

export type StationRow = typeof stations.$inferSelect

export function listStations(db: Db, ids?: number[]): StationRow[] {
  const q = db.select().from(stations)
  return (ids ? q.where(inArray(stations.id, ids)) : q).orderBy(asc(stations.code)).all()
}

export function findStation(db: Db, id: number): StationRow | undefined {
  return db.select().from(stations).where(eq(stations.id, id)).get()
}

/** The closure that shuts a station on a local date, if any (a make-up working day shuts nothing). */
export function closureOn(db: Db, stationId: number, date: string) {
  return db
    .select()
    .from(closures)
    .where(
      and(
        eq(closures.date, date),
        or(
          and(eq(closures.kind, 'holiday'), eq(closures.stationId, 0)),
          and(eq(closures.kind, 'station_closed'), eq(closures.stationId, stationId)),
        ),
      ),
    )
    .get()
}
