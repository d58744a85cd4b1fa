import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { createLogger } from '../../server/logger.ts'
import { type BigData, buildBigData } from '../bench/big-data.ts'

/**
 * Issue 9: no full-table scan on a hot path. Runs each benchmarked request against the city-sized
 * database, records every statement SQLite executes (better-sqlite3's verbose hook gives them
 * with their values) and asks EXPLAIN QUERY PLAN about each.
 */
const BIG_TABLES = [
  'concerns',
  'concern_events',
  'queue_tickets',
  'kiosks',
  'accounts',
  'deputies',
  'deputy_districts',
  'auth_sessions',
  'audit_log',
  'outbox',
  'job_runs',
  'station_presence',
  'reception_sessions',
  'reception_bookings',
  'feed_tokens',
]

const dir = mkdtempSync(join(tmpdir(), 'liaison-plans-'))
const seen: string[] = []
let capture = false
const db = openDb(join(dir, 'city.db'), { onSql: (sql) => capture && seen.push(sql) })
const clock = fixedClock(new Date())
const app = createApp({
  db,
  clock,
  config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MULTIPLIER: '1000000' }),
  logger: createLogger('silent'),
})
let data: BigData

beforeAll(() => {
  data = buildBigData(db, clock.now())
}, 120_000)
afterAll(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

async function statementsOf(path: string, init: RequestInit = {}) {
  seen.length = 0
  capture = true
  const res = await app.request(`http://localhost${path}`, { redirect: 'manual', ...init })
  capture = false
  expect(res.status, path).toBeLessThan(400)
  return [...new Set(seen)]
}

function fullScans(statements: string[]) {
  const found: string[] = []
  for (const sql of statements) {
    if (!/^\s*(select|update|delete|insert|with)/i.test(sql)) continue
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]
    for (const { detail } of plan) {
      const m = /^SCAN (\w+)/.exec(detail)
      if (m && BIG_TABLES.includes(m[1]!) && !/USING (COVERING )?INDEX/.test(detail))
        found.push(`${detail} ← ${sql.slice(0, 160)}`)
    }
  }
  return found
}

describe('hot paths use indexes', () => {
  it('kiosk start screen', async () => {
    const k = data.kioskTokens[0]!
    const statements = await statementsOf('/kiosk', { headers: { cookie: `kiosk=${k.token}` } })
    expect(statements.length).toBeGreaterThan(0)
    expect(fullScans(statements)).toEqual([])
  })

  it('walk-in submission', async () => {
    const k = data.kioskTokens[1]!
    const csrf = 'plan-csrf-token-0123456789abcdefghijklmn'
    const body = new URLSearchParams({
      station: String(k.stationId),
      topic: '1',
      key: `plan-key-${'p'.repeat(24)}`,
      mode: 'anonymous',
      _csrf: csrf,
    })
    const statements = await statementsOf('/kiosk/concern', {
      method: 'POST',
      body,
      headers: {
        cookie: `kiosk=${k.token}; csrf=${csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    })
    expect(statements.some((s) => /insert into "queue_tickets"/i.test(s))).toBe(true)
    expect(fullScans(statements)).toEqual([])
  })

  it('deputy console queue fragment', async () => {
    const d = data.deputySessions[0]!
    const statements = await statementsOf(`/console/${d.stationId}/${d.deputyId}/queue`, {
      headers: { cookie: `sid=${d.token}`, 'hx-request': 'true' },
    })
    expect(fullScans(statements)).toEqual([])
  })

  it('kiosk booking', async () => {
    const session = data.openSessions[0]!
    const k = data.kioskTokens.find((x) => x.stationId === session.stationId)!
    const csrf = 'plan-csrf-token-0123456789abcdefghijklmn'
    const body = new URLSearchParams({
      station: String(session.stationId),
      who: `d${session.deputyId}`,
      session: String(session.id),
      slot: '1',
      key: `plan-booking-${'q'.repeat(24)}`,
      topic: '1',
      name: '王先生',
      phone: '13912345678',
      _csrf: csrf,
    })
    const statements = await statementsOf('/kiosk/booking', {
      method: 'POST',
      body,
      headers: {
        cookie: `kiosk=${k.token}; csrf=${csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    })
    expect(statements.some((s) => /insert into "reception_bookings"/i.test(s))).toBe(true)
    expect(fullScans(statements)).toEqual([])
  })

  it('deputy feed', async () => {
    const statements = await statementsOf(`/feeds/${data.feedToken}.ics`)
    expect(fullScans(statements)).toEqual([])
  })

  it('deputy record page', async () => {
    const statements = await statementsOf('/records/deputies/1', {
      headers: { cookie: `sid=${data.adminSession}` },
    })
    expect(fullScans(statements)).toEqual([])
  })

  it('audit log viewer, unfiltered and by action', async () => {
    for (const q of ['', '?action=auth.login&entity=account']) {
      const statements = await statementsOf(`/admin/audit${q}`, {
        headers: { cookie: `sid=${data.adminSession}` },
      })
      expect(statements.some((s) => /from "audit_log"/i.test(s))).toBe(true)
      expect(fullScans(statements)).toEqual([])
    }
  })

  it('tracking-code status page', async () => {
    const statements = await statementsOf(`/track/${data.trackingCodes[5]}`)
    expect(fullScans(statements)).toEqual([])
  })

  it('staff search: a code by its unique index; a clerk’s phone ending over their station’s rows only', async () => {
    const admin = { headers: { cookie: `sid=${data.adminSession}` } }
    const byCode = await statementsOf(`/staff/search?q=${data.trackingCodes[7]}`, admin)
    expect(byCode.some((s) => /"tracking_code" = /i.test(s))).toBe(true)
    expect(fullScans(byCode)).toEqual([])
    const clerk = await statementsOf('/staff/search?q=5678', {
      headers: { cookie: `sid=${data.staffSession}` },
    })
    expect(clerk.some((s) => /like/i.test(s))).toBe(true)
    expect(fullScans(clerk)).toEqual([])
  })
})
