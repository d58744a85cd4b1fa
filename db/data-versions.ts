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
  // Phrase chips of the kiosk's concern form (migration 0012).
  'topic_phrases',
  // The places register and outreach visits (migration 0013).
  'places',
  'visits',
  'visit_deputies',
] as const

/**
 * What residents and deputies do all day (migration 0008): every walk-in writes these, so only
 * views about that activity (the deputy record) depend on them.
 */
export const ACTIVITY_TABLES = ['concerns', 'concern_events', 'queue_tickets'] as const

/**
 * Which secret token stands for which feed (migration 0009). Serving a feed writes its served
 * marks in the same rows; those columns do not move the version.
 */
export const FEED_TOKEN_TABLES = ['feed_tokens'] as const

/** Which device token stands for which kiosk (migration 0010); last-seen times do not move it. */
export const KIOSK_TABLES = ['kiosks'] as const

export const VERSIONED_TABLES = [
  ...SCHEDULE_TABLES,
  ...ACTIVITY_TABLES,
  ...FEED_TOKEN_TABLES,
  ...KIOSK_TABLES,
] as const
export type VersionedTable = (typeof VERSIONED_TABLES)[number]

/** The better-sqlite3 connection under a drizzle database or transaction handle. */
export function connectionOf(db: Queryable): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client
}

type Seen = {
  stamp: string
  all?: ReadonlyMap<string, string>
  versions: WeakMap<readonly VersionedTable[], string>
}

/**
 * What one connection keeps: its compiled statements (pluck is set at each use, as the statement
 * cache may hand the same statement to someone else) and the versions read at the last stamp.
 */
type Probe = {
  changes: Database.Statement
  dataVersion: Database.Statement
  all: Database.Statement
  seen?: Seen
  /** data_version as read in this turn of the event loop; cleared when the turn ends. */
  othersThisTurn?: number
}
const probes = new WeakMap<Database.Database, Probe>()

function probeOf(sqlite: Database.Database): Probe {
  let probe = probes.get(sqlite)
  if (!probe) {
    probe = {
      changes: sqlite.prepare('select total_changes()'),
      dataVersion: sqlite.prepare('pragma data_version'),
      all: sqlite.prepare(READ_VERSIONS),
    }
    probes.set(sqlite, probe)
  }
  return probe
}

/** Every table's version, in one statement (on PostgreSQL each statement is a round trip). */
export const READ_VERSIONS = 'select table_name, cast(version as text) from data_versions'

/** A connection that may have read the versions already, with its last commit (PostgreSQL's facade). */
type ReadsAtCommit = { versionsAtCommit?: () => [string, string][] | undefined }

function readAll(sqlite: Database.Database, probe: Probe): ReadonlyMap<string, string> {
  const rows = (sqlite as ReadsAtCommit).versionsAtCommit?.() ?? (probe.all.raw().all() as [string, string][])
  return new Map(rows)
}

/** The versions of `tables`, in table-name order, joined by dots. */
function versionOf(all: ReadonlyMap<string, string>, tables: readonly VersionedTable[]): string {
  return [...tables]
    .sort()
    .flatMap((t) => {
      const v = all.get(t)
      return v === undefined ? [] : [v]
    })
    .join('.')
}

/**
 * Commits by other connections, probed once per turn of the event loop. `total_changes()` is
 * read without touching the database file, but `data_version` takes and drops a shared-memory lock
 * and stats the file, three system calls that cost tens of microseconds under load.
 */
function othersCommits(probe: Probe): number {
  if (probe.othersThisTurn === undefined) {
    probe.othersThisTurn = probe.dataVersion.pluck().get() as number
    setImmediate(() => {
      probe.othersThisTurn = undefined
    })
  }
  return probe.othersThisTurn
}

/**
 * One string that changes whenever any of `tables` is written, committed or not: inside a
 * transaction it reflects that transaction's own writes, as the rows it reads do.
 *
 * Versions read are remembered until this connection writes anything (total_changes, seen at
 * once) or another connection commits (data_version, seen from the next turn of the event loop:
 * a commit by the CLI or another process is not ordered against requests already in this turn),
 * so a request that finds nothing written since the last one costs no table read and no lock.
 * `tables` is compared by identity: pass one of the lists above, not a copy.
 */
export function dataVersion(db: Queryable, tables: readonly VersionedTable[]): string {
  const sqlite = connectionOf(db)
  const probe = probeOf(sqlite)
  // Inside a transaction what was read before it still holds until the transaction writes
  // (total_changes moves) or another connection has committed: asked afresh, not once per turn,
  // as the transaction may have waited for the write lock while another one committed. Nothing
  // is remembered from a transaction that has written: a rollback restores the versions without
  // moving total_changes.
  const inside = sqlite.inTransaction
  const others = inside ? (probe.dataVersion.pluck().get() as number) : othersCommits(probe)
  const stamp = `${probe.changes.pluck().get()}.${others}`
  if (probe.seen?.stamp !== stamp) {
    if (inside) return versionOf(readAll(sqlite, probe), tables)
    probe.seen = { stamp, versions: new WeakMap() }
  }
  const seen = probe.seen!
  let version = seen.versions.get(tables)
  if (version === undefined) {
    seen.all ??= readAll(sqlite, probe)
    version = versionOf(seen.all, tables)
    seen.versions.set(tables, version)
  }
  return version
}
