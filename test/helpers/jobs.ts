import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import { loadConfig } from '../../server/config.ts'
import type { AppDeps } from '../../server/deps.ts'
import { type Clock, fixedClock } from '../../server/domain/clock.ts'
import { createLogger } from '../../server/logger.ts'
import { TEST_NOW } from './test-app.ts'

/** A fresh directory removed when the test ends. */
export function useTempDir(prefix = 'liaison-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Dependencies for job code on a database at `path` (a file, or ':memory:'); closed at test end. */
export function jobDeps(
  path: string,
  opts: { clock?: Clock; env?: Record<string, string>; db?: Db } = {},
): AppDeps & { clock: ReturnType<typeof fixedClock> } {
  const clock = (opts.clock ?? fixedClock(TEST_NOW)) as ReturnType<typeof fixedClock>
  const db = opts.db ?? openDb(path)
  onTestFinished(() => {
    if (db.$client.open) db.$client.close()
  })
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: path, ...opts.env })
  return { db, clock, config, logger: createLogger('silent') }
}

export type ReceivedRequest = { method: string; path: string; contentType: string; body: string }

/**
 * A real HTTP server on loopback (port 0) that records what it receives. `answer` decides each
 * reply from the request number (1-based); it defaults to 200 OK.
 */
export async function startReceiver(
  answer: (n: number, req: ReceivedRequest) => { status: number; body?: string } = () => ({ status: 200 }),
) {
  const requests: ReceivedRequest[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: String(req.headers['content-type'] ?? ''),
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(received)
      const reply = answer(requests.length, received)
      res.writeHead(reply.status, { 'content-type': 'application/json' })
      res.end(reply.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  onTestFinished(close)
  return { url: `http://127.0.0.1:${port}/hook`, requests, close }
}
