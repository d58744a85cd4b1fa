import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { READ_VERSIONS } from '../data-versions.ts'
import type { PgSyncConnection } from './sync-connection.ts'
import { paramKind, translateSql } from './translate-sql.ts'

type Row = Record<string, unknown>

/** The advisory lock every transaction takes first: writers are serialised as SQLite's are. */
export function writeLockKey(schema: string): bigint {
  return createHash('sha256').update(`liaison:${schema}`).digest().readBigInt64BE(0)
}

function bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') return v.toString()
  return v
}

/** bytea arrives from the worker as a Uint8Array; better-sqlite3 gives a Buffer for a blob. */
function asBuffers(row: unknown[]): unknown[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i]
    if (v instanceof Uint8Array && !Buffer.isBuffer(v))
      row[i] = Buffer.from(v.buffer, v.byteOffset, v.byteLength)
  }
  return row
}

class PgStatement {
  readonly reader: boolean
  readonly busy = false
  private rawMode = false
  private pluckMode = false
  private readonly special: (() => unknown) | undefined

  constructor(
    private readonly db: PgFacade,
    readonly source: string,
  ) {
    const s = source.trim().toLowerCase()
    if (s === 'pragma data_version') this.special = () => db.connection.changeCount()
    else if (s === 'select total_changes()') this.special = () => db.connection.totalChanges
    this.reader = this.special ? true : translateSql(source).reader
  }

  raw(on = true) {
    this.rawMode = on
    if (on) this.pluckMode = false
    return this
  }
  pluck(on = true) {
    this.pluckMode = on
    if (on) this.rawMode = false
    return this
  }
  expand(_on = true) {
    return this
  }

  private execute(params: unknown[]) {
    this.db.onSql?.(this.source)
    const flat = params.flat().map(bindable)
    const { text } = translateSql(this.source, flat.map(paramKind))
    return this.db.query(text, flat)
  }

  all(...params: unknown[]): unknown[] {
    if (this.special) return [this.shape([this.special()], ['v'])]
    const r = this.execute(params)
    return r.rows.map((row) => this.shape(row, r.fields))
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0]
  }

  run(...params: unknown[]): Database.RunResult {
    const r = this.execute(params)
    return { changes: r.rowCount, lastInsertRowid: 0 }
  }

  *iterate(...params: unknown[]): IterableIterator<unknown> {
    yield* this.all(...params)
  }

  private shape(row: unknown[], fields: string[]): unknown {
    if (this.pluckMode) return row[0]
    if (this.rawMode) return row
    const o: Row = {}
    fields.forEach((f, i) => {
      o[f] = row[i]
    })
    return o
  }
}

type TxFn = ((...args: unknown[]) => unknown) & {
  deferred: (...args: unknown[]) => unknown
  immediate: (...args: unknown[]) => unknown
  exclusive: (...args: unknown[]) => unknown
}

/**
 * better-sqlite3's Database, as much of it as drizzle and Liaison use, answered by PostgreSQL
 * (decision 0043). Transactions take the write lock first; nested ones are savepoints; a
 * statement that fails inside a transaction leaves it aborted, so the whole transaction fails
 * rather than going on half-applied.
 */
export class PgFacade {
  readonly memory = false
  readonly readonly = false
  readonly name: string
  open = true
  inTransaction = false
  /** Told every statement run, as better-sqlite3's `verbose` option is (tests that watch the SQL). */
  onSql: ((sql: string) => void) | undefined
  private depth = 0
  private readonly lockKey: string
  private readsVersions = false
  private atCommit: { changes: number; others: number; rows: [string, string][] } | undefined

  constructor(
    readonly connection: PgSyncConnection,
    readonly schema: string,
  ) {
    this.name = `${schema}@postgresql`
    this.lockKey = writeLockKey(schema).toString()
    connection.users++
  }

  query(sql: string, params: unknown[]): { rows: unknown[][]; fields: string[]; rowCount: number } {
    this.assertOpen()
    const r = this.connection.send({ op: 'query', schema: this.schema, sql, params })
    const rowCount = r.rowCount ?? 0
    if (!/^\s*(select|with)\b/i.test(sql)) this.connection.totalChanges += rowCount
    return { rows: (r.rows ?? []).map(asBuffers), fields: r.fields ?? [], rowCount }
  }

  private assertOpen() {
    // better-sqlite3's own words, which callers (the health check) already expect.
    if (!this.open) throw new TypeError('The database connection is not open')
  }

  prepare(source: string): PgStatement {
    return new PgStatement(this, source)
  }

  exec(sql: string): this {
    this.assertOpen()
    const s = sql.trim().toLowerCase()
    if (s.startsWith('begin')) this.begin()
    else if (s === 'commit' || s === 'end') this.finish('commit')
    else if (s === 'rollback') this.finish('rollback')
    else {
      this.connection.send({ op: 'exec', schema: this.schema, sql: translateSql(sql).text })
      // It may have written anything: caches look again.
      this.connection.totalChanges++
    }
    return this
  }

  pragma(source: string, opts: { simple?: boolean } = {}): unknown {
    const name = source.split('=')[0]!.trim().toLowerCase()
    const value = (() => {
      switch (name) {
        case 'data_version':
          return this.connection.changeCount()
        case 'integrity_check':
        case 'quick_check':
          return 'ok'
        case 'busy_timeout':
        case 'journal_mode':
        case 'synchronous':
        case 'foreign_keys':
          // PostgreSQL has its own waits, durability (synchronous_commit) and always checks keys.
          return undefined
        default:
          throw new Error(`pragma ${name} has no PostgreSQL meaning`)
      }
    })()
    if (opts.simple) return value
    return value === undefined ? [] : [{ [name]: value }]
  }

  // begin, savepoint and release go with the transaction's next statement (connection.defer).
  private begin() {
    this.connection.defer(this.schema, `begin; select pg_advisory_xact_lock(${this.lockKey})`)
    this.inTransaction = true
  }

  private finish(how: 'commit' | 'rollback') {
    try {
      if (how === 'rollback') this.connection.discardDeferred()
      const readVersions = how === 'commit' && this.readsVersions
      const others = this.connection.changeCount()
      const r = this.connection.send({
        op: 'exec',
        schema: this.schema,
        sql: how,
        ...(readVersions ? { andRead: READ_VERSIONS } : {}),
      })
      if (readVersions && r.rows)
        this.atCommit = { changes: this.connection.totalChanges, others, rows: r.rows as [string, string][] }
    } finally {
      this.inTransaction = false
      this.depth = 0
    }
  }

  /**
   * The data versions as read in the round trip of this facade's last commit, while nothing has
   * been written since, by this connection or (as notified) another: data-versions.ts then needs
   * no statement of its own after each commit. Asking once has every later commit read them.
   */
  versionsAtCommit(): [string, string][] | undefined {
    this.readsVersions = true
    const at = this.atCommit
    if (!at || at.changes !== this.connection.totalChanges || at.others !== this.connection.changeCount())
      return
    return at.rows
  }

  transaction(fn: (...args: unknown[]) => unknown): TxFn {
    const run = (...args: unknown[]) => {
      if (this.inTransaction) {
        const sp = `liaison_sp${this.depth++}`
        this.connection.defer(this.schema, `savepoint ${sp}`)
        try {
          const result = fn(...args)
          this.connection.defer(this.schema, `release savepoint ${sp}`)
          return result
        } catch (e) {
          if (this.inTransaction) {
            this.connection.defer(this.schema, `rollback to savepoint ${sp}`)
          }
          throw e
        } finally {
          this.depth--
        }
      }
      this.begin()
      let result: unknown
      try {
        result = fn(...args)
      } catch (e) {
        try {
          this.finish('rollback')
        } catch {
          // The connection is gone: PostgreSQL rolls back what it had.
        }
        throw e
      }
      this.finish('commit')
      return result
    }
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run })
  }

  /** Closing the last open database on a connection ends it, so a CLI command's process can exit. */
  close() {
    if (!this.open) return
    this.open = false
    if (--this.connection.users === 0) this.connection.close()
  }
}
