import type Database from 'better-sqlite3'
import type { Queryable } from './client.ts'

/** The tables migration 0007 keeps a version of (see `dataVersions` in schema.ts). */
export const VERSIONED_TABLES = [
  'streets',
  'stations',
  'districts',
  'deputies',
  'deputy_districts',
  'accounts',
  'account_stations',
  'handling_units',
  'topics',
  'closures',
  'settings',
  'station_presence',
  'station_queue_settings',
  'station_booking_settings',
  'roster_slot_defs',
  'roster_rules',
  'roster_rule_participants',
  'roster_absences',
  'roster_swaps',
  'roster_overrides',
  'roster_publications',
  'roster_entries',
  'reception_plans',
  'reception_sessions',
  'reception_bookings',
] as const
export type VersionedTable = (typeof VERSIONED_TABLES)[number]

/** The better-sqlite3 connection under a drizzle database or transaction handle. */
export function connectionOf(db: Queryable): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client
}

/**
 * One string that changes whenever any of `tables` is written, committed or not: inside a
 * transaction it reflects that transaction's own writes, as the rows it reads do.
 */
export function dataVersion(db: Queryable, tables: readonly VersionedTable[]): string {
  const row = connectionOf(db)
    .prepare(
      `select group_concat(version, '.') v from (select version from data_versions where table_name in (${tables
        .map(() => '?')
        .join(', ')}) order by table_name)`,
    )
    .get(...tables) as { v: string | null }
  return row.v ?? ''
}
