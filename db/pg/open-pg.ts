import type Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Db } from '../client.ts'
import * as schema from '../schema.ts'
import { readPgMigrations } from './migration-files.ts'
import { PgFacade, writeLockKey } from './sqlite-facade.ts'
import { pgConnection } from './sync-connection.ts'

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target)
}

/**
 * Opens the PostgreSQL database at `url` behind the synchronous facade and brings its schema up
 * to date. `schema` is the PostgreSQL schema Liaison's tables live in: `public` in a deployment,
 * a fresh one per test database.
 */
export function openPgDb(url: string, opts: { schema?: string; onSql?: (sql: string) => void } = {}): Db {
  const schemaName = opts.schema ?? 'public'
  const facade = new PgFacade(pgConnection(url), schemaName)
  migrateUnderAdvisoryLock(facade)
  facade.onSql = opts.onSql
  return drizzle(facade as unknown as Database.Database, { schema }) as unknown as Db
}

/**
 * A new, migrated schema for one test database (`openDb(':memory:')` on PostgreSQL). Creating one
 * takes PostgreSQL a few hundred milliseconds, so the worker builds the next one while the test
 * runs, and drops those of test processes that have ended.
 */
export function openFreshPgDb(url: string, onSql?: (sql: string) => void): Db {
  const connection = pgConnection(url)
  const answer = connection.send({ op: 'fresh', prefix: `t_${process.pid}_`, batch: freshSchemaBatch() })
  return openPgDb(url, { schema: (answer as unknown as { schema: string }).schema, onSql })
}

/** drizzle's bookkeeping table, as its own migrator makes it. */
const MIGRATIONS_TABLE =
  'create table if not exists "__drizzle_migrations" (id serial primary key, hash text not null, created_at bigint)'

let batch: string | undefined
/** Every migration in one batch, with `__SCHEMA__` for the schema's name. */
function freshSchemaBatch(): string {
  batch ??= [
    'begin',
    'create schema "__SCHEMA__"',
    'set local search_path to "__SCHEMA__"',
    MIGRATIONS_TABLE,
    ...readPgMigrations().flatMap((m) => [
      ...statementsOf(m.sql),
      `insert into "__drizzle_migrations" (hash, created_at) values ('${m.hash}', ${m.folderMillis})`,
    ]),
    'commit',
  ].join(';\n')
  return batch
}

/** A migration's statements, with drizzle-kit's `"public".` qualifiers taken off (tests use other schemas). */
function statementsOf(sql: string[]): string[] {
  return sql.filter((statement) => statement.trim()).map((statement) => statement.replaceAll('"public".', ''))
}

/**
 * drizzle's migration bookkeeping, applied under an advisory lock: N processes starting together
 * on a new database wait for the first, then find nothing left to apply. DDL is transactional in
 * PostgreSQL, so a migration that fails leaves nothing behind.
 */
function migrateUnderAdvisoryLock(facade: PgFacade) {
  const migrations = readPgMigrations()
  const quoted = `"${facade.schema.replaceAll('"', '""')}"`
  const send = (sql: string) => facade.connection.send({ op: 'exec', schema: facade.schema, sql })
  send(`begin; select pg_advisory_xact_lock(${writeLockKey(`migrate:${facade.schema}`)})`)
  try {
    send(`create schema if not exists ${quoted}`)
    send(MIGRATIONS_TABLE)
    const last = facade.query('select max(created_at) from "__drizzle_migrations"', []).rows[0]?.[0] as
      | number
      | null
    for (const m of migrations) {
      if (last !== null && last !== undefined && Number(last) >= m.folderMillis) continue
      // One round trip per migration: its statements go as one simple-protocol batch.
      send(statementsOf(m.sql).join(';\n'))
      facade.query('insert into "__drizzle_migrations" (hash, created_at) values ($1, $2)', [
        m.hash,
        m.folderMillis,
      ])
    }
    send('commit')
  } catch (e) {
    try {
      send('rollback')
    } catch {
      // The connection failed: PostgreSQL has rolled back.
    }
    throw e
  }
}
