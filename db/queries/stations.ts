import { and, asc, eq, inArray, or } from 'drizzle-orm'
import type { Db, Queryable } from '../client.ts'
import { DerivedCache } from '../derived-cache.ts'
import { closures, stations } from '../schema.ts'

export type StationRow = typeof stations.$inferSelect

export function listStations(db: Db, ids?: number[]): StationRow[] {
  const q = db.select().from(stations)
  return (ids ? q.where(inArray(stations.id, ids)) : q).orderBy(asc(stations.code)).all()
}

const STATION_TABLES = ['stations'] as const
const stationsById = new DerivedCache<Readonly<StationRow> | undefined>(STATION_TABLES, {
  name: 'stations by id',
  max: 5000,
})

/** A station by id, kept in memory until a schedule table is written; shared, so frozen. */
export function findStation(db: Queryable, id: number): Readonly<StationRow> | undefined {
  return stationsById.get(db, String(id), () => {
    const row = db.select().from(stations).where(eq(stations.id, id)).get()
    return row && Object.freeze(row)
  })
}

const zonesCache = new DerivedCache<ReadonlyMap<number, string>>(STATION_TABLES, {
  name: 'station time zones',
  max: 1,
})

/** Every station's time zone by id (a province has thousands; records date each row by them). */
export function stationZones(db: Queryable): ReadonlyMap<number, string> {
  return zonesCache.get(
    db,
    'all',
    () =>
      new Map(
        db
          .select({ id: stations.id, tz: stations.timeZone })
          .from(stations)
          .all()
          .map((s) => [s.id, s.tz]),
      ),
  )
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
