import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import { copyToPostgres, tablesInForeignKeyOrder } from '../../db/copy-to-postgres.ts'
import { PgFacade } from '../../db/pg/sqlite-facade.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { ensureDemoData, seedDemo } from '../../db/seed-demo.ts'
import { COMMANDS } from '../../server/cli.ts'
import { loadConfig } from '../../server/config.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { useTempDir } from '../helpers/jobs.ts'
import { freshPostgresDatabase, TEST_POSTGRES_URL, withClient, withDatabase } from '../helpers/postgres.ts'
import { TEST_NOW } from '../helpers/test-app.ts'

const NOW = new Date(TEST_NOW)
const PHOTO = Buffer.from([0xff, 0xd8, 0x00, 0x01, 0xfe])

/** The demo street in an SQLite file, with a photo (bytes) and map coordinates (doubles) besides. */
async function demoSqlite(): Promise<string> {
  const file = join(useTempDir(), 'demo.db')
  const db = openDb(file)
  try {
    await seedDemo(db, NOW)
    await ensureDemoData({ db, clock: fixedClock(NOW) })
    const s = db.$client
    s.prepare('update places set latitude = 30.2741, longitude = 120.1551 where id = 1').run()
    s.prepare(
      `insert into deputy_photos (deputy_id, content_type, bytes, width, height, etag, updated_at)
       values (1, 'image/jpeg', ?, 2, 1, 'e1', ?)`,
    ).run(PHOTO, NOW.getTime())
    // The last rows deleted: SQLite's AUTOINCREMENT does not give their ids again, nor must PostgreSQL.
    for (let i = 0; i < 3; i++)
      recordAudit(db, NOW, { actorAccountId: null, action: 'test', entity: 'test', detail: { i } })
    s.prepare('delete from audit_log where id > 1').run()
  } finally {
    db.$client.close()
  }
  return file
}

const sqliteOf = (db: Db) => db.$client as Database.Database

function closePg(db: Db) {
  const facade = db.$client as unknown
  if (facade instanceof PgFacade) facade.connection.close()
}

/** Every row of `table`, in one order both databases agree on; bytes as Buffers on both sides. */
function allRows(db: Db, table: string, columns: number) {
  const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ')
  const rows = sqliteOf(db).prepare(`select * from "${table}" order by ${order}`).all() as Record<
    string,
    unknown
  >[]
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v) : v])),
  )
}

function captureConsole() {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {})
  const err = vi.spyOn(console, 'error').mockImplementation(() => {})
  return {
    out: () => out.mock.calls.flat().join('\n'),
    err: () => err.mock.calls.flat().join('\n'),
    restore: () => {
      out.mockRestore()
      err.mockRestore()
    },
  }
}

describe('the order tables are copied in', () => {
  it('puts every table after the tables its foreign keys point to, bookkeeping left out', () => {
    const db = openDb(join(useTempDir(), 'order.db'))
    try {
      const s = sqliteOf(db)
      const order = tablesInForeignKeyOrder(s)
      expect(order).not.toContain('data_versions')
      expect(order).not.toContain('__drizzle_migrations')
      expect(order.filter((t) => t.startsWith('sqlite_'))).toEqual([])
      const all = s
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite%'")
        .pluck()
        .all() as string[]
      expect(order.length).toBe(all.length - 2)
      for (const table of order) {
        const parents = (s.pragma(`foreign_key_list("${table}")`) as { table: string }[]).map((f) => f.table)
        for (const p of parents)
          expect(order.indexOf(p), `${p} before ${table}`).toBeLessThan(order.indexOf(table))
      }
    } finally {
      db.$client.close()
    }
  })
})

describe.skipIf(!TEST_POSTGRES_URL)('copy-to-postgres', { timeout: 60_000 }, () => {
  it('copies the demo street into an empty PostgreSQL database, row for row, and refuses a second copy', async () => {
    const file = await demoSqlite()
    const url = await freshPostgresDatabase('o_copy')
    const config = loadConfig({ DATABASE_URL: url, DATABASE_PATH: join(useTempDir(), 'unused.db') })
    // As an operator runs it: a process that ends once done (the facade's connection closed).
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', 'copy-to-postgres', '--from', file],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: withDatabase(url, new URL(url).pathname.slice(1), 'hidden-pw') },
      },
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/\nconcerns +10 +10\n/)
    expect(run.stdout).toContain('every row count agrees')
    expect(run.stdout).toContain(':***@')
    expect(run.stdout).not.toContain('hidden-pw')
    const io = captureConsole()
    try {
      expect(await COMMANDS['copy-to-postgres']!.run([], { from: file }, config)).toBe(1)
      expect(io.err()).toContain('already holds data: account_stations (1), accounts (3)')
    } finally {
      io.restore()
    }

    const source = openDb(file)
    const target = openDb(url)
    try {
      const tables = tablesInForeignKeyOrder(sqliteOf(source))
      for (const table of tables) {
        const columns = (sqliteOf(source).pragma(`table_info("${table}")`) as unknown[]).length
        expect(allRows(target, table, columns), table).toEqual(allRows(source, table, columns))
      }
      const copied = (t: string) => sqliteOf(target).prepare(`select count(*) from "${t}"`).pluck().get()
      expect(copied('concerns')).toBe(10)
      const bytes = sqliteOf(target).prepare('select bytes from deputy_photos').pluck().get() as Uint8Array
      expect(Buffer.from(bytes)).toEqual(PHOTO)
      expect(sqliteOf(target).prepare('select latitude from places where id = 1').pluck().get()).toBe(30.2741)

      // The next row gets the id SQLite would have given: max + 1, or past the deleted ones.
      const next = (db: Db, t: string) =>
        recordAudit(db, NOW, { actorAccountId: null, action: t, entity: 'test', detail: {} })
      next(target, 'after copy')
      const ids = sqliteOf(target).prepare('select id from audit_log order by id').pluck().all()
      expect(ids).toEqual([1, 4])
      const topicId = sqliteOf(target)
        .prepare(
          `insert into topics (name_zh_hans, name_zh_hant, name_en, active, sort_order, created_at, updated_at)
           values ('新', '新', 'New', 1, 99, 0, 0) returning id`,
        )
        .pluck()
        .get()
      expect(topicId).toBe(
        (sqliteOf(source).prepare('select max(id) from topics').pluck().get() as number) + 1,
      )
    } finally {
      source.$client.close()
      closePg(target)
    }
  })

  it('rolls back the whole copy when PostgreSQL refuses a value SQLite took', async () => {
    const file = await demoSqlite()
    const source = openDb(file)
    sqliteOf(source).prepare(`update topics set sort_order = 'first' where id = 2`).run()
    const url = await freshPostgresDatabase('o_copy')
    closePg(openDb(url))
    try {
      const result = await withClient(url, (c) => copyToPostgres(sqliteOf(source), c))
      expect(result).toMatchObject({
        ok: false,
        reason: 'refused',
        detail: expect.stringContaining('of topics:'),
      })
      const rows = await withClient(url, async (c) =>
        Number(
          (await c.query('select (select count(*) from streets) + (select count(*) from stations) as n'))
            .rows[0].n,
        ),
      )
      expect(rows).toBe(0)
    } finally {
      source.$client.close()
    }
  })

  it('refuses a database without Liaison tables, writing nothing', async () => {
    const file = await demoSqlite()
    const url = await freshPostgresDatabase('o_copy')
    const source = openDb(file)
    try {
      const result = await withClient(url, (c) => copyToPostgres(sqliteOf(source), c))
      expect(result).toMatchObject({ ok: false, reason: 'not-migrated' })
      const tables = await withClient(url, async (c) =>
        Number((await c.query("select count(*) as n from pg_tables where schemaname = 'public'")).rows[0].n),
      )
      expect(tables).toBe(0)
    } finally {
      source.$client.close()
    }
  })
})
