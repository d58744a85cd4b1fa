import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type DrizzleSnapshotJSON,
  type DrizzleSQLiteSnapshotJSON,
  generateDrizzleJson,
  generateMigration,
  generateSQLiteDrizzleJson,
  generateSQLiteMigration,
} from 'drizzle-kit/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERSIONED_TABLES } from '../../db/data-versions.ts'
import { generatedPgSchema, pgSchemaPath } from '../../db/pg/generate-schema.ts'
import * as schema from '../../db/schema.ts'
import * as pgSchema from '../../db/schema-pg.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import {
  FILL_ID_TRIGGER,
  migratedPgSchema,
  type PgSchema,
  pgSchemaShape,
} from '../helpers/pg-schema-shape.ts'
import { normaliseExpression, type SchemaShape, schemaDifferences } from '../helpers/schema-shape.ts'
import { migratedSqlite, sqliteSchemaShape } from '../helpers/sqlite-schema-shape.ts'

const PG_URL = process.env.LIAISON_TEST_DATABASE_URL

function latestSnapshot<T>(folder: string): T {
  const dir = join(PROJECT_ROOT, 'db', folder, 'meta')
  const journal = JSON.parse(readFileSync(join(dir, '_journal.json'), 'utf8')) as {
    entries: { idx: number }[]
  }
  const idx = String(journal.entries.at(-1)!.idx).padStart(4, '0')
  return JSON.parse(readFileSync(join(dir, `${idx}_snapshot.json`), 'utf8')) as T
}

describe('the schema comparator', () => {
  const sqliteShape = sqliteSchemaShape(migratedSqlite())

  it('names a changed storage class, a missing index and a changed on-delete in an altered copy', () => {
    const altered = structuredClone(sqliteShape)
    altered.tables.places!.columns.latitude!.type = 'text'
    delete altered.tables.places!.indexes.places_kind
    altered.tables.places!.foreignKeys['(district_id) -> districts(id)']!.onDelete = 'cascade'
    expect(schemaDifferences(sqliteShape, altered)).toEqual([
      'table places: column latitude: type "real" in SQLite, "text" in PostgreSQL',
      'table places: index places_kind: only in SQLite',
      'table places: foreign key (district_id) -> districts(id): onDelete "no action" in SQLite, "cascade" in PostgreSQL',
    ])
  })

  it('names a changed partial-index predicate, check, trigger column list and data_versions row', () => {
    const altered: SchemaShape = structuredClone(sqliteShape)
    altered.tables.feed_tokens!.indexes.feed_tokens_one_live!.where = null
    altered.tables.roster_swaps!.checks.roster_swaps_one_from = 'true'
    altered.triggers.kiosks_update_version!.columns.pop()
    altered.versionedTables = altered.versionedTables.filter((t) => t !== 'topics')
    const found = schemaDifferences(sqliteShape, altered)
    expect(found).toHaveLength(4)
    expect(found.join('\n')).toMatch(/index feed_tokens_one_live: where "revoked_atisnull" in SQLite, null/)
    expect(found.join('\n')).toMatch(/check roster_swaps_one_from:/)
    expect(found.join('\n')).toMatch(/trigger kiosks_update_version: columns/)
    expect(found.join('\n')).toMatch(/data_versions rows: tables/)
  })

  it('reads changes made to a SQLite database itself: a table, a column, an index, a check', () => {
    const sqlite = migratedSqlite()
    sqlite.exec(`drop index places_kind;
      alter table streets add column note text;
      create table extra (id integer primary key, n integer check (n > 0));`)
    expect(schemaDifferences(sqliteShape, sqliteSchemaShape(sqlite))).toEqual([
      'table places: index places_kind: only in SQLite',
      'table streets: column note: only in PostgreSQL',
      'table extra: only in PostgreSQL',
    ])
  })

  it('spells PostgreSQL deparsed expressions as SQLite keeps them', () => {
    const pairs: [string, string][] = [
      ["status in ('open', 'taken')", "(status = ANY (ARRAY['open'::text, 'taken'::text]))"],
      ["status <> 'cancelled'", "(status <> 'cancelled'::text)"],
      ['(account_id is null) <> (deputy_id is null)', '(((account_id IS NULL) <> (deputy_id IS NULL)))'],
      ["'{}'", "'{}'::text"],
      ['true', '1'],
    ]
    for (const [sqlite, pg] of pairs) expect(normaliseExpression(pg), pg).toBe(normaliseExpression(sqlite))
    expect(normaliseExpression("status = 'booked'")).not.toBe(normaliseExpression("status <> 'booked'"))
  })

  it('finds the data_versions rows of every versioned table in SQLite', () => {
    expect([...sqliteShape.versionedTables].sort()).toEqual([...VERSIONED_TABLES].sort())
  })
})

describe('generated schema and migrations are up to date', () => {
  it('db/schema-pg.ts is what db/pg/generate-schema.ts writes from db/schema.ts', () => {
    expect(generatedPgSchema()).toBe(readFileSync(pgSchemaPath, 'utf8'))
  })

  it('db/migrations-pg holds every change of db/schema-pg.ts (npm run db:generate:pg)', async () => {
    const prev = latestSnapshot<DrizzleSnapshotJSON>('migrations-pg')
    expect(await generateMigration(prev, generateDrizzleJson(pgSchema, prev.id))).toEqual([])
    const { suggestionEvents: _, ...withoutOne } = pgSchema
    expect(await generateMigration(prev, generateDrizzleJson(withoutOne, prev.id))).toEqual([
      expect.stringMatching(/DROP TABLE "suggestion_events"/),
    ])
  })

  it('db/migrations holds every change of db/schema.ts (npm run db:generate)', async () => {
    const prev = latestSnapshot<DrizzleSQLiteSnapshotJSON>('migrations')
    expect(await generateSQLiteMigration(prev, await generateSQLiteDrizzleJson(schema, prev.id))).toEqual([])
  })
})

describe.skipIf(!PG_URL)('the PostgreSQL schema of db/migrations-pg', () => {
  let pg: PgSchema
  beforeAll(async () => {
    pg = await migratedPgSchema(PG_URL!)
  })
  afterAll(async () => {
    await pg?.drop()
  })
  const query = async <T extends object>(text: string, params: unknown[] = []) =>
    (await pg.client.query<T>(text, params)).rows

  it('has the SQLite tables, columns, storage classes, keys, indexes, references, checks, triggers and data versions', async () => {
    const differences = schemaDifferences(
      sqliteSchemaShape(migratedSqlite()),
      await pgSchemaShape(pg.client, pg.schema),
    )
    expect(differences).toEqual([])
  })

  it('fills the id of every table whose id is a bigserial', async () => {
    const serial = await query<{ table_name: string }>(
      `select c.relname as table_name from pg_attrdef d
       join pg_class c on c.oid = d.adrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       where n.nspname = $1 and a.attname = 'id' and pg_get_expr(d.adbin, d.adrelid) like 'nextval(%'`,
      [pg.schema],
    )
    const filled = await query<{ event_object_table: string; trigger_name: string }>(
      `select c.relname as event_object_table, t.tgname as trigger_name from pg_trigger t
       join pg_class c on c.oid = t.tgrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and t.tgtype & 2 = 2 and t.tgtype & 4 = 4 and not t.tgisinternal`,
      [pg.schema],
    )
    const withTrigger = filled
      .filter((t) => FILL_ID_TRIGGER.test(t.trigger_name))
      .map((t) => t.event_object_table)
    expect(serial.length).toBeGreaterThan(20)
    expect(withTrigger.sort()).toEqual(serial.map((t) => t.table_name).sort())
  })

  it('gives ids as SQLite AUTOINCREMENT does: null takes the next, an explicit one moves the next past it', async () => {
    const insert = (id: number | null, name: string) =>
      query<{ id: string }>(
        'insert into streets (id, name_zh_hans, created_at, updated_at) values ($1, $2, 0, 0) returning id',
        [id, name],
      )
    const ids: string[] = []
    for (const [id, name] of [
      [null, 'a'],
      [null, 'b'],
      [10, 'c'],
      [null, 'd'],
      [5, 'e'],
      [null, 'f'],
    ] as const)
      ids.push((await insert(id, name))[0]!.id)
    expect(ids).toEqual(['1', '2', '10', '11', '5', '12'])
  })

  it('moves a table version and notifies liaison_data with the schema on a write, not on a kiosk last-seen mark', async () => {
    const version = async (table: string) =>
      (
        await query<{ version: string }>('select version from data_versions where table_name = $1', [table])
      )[0]!.version
    const notified = new Promise<string | undefined>((resolve) => {
      pg.client.once('notification', (n) => resolve(`${n.channel} ${n.payload}`))
    })
    await query('listen liaison_data')
    const before = await version('topics')
    await query(`insert into topics (id, name_zh_hans, name_zh_hant, name_en, created_at, updated_at)
                 values (null, 'x', 'x', 'x', 0, 0)`)
    expect(await version('topics')).not.toBe(before)
    expect(await notified).toBe(`liaison_data ${pg.schema}`)
    await query('unlisten liaison_data')

    const street = (await query<{ id: string }>('select id from streets limit 1'))[0]!.id
    await query(
      `insert into stations (id, street_id, code, name_zh_hans, created_at, updated_at)
                 values (null, $1, 'Z', 'z', 0, 0)`,
      [street],
    )
    await query(`insert into kiosks (id, station_id, label, created_at, updated_at)
                 select null, id, 'k', 0, 0 from stations where code = 'Z'`)
    const kiosks = await version('kiosks')
    await query('update kiosks set last_seen_at = 1')
    expect(await version('kiosks')).toBe(kiosks)
    await query(`update kiosks set label = 'k2'`)
    expect(await version('kiosks')).not.toBe(kiosks)
  })
  it('orders text as SQLite BINARY does (a database created with C collation)', async () => {
    const words = ['b', 'B', 'a', 'é', 'e', '中', '街', 'Z', '10', '9', '']
    const sqliteOrder = migratedSqlite()
      .prepare(`select value from json_each(?) order by value`)
      .pluck()
      .all(JSON.stringify(words))
    const pgOrder = (
      await query<{ w: string[] }>('select array_agg(w order by w) as w from unnest($1::text[]) w', [words])
    )[0]!.w
    expect(pgOrder).toEqual(sqliteOrder)
  })

  it('reads changes made on PostgreSQL: a storage class, an index, an on-delete (last: it alters the schema)', async () => {
    const fk = (
      await query<{ conname: string }>(
        `select conname from pg_constraint where conrelid = 'places'::regclass and contype = 'f'`,
      )
    )[0]!.conname
    await pg.client.query(`alter table places alter column latitude type text;
      drop index places_kind;
      alter table places drop constraint "${fk}";
      alter table places add foreign key (district_id) references districts(id) on delete cascade`)
    expect(
      schemaDifferences(sqliteSchemaShape(migratedSqlite()), await pgSchemaShape(pg.client, pg.schema)),
    ).toEqual([
      'table places: column latitude: type "real" in SQLite, "text" in PostgreSQL',
      'table places: index places_kind: only in SQLite',
      'table places: foreign key (district_id) -> districts(id): onDelete "no action" in SQLite, "cascade" in PostgreSQL',
    ])
  })
})
