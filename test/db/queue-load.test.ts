import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kiosks, queueTickets } from '../../db/schema.ts'
import { randomToken, sha256 } from '../../server/domain/secrets.ts'
import { anonymousWalkInForm, formKey, markPresent, STATION_A, startLoopbackApp } from '../helpers/queue.ts'
import { DEMO, type TestClient } from '../helpers/test-app.ts'

/*
 * Load on loopback: the real server (@hono/node-server) on a WAL SQLite file, driven over real
 * HTTP with fetch. Loops are bounded; timings are printed for the report, never asserted.
 */
let app: Awaited<ReturnType<typeof startLoopbackApp>>
beforeAll(async () => {
  app = await startLoopbackApp()
})
afterAll(async () => {
  await app?.close()
})

/** A device holding a kiosk token of station A (pairing itself is rate-limited per address). */
async function pairedKiosk(): Promise<TestClient> {
  const now = app.clock.now()
  const token = randomToken()
  app.db
    .insert(kiosks)
    .values({
      stationId: STATION_A,
      label: `load ${token.slice(0, 6)}`,
      deviceTokenHash: sha256(token),
      pairedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run()
  const c = app.client()
  c.cookies.set('kiosk', token)
  expect((await c.get('/kiosk')).status).toBe(200)
  return c
}

function clearQueue() {
  app.db.$client.exec(
    'delete from queue_tickets; delete from concern_events; delete from concerns; delete from station_presence;',
  )
}

describe('queue under load (loopback HTTP)', () => {
  it('gives 100 parallel ticket submissions 100 distinct numbers', async () => {
    clearQueue()
    markPresent(app, STATION_A, [1])
    // Ten kiosks in the room, ten residents each (one kiosk alone would hit its rate limit).
    const kiosksInRoom = await Promise.all(Array.from({ length: 10 }, () => pairedKiosk()))
    const forms: [TestClient, string][] = []
    for (const k of kiosksInRoom)
      for (let i = 0; i < 10; i++)
        forms.push([k, formKey(await (await k.get('/kiosk/concern/details?topic=1')).text())])
    expect(new Set(forms.map(([, key]) => key)).size).toBe(100)

    const started = performance.now()
    const responses = await Promise.all(
      forms.map(([k, key]) => k.post('/kiosk/concern', anonymousWalkInForm(key))),
    )
    const ms = performance.now() - started
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(303))
    const numbers = app.db
      .select({ n: queueTickets.number })
      .from(queueTickets)
      .all()
      .map((r) => r.n)
    expect(numbers).toHaveLength(100)
    expect(new Set(numbers).size).toBe(100)
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    const locations = new Set(responses.map((r) => r.headers.get('location')))
    expect(locations.size).toBe(100)
    console.log(
      `[load] 100 parallel ticket submissions: ${ms.toFixed(0)} ms (${(ms / 100).toFixed(1)} ms each)`,
    )
  })

  it('never lets ten consoles pressing "call next" at once call one ticket twice', async () => {
    clearQueue()
    const deputies = Array.from({ length: 10 }, (_, i) => i + 1)
    markPresent(app, STATION_A, [...deputies, 11])
    const kiosk = await pairedKiosk()
    for (let i = 0; i < 25; i++) {
      const key = formKey(await (await kiosk.get('/kiosk/concern/details?topic=1')).text())
      expect((await kiosk.post('/kiosk/concern', anonymousWalkInForm(key))).status).toBe(303)
    }
    const consoles = await Promise.all(deputies.map(() => app.client().login(...DEMO.staff)))

    // Round after round, ten consoles (ten deputies) press at the same moment, then finish.
    const timings: number[] = []
    const calledIds: number[] = []
    for (let round = 0; round < 2; round++) {
      const started = performance.now()
      const res = await Promise.all(consoles.map((c, i) => c.post(`/console/1/${deputies[i]}/call`)))
      timings.push(performance.now() - started)
      expect(res.map((r) => r.headers.get('location'))).toEqual(
        deputies.map((d) => `/console/1/${d}?m=called`),
      )
      const called = app.db
        .select()
        .from(queueTickets)
        .all()
        .filter((t) => t.status === 'called')
      expect(called).toHaveLength(10)
      expect(new Set(called.map((t) => t.calledDeputyId)).size).toBe(10)
      calledIds.push(...called.map((t) => t.id))
      await Promise.all(
        called.map((t) =>
          consoles[deputies.indexOf(t.calledDeputyId!)]!.post(
            `/console/1/${t.calledDeputyId}/tickets/${t.id}/serve`,
            {
              outcome: 'answered',
            },
          ),
        ),
      )
    }
    expect(new Set(calledIds).size).toBe(20)
    const rows = app.db.select().from(queueTickets).all()
    expect(rows.filter((t) => t.callCount > 1)).toEqual([])
    expect(rows.filter((t) => t.status === 'waiting')).toHaveLength(5)

    // Ten screens of the same deputy pressing at once: exactly one call, nine "finish that first".
    const same = await Promise.all(consoles.map((c) => c.post('/console/1/11/call', {}, { htmx: true })))
    expect(same.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)])
    expect(
      app.db
        .select()
        .from(queueTickets)
        .all()
        .filter((t) => t.status === 'called'),
    ).toHaveLength(1)
    console.log(`[load] 10 consoles calling at once: ${timings.map((t) => `${t.toFixed(0)} ms`).join(', ')}`)
  })

  it('turns the same idempotency key submitted five times at once into one ticket', async () => {
    clearQueue()
    markPresent(app, STATION_A, [1])
    const kiosk = await pairedKiosk()
    const key = formKey(await (await kiosk.get('/kiosk/concern/details?topic=1')).text())
    const started = performance.now()
    const res = await Promise.all(
      Array.from({ length: 5 }, () => kiosk.post('/kiosk/concern', anonymousWalkInForm(key))),
    )
    const ms = performance.now() - started
    expect(res.map((r) => r.status)).toEqual(Array(5).fill(303))
    expect(new Set(res.map((r) => r.headers.get('location'))).size).toBe(1)
    expect(app.db.select().from(queueTickets).all()).toHaveLength(1)
    expect(app.db.$client.prepare('select count(*) as n from concerns').get()).toEqual({ n: 1 })
    console.log(`[load] same key 5× in parallel: ${ms.toFixed(0)} ms, 1 ticket`)
  })

  it('has the unique index refuse a duplicate number even from a second connection writing a stale read', async () => {
    const other = new Database(app.deps.config.databasePath)
    try {
      const row = other.prepare('select * from queue_tickets order by id desc limit 1').get() as Record<
        string,
        unknown
      >
      const concern = other.prepare('select id from concerns limit 1').get() as { id: number }
      expect(() =>
        other
          .prepare(
            'insert into queue_tickets (station_id, local_date, number, concern_id, arrived_at, created_at, updated_at) values (?, ?, ?, ?, 0, 0, 0)',
          )
          .run(row.station_id, row.local_date, row.number, concern.id + 1000),
      ).toThrow(
        /UNIQUE constraint failed: queue_tickets.station_id, queue_tickets.local_date, queue_tickets.number/,
      )
      // The guarded call: of two writers calling the same waiting ticket, only the first changes it.
      const call = other.prepare(
        "update queue_tickets set status = 'called' where id = ? and status = 'waiting'",
      )
      app.db.$client.prepare("update queue_tickets set status = 'waiting' where id = ?").run(row.id)
      expect(
        app.db.$client
          .prepare("update queue_tickets set status = 'called' where id = ? and status = 'waiting'")
          .run(row.id).changes,
      ).toBe(1)
      expect(call.run(row.id).changes).toBe(0)
    } finally {
      other.close()
    }
  })
})
