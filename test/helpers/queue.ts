import type { Db } from '../../db/client.ts'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { setPresence } from '../../db/queries/queue-presence.ts'
import { kiosks } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import type { NewWalkIn } from '../../server/events/queue-commands.ts'
import type { TestApp, TestClient } from './test-app.ts'

/** Demo station A (東湖) is id 1, station B (北岸) id 2; the demo kiosk (id 1) belongs to A. */
export const STATION_A = 1
export const STATION_B = 2

/** A client whose device is paired as a kiosk of `stationId` (a new kiosk row when needed). */
export async function kioskClient(t: TestApp, stationId = STATION_A): Promise<TestClient> {
  const now = t.clock.now()
  const kioskId = t.db
    .insert(kiosks)
    .values({ stationId, label: `test kiosk ${Math.random()}`, createdAt: now, updatedAt: now })
    .returning({ id: kiosks.id })
    .get().id
  const { code } = issuePairingCode(t.db, kioskId, now)
  const c = t.client()
  const res = await c.post('/kiosk/pair', { code })
  if (res.status !== 303) throw new Error(`pairing failed: ${res.status}`)
  return c
}

/** Marks deputies present today at a station, as a clerk would on the station day page. */
export function markPresent(
  t: { db: Db; clock: { now: () => Date } },
  stationId: number,
  deputyIds: number[],
  place = '',
) {
  const now = t.clock.now()
  for (const deputyId of deputyIds)
    setPresence(
      t.db,
      {
        stationId,
        date: localDate(now, 'Asia/Shanghai'),
        deputyId,
        present: true,
        place: place || `接待室 ${deputyId}`,
      },
      null,
      now,
    )
}

/** An anonymous kiosk walk-in for submitConcern(s), queued for any deputy. */
export const kioskWalkIn = (
  stationId: number,
  localDate: string,
  submissionKey: string | null = null,
): NewWalkIn => ({
  stationId,
  localDate,
  topicId: 1,
  channel: 'kiosk',
  queue: true,
  deputyId: null,
  priority: false,
  description: '',
  callbackPhone: null,
  submissionKey,
  kioskId: null,
  actor: { kind: 'kiosk' },
})

/** The kiosk's drop-in form for station A, anonymous, any deputy: what three taps send. */
export const anonymousWalkInForm = (key: string) => ({
  station: String(STATION_A),
  topic: '1',
  key,
  deputy: 'any',
  mode: 'anonymous',
})

/** The hidden idempotency key of a rendered drop-in form. */
export const formKey = (html: string) => /name="key" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** Row count of a table, for "nothing written" checks. */
export const rows = (db: Db, table: string) =>
  (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

export const counts = (db: Db) => ({
  concerns: rows(db, 'concerns'),
  tickets: rows(db, 'queue_tickets'),
  events: rows(db, 'concern_events'),
})

/**
 * Walks the kiosk drop-in flow like a resident: opens the topic's form, then submits it with the
 * given fields. Returns the response of the submission and the key it used.
 */
export async function submitDropIn(
  c: TestClient,
  fields: Record<string, string | string[] | undefined> = {},
  topicId = 1,
): Promise<{ res: Response; key: string }> {
  const form = await c.get(`/kiosk/concern/details?topic=${topicId}`)
  const key = formKey(await form.text())
  const res = await c.post('/kiosk/concern', {
    station: String(STATION_A),
    topic: String(topicId),
    key,
    deputy: 'any',
    mode: 'anonymous',
    ...fields,
  })
  return { res, key }
}

/** The tracking code a slip redirect points at. */
export const slipCode = (res: Response) =>
  /\/kiosk\/slip\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? ''

/**
 * Reads an SSE response message by message: `next()` resolves with the data of the next message
 * (keep-alive comments skipped). Bounded: gives up after `maxChunks` reads.
 */
export function sseMessages(res: Response, maxChunks = 50) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  return {
    async next(): Promise<string> {
      for (let i = 0; i < maxChunks; i++) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).replace(/^ /, ''))
          if (data.length) return data.join('\n')
          continue
        }
        const { done, value } = await reader.read()
        if (done) throw new Error('stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
      throw new Error('no SSE message')
    },
    cancel: () => reader.cancel(),
  }
}

/**
 * The real app on a temporary SQLite file (WAL, as in production) behind @hono/node-server on a
 * loopback port, with a pinned clock; `client()` is a TestClient speaking real HTTP to it.
 */
export async function startLoopbackApp(now = '2026-11-25T02:00:00.000Z') {
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { serve } = await import('@hono/node-server')
  const { openDb } = await import('../../db/client.ts')
  const { seedDemo } = await import('../../db/seed-demo.ts')
  const { createApp } = await import('../../server/app.ts')
  const { loadConfig } = await import('../../server/config.ts')
  const { fixedClock } = await import('../../server/domain/clock.ts')
  const { createLogger } = await import('../../server/logger.ts')
  const { TestClient } = await import('./test-app.ts')
  const dir = mkdtempSync(join(tmpdir(), 'liaison-load-'))
  const clock = fixedClock(now)
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'load.db') })
  const db = openDb(config.databasePath)
  await seedDemo(db, clock.now())
  const deps = { db, clock, config, logger: createLogger('silent') }
  const app = createApp(deps)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`
  const overHttp = {
    request: (input: string, init?: RequestInit) => fetch(input.replace('http://localhost', base), init),
  }
  return {
    base,
    db,
    clock,
    deps,
    app,
    client: () => new TestClient(overHttp),
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
