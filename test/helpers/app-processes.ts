import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { TestClient } from './test-app.ts'

/** A loopback port nothing listens on right now (for a process that must come back on the same one). */
export async function freePort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address() as AddressInfo
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/**
 * A round-robin reverse proxy on loopback in front of `backends` (origins). It retries nothing:
 * a request whose backend fails gets a 502 and the client decides. Like nginx's passive health
 * check (max_fails=1, fail_timeout), a backend that refused a connection is skipped for
 * `downMs`; requests already sent to a backend that dies fail with it.
 */
export async function startRoundRobinProxy(backends: string[], downMs = 1000) {
  let next = 0
  const downUntil = new Map<string, number>()
  const forwarded = new Map<string, number>(backends.map((b) => [b, 0]))
  const pick = () => {
    for (let i = 0; i < backends.length; i++) {
      const b = backends[next++ % backends.length]!
      if ((downUntil.get(b) ?? 0) <= Date.now()) return b
    }
    return backends[next++ % backends.length]!
  }
  const server = createServer((req, res) => {
    const backend = pick()
    const url = new URL(backend)
    const upstream = httpRequest(
      { host: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
        up.on('error', () => res.destroy())
      },
    )
    forwarded.set(backend, (forwarded.get(backend) ?? 0) + 1)
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') downUntil.set(backend, Date.now() + downMs)
      if (res.headersSent) res.destroy()
      else res.writeHead(502).end('bad gateway')
    })
    req.pipe(upstream)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

/**
 * A browser-like TestClient speaking real HTTP; each request goes to the next of `origins` in
 * turn (one origin: always there). A network failure comes back as a thrown fetch error.
 */
export function httpClient(...origins: string[]): TestClient {
  let n = 0
  return new TestClient({
    request: (input, init) => fetch(input.replace('http://localhost', origins[n++ % origins.length]!), init),
  })
}
