import { request } from 'node:http'

/**
 * The board fan-out's clients, in a process of their own (so their work does not slow the server
 * they measure): opens every stream in STREAMS (JSON: [{ url, cookie }]) on its own socket and
 * waits for each one's first fragment; then, for each round the parent asks for, posts the call
 * (CALL: { url, cookie, csrf }) and times, from just before the post, the first fragment each
 * stream receives after it, then closes the called ticket as a no-show. Keep-alive comments are
 * not fragments.
 */
type Target = { url: string; cookie: string }
const streams = JSON.parse(process.env.STREAMS ?? '[]') as Target[]
const call = JSON.parse(process.env.CALL ?? '{}') as Target & { csrf: string }
const send = (m: unknown) => process.send!(m)

let waiting: ((i: number) => void) | null = null
let failed = 0

function open(t: Target, i: number) {
  return new Promise<void>((resolve) => {
    const req = request(t.url, { agent: false, headers: { cookie: t.cookie, accept: 'text/event-stream' } })
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        failed++
        res.resume()
        resolve()
        return
      }
      res.setEncoding('utf8')
      let first = true
      res.on('data', (chunk: string) => {
        if (!chunk.includes('data:')) return
        if (first) {
          first = false
          resolve()
          return
        }
        waiting?.(i)
      })
    })
    req.on('error', () => {
      failed++
      resolve()
    })
    req.end()
  })
}

async function main() {
  const started = performance.now()
  // Opened in batches, as a room's screens would come up, not all in one tick.
  for (let i = 0; i < streams.length; i += 100)
    await Promise.all(streams.slice(i, i + 100).map((t, k) => open(t, i + k)))
  send({ kind: 'connected', ms: Math.round(performance.now() - started), failed })
  process.on('message', async (m: { kind: string }) => {
    if (m.kind === 'exit') process.exit(0)
    if (m.kind !== 'call') return
    const received = new Map<number, number>()
    const t0 = performance.now()
    waiting = (i) => {
      if (!received.has(i)) received.set(i, performance.now() - t0)
    }
    const res = await fetch(call.url, {
      method: 'POST',
      headers: { cookie: call.cookie, 'x-csrf-token': call.csrf, 'hx-request': 'true' },
      redirect: 'manual',
    })
    const html = await res.text()
    const callMs = performance.now() - t0
    const until = t0 + 5_000
    while (received.size < streams.length - failed && performance.now() < until)
      await new Promise((r) => setTimeout(r, 10))
    waiting = null
    // The called ticket is closed as a no-show (untimed), so the next round can call again.
    const ticket = /\/tickets\/(\d+)\/no-show/.exec(html)?.[1]
    if (ticket)
      await fetch(call.url.replace(/\/call$/, `/tickets/${ticket}/no-show`), {
        method: 'POST',
        headers: { cookie: call.cookie, 'x-csrf-token': call.csrf, 'hx-request': 'true' },
        redirect: 'manual',
      }).then((r) => r.arrayBuffer())
    send({ kind: 'round', status: res.status, callMs, times: [...received.values()] })
  })
  send({ kind: 'ready' })
}

await main()
