import type { Context, ErrorHandler, Handler, MiddlewareHandler } from 'hono'
import type { Result, Router } from 'hono/router'
import type { AppEnv } from '../env.ts'

type Entry = [Handler, unknown]
/** A step's answer: the response, a promise of it, or nothing when the context already holds one. */
type Answer = Response | Promise<Response | undefined> | undefined
/** Under `chainRouter`, `next()` gives the rest of the chain's answer, at once when it has one. */
type SyncNext = () => Answer

/**
 * A middleware written so that it answers at once when the rest of the chain does: it returns
 * `next()` (or a response) instead of awaiting it. Hono's type says a middleware returns a
 * promise; under `chainRouter` it may return the response itself (decision 0017).
 */
type SyncMiddleware = (c: Context<AppEnv>, next: SyncNext) => Answer

export const syncMiddleware = (fn: SyncMiddleware) => fn as unknown as MiddlewareHandler<AppEnv>

/**
 * Runs `then` with the response once the rest of the chain has answered: at once when it
 * answered synchronously, otherwise when its promise settles. A chain that stopped without an
 * answer is passed on as such (and becomes an error).
 */
export function afterNext(c: Context<AppEnv>, next: SyncNext, then: (res: Response) => Response): Answer {
  const out = next()
  const answered = () => (c.finalized ? then(c.res) : undefined)
  return out instanceof Promise ? out.then(answered) : answered()
}

/**
 * Hono answers a request synchronously only when one handler matches it; with any middleware in
 * the way it composes them with async functions, every answer becomes a promise, and the Node
 * adapter waits for it (half the rate of a cheap route). This router gives Hono one handler per
 * match: the matched middleware and handlers run in order by `chain`, which keeps Hono's rules
 * for `next()`, responses and errors but stays synchronous for as long as every step is.
 * Parameters are the last matched entry's (the route's; middleware is mounted on its prefixes).
 */
export function chainRouter<T extends Entry>(
  inner: Router<[Handler, unknown]>,
  onError: () => ErrorHandler<AppEnv>,
) {
  // The combined entry of each list of matched entries, found by the entries in turn: Hono's
  // TrieRouter (which this app's routes need) returns a new list for every match.
  type Node = { next: Map<T, Node>; entry?: T }
  const root: Node = { next: new Map() }
  const combined = (entries: [T, unknown][]): T => {
    let node = root
    for (const [e] of entries) {
      let child = node.next.get(e)
      if (!child) {
        child = { next: new Map() }
        node.next.set(e, child)
      }
      node = child
    }
    node.entry ??= [
      chain(
        entries.map(([[h]]) => h),
        onError,
      ),
      entries[entries.length - 1]![0][1],
    ] as T
    return node.entry
  }
  const router: Router<T> = {
    name: `chain(${inner.name})`,
    add(method, path, entry) {
      inner.add(method, path, entry)
    },
    match(method, path) {
      const result = inner.match(method, path) as Result<T>
      const entries = result[0] as [T, unknown][]
      if (entries.length <= 1) return result
      const params = entries[entries.length - 1]![1]
      return (
        result.length === 2 ? [[[combined(entries), params]], result[1]] : [[[combined(entries), params]]]
      ) as Result<T>
    },
  }
  return router
}

/**
 * The handlers as one, with the rules of Hono's compose: each `next()` runs the rest, a response
 * a step returns becomes the context's unless one is already there, an error thrown in a step is
 * answered by the error handler at that step (so the steps around it still see a response), and
 * a chain that runs past its last step falls through to Hono's not-found, and one that stops
 * without an answer is an error.
 */
function chain(handlers: Handler[], onError: () => ErrorHandler<AppEnv>): Handler {
  return (c, notFound) => {
    let index = -1
    const settle = (res: unknown) => {
      if (res instanceof Response && !c.finalized) c.res = res
      return c.finalized ? c.res : undefined
    }
    const fail = (err: unknown) => {
      if (!(err instanceof Error)) throw err
      c.error = err
      const res = onError()(err, c as Context<AppEnv>)
      const keep = (r: Response) => {
        c.res = r
        return r
      }
      return res instanceof Promise ? res.then(keep) : keep(res)
    }
    const dispatch = (i: number): Answer => {
      if (i <= index) throw new Error('next() called multiple times')
      index = i
      const handler = handlers[i]
      if (!handler) {
        if (c.finalized) return c.res
        return (notFound() as Promise<void>).then(() => c.res)
      }
      let out: unknown
      try {
        out = handler(c, () => dispatch(i + 1) as Promise<void>)
      } catch (err) {
        return fail(err)
      }
      return out instanceof Promise ? out.then(settle, fail) : settle(out)
    }
    const done = () => {
      if (!c.finalized)
        throw new Error(
          'Context is not finalized. Did you forget to return a Response object or `await next()`?',
        )
      return c.res
    }
    const out = dispatch(0)
    return out instanceof Promise ? out.then(done) : done()
  }
}
