import { spawnSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { groupCommit } from '../../db/group-commit.ts'
import type { PgFacade } from '../../db/pg/sqlite-facade.ts'
import { type QueueChange, queueBus } from '../../server/events/queue-bus.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { freshPostgresDatabase, TEST_POSTGRES_URL, withClient } from '../helpers/postgres.ts'

/*
 * The facade's one connection per process going away (PostgreSQL restarted, the backend
 * terminated): the next statement opens a new one, and a transaction it was inside is lost whole.
 */
describe.skipIf(!TEST_POSTGRES_URL)('a lost PostgreSQL connection', () => {
  const backendOf = (db: ReturnType<typeof openDb>) =>
    (db.$client.prepare('select pg_backend_pid() as pid').get() as { pid: number }).pid

  it('is replaced at the next statement, which does not fail', async () => {
    const url = await freshPostgresDatabase('m')
    const db = openDb(url)
    const before = backendOf(db)
    await withClient(url, async (c) => {
      await c.query('select pg_terminate_backend($1)', [before])
      for (let i = 0; i < 100; i++) {
        const { rowCount } = await c.query('select 1 from pg_stat_activity where pid = $1', [before])
        if (rowCount === 0) break
        await sleep(20)
      }
    })
    // The worker hears of the closed socket on its own thread; give it a moment to.
    await sleep(100)
    expect(db.$client.prepare('select 41 + 1 as answer').get()).toEqual({ answer: 42 })
    expect(backendOf(db)).not.toBe(before)
  })

  it('fails every piece of a group commit it was inside; none of it is stored', async () => {
    const db = openDb(await freshPostgresDatabase('m'))
    db.$client.exec('create table m_probe (x bigint not null)')
    const insert = (x: number) => () => db.$client.prepare('insert into m_probe (x) values (?)').run(x)
    const outcomes = await Promise.allSettled([
      groupCommit(db).run(insert(1)),
      groupCommit(db).run(() => db.$client.prepare('select pg_terminate_backend(pg_backend_pid())').get()),
      groupCommit(db).run(insert(2)),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/lost inside this transaction/)
    expect(db.$client.prepare('select count(*) as n from m_probe').get()).toEqual({ n: 0 })

    await groupCommit(db).run(insert(3))
    expect(db.$client.prepare('select x from m_probe').all()).toEqual([{ x: 3 }])
  })

  it('fails the commit that finds it gone, and the statements after it run on a new connection', async () => {
    const url = await freshPostgresDatabase('m')
    const db = openDb(url)
    db.$client.exec('create table m_probe (x bigint not null)')
    const tx = db.$client.transaction(() => {
      db.$client.prepare('insert into m_probe (x) values (1)').run()
      // Another process ends this backend while the transaction waits; the facade finds out at commit.
      const killed = spawnSync(
        process.execPath,
        [
          '-e',
          `const pg = require('pg'); const c = new pg.Client(process.argv[1]); c.connect()
            .then(() => c.query('select pg_terminate_backend($1)', [Number(process.argv[2])]))
            .then(() => new Promise((r) => setTimeout(r, 300))).then(() => c.end())`,
          url,
          String(backendOf(db)),
        ],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      )
      expect(killed.status, killed.stderr).toBe(0)
    })
    expect(tx).toThrow()
    expect(db.$client.prepare('select count(*) as n from m_probe').get()).toEqual({ n: 0 })
  })

  it('reopens its LISTEN connection without waiting for a statement, and has the boards look again', async () => {
    const url = await freshPostgresDatabase('m')
    const db = openDb(url)
    const heard: QueueChange[] = []
    queueBus(db).subscribe(1, (change) => heard.push(change))
    backendOf(db) // the first statement opens the connection and its LISTEN connection
    const until = async (ok: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await ok()); i++) await sleep(50)
    }
    await withClient(url, async (c) => {
      const listeners = async () =>
        (
          await c.query<{ pid: number }>(
            "select pid from pg_stat_activity where application_name = 'liaison-listen' and datname = current_database()",
          )
        ).rows.map((r) => r.pid)
      const [before] = await listeners()
      expect(before).toBeDefined()
      await c.query('select pg_terminate_backend($1)', [before])
      // No statement runs on `db` from here on: the worker reconnects by itself.
      await until(() => heard.some((h) => h.kind === 'resync'))
      expect(heard.map((h) => h.kind)).toEqual(['resync'])
      expect(await listeners()).not.toContain(before)
      const schema = (db.$client as unknown as PgFacade).schema
      const change = { stationId: 1, kind: 'called', ticketId: 7 }
      await c.query('select pg_notify($1, $2)', [
        'liaison_queue',
        JSON.stringify({ s: schema, o: 'another process', m: [change] }),
      ])
      await until(() => heard.length === 2)
      expect(heard[1]).toEqual(change)
    })
  })
})
