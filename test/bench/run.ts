import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openDb } from '../../db/client.ts'
import { buildServer } from '../../server/build.ts'
import { redactDatabaseUrl } from '../../server/database-url.ts'
import { sessionCsrfToken } from '../../server/middleware/csrf.ts'
import { launchBrowser } from '../helpers/chromium.ts'
import { type BigData, buildBigData, CITY } from './big-data.ts'
import { type BenchDialect, postgresDialect, sqliteDialect } from './dialects.ts'
import {
  BOOKING,
  CPU_THROTTLE,
  firstScreenBytes,
  kioskContext,
  percentile,
  tapToPaint,
  WALK_IN,
} from './kiosk-browser.ts'
import { createBenchDatabase, dropBenchDatabase, loadFromSqlite } from './postgres.ts'
import { children, memoryMb, start, stop } from './processes.ts'
import { benchProvince } from './province.ts'
import { printSideBySide } from './side-by-side.ts'

/**
 * `npm run bench` (issue 9): builds a city-sized database, starts the real server in its own
 * process and drives it on loopback with autocannon; every figure is also given as a ratio to a
 * limit measured in the same run (a bare Hono route; raw durable SQLite commits).
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 50
const CSRF = 'bench-csrf-token-0123456789abcdefghijkl'
const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))

type Figures = {
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  requests: number
  /** Average bytes read per response, headers included. */
  bytesPerResponse: number
  /** Responses by HTTP status, e.g. 303 for a submission that went on to its slip. */
  statuses: Record<string, number>
}

/** A kiosk's form post as a real kiosk sends it: its device and CSRF cookies, the token in the form. */
function kioskForm<R>(req: R, deviceToken: string, fields: Record<string, string>) {
  return {
    ...req,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `kiosk=${deviceToken}; csrf=${CSRF}`,
    },
    body: new URLSearchParams({ ...fields, _csrf: CSRF }).toString(),
  }
}

/** Waits until the server answers /healthz quickly, so one run's backlog does not eat the next. */
async function settle(url: string) {
  for (let i = 0; i < 600; i++) {
    const t = performance.now()
    await fetch(`${new URL(url).origin}/healthz`).catch(() => undefined)
    if (performance.now() - t < 20) return
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Seconds of the same load run first and not counted, so the JIT has compiled the path. */
const WARMUP = Math.min(2, DURATION / 4)
async function run(opts: autocannon.Options, seconds: number): Promise<autocannon.Result> {
  await settle(String(opts.url))
  return autocannon({ connections: CONNECTIONS, duration: seconds, ...opts })
}

function figures(r: autocannon.Result): Figures {
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    requests: r.requests.total,
    bytesPerResponse: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
    statuses: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v?.count ?? 0]),
    ),
  }
}

/** The 99th percentile of a list of latencies, in ms to a tenth. */
const p99Of = (ms: number[]) =>
  Math.round([...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.99)]! * 10) / 10

/** Latencies of /healthz requests sent one after another until `until` settles (or `count` of them). */
async function healthzLatencies(base: string, until: Promise<unknown> | number): Promise<number[]> {
  let done = false
  if (typeof until !== 'number') void until.finally(() => (done = true))
  const ms: number[] = []
  while (typeof until === 'number' ? ms.length < until : !done) {
    const t = performance.now()
    await (await fetch(`${base}/healthz`)).arrayBuffer()
    ms.push(performance.now() - t)
  }
  return ms
}

/**
 * /healthz's p99 alone and while six clients post 1.5 MB / 150,000-field forms at once, in 20
 * rounds (issue 19, item 4: under 100 ms): as nobody (refused by size before reading) and as a
 * signed-in admin (read, then refused by field count before it is split).
 */
async function healthzUnderBigPosts(base: string, adminSession: string) {
  const body = Buffer.from(`${Array.from({ length: 150_000 }, (_, i) => `f${i}=xx`).join('&')}&_csrf=${CSRF}`)
  const under = async (cookie: string) => {
    const ms: number[] = []
    for (let round = 0; round < 20; round++) {
      const posts = Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${base}/admin/stations`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
            body,
          })
            .then((r) => r.arrayBuffer())
            .catch(() => undefined),
        ),
      )
      ms.push(...(await healthzLatencies(base, posts)))
    }
    return p99Of(ms)
  }
  return {
    aloneP99Ms: p99Of(await healthzLatencies(base, 400)),
    anonymousP99Ms: await under(`csrf=${CSRF}`),
    signedInP99Ms: await under(`csrf=${CSRF}; sid=${adminSession}`),
    bodyBytes: body.length,
  }
}

/**
 * Parts of the bench to run, e.g. `BENCH_ONLY=search,kiosk npm run bench`: paths (the autocannon
 * rows and /healthz under big posts), search, kiosk (first-screen bytes and tap-to-paint), fanout.
 * Unset runs them all.
 */
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean))
const want = (part: 'paths' | 'search' | 'kiosk' | 'fanout') => ONLY.size === 0 || ONLY.has(part)

/** Targets of issue 15's Speed section. */
const TARGETS = { tapToPaintP95Ms: 150, firstScreenKb: 60, fanOutTo99PercentMs: 1000, fanOutRssMb: 300 }

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * The staff search on the city (issue 15, item 10): each kind of search sent one after another
 * by one client, as a clerk does, so the figure is the time of one search, not of a queue.
 */
async function measureSearch(base: string, data: BigData) {
  const admin = `sid=${data.adminSession}`
  const staff = `sid=${data.staffSession}`
  const deputy = `sid=${data.deputySessions[0]!.token}`
  let n = 0
  const kinds: [string, string, () => string][] = [
    ['admin, part of a name (all stations)', admin, () => '王伟'],
    ['admin, last 4 phone digits (all stations)', admin, () => String(1000 + (n % 9000))],
    ['admin, tracking code (opens it)', admin, () => data.trackingCodes[n % data.trackingCodes.length]!],
    ['clerk of one station, part of a name', staff, () => '李'],
    ['clerk of one station, last 4 phone digits', staff, () => String(1000 + (n % 9000))],
    ['deputy, last 4 phone digits', deputy, () => String(1000 + (n % 9000))],
  ]
  const rows: Record<
    string,
    { p50: number; p95: number; max: number; statuses: string; concernsListed: number }
  > = {}
  for (const [name, cookie, q] of kinds) {
    const ms: number[] = []
    const statuses = new Map<number, number>()
    let listed = 0
    for (let i = 0; i < 220; i++) {
      n++
      const t0 = performance.now()
      const res = await fetch(`${base}/staff/search?q=${encodeURIComponent(q())}`, {
        headers: { cookie },
        redirect: 'manual',
      })
      const html = await res.text()
      if (i < 20) continue
      ms.push(performance.now() - t0)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      listed += (html.match(/id="search-concern-/g) ?? []).length
    }
    rows[name] = {
      p50: round1(percentile(ms, 50)),
      p95: round1(percentile(ms, 95)),
      max: round1(Math.max(...ms)),
      statuses: [...statuses].map(([code, k]) => `${code}×${k}`).join(' '),
      concernsListed: Math.round(listed / ms.length),
    }
  }
  console.log('\nStaff search on the city, one client, 200 searches per row (ms):')
  console.table(rows)
  return rows
}

/** Journeys walked per kind for the tap figures, after one warm-up. */
const KIOSK_ROUNDS = Number(process.env.BENCH_KIOSK_ROUNDS ?? 10)

/** First-screen bytes and tap-to-paint on a paired kiosk of station 1, in Chromium. */
async function measureKiosk(base: string, data: BigData) {
  const browser = await launchBrowser()
  try {
    const token = data.kioskTokens[0]!.token
    const cold = await kioskContext(browser, base, token)
    const bytes = await firstScreenBytes(cold, `${base}/kiosk`)
    await cold.close()
    const journeys = { 'walk-in': WALK_IN, booking: BOOKING }
    const taps: Record<string, { step: string; ms: number; responseMs: number | null }[]> = {}
    for (const [name, steps] of Object.entries(journeys)) {
      const context = await kioskContext(browser, base, token)
      try {
        await tapToPaint(context, `${base}/kiosk`, steps, 1) // warm-up: the kiosk's cache holds the static files
        taps[name] = await tapToPaint(context, `${base}/kiosk`, steps, KIOSK_ROUNDS)
      } catch (err) {
        console.log(`The ${name} journey stopped: ${String(err).split('\n')[0]}`)
        taps[name] = []
      }
      await context.close()
    }
    const all = Object.values(taps).flat()
    const perStep = Object.fromEntries(
      Object.entries(taps).flatMap(([journey, samples]) =>
        [...new Set(samples.map((s) => s.step))].map((step) => {
          const mine = samples.filter((s) => s.step === step)
          const ms = mine.map((s) => s.ms)
          const received = mine.flatMap((s) => (s.responseMs === null ? [] : [s.responseMs]))
          return [
            `${journey}: ${step}`,
            {
              p50: round1(percentile(ms, 50)),
              p95: round1(percentile(ms, 95)),
              'page received p50': received.length ? round1(percentile(received, 50)) : '—',
              n: ms.length,
            },
          ]
        }),
      ),
    )
    const result = {
      firstScreen: {
        kb: round1(bytes.totalBytes / 1024),
        targetKb: TARGETS.firstScreenKb,
        files: bytes.files,
      },
      tapToPaint: {
        cpuThrottle: CPU_THROTTLE,
        p50Ms: round1(
          percentile(
            all.map((s) => s.ms),
            50,
          ),
        ),
        p95Ms: round1(
          percentile(
            all.map((s) => s.ms),
            95,
          ),
        ),
        targetP95Ms: TARGETS.tapToPaintP95Ms,
        taps: all.length,
        perStep,
      },
    }
    console.log(
      `\nKiosk first screen: ${result.firstScreen.kb} KB over the wire with an empty cache (target ≤ ${TARGETS.firstScreenKb} KB)`,
    )
    console.table(Object.fromEntries(bytes.files.map((f) => [f.path, { bytes: f.bytes }])))
    console.log(
      `Tap to next screen painted, CPU slowed ${CPU_THROTTLE}×: p50 ${result.tapToPaint.p50Ms} ms, p95 ${result.tapToPaint.p95Ms} ms over ${all.length} taps (target p95 ≤ ${TARGETS.tapToPaintP95Ms} ms)`,
    )
    console.table(perStep)
    return result
  } finally {
    await browser.close()
  }
}

/** Boards and consoles of station 1 in the fan-out. */
const FANOUT = { boards: 800, consoles: 200, calls: 3 }

/**
 * Board fan-out: 1,000 SSE streams of one station (boards on its kiosks' devices, consoles of
 * its deputy) held by a child process; each call is posted by that process, which times the
 * first fragment every stream receives after it. Time to 99 % of the streams, and the server's RSS.
 */
async function measureFanOut(base: string, server: { child: ChildProcess }, data: BigData) {
  const kiosks = data.kioskTokens.filter((k) => k.stationId === 1)
  const deputy = data.deputySessions.find((d) => d.stationId === 1)!
  const streams = [
    ...Array.from({ length: FANOUT.boards }, (_, i) => ({
      url: `${base}/display/events`,
      cookie: `kiosk=${kiosks[i % kiosks.length]!.token}`,
    })),
    ...Array.from({ length: FANOUT.consoles }, () => ({
      url: `${base}/console/1/${deputy.deputyId}/events`,
      cookie: `sid=${deputy.token}`,
    })),
  ]
  const csrf = sessionCsrfToken(deputy.token)
  const call = {
    url: `${base}/console/1/${deputy.deputyId}/call`,
    cookie: `sid=${deputy.token}; csrf=${csrf}`,
    csrf,
  }
  const rssBefore = memoryMb(server.child.pid!).rssMb
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/sse-clients.ts'], {
    env: { ...process.env, STREAMS: JSON.stringify(streams), CALL: JSON.stringify(call) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  children.push(child)
  const next = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      const on = (m: { kind: string }) => {
        if (m.kind !== kind) return
        child.off('message', on)
        resolve(m as T)
      }
      child.on('message', on)
      child.once('exit', (code) => reject(new Error(`SSE clients exited ${code}`)))
    })
  const connected = await next<{ ms: number; failed: number }>('connected')
  await next('ready')
  const rssConnected = memoryMb(server.child.pid!).rssMb
  const rounds: { status: number; callMs: number; reached: number; to99PercentMs: number | null }[] = []
  for (let i = 0; i < FANOUT.calls; i++) {
    await new Promise((r) => setTimeout(r, 2_000))
    const waiting = next<{ status: number; callMs: number; times: number[] }>('round')
    child.send({ kind: 'call' })
    const r = await waiting
    const sorted = r.times.sort((a, b) => a - b)
    const need = Math.ceil(streams.length * 0.99)
    rounds.push({
      status: r.status,
      callMs: round1(r.callMs),
      reached: sorted.length,
      to99PercentMs: sorted.length >= need ? round1(sorted[need - 1]!) : null,
    })
  }
  const rssAfter = memoryMb(server.child.pid!)
  child.send({ kind: 'exit' })
  const result = {
    streams: streams.length,
    ...FANOUT,
    connectMs: connected.ms,
    failedToConnect: connected.failed,
    rounds,
    rssMb: {
      before: rssBefore,
      connected: rssConnected,
      afterCalls: rssAfter.rssMb,
      peak: rssAfter.peakRssMb,
    },
    targets: { to99PercentMs: TARGETS.fanOutTo99PercentMs, rssMb: TARGETS.fanOutRssMb },
  }
  console.log(
    `\nBoard fan-out: ${streams.length} SSE streams (${FANOUT.boards} boards, ${FANOUT.consoles} consoles) connected in ${connected.ms} ms, ${connected.failed} refused; server RSS ${rssBefore} MB before, ${rssConnected} MB connected, ${rssAfter.rssMb} MB after the calls (target ≤ ${TARGETS.fanOutRssMb} MB)`,
  )
  console.table(rounds)
  return result
}

/** Issue 20's targets on PostgreSQL: a path's ratio to its baseline in the same run. */
export const POSTGRES_TARGET_RATIOS: Record<string, number> = {
  'kiosk start screen': 0.25,
  'walk-in submission (durable, with ticket)': 0.3,
  'deputy feed (304)': 0.4,
}
const targetOf = (path: string) =>
  POSTGRES_TARGET_RATIOS[path] === undefined ? '' : `≥ ${POSTGRES_TARGET_RATIOS[path]}`

/** The paths measured with autocannon against their baselines, and /healthz under big posts. */
async function measurePaths(
  base: string,
  server: { child: ChildProcess; output: () => string },
  data: BigData,
  dialect: BenchDialect,
) {
  const commitRuns = [await dialect.commitsPerSecond(3)]
  // The hello server stays up, idle, between the half runs it is measured in.
  const hello = await start(['--import', 'tsx', 'test/bench/hello-server.ts'], {}, /listening (\d+)/)
  const helloOpts = { url: `http://127.0.0.1:${hello.port}/` }
  await run(helloOpts, WARMUP)
  const helloFigures = figures(await run(helloOpts, DURATION))
  const helloRuns: number[] = []
  /** The baseline of a path: half a run of it just before the path and half just after. */
  const measureBaseline = async (baseline: 'hello' | 'commits') => {
    if (baseline === 'commits') {
      commitRuns.push(await dialect.commitsPerSecond(DURATION / 2))
      return commitRuns.at(-1)!
    }
    helloRuns.push(figures(await run(helloOpts, DURATION / 2)).rps)
    return helloRuns.at(-1)!
  }

  const kiosk = data.kioskTokens[0]!
  const deputy = data.deputySessions[0]!
  const kioskCookie = `kiosk=${kiosk.token}; csrf=${CSRF}`

  const results: Record<
    string,
    Figures & { ratio: number; baseline: string; baselineRps: number; rssMb: number; peakRssMb: number }
  > = {}
  /**
   * Runs one path after its warm-up, between two half runs of its baseline (the bare route, or
   * raw durable commits for the paths that commit): the ratio is to their mean, so a drift of the
   * machine during the path weighs on both (on a shared one the bare route moves by a quarter
   * within a minute).
   */
  const record = async (name: string, opts: autocannon.Options, baseline: 'hello' | 'commits') => {
    await run(opts, WARMUP)
    const before = await measureBaseline(baseline)
    const f = figures(await run(opts, DURATION))
    const after = await measureBaseline(baseline)
    const baselineRps = Math.round((before + after) / 2)
    const rssMb = memoryMb(server.child.pid!)
    results[name] = {
      ...f,
      ratio: Math.round((f.rps / baselineRps) * 1000) / 1000,
      baseline,
      baselineRps,
      ...rssMb,
    }
  }

  await record('kiosk start screen', { url: `${base}/kiosk`, headers: { cookie: kioskCookie } }, 'hello')

  // Every submission carries its own idempotency key and comes from one of many kiosks. Each
  // acknowledged key (303 to its slip) must have exactly one concern and one ticket afterwards.
  const acknowledged = new Set<string>()
  let seq = 0
  const walkIn: autocannon.Options = {
    url: `${base}/kiosk/concern`,
    method: 'POST',
    requests: [
      {
        setupRequest: (req, context) => {
          const k = data.kioskTokens[seq % data.kioskTokens.length]!
          seq++
          const key = `bench-key-${seq}-${'k'.repeat(20)}`
          ;(context as { key?: string }).key = key
          return kioskForm(req, k.token, {
            station: String(k.stationId),
            topic: '1',
            key,
            mode: 'anonymous',
          })
        },
        onResponse: (status, _body, context) => {
          if (status === 303) acknowledged.add((context as { key: string }).key)
        },
      },
    ],
  }
  await record('walk-in submission (durable, with ticket)', walkIn, 'commits')
  const written = new Map(
    (
      await dialect.rows<{ k: string; tickets: number | string }>(
        `select c.submission_key k, count(t.id) tickets from concerns c left join queue_tickets t on t.concern_id = c.id
         where c.submission_key like 'bench-key-%' group by c.id`,
      )
    ).map((r) => [r.k, Number(r.tickets)]),
  )
  const duplicatedNumbers = Number(
    (
      await dialect.rows<{ n: number | string }>(
        'select count(*) n from (select station_id, local_date, number from queue_tickets group by 1, 2, 3 having count(*) > 1) d',
      )
    )[0]!.n,
  )
  const integrity = {
    acknowledged: acknowledged.size,
    lost: [...acknowledged].filter((k) => written.get(k) !== 1).length,
    duplicatedNumbers,
    // Written but cut off by the end of the run before their answer was counted.
    writtenNotYetAcknowledged: [...written.keys()].filter((k) => !acknowledged.has(k)).length,
  }

  const consoleUrl = `${base}/console/${deputy.stationId}/${deputy.deputyId}/queue`
  await record(
    'deputy console queue fragment',
    { url: consoleUrl, headers: { cookie: `sid=${deputy.token}`, 'hx-request': 'true' } },
    'hello',
  )

  let codeSeq = 0
  await record(
    'tracking-code status page',
    {
      url: `${base}/track/x`,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/track/${data.trackingCodes[codeSeq++ % data.trackingCodes.length]}`,
          }),
        },
      ],
    },
    'hello',
  )

  // Bookings of the open reception days of every station, each from one of that station's kiosks
  // with its own phone and idempotency key.
  const kiosksOf = new Map<number, BigData['kioskTokens']>()
  for (const k of data.kioskTokens) kiosksOf.set(k.stationId, [...(kiosksOf.get(k.stationId) ?? []), k])
  let bookingSeq = 0
  await record(
    'booking (kiosk, durable)',
    {
      url: `${base}/kiosk/booking`,
      method: 'POST',
      requests: [
        {
          setupRequest: (req) => {
            bookingSeq++
            const session = data.openSessions[bookingSeq % data.openSessions.length]!
            const kiosks = kiosksOf.get(session.stationId)!
            const k = kiosks[bookingSeq % kiosks.length]!
            return kioskForm(req, k.token, {
              station: String(session.stationId),
              who: `d${session.deputyId}`,
              session: String(session.id),
              slot: String(bookingSeq % 5),
              key: `bench-booking-${bookingSeq}-${'b'.repeat(20)}`,
              topic: '1',
              name: '王先生',
              phone: `139${String(bookingSeq).padStart(8, '0')}`,
            })
          },
        },
      ],
    },
    'commits',
  )

  const feedUrl = `${base}/feeds/${data.feedToken}.ics`
  const first = await fetch(feedUrl)
  const etag = first.headers.get('etag') ?? ''
  if (first.status !== 200 || !etag)
    throw new Error(`deputy feed answered ${first.status}; the server's last lines:\n${server.output()}`)
  await record('deputy feed (200)', { url: feedUrl }, 'hello')
  await record('deputy feed (304)', { url: feedUrl, headers: { 'if-none-match': etag } }, 'hello')

  await record(
    'deputy record page',
    { url: `${base}/records/deputies/1`, headers: { cookie: `sid=${data.adminSession}` } },
    'hello',
  )

  const bigPosts = await healthzUnderBigPosts(base, data.adminSession)

  hello.child.kill()
  const helloRange = `${Math.min(...helloRuns)}–${Math.max(...helloRuns)}`
  console.log(
    `\nBaselines: bare Hono hello ${helloFigures.rps} req/s at first (p99 ${helloFigures.p99} ms), ${helloRange} over its ${helloRuns.length} half runs around the paths compared with it; raw durable commits ${commitRuns[0]}/s at first, ${Math.min(...commitRuns)}–${Math.max(...commitRuns)} over its ${commitRuns.length} runs`,
  )
  console.log(`${dialect.name}:`)
  console.table(
    Object.fromEntries(
      Object.entries(results).map(([k, r]) => [
        k,
        {
          'req/s': r.rps,
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          ratio: r.ratio,
          of: `${r.baseline} ${r.baselineRps}`,
          ...(dialect.name === 'PostgreSQL' ? { target: targetOf(k) } : {}),
          bytes: r.bytesPerResponse,
          'RSS MB': r.rssMb,
          statuses: Object.entries(r.statuses)
            .map(([code, n]) => `${code}×${n}`)
            .join(' '),
          errors: r.errors,
        },
      ]),
    ),
  )
  console.log('Walk-in integrity:', integrity)
  console.log(
    `/healthz p99 alone ${bigPosts.aloneP99Ms} ms; under six parallel ${(bigPosts.bodyBytes / 1e6).toFixed(1)} MB / 150,000-field posts ${bigPosts.anonymousP99Ms} ms from nobody, ${bigPosts.signedInP99Ms} ms from a signed-in admin (bar: 100 ms)`,
  )
  return {
    connections: CONNECTIONS,
    secondsPerRun: DURATION,
    baselines: {
      bareHonoHello: helloFigures,
      bareHonoHelloHalfRuns: helloRuns,
      rawDurableCommitsPerSecond: commitRuns[0],
      rawDurableCommitsRuns: commitRuns,
    },
    walkInIntegrity: integrity,
    healthzUnderBigPosts: bigPosts,
    results,
  }
}

/** One dialect's run on the city: the compiled server started on it, then the parts wanted. */
async function benchCity(dialect: BenchDialect, bundle: string, data: BigData) {
  const server = await start(
    ['--enable-source-maps', bundle],
    {
      ...dialect.env,
      PORT: '0',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MULTIPLIER: '1000000',
    },
    /running on http:\/\/[^:]+:(\d+)/,
  )
  const base = `http://127.0.0.1:${server.port}`
  console.log(`\n${dialect.name}: the server started on the city in ${server.ms} ms`)
  const report: Record<string, unknown> = { dialect: dialect.name, startupMs: server.ms }
  try {
    if (want('paths')) Object.assign(report, await measurePaths(base, server, data, dialect))
    if (want('search')) report.staffSearch = await measureSearch(base, data)
    if (want('kiosk')) report.kiosk = await measureKiosk(base, data)
    if (want('fanout')) report.boardFanOut = await measureFanOut(base, server, data)
    report.peakRssMb = memoryMb(server.child.pid!).peakRssMb
  } finally {
    await stop(server.child)
  }
  console.log(
    `${dialect.name}: start-up on the big database ${server.ms} ms; peak RSS ${report.peakRssMb} MB\n`,
  )
  return report
}

const argv = new Set(process.argv.slice(2))
/** `--both` (or BENCH_BOTH=1): SQLite, then PostgreSQL at DATABASE_URL's server, side by side. */
const BOTH = argv.has('--both') || process.env.BENCH_BOTH === '1'
const PROVINCE_RUN = argv.has('--province') || ONLY.has('province')
const PG_SERVER = process.env.DATABASE_URL

async function main() {
  if ((BOTH || PROVINCE_RUN) && !PG_SERVER)
    throw new Error(
      '--both and --province need DATABASE_URL: a PostgreSQL server the bench may create databases on',
    )
  const now = new Date()
  const dialects = BOTH
    ? (['SQLite', 'PostgreSQL'] as const)
    : PG_SERVER
      ? (['PostgreSQL'] as const)
      : (['SQLite'] as const)
  // The server as `npm start` runs it: compiled first, then started (the start-up figure).
  const compiling = performance.now()
  const bundle = await buildServer()
  const compileMs = Math.round(performance.now() - compiling)
  const report: Record<string, unknown> = { date: now.toISOString(), city: CITY, compileMs }

  if ((['paths', 'search', 'kiosk', 'fanout'] as const).some(want)) {
    const dbPath = join(dir, 'city.db')
    const t = performance.now()
    const db = openDb(dbPath)
    const data = buildBigData(db, now)
    db.$client.close()
    const buildSeconds = ((performance.now() - t) / 1000).toFixed(1)
    console.log(
      `Built the city in ${buildSeconds} s: ${CITY.stations} stations, ${CITY.deputies} deputies, ${CITY.concerns} concerns`,
    )
    const pgName = `city_${process.pid}`
    let pgUrl: string | undefined
    try {
      if (PG_SERVER && dialects.includes('PostgreSQL' as never)) {
        // Copied before the SQLite run writes its walk-ins and bookings, so both start from the same city.
        const loading = performance.now()
        pgUrl = await createBenchDatabase(PG_SERVER, pgName)
        await loadFromSqlite(dbPath, pgUrl)
        report.postgresLoadSeconds = Math.round((performance.now() - loading) / 100) / 10
        console.log(
          `Copied the city into PostgreSQL (${redactDatabaseUrl(pgUrl)}) in ${report.postgresLoadSeconds} s`,
        )
      }
      const runs: Record<string, Record<string, unknown>> = {}
      for (const name of dialects) {
        const dialect = name === 'SQLite' ? sqliteDialect(dbPath, dir) : postgresDialect(pgUrl!)
        runs[name] = await benchCity(dialect, bundle, data)
      }
      if (dialects.length === 1) Object.assign(report, runs[dialects[0]])
      else {
        report.dialects = runs
        printSideBySide(runs.SQLite!, runs.PostgreSQL!, POSTGRES_TARGET_RATIOS)
      }
    } finally {
      if (pgUrl) await dropBenchDatabase(PG_SERVER!, pgName)
    }
  }
  if (PROVINCE_RUN) report.province = await benchProvince(PG_SERVER!, bundle, now, dir)

  const outDir = join('data', 'bench')
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, `bench-${now.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`Written ${file}`)
  process.exit(0)
}

await main()
