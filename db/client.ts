import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { redactDatabaseUrl } from '../server/database-url.ts'
import { PROJECT_ROOT } from '../server/project-root.ts'
import { isPostgresUrl, openFreshPgDb, openPgDb } from './pg/open-pg.ts'
import * as schema from './schema.ts'
import { cacheStatements } from './statement-cache.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = join(PROJECT_ROOT, 'db', 'migrations')

/** The database, its WAL and SHM, backups and safety copies hold personal data: only their owner reads them. */
export const PRIVATE_FILE_MODE = 0o600
/** Folders Liaison creates for them (the data folder, the backup folder). */
export const PRIVATE_DIR_MODE = 0o700

/** The database file cannot be opened or written (a missing, read-only or unreachable folder, a file that is not a database); its message is one line naming the path. */
export class DatabaseOpenError extends Error {}

/**
 * Opens (creating if needed) the SQLite database, sets the pragmas DESIGN §6 asks for and runs
 * the committed migrations. ':memory:' gives a private in-memory database (tests).
 */
export function openDb(path: string, opts: { onSql?: (sql: string) => void } = {}): Db {
  if (isPostgresUrl(path)) {
    try {
      return openPgDb(path, { onSql: opts.onSql })
    } catch (e) {
      throw new DatabaseOpenError(
        `Cannot open the PostgreSQL database ${redactDatabaseUrl(path)}: ${(e as Error).message}`,
      )
    }
  }
  // The test suites run on PostgreSQL too: each in-memory database becomes a fresh schema there.
  const testUrl = process.env.LIAISON_TEST_DATABASE_URL
  if (path === ':memory:' && testUrl) return openFreshPgDb(testUrl, opts.onSql)
  let sqlite: Database.Database
  try {
    sqlite = openFile(path, opts.onSql)
  } catch (e) {
    throw asOpenError(path, e)
  }
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as Db
  try {
    migrateUnderWriteLock(sqlite)
  } catch (e) {
    sqlite.close()
    throw asOpenError(path, e)
  }
  return db
}

function openFile(path: string, onSql: ((sql: string) => void) | undefined): Database.Database {
  const file = path !== ':memory:'
  if (file) {
    mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
    // SQLite gives the WAL and SHM files the database file's mode, so creating it private first
    // keeps all three private; an older, wider file is narrowed.
    closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
    for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) narrowMode(f)
  }
  const sqlite = new Database(path, onSql ? { verbose: (sql) => onSql(String(sql)) } : {})
  try {
    // First, so that switching a new file to WAL while another process does the same waits.
    sqlite.pragma('busy_timeout = 5000')
    if (file) sqlite.pragma('journal_mode = WAL')
    // An acknowledged write must survive a power cut, so FULL rather than WAL's usual NORMAL.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
  } catch (e) {
    sqlite.close()
    throw e
  }
  return sqlite
}

function narrowMode(file: string) {
  try {
    chmodSync(file, PRIVATE_FILE_MODE)
  } catch (e) {
    // Another user's file that this one may still write (a shared group): leave its mode alone.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e
  }
}

/** How long a starting process waits for another one's migrations (a big table rebuild). */
const MIGRATION_WAIT_MS = 120_000

/**
 * drizzle's migrator, with the same bookkeeping table, but under the write lock: it reads which
 * migrations are applied before it begins its transaction, so two processes starting together on
 * a new or older database both tried to apply them and one died. Here each waits for the lock
 * (BEGIN IMMEDIATE) and decides what to apply only once it holds it.
 */
function migrateUnderWriteLock(sqlite: Database.Database) {
  const migrations = readMigrationFiles({ migrationsFolder })
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number
  sqlite.pragma(`busy_timeout = ${MIGRATION_WAIT_MS}`)
  try {
    sqlite.exec('BEGIN IMMEDIATE')
    try {
      sqlite.exec(
        'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
      )
      const last = sqlite
        .prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
        .pluck()
        .get() as number | string | undefined
      const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)')
      for (const m of migrations) {
        if (last !== undefined && Number(last) >= m.folderMillis) continue
        for (const statement of m.sql) sqlite.exec(statement)
        record.run(m.hash, m.folderMillis)
      }
      sqlite.exec('COMMIT')
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      throw e
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`)
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file stands where its folder should be',
  ENOENT: 'a folder on the path does not exist and cannot be created',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'the path is a folder, not a file',
  ENOSPC: 'the disk is full',
  SQLITE_CANTOPEN: 'SQLite cannot open the file (a folder, or a folder it may not write in)',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_PERM: 'permission denied',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'an I/O error',
}

/** File-system and open failures become a DatabaseOpenError; anything else (a bug) keeps its stack. */
function asOpenError(path: string, e: unknown): unknown {
  const code = String((e as { code?: unknown })?.code ?? '')
  // Extended SQLite codes (SQLITE_IOERR_WRITE) share their primary code's problem.
  const problem = FILE_PROBLEMS[code] ?? FILE_PROBLEMS[code.split('_').slice(0, 2).join('_')]
  if (!problem) return e
  const detail = String((e as Error).message ?? '').split('\n')[0] ?? ''
  const cause = detail.startsWith(code) ? detail : `${code}: ${detail}`
  return new DatabaseOpenError(`Cannot open the database ${path}: ${problem} (${cause})`)
}

export function checkDb(db: Db): boolean {
  try {
    return db.$client.prepare('select 1 as ok').get() !== undefined
  } catch {
    return false
  }
}

/** A transaction handle; query helpers that may run inside a caller's transaction take `Queryable`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type Queryable = Db | Tx
