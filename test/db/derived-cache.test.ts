import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import { dataVersion, VERSIONED_TABLES } from '../../db/data-versions.ts'
import { DerivedCache } from '../../db/derived-cache.ts'
import { TEST_POSTGRES_URL } from '../helpers/postgres.ts'

/** Tables no cached view reads; their writes (sessions, logs, outbox, kiosk last-seen) must stay cheap. */
const UNVERSIONED = [
  'auth_sessions',
  'audit_log',
  'job_runs',
  'outbox',
  'concern_follow_ups',
  'concern_phrases',
  'staff_calls',
  'deputy_photos',
  'suggestions',
  'suggestion_actions',
  'suggestion_units',
  'suggestion_cosigners',
  'suggestion_concerns',
  'suggestion_replies',
  'suggestion_events',
  'data_versions',
  '__drizzle_migrations',
]

const fresh = () => {
  const db = openDb(':memory:')
  const sqlite = db.$client
  const now = Date.UTC(2026, 10, 25)
  const addStreet = (name: string) =>
    sqlite
      .prepare('insert into streets (name_zh_hans, created_at, updated_at) values (?, ?, ?)')
      .run(name, now, now)
  return { db, sqlite, addStreet }
}

describe('data versions', () => {
  // SQLite's catalogue; on PostgreSQL, test/db/schema-parity.test.ts holds its triggers to these.
  it.skipIf(Boolean(TEST_POSTGRES_URL))(
    'every table is either versioned, with a trigger for each kind of write, or listed as not read by caches',
    () => {
      const { sqlite } = fresh()
      const tables = (
        sqlite
          .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
          .all() as {
          name: string
        }[]
      ).map((r) => r.name)
      expect([...tables].sort()).toEqual([...VERSIONED_TABLES, ...UNVERSIONED].sort())
      const triggers = sqlite
        .prepare("select tbl_name, sql from sqlite_master where type = 'trigger'")
        .all() as {
        tbl_name: string
        sql: string
      }[]
      for (const t of VERSIONED_TABLES)
        for (const kind of ['INSERT', 'UPDATE', 'DELETE'])
          expect(
            triggers.some(
              (r) => r.tbl_name === t && new RegExp(`AFTER ${kind} (OF .* )?ON \`${t}\``).test(r.sql),
            ),
            `${kind} on ${t}`,
          ).toBe(true)
    },
  )

  it('changes on a write to a versioned table, not on writes elsewhere', () => {
    const { db, sqlite, addStreet } = fresh()
    const before = dataVersion(db, ['streets'])
    const other = dataVersion(db, ['topics'])
    addStreet('一街')
    expect(dataVersion(db, ['streets'])).not.toBe(before)
    expect(dataVersion(db, ['topics'])).toBe(other)
    const settled = dataVersion(db, VERSIONED_TABLES)
    sqlite
      .prepare('insert into job_runs (job, slot, status, lease_until, started_at) values (?, ?, ?, 1, 1)')
      .run('x', '1', 'done')
    expect(dataVersion(db, VERSIONED_TABLES)).toBe(settled)
  })

  it('never comes back to a value seen inside a transaction that was rolled back', () => {
    const { db, sqlite, addStreet } = fresh()
    const start = dataVersion(db, ['streets'])
    let inside = ''
    expect(() =>
      sqlite.transaction(() => {
        addStreet('回滚')
        inside = dataVersion(db, ['streets'])
        throw new Error('roll back')
      })(),
    ).toThrow('roll back')
    expect(dataVersion(db, ['streets'])).toBe(start)
    addStreet('二街')
    expect(dataVersion(db, ['streets'])).not.toBe(inside)
    expect(dataVersion(db, ['streets'])).not.toBe(start)
  })

  it('inside a transaction, reads the versions again only once the transaction has written', () => {
    let reads = 0
    const db = openDb(':memory:', { onSql: (sql) => void (/from data_versions/.test(sql) && reads++) })
    const now = Date.UTC(2026, 10, 25)
    const before = dataVersion(db, ['streets'])
    const readsBefore = reads
    db.$client.transaction(() => {
      expect(dataVersion(db, ['streets'])).toBe(before)
      expect(reads).toBe(readsBefore)
      db.$client
        .prepare('insert into streets (name_zh_hans, created_at, updated_at) values (?, ?, ?)')
        .run('三街', now, now)
      expect(dataVersion(db, ['streets'])).not.toBe(before)
      expect(reads).toBe(readsBefore + 1)
    })()
  })
  it.runIf(Boolean(TEST_POSTGRES_URL))(
    'on PostgreSQL, reads the versions with each commit: the first look after it runs no statement',
    () => {
      let reads = 0
      const db = openDb(':memory:', { onSql: (sql) => void (/from data_versions/.test(sql) && reads++) })
      const now = Date.UTC(2026, 10, 25)
      const before = dataVersion(db, ['streets'])
      db.$client.transaction(() => {
        db.$client
          .prepare('insert into streets (name_zh_hans, created_at, updated_at) values (?, ?, ?)')
          .run('四街', now, now)
      })()
      const readsBefore = reads
      const after = dataVersion(db, ['streets'])
      expect(reads).toBe(readsBefore)
      expect(after).not.toBe(before)
      db.$client.prepare('update streets set name_en = ? where id = 1').run('Fourth')
      expect(dataVersion(db, ['streets'])).not.toBe(after)
      expect(reads).toBe(readsBefore + 1)
    },
  )

  it.runIf(Boolean(TEST_POSTGRES_URL))(
    'on PostgreSQL, a commit whose version read fails is a failed commit, and nothing of it is stored',
    () => {
      const db = openDb(':memory:')
      dataVersion(db, ['streets'])
      db.$client.exec('alter table data_versions rename to data_versions_away')
      const jobRun = db.$client.prepare(
        'insert into job_runs (job, slot, status, lease_until, started_at) values (?, ?, ?, 1, 1)',
      )
      expect(() => db.$client.transaction(() => jobRun.run('x', '1', 'done'))()).toThrow(/data_versions/)
      db.$client.exec('alter table data_versions_away rename to data_versions')
      expect(db.$client.prepare('select count(*) from job_runs').pluck().get()).toBe(0)
    },
  )
})

/** A server's and a CLI's connection to one SQLite file, and a street the CLI commits. */
async function twoConnections(test: (server: Db, cliAddsStreet: (name: string) => void) => unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-versions-'))
  const server = openDb(join(dir, 'db.sqlite'))
  const cli = openDb(join(dir, 'db.sqlite'))
  try {
    await test(server, (name) =>
      cli.$client
        .prepare('insert into streets (name_zh_hans, created_at, updated_at) values (?, 1, 1)')
        .run(name),
    )
  } finally {
    server.$client.close()
    cli.$client.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('data versions across connections', () => {
  const streets = ['streets'] as const

  it("sees another connection's commit, as the CLI's would be, from the next turn of the event loop", () =>
    twoConnections(async (server, cliAddsStreet) => {
      const before = dataVersion(server, streets)
      expect(dataVersion(server, streets)).toBe(before)
      cliAddsStreet('外部')
      await new Promise((resolve) => setImmediate(resolve))
      expect(dataVersion(server, streets)).not.toBe(before)
    }))

  it('inside a transaction, sees a commit another connection made earlier in the same turn (the transaction may have waited for it)', () =>
    twoConnections((server, cliAddsStreet) => {
      const before = dataVersion(server, streets)
      cliAddsStreet('等锁时')
      server.$client.transaction(() => {
        expect(dataVersion(server, streets)).not.toBe(before)
      })()
    }))
})

describe('derived cache', () => {
  it('builds once while its tables are unchanged, again after a write', () => {
    const { db, addStreet } = fresh()
    const cache = new DerivedCache<number>(['streets'], { name: 'test' })
    let builds = 0
    const count = () =>
      cache.get(db, 'k', () => {
        builds++
        return (db.$client.prepare('select count(*) n from streets').get() as { n: number }).n
      })
    expect([count(), count()]).toEqual([0, 0])
    expect(builds).toBe(1)
    addStreet('一街')
    expect(count()).toBe(1)
    expect(builds).toBe(2)
  })

  it('keeps one entry per database, so two apps in one process never share values', () => {
    const a = fresh()
    const b = fresh()
    b.addStreet('一街')
    const cache = new DerivedCache<number>(['streets'], { name: 'test' })
    const count = (db: typeof a.db) =>
      cache.get(
        db,
        'k',
        () => (db.$client.prepare('select count(*) n from streets').get() as { n: number }).n,
      )
    expect([count(a.db), count(b.db)]).toEqual([0, 1])
  })

  it('ends an entry at its ttl or its own validUntil, and never serves it to an earlier clock', () => {
    const { db } = fresh()
    const t0 = Date.UTC(2026, 10, 25, 2)
    let builds = 0
    const cache = new DerivedCache<number>(['streets'], { name: 'test', ttlMs: 60_000, validUntil: (v) => v })
    const get = (at: number, until: number) =>
      cache.get(
        db,
        'k',
        () => {
          builds++
          return until
        },
        new Date(at),
      )
    get(t0, t0 + 10_000)
    get(t0 + 9_999, 0)
    expect(builds).toBe(1)
    get(t0 + 10_000, t0 + 3_600_000)
    expect(builds).toBe(2)
    get(t0 + 69_999, 0)
    expect(builds).toBe(2)
    get(t0 + 70_000, t0 + 3_600_000)
    expect(builds).toBe(3)
    get(t0, 0)
    expect(builds).toBe(4)
  })
})
