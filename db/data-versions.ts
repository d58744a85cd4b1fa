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
