import { join } from 'node:path'
import { openDb } from '../../db/client.ts'
import { sha256 } from '../../server/domain/secrets.ts'
import { buildBigData, PROVINCE } from './big-data.ts'
import { percentile } from './kiosk-browser.ts'
import { benchDatabaseUrl, createBenchDatabase, databaseExists, loadFromSqlite, pgRows } from './postgres.ts'
import { memoryMb, start, stop } from './processes.ts'

/** Issue 20's bars for the province on PostgreSQL. */
export const PROVINCE_TARGETS = { startupMs: 5_000, rssMb: 500, deputyRecordP99Ms: 100 }

/** The database's name on the server; kept between runs, since building it takes minutes. */
const NAME = 'province'
const ADMIN_SESSION = `bench-admin-${'z'.repeat(32)}`
/** Deputy record pages requested, one after another, each of a different deputy. */
const RECORD_REQUESTS = Number(process.env.BENCH_PROVINCE_RECORDS ?? 1_000)

const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * The province (10× the city) in PostgreSQL database b_bench_province: reused when a complete one
 * is there, else built in SQLite with the city's generator and copied in. Seconds it took, or null.
 */
async function ensureProvince(serverUrl: string, now: Date, dir: string): Promise<number | null> {
  const url = benchDatabaseUrl(serverUrl, NAME)
  if (await databaseExists(serverUrl, NAME)) {
    const [row] = await pgRows<{ n: string }>(url, 'select count(*) n from concerns').catch(() => [])
    if (Number(row?.n ?? 0) >= PROVINCE.concerns) {
      // The admin's session outlives any gap between runs.
      await pgRows(url, 'update auth_sessions set expires_at = $1 where token_hash = $2', [
        now.getTime() + 30 * 86_400_000,
        sha256(ADMIN_SESSION),
      ])
      console.log(`Reusing the province in ${NAME} (drop database b_bench_${NAME} to rebuild it)`)
      return null
    }
  }
  const t = performance.now()
  const file = join(dir, 'province.db')
  const db = openDb(file)
  buildBigData(db, now, PROVINCE)
  db.$client.close()
  const built = performance.now()
  console.log(`Built the province in SQLite in ${((built - t) / 1000).toFixed(1)} s`)
  await createBenchDatabase(serverUrl, NAME)
  await loadFromSqlite(file, url)
  const seconds = round1((performance.now() - t) / 1000)
  console.log(
    `Copied it into PostgreSQL in ${((performance.now() - built) / 1000).toFixed(1)} s (${seconds} s in all)`,
  )
  return seconds
}

/** Deputies' ids in a fixed shuffled order, so each request reads a different deputy's record. */
function deputyOrder(n: number): number[] {
  const ids = Array.from({ length: PROVINCE.deputies }, (_, i) => i + 1)
  let s = 12345
  for (let i = ids.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0
    const j = s % (i + 1)
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  return ids.slice(0, n)
}

/**
 * Issue 20's province on PostgreSQL: the compiled server's start-up on it, its RSS after
 * start-up and after the record requests, and the deputy record page of many different deputies
 * requested one after another by a signed-in admin (p50/p95/p99).
 */
export async function benchProvince(serverUrl: string, bundle: string, now: Date, dir: string) {
  const loadSeconds = await ensureProvince(serverUrl, now, dir)
  const server = await start(
    ['--enable-source-maps', bundle],
    {
      DATABASE_URL: benchDatabaseUrl(serverUrl, NAME),
      PORT: '0',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MULTIPLIER: '1000000',
    },
    /running on http:\/\/[^:]+:(\d+)/,
  )
  try {
    const base = `http://127.0.0.1:${server.port}`
    const afterStartup = memoryMb(server.child.pid!).rssMb
    const ms: number[] = []
    const statuses = new Map<number, number>()
    const ids = deputyOrder(RECORD_REQUESTS + 20)
    for (const [i, id] of ids.entries()) {
      const t = performance.now()
      const res = await fetch(`${base}/records/deputies/${id}`, {
        headers: { cookie: `sid=${ADMIN_SESSION}` },
        redirect: 'manual',
      })
      await res.arrayBuffer()
      // The first twenty warm the server up (the JIT, the connection) and are not counted.
      if (i < 20) continue
      ms.push(performance.now() - t)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    }
    const memory = memoryMb(server.child.pid!)
    const result = {
      size: PROVINCE,
      loadSeconds,
      startupMs: server.ms,
      rssMb: { afterStartup, afterRecords: memory.rssMb, peak: memory.peakRssMb },
      deputyRecord: {
        requests: ms.length,
        p50Ms: round1(percentile(ms, 50)),
        p95Ms: round1(percentile(ms, 95)),
        p99Ms: round1(percentile(ms, 99)),
        maxMs: round1(Math.max(...ms)),
        statuses: Object.fromEntries(statuses),
      },
      targets: PROVINCE_TARGETS,
    }
    const mark = (ok: boolean) => (ok ? '' : ' MISSED')
    console.log(
      `\nProvince on PostgreSQL (${PROVINCE.stations} stations, ${PROVINCE.deputies} deputies, ${PROVINCE.concerns} concerns)${loadSeconds === null ? ', reused' : `, loaded in ${loadSeconds} s`}:`,
    )
    console.table({
      'start-up (ms)': {
        figure: server.ms,
        target: `≤ ${PROVINCE_TARGETS.startupMs}${mark(server.ms <= PROVINCE_TARGETS.startupMs)}`,
      },
      'RSS after start-up (MB)': {
        figure: afterStartup,
        target: `≤ ${PROVINCE_TARGETS.rssMb}${mark(afterStartup <= PROVINCE_TARGETS.rssMb)}`,
      },
      'RSS after the record requests (MB)': {
        figure: memory.rssMb,
        target: `≤ ${PROVINCE_TARGETS.rssMb}${mark(memory.rssMb <= PROVINCE_TARGETS.rssMb)}`,
      },
      [`deputy record p99, ${ms.length} deputies one after another (ms)`]: {
        figure: result.deputyRecord.p99Ms,
        target: `≤ ${PROVINCE_TARGETS.deputyRecordP99Ms}${mark(result.deputyRecord.p99Ms <= PROVINCE_TARGETS.deputyRecordP99Ms)}`,
      },
      'deputy record p50 / p95 / max (ms)': {
        figure: `${result.deputyRecord.p50Ms} / ${result.deputyRecord.p95Ms} / ${result.deputyRecord.maxMs}`,
        target: '',
      },
      'deputy record statuses': {
        figure: [...statuses].map(([code, n]) => `${code}×${n}`).join(' '),
        target: '200 only',
      },
    })
    return result
  } finally {
    await stop(server.child)
  }
}
