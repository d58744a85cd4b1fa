import type Database from 'better-sqlite3'
import type { Queryable } from './client.ts'

/**
 * Reference and schedule data (migration 0007): what kiosk start screens and calendar feeds show.
 * Written by staff now and then, so caches built on them are rarely rebuilt.
 */
export const SCHEDULE_TABLES = [
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

/**
 * What residents and deputies do all day (migration 0008): every walk-in writes these, so only
 * views about that activity (the deputy record) depend on them.
 */
export const ACTIVITY_TABLES = ['concerns', 'concern_events', 'queue_tickets'] as const

export const VERSIONED_TABLES = [...SCHEDULE_TABLES, ...ACTIVITY_TABLES] as const
export type VersionedTable = (typeof VERSIONED_TABLES)[number]

/** The better-sqlite3 connection under a drizzle database or transaction handle. */
export function connectionOf(db: Queryable): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client
}

type Seen = { stamp: string; versions: Map<string, string> }
const seen = new WeakMap<Database.Database, Seen>()

/**
 * One string that changes whenever any of `tables` is written, committed or not: inside a
 * transaction it reflects that transaction's own writes, as the rows it reads do.
 *
 * Versions read are remembered until this connection writes anything (total_changes) or another
 * connection commits (data_version), so a request that finds nothing written since the last one
 * costs no table read.
 */
export function dataVersion(db: Queryable, tables: readonly VersionedTable[]): string {
  const sqlite = connectionOf(db)
  const read = () =>
    (
      sqlite
        .prepare(
          `select group_concat(version, '.') v from (select version from data_versions where table_name in (${tables
            .map(() => '?')
            .join(', ')}) order by table_name)`,
        )
        .get(...tables) as { v: string | null }
    ).v ?? ''
  // A rollback restores the versions without moving total_changes: nothing read inside a
  // transaction is remembered.
  if (sqlite.inTransaction) {
    seen.delete(sqlite)
    return read()
  }
  const { t } = sqlite.prepare('select total_changes() t').get() as { t: number }
  const { data_version } = sqlite.prepare('pragma data_version').get() as { data_version: number }
  const stamp = `${t}.${data_version}`
  let known = seen.get(sqlite)
  if (known?.stamp !== stamp) {
    known = { stamp, versions: new Map() }
    seen.set(sqlite, known)
  }
  const key = tables.join(',')
  let version = known.versions.get(key)
  if (version === undefined) {
    version = read()
    known.versions.set(key, version)
  }
  return version
}
