import { type ChildProcess, execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { desc } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import type { PgFacade } from '../../db/pg/sqlite-facade.ts'
import { kiosks, queueTickets, receptionBookings, receptionSessions } from '../../db/schema.ts'
import { buildServer } from '../../server/build.ts'
import { loadConfig } from '../../server/config.ts'
import { systemClock } from '../../server/domain/clock.ts'
import { ticketLabel } from '../../server/domain/queue-order.ts'
import { randomToken, sha256 } from '../../server/domain/secrets.ts'
import { localDate } from '../../server/domain/time.ts'
import { createLogger } from '../../server/logger.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { freePort, httpClient, startRoundRobinProxy } from '../helpers/app-processes.ts'
import { addPlan, DEPUTY_CHEN, formKeyOf, slipBookingCode } from '../helpers/booking.ts'
import { createPostgresDatabase, TEST_POSTGRES_URL } from '../helpers/postgres.ts'
import { anonymousWalkInForm, formKey, markPresent, STATION_A, sseMessages } from '../helpers/queue.ts'
import { startServerProcess } from '../helpers/server-process.ts'
import { DEMO, type TestClient } from '../helpers/test-app.ts'

/*
 * Two app processes (the built bundle, as `npm start` runs it) on one PostgreSQL database: the
 * "many processes" promises of issue 20. Real clock, real HTTP; timings and failure counts are
 * printed for the report, never asserted.
 */
const children = new Set<ChildProcess>()
let bundle: string
beforeAll(async () => {
  if (TEST_POSTGRES_URL) bundle = await buildServer()
}, 60_000)
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

/** An app process on `url` (demo data seeded once, under the seed's advisory lock). */
function appProcess(url: string, port = 0) {
  const p = startServerProcess(bundle, {
    DATABASE_URL: url,
    SEED_DEMO: 'true',
    PORT: String(port),
    RATE_LIMIT_MULTIPLIER: '1000',
  })
  children.add(p.child)
  return p
}

async function stopApp(p: ReturnType<typeof appProcess>) {
  p.child.kill('SIGTERM')
  await p.exited
}

const today = () => localDate(new Date(), 'Asia/Shanghai')

/** A new kiosk of station A, paired straight in the database; `c` carries its device cookie. */
function pairKiosk(db: Db, c: TestClient) {
  const token = randomToken()
  const now = new Date()
  db.insert(kiosks)
    .values({
      stationId: STATION_A,
      label: `process kiosk ${token.slice(0, 8)}`,
      deviceTokenHash: sha256(token),
      pairedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run()
  c.cookies.set('kiosk', token)
  return c
}

const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`

describe.skipIf(!TEST_POSTGRES_URL)('two app processes on one PostgreSQL database', () => {
  let db: Db
  let a: ReturnType<typeof appProcess>
  let b: ReturnType<typeof appProcess>
  let originA: string
  let originB: string
  let dropDatabase: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const { url, drop } = await createPostgresDatabase('m')
    dropDatabase = drop
    // Both start together on the empty database: migrations and the demo seed under their locks.
    a = appProcess(url)
    b = appProcess(url)
    ;[originA, originB] = await Promise.all([a.origin(), b.origin()])
    db = openDb(url)
  }, 60_000)
  afterAll(async () => {
    await Promise.all([a && stopApp(a), b && stopApp(b)])
    ;(db?.$client as unknown as PgFacade | undefined)?.connection.close()
    await dropDatabase?.()
  }, 60_000)

  it('lets exactly one of 100 bookings of a one-person slot, split over both, through', async () => {
    const deps = {
      db,
      clock: systemClock,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      logger: createLogger('silent'),
    }
    addPlan(deps, {
      weekdays: '1,2,3,4,5,6,7',
      startTime: '19:00',
      endTime: '21:00',
      validFrom: today(),
    })
    const session = db
      .select()
      .from(receptionSessions)
      .all()
      .filter((s) => s.deputyId === DEPUTY_CHEN && s.date > today() && s.startTime === '19:00')
      .sort((x, y) => x.date.localeCompare(y.date))[0]!
    const booking = (i: number, slot: number, key: string) => ({
      station: '1',
      who: `d${DEPUTY_CHEN}`,
      session: String(session.id),
      slot: String(slot),
      key,
      topic: '1',
      name: `居民${i}`,
      phone: phone(i),
    })
    const formPath = (slot: number) =>
      `/kiosk/booking/details?who=d${DEPUTY_CHEN}&session=${session.id}&slot=${slot}`

    // Booked through A, refused as taken through B at once.
    const viaA = pairKiosk(db, httpClient(originA))
    const viaB = pairKiosk(db, httpClient(originB))
    const first = await viaA.post(
      '/kiosk/booking',
      booking(0, 1, formKeyOf(await (await viaA.get(formPath(1))).text())),
    )
    expect(first.status).toBe(303)
    expect(slipBookingCode(first)).not.toBe('')
    const second = await viaB.post(
      '/kiosk/booking',
      booking(1, 1, formKeyOf(await (await viaB.get(formPath(1))).text())),
    )
    expect(second.status).toBe(409)
    expect(await second.text()).toContain('这个时间刚刚被别人约走了')

    // Ten kiosks on each process, five open forms each, all sent at once.
    const room = Array.from({ length: 20 }, (_, i) => pairKiosk(db, httpClient(i % 2 ? originB : originA)))
    const forms: { k: TestClient; key: string }[] = []
    for (let i = 0; i < 100; i++) {
      const k = room[i % room.length]!
      forms.push({ k, key: formKeyOf(await (await k.get(formPath(0))).text()) })
    }
    expect(new Set(forms.map((f) => f.key)).size).toBe(100)
    const started = performance.now()
    const responses = await Promise.all(
      forms.map((f, i) => f.k.post('/kiosk/booking', booking(10 + i, 0, f.key))),
    )
    const ms = performance.now() - started
    const statuses = responses.map((r) => r.status)
    const bodies = await Promise.all(responses.map((r) => r.text()))
    console.log(`[processes] 100 bookings of one seat over two processes: ${ms.toFixed(0)} ms`)
    expect(statuses.filter((s) => s === 303)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(99)
    for (const [i, body] of bodies.entries())
      if (statuses[i] === 409) expect(body).toContain('这个时间刚刚被别人约走了')
    const rows = db
      .select()
      .from(receptionBookings)
      .all()
      .filter((r) => r.sessionId === session.id)
    expect(rows.map((r) => [r.slotIndex, r.seat, r.status]).sort()).toEqual([
      [0, 1, 'booked'],
      [1, 1, 'booked'],
    ])
  }, 60_000)

  it('never lets ten consoles on two processes call one ticket twice', async () => {
    const deputies = Array.from({ length: 10 }, (_, i) => i + 1)
    markPresent({ db, clock: systemClock }, STATION_A, [...deputies, 11])
    const kiosk = pairKiosk(db, httpClient(originA, originB))
    const before = new Set(
      db
        .select({ id: queueTickets.id })
        .from(queueTickets)
        .all()
        .map((t) => t.id),
    )
    for (let i = 0; i < 25; i++) {
      const key = formKey(await (await kiosk.get('/kiosk/concern/details?topic=1')).text())
      expect((await kiosk.post('/kiosk/concern', anonymousWalkInForm(key))).status).toBe(303)
    }
    const ours = () =>
      db
        .select()
        .from(queueTickets)
        .all()
        .filter((t) => !before.has(t.id))
    expect(ours()).toHaveLength(25)
    const consoles = await Promise.all(
      deputies.map((_, i) => httpClient(i % 2 ? originB : originA).login(...DEMO.staff)),
    )

    const timings: number[] = []
    const calledIds: number[] = []
    for (let round = 0; round < 2; round++) {
      const started = performance.now()
      const res = await Promise.all(consoles.map((c, i) => c.post(`/console/1/${deputies[i]}/call`)))
      timings.push(performance.now() - started)
      expect(res.map((r) => r.headers.get('location'))).toEqual(
        deputies.map((d) => `/console/1/${d}?m=called`),
      )
      const called = ours().filter((t) => t.status === 'called')
      expect(called).toHaveLength(10)
      expect(new Set(called.map((t) => t.calledDeputyId)).size).toBe(10)
      calledIds.push(...called.map((t) => t.id))
      const served = await Promise.all(
        called.map((t) =>
          consoles[deputies.indexOf(t.calledDeputyId!)]!.post(
            `/console/1/${t.calledDeputyId}/tickets/${t.id}/serve`,
            {
              outcome: 'answered',
            },
          ),
        ),
      )
      expect(served.every((r) => r.status === 303)).toBe(true)
    }
    expect(new Set(calledIds).size).toBe(20)
    expect(ours().filter((t) => t.callCount > 1)).toEqual([])
    expect(ours().filter((t) => t.status === 'waiting')).toHaveLength(5)

    // Ten screens of one deputy, five on each process, pressing at once: exactly one call.
    const same = await Promise.all(consoles.map((c) => c.post('/console/1/11/call', {}, { htmx: true })))
    expect(same.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)])
    expect(ours().filter((t) => t.status === 'called')).toHaveLength(1)
    console.log(
      `[processes] 10 consoles over two processes calling at once: ${timings.map((t) => `${t.toFixed(0)} ms`).join(', ')}`,
    )
  }, 60_000)

  it('brings a call made on a console served by A to a board connected to B', async () => {
    markPresent({ db, clock: systemClock }, STATION_A, [10])
    const kiosk = pairKiosk(db, httpClient(originA))
    const key = formKey(await (await kiosk.get('/kiosk/concern/details?topic=1')).text())
    expect((await kiosk.post('/kiosk/concern', anonymousWalkInForm(key))).status).toBe(303)
    const onA = await httpClient(originA).login(...DEMO.staff)

    const board = pairKiosk(db, httpClient(originB))
    const stream = await board.get('/display/events')
    expect(stream.status).toBe(200)
    const messages = sseMessages(stream)
    const before = await messages.next() // the board as it stands
    const started = performance.now()
    const call = await onA.post('/console/1/10/call')
    expect(call.headers.get('location')).toBe('/console/1/10?m=called')
    const ticket = db
      .select()
      .from(queueTickets)
      .all()
      .find((t) => t.status === 'called' && t.calledDeputyId === 10)!
    // The board's "now serving" number: this call, not the waiting list that shows it too.
    const latest = new RegExp(`id="board-latest-number">\\s*${ticketLabel('A', ticket.number)}\\s*<`)
    expect(before).toContain('q-board-now')
    expect(before).not.toMatch(latest)
    let arrived = false
    const timeout = new Promise<void>((r) => setTimeout(r, 1000))
    const heard = (async () => {
      for (let i = 0; i < 10 && !arrived; i++) if (latest.test(await messages.next())) arrived = true
    })()
    await Promise.race([heard, timeout])
    const ms = performance.now() - started
    await messages.cancel()
    console.log(`[processes] call on A heard by a board on B after ${ms.toFixed(0)} ms`)
    expect(arrived, `no board showed ticket ${ticket.number} as called within 1 s`).toBe(true)
  }, 30_000)

  // A walk-in's notification is sent inside its group commit's transaction (with the commit).
  it('brings a walk-in taken by a kiosk on A to a board connected to B', async () => {
    markPresent({ db, clock: systemClock }, STATION_A, [10])
    const kiosk = pairKiosk(db, httpClient(originA))
    const key = formKey(await (await kiosk.get('/kiosk/concern/details?topic=1')).text())
    const board = pairKiosk(db, httpClient(originB))
    const stream = await board.get('/display/events')
    expect(stream.status).toBe(200)
    const messages = sseMessages(stream)
    await messages.next() // the board as it stands
    const started = performance.now()
    expect((await kiosk.post('/kiosk/concern', anonymousWalkInForm(key))).status).toBe(303)
    const ticket = db.select().from(queueTickets).orderBy(desc(queueTickets.id)).limit(1).get()!
    const shown = new RegExp(`>\\s*${ticketLabel('A', ticket.number)}\\s*<`)
    let arrived = false
    const timeout = new Promise<void>((r) => setTimeout(r, 1000))
    const heard = (async () => {
      for (let i = 0; i < 10 && !arrived; i++) if (shown.test(await messages.next())) arrived = true
    })()
    await Promise.race([heard, timeout])
    const ms = performance.now() - started
    await messages.cancel()
    console.log(`[processes] walk-in on A heard by a board on B after ${ms.toFixed(0)} ms`)
    expect(arrived, `no board showed ticket ${ticket.number} within 1 s`).toBe(true)
  }, 30_000)
})

/** The state and parent of a process, from /proc (undefined once it is gone). */
function processStat(pid: number | string): { state: string; parent: number } | undefined {
  try {
    const [state, parent] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return { state: state!, parent: Number(parent) }
  } catch {
    return undefined
  }
}

/** Processes whose parent is `pid` (a cluster's backends). */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d) && processStat(d)?.parent === pid)
    .map(Number)

/** Still running: a killed process nobody has reaped yet (a zombie) is not. */
const alive = (pid: number) => {
  const stat = processStat(pid)
  return stat !== undefined && stat.state !== 'Z'
}

/**
 * A PostgreSQL cluster of this test's own (.ci/postgres.sh), to be killed: never the shared test
 * server. `crash()` kills its postmaster and every backend with SIGKILL, as a machine losing power
 * kills them (the operating system keeps what was written, as it does here).
 */
function ownCluster(dir: string, port: number) {
  const script = join(PROJECT_ROOT, '.ci', 'postgres.sh')
  const start = () => execFileSync(script, ['start', dir, String(port)], { encoding: 'utf8' }).trim()
  return {
    start,
    async crash() {
      const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
      const backends = childrenOf(postmaster)
      process.kill(postmaster, 'SIGKILL')
      for (const pid of backends) if (alive(pid)) process.kill(pid, 'SIGKILL')
      // A killed postmaster nobody has reaped yet (a zombie) leaves its lock files naming it:
      // postgres.sh start clears them, as it must after a real power loss.
      for (let i = 0; i < 100 && [postmaster, ...backends].some(alive); i++) await sleep(50)
    },
    stop: () => execFileSync(script, ['stop', dir], { stdio: 'ignore' }),
  }
}

type Phase = 'steady' | 'app killed' | 'postgres killed'

describe.skipIf(!TEST_POSTGRES_URL)('walk-ins while an app process and then PostgreSQL are killed', () => {
  let dir: string | undefined
  let cluster: ReturnType<typeof ownCluster> | undefined
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined
  afterAll(async () => {
    await proxy?.close()
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    cluster?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  it('loses no acknowledged walk-in, gives no number twice, and answers a retry with the original slip', async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-m-pg-'))
    cluster = ownCluster(dir, await freePort())
    const url = cluster.start()
    const [portA, portB] = [await freePort(), await freePort()]
    let a = appProcess(url, portA)
    const b = appProcess(url, portB)
    const originA = await a.origin()
    const originB = await b.origin()
    const balancer = await startRoundRobinProxy([originA, originB])
    proxy = balancer
    const db = openDb(url)
    markPresent({ db, clock: systemClock }, STATION_A, [1, 2, 3])
    const checkers = [originA, originB].map((origin) => pairKiosk(db, httpClient(origin)))

    let phase: Phase = 'steady'
    let stopped = false
    const failed: Record<Phase, number> = { steady: 0, 'app killed': 0, 'postgres killed': 0 }
    const failedPerKiosk: Record<Phase, number>[] = []
    const acknowledged: { kiosk: number; key: string; slip: string }[] = []
    const kioskClients = Array.from({ length: 20 }, () => pairKiosk(db, httpClient(balancer.origin)))

    /** One request; a network error or an answer other than `ok` is a failed request. */
    const attempt = async (k: number, send: () => Promise<Response>, ok: number) => {
      try {
        const res = await send()
        if (res.status === ok) return res
        await res.body?.cancel()
      } catch {
        // The proxy or the app process went away mid-request.
      }
      failed[phase]++
      failedPerKiosk[k]![phase]++
      return undefined
    }

    /** A resident after another at one kiosk: the form, then its submission, retried once with its key. */
    const kioskLoop = async (k: number) => {
      failedPerKiosk[k] = { steady: 0, 'app killed': 0, 'postgres killed': 0 }
      const c = kioskClients[k]!
      while (!stopped) {
        const form = await attempt(k, () => c.get('/kiosk/concern/details?topic=1'), 200)
        const key = form ? formKey(await form.text()) : ''
        if (!key) {
          await sleep(100)
          continue
        }
        let res = await attempt(k, () => c.post('/kiosk/concern', anonymousWalkInForm(key)), 303)
        res ??= await attempt(k, () => c.post('/kiosk/concern', anonymousWalkInForm(key)), 303)
        if (res) acknowledged.push({ kiosk: k, key, slip: res.headers.get('location')! })
        else await sleep(100)
      }
    }

    const started = performance.now()
    const at = () => `${((performance.now() - started) / 1000).toFixed(1)} s`
    const timeline: string[] = []
    /** Until `n` more walk-ins are acknowledged (at most 10 s). */
    const more = async (n: number) => {
      const target = acknowledged.length + n
      for (let i = 0; i < 200 && acknowledged.length < target; i++) await sleep(50)
      timeline.push(`${at()} ${acknowledged.length} acknowledged`)
    }
    const loops = kioskClients.map((_, k) => kioskLoop(k))
    try {
      await more(40)

      phase = 'app killed'
      timeline.push(`${at()} SIGKILL app A`)
      a.child.kill('SIGKILL')
      await a.exited
      a = appProcess(url, portA)
      await a.ready
      timeline.push(`${at()} app A back`)
      await more(40)

      phase = 'steady'
      await more(20)
      phase = 'postgres killed'
      timeline.push(`${at()} SIGKILL PostgreSQL`)
      await cluster.crash()
      timeline.push(`${at()} its processes gone`)
      cluster.start()
      timeline.push(`${at()} PostgreSQL back`)
      await more(40)
      phase = 'steady'
      await more(20)
    } finally {
      stopped = true
      await Promise.all(loops)
    }
    console.log(`[processes] ${timeline.join('; ')}`)
    console.log(
      `[processes] ${acknowledged.length} walk-ins acknowledged; failed requests: ${JSON.stringify(failed)}; most failed requests of one kiosk: app killed ${Math.max(...failedPerKiosk.map((f) => f['app killed']))}, PostgreSQL killed ${Math.max(...failedPerKiosk.map((f) => f['postgres killed']))}; forwarded ${[...balancer.forwarded.values()].join(' / ')}`,
    )

    // Killing one app process costs a kiosk at most the request it had in flight there.
    expect(Math.max(...failedPerKiosk.map((f) => f['app killed']))).toBeLessThanOrEqual(1)

    // Both processes serve again without being restarted after PostgreSQL came back.
    for (const c of checkers) {
      const key = formKey(await (await c.get('/kiosk/concern/details?topic=1')).text())
      expect((await c.post('/kiosk/concern', anonymousWalkInForm(key))).status).toBe(303)
    }

    // Every acknowledged walk-in is there, with its own ticket number.
    const codes = acknowledged.map((w) => /\/kiosk\/slip\/([A-Z0-9]+)$/.exec(w.slip)?.[1] ?? w.slip)
    expect(new Set(codes).size).toBe(codes.length)
    const stored = new Map(
      (
        db.$client
          .prepare(
            'select c.tracking_code, t.number, t.local_date from concerns c join queue_tickets t on t.concern_id = c.id where c.station_id = ?',
          )
          .all(STATION_A) as { tracking_code: string; number: number; local_date: string }[]
      ).map((r) => [r.tracking_code, r]),
    )
    const missing = codes.filter((code) => !stored.has(code))
    expect(missing, 'acknowledged walk-ins missing from the database').toEqual([])
    const numbers = codes.map((code) => `${stored.get(code)!.local_date} ${stored.get(code)!.number}`)
    expect(new Set(numbers).size).toBe(numbers.length)
    const all = [...stored.values()].map((r) => `${r.local_date} ${r.number}`)
    expect(new Set(all).size).toBe(all.length)

    // The same key again, from the same kiosk: the original slip.
    for (let i = 0; i < acknowledged.length; i += 20) {
      const again = await Promise.all(
        acknowledged
          .slice(i, i + 20)
          .map((w) => kioskClients[w.kiosk]!.post('/kiosk/concern', anonymousWalkInForm(w.key))),
      )
      expect(again.map((r) => r.headers.get('location'))).toEqual(
        acknowledged.slice(i, i + 20).map((w) => w.slip),
      )
    }
    expect(acknowledged.length).toBeGreaterThan(50)

    await Promise.all([stopApp(a), stopApp(b)])
  }, 150_000)
})
