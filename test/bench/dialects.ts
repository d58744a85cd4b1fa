import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { pgRows, rawPgCommitsPerSecond } from './postgres.ts'

/** What the bench needs to know of the database a server runs on. */
export type BenchDialect = {
  name: 'SQLite' | 'PostgreSQL'
  /** The server's environment for it; undefined removes a variable. */
  env: Record<string, string | undefined>
  /** The durable paths' limit: raw single-row durable commits per second. */
  commitsPerSecond: (seconds: number) => Promise<number>
  /** Rows of one query, read after a run (the walk-in integrity check). */
  rows: <T>(sql: string) => Promise<T[]>
}

/** Durable commits per second: one row per transaction, WAL with synchronous=FULL, as the app runs. */
function rawSqliteCommitsPerSecond(file: string, seconds: number): number {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('create table t (id integer primary key, v text not null)')
  const insert = db.prepare('insert into t (v) values (?)')
  const tx = db.transaction((v: string) => insert.run(v))
  const end = performance.now() + seconds * 1000
  let n = 0
  while (performance.now() < end) {
    tx(`row ${n}`)
    n++
  }
  db.close()
  return Math.round(n / seconds)
}

/** The city in an SQLite file; the raw commits go to another file in the same folder. */
export function sqliteDialect(path: string, dir: string): BenchDialect {
  return {
    name: 'SQLite',
    env: { DATABASE_PATH: path, DATABASE_URL: undefined },
    commitsPerSecond: async (seconds) => rawSqliteCommitsPerSecond(join(dir, 'raw.db'), seconds),
    rows: async <T>(sql: string) => {
      const db = new Database(path, { readonly: true })
      try {
        return db.prepare(sql).all() as T[]
      } finally {
        db.close()
      }
    },
  }
}

/** The city in a PostgreSQL database; the raw commits go to a table of their own in it. */
export function postgresDialect(url: string): BenchDialect {
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url },
    commitsPerSecond: (seconds) => rawPgCommitsPerSecond(url, seconds),
    rows: (sql) => pgRows(url, sql),
  }
}
