import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Queryable } from '../../db/client.ts'
import { setHeader } from '../middleware/response-headers.ts'
import { queueBus } from './queue-bus.ts'

/** A comment line keeps proxies from closing an idle stream and lets us notice a gone client. */
export const KEEPALIVE_MS = 15_000
/** Tells the browser's SSE client how soon to reconnect after a drop (hx-sse honours `retry`). */
export const RECONNECT_MS = 1_000

const openStreams = new WeakMap<object, Set<() => void>>()

/** How long a rendered fragment serves other streams with the same key and queue version. */
const SHARE_MS = 1_000
type SharedRender = { version: number; at: number; data: Promise<string> | string }
const sharedRenders = new WeakMap<object, Map<string, SharedRender>>()

/**
 * One render for every stream that shows the same fragment (same key: the station, what it shows,
 * the language, the viewer) of the same queue version, for up to SHARE_MS: a call on a station
 * with a thousand boards and consoles open renders each kind once, not a thousand times (1,000
 * renders held the server for 4 s; decision 0029).
 */
function sharedRender(db: Queryable, stationId: number, key: string, render: () => Promise<string> | string) {
  let byKey = sharedRenders.get(db)
  if (!byKey) {
    byKey = new Map()
    sharedRenders.set(db, byKey)
  }
  const version = queueBus(db).version(stationId)
  const now = performance.now()
  const hit = byKey.get(key)
  if (hit && hit.version === version && now - hit.at < SHARE_MS) return hit.data
  for (const [k, v] of byKey) if (now - v.at >= SHARE_MS) byKey.delete(k)
  const data = render()
  byKey.set(key, { version, at: now, data })
  return data
}

/**
 * Wakes every open stream on this database so each checks its credential now: call after a
 * log-out or a revocation. Streams also check at each push and keep-alive, which catches
 * revocations made elsewhere (the CLI, another process) within KEEPALIVE_MS.
 */
export function wakeStreams(db: object) {
  for (const wake of [...(openStreams.get(db) ?? [])]) wake()
}

/**
 * Streams a station's freshly rendered fragment: once on connect (so a reconnect catches up) and
 * again after every queue change on the bus. Bursts of changes collapse into one render. Before
 * each write it asks `stillAllowed` (the session, account or kiosk the stream was opened with) and
 * ends the stream when that no longer holds. Streams whose `shareKey` gives the same key share
 * renders (see sharedRender): the key must name everything the fragment depends on, the app
 * clock's second included.
 */
export function streamStationFragment(
  c: Context,
  db: Queryable,
  stationId: number,
  render: () => Promise<string> | string,
  stillAllowed: () => boolean,
  opts: { refreshOnKeepAlive?: boolean; shareKey?: () => string } = {},
) {
  setHeader(c, 'X-Accel-Buffering', 'no')
  const res = streamSSE(c, async (stream) => {
    let dirty = true
    let closed = false
    let wake: (() => void) | null = null
    const unsubscribe = queueBus(db).subscribe(stationId, () => {
      dirty = true
      wake?.()
    })
    stream.onAbort(() => {
      closed = true
      wake?.()
    })
    const recheck = () => wake?.()
    const streams = openStreams.get(db) ?? new Set()
    openStreams.set(db, streams)
    streams.add(recheck)
    let first = true
    let last = ''
    try {
      while (!closed && !stream.aborted) {
        if (!stillAllowed()) break
        const { shareKey } = opts
        const data = dirty
          ? await (shareKey ? sharedRender(db, stationId, shareKey(), render) : render())
          : null
        dirty = false
        // A refreshed fragment that reads as before is not sent again (a keep-alive instead).
        if (data !== null && !(opts.refreshOnKeepAlive && data === last)) {
          await stream.writeSSE(first ? { data, retry: RECONNECT_MS } : { data })
          first = false
          last = data
        } else {
          await stream.write(': keep-alive\n\n')
        }
        if (dirty || closed) continue
        // A fragment that shows "n minutes ago" is rendered again at every keep-alive.
        if (opts.refreshOnKeepAlive) dirty = true
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS)
          timer.unref?.()
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = null
      }
    } finally {
      unsubscribe()
      streams.delete(recheck)
    }
  })
  // streamSSE sets its own `no-cache`; without it the app's one cache rule is what is sent.
  res.headers.delete('cache-control')
  return res
}
