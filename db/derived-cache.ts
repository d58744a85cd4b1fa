import type Database from 'better-sqlite3'
import type { Queryable } from './client.ts'
import { connectionOf, dataVersion, type VersionedTable } from './data-versions.ts'

type Entry<V> = { version: string; value: V; builtAt: number; expiresAt: number }

type Options<V> = {
  /** What it keeps, for the test that compares the tables a cache declares with those it reads. */
  name: string
  /** For values that also depend on the time: the longest an entry is used, on the app's clock. */
  ttlMs?: number
  /** An earlier end an entry knows of itself, e.g. when a duty shown on it ends (UTC ms). */
  validUntil?: (value: V) => number | undefined
  max?: number
}

/**
 * Values derived from database rows (a generated roster, a rendered page), kept per connection
 * and key. An entry is used only while none of `tables` has been written since it was built and,
 * for values that depend on the time too, while the clock is within [built, expiry).
 */
export class DerivedCache<V> {
  private readonly byConnection = new WeakMap<Database.Database, Map<string, Entry<V>>>()

  constructor(
    readonly tables: readonly VersionedTable[],
    private readonly opts: Options<V>,
  ) {
    ALL_CACHES.push(this as DerivedCache<unknown>)
  }

  get name() {
    return this.opts.name
  }

  /** `now` is needed only by caches with a ttl or validUntil. */
  get(db: Queryable, key: string, build: () => V, now?: Date): V {
    const sqlite = connectionOf(db)
    let entries = this.byConnection.get(sqlite)
    if (!entries) {
      entries = new Map()
      this.byConnection.set(sqlite, entries)
    }
    buildWatcher?.consulted(this as DerivedCache<unknown>)
    const version = dataVersion(db, this.tables)
    const at = now?.getTime() ?? 0
    const hit = entries.get(key)
    if (hit && hit.version === version && hit.builtAt <= at && at < hit.expiresAt) return hit.value
    const value = buildWatcher ? (buildWatcher.build(this as DerivedCache<unknown>, build) as V) : build()
    const expiresAt = Math.min(
      at + (this.opts.ttlMs ?? Number.POSITIVE_INFINITY),
      this.opts.validUntil?.(value) ?? Number.POSITIVE_INFINITY,
    )
    entries.delete(key)
    entries.set(key, { version, value, builtAt: at, expiresAt })
    if (entries.size > (this.opts.max ?? 1000)) entries.delete(entries.keys().next().value!)
    return value
  }
}

/** Every cache the app has made, so test/db/cache-tables.test.ts can check each one. */
export const ALL_CACHES: DerivedCache<unknown>[] = []

/** Sees every cache consulted and every value built, for that test; never set by the app. */
export type BuildWatcher = {
  consulted: (cache: DerivedCache<unknown>) => void
  build: (cache: DerivedCache<unknown>, build: () => unknown) => unknown
}
let buildWatcher: BuildWatcher | undefined

export const watchBuilds = (watcher: BuildWatcher | undefined) => {
  buildWatcher = watcher
}
