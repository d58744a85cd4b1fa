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
 * a request whose backend fails gets a 502 and the client decides. As HAProxy's health checks
 * do, a backend whose connection failed is taken out of the rotation and put back once its
 * /healthz answers 200 again (asked every `probeMs`), so requests are not spent finding out.
 */
export async function startRoundRobinProxy(backends: string[], probeMs = 100) {
  let next = 0
  let closed = false
  const down = new Set<string>()
  const forwarded = new Map<string, number>(backends.map((b) => [b, 0]))
  const pick = () => {
    for (let i = 0; i < backends.length; i++) {
      const b = backends[next++ % backends.length]!
      if (!down.has(b)) return b
    }
    return backends[next++ % backends.length]!
  }
  const probe = async (backend: string) => {
    while (!closed) {
      await new Promise((r) => setTimeout(r, probeMs))
      const ok = await fetch(`${backend}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.status === 200,
        () => false,
      )
      if (ok) break
    }
    down.delete(backend)
  }
  const markDown = (backend: string) => {
    if (down.has(backend)) return
    down.add(backend)
    void probe(backend)
  }
  const server = createServer((req, res) => {
    const backend = pick()
    const url = new URL(backend)
    const upstream = httpRequest(
      { host: url.hostname, port: url.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
        up.on('error', () => {
          markDown(backend)
          res.destroy()
        })
      },
    )
    forwarded.set(backend, (forwarded.get(backend) ?? 0) + 1)
    upstream.on('error', () => {
      markDown(backend)
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
        closed = true
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
