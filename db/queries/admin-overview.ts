import { count } from 'drizzle-orm'
import type { Db } from '../client.ts'
import {
  accounts,
  closures,
  deputies,
  districts,
  handlingUnits,
  kiosks,
  places,
  stations,
  topics,
} from '../schema.ts'

const rows = (
  db: Db,
  table:
    | typeof stations
    | typeof districts
    | typeof deputies
    | typeof accounts
    | typeof handlingUnits
    | typeof topics
    | typeof closures
    | typeof kiosks
    | typeof places,
) => db.select({ n: count() }).from(table).get()?.n ?? 0

/** How many rows each administration area holds, for the admin index. */
export const adminCounts = (db: Db) => ({
  stations: rows(db, stations),
  districts: rows(db, districts),
  deputies: rows(db, deputies),
  places: rows(db, places),
  accounts: rows(db, accounts),
  units: rows(db, handlingUnits),
  topics: rows(db, topics),
  closures: rows(db, closures),
  kiosks: rows(db, kiosks),
})
