import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'

/** Response headers gathered while a request is handled; names in lower case. */
export type HeaderBag = Record<string, string | string[]>

/**
 * Middleware and handlers put headers in the request's bag instead of calling `c.header()`, which
 * makes Hono build a WHATWG `Headers` object for every response and the Node adapter copy it
 * back; a response built by `respond()` hands Node one plain object instead (decision 0016).
 * The request context starts the bag with the headers every response carries.
 */
export function startHeaders(c: Context<AppEnv>, initial: HeaderBag) {
  c.set('headers', initial)
}

function bagOf(c: Context<AppEnv>): HeaderBag {
  const bag = c.get('headers')
  if (bag) return bag
  startHeaders(c, {})
  return c.get('headers')
}

export function setHeader(c: Context<AppEnv>, name: string, value: string) {
  bagOf(c)[name.toLowerCase()] = value
}

/** Adds a serialised Set-Cookie line; a later cookie of the same name comes after it. */
export function addCookie(c: Context<AppEnv>, line: string) {
  const bag = bagOf(c)
  const before = bag['set-cookie']
  bag['set-cookie'] = before === undefined ? line : [...[before].flat(), line]
}

const built = new WeakSet<Response>()

/**
 * The response, with everything gathered and then `own` (which wins). Several cookies need
 * header pairs, as a record has one value per name.
 */
export function respond(
  c: Context<AppEnv>,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: number,
  own?: Readonly<Record<string, string>>,
): Response {
  const bag = bagOf(c)
  // Copied key by key: an object spread of these names costs a microsecond or more.
  let all = bag
  if (own) {
    all = {}
    for (const name in bag) all[name] = bag[name]!
    for (const name in own) all[name] = own[name]!
  }
  const cookies = all['set-cookie']
  const headers: HeadersInit = Array.isArray(cookies)
    ? Object.entries(all).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, x]))
    : (all as Record<string, string>)
  const res = new Response(body, { status, headers })
  built.add(res)
  return res
}

/**
 * A 304 Not Modified with only `headers` and the request id. RFC 9110 (15.4.5) asks a 304 for the
 * validator and caching fields a 200 would carry and advises against other metadata: a cache
 * keeps the stored response's other headers (the security headers among them). Feeds answer most
 * polls this way, so leaving the rest out is a third of what goes over the wire.
 */
export function respondNotModified(c: Context<AppEnv>, headers: Readonly<Record<string, string>>): Response {
  const all: Record<string, string> = { 'x-request-id': c.get('requestId') }
  for (const name in headers) all[name] = headers[name]!
  const res = new Response(null, { status: 304, headers: all })
  built.add(res)
  return res
}

/** Responses that Hono built (redirects, streams) get the gathered headers added afterwards. */
export function finishHeaders(c: Context<AppEnv>, res: Response) {
  if (built.has(res)) return
  const headers = res.headers
  for (const [name, value] of Object.entries(bagOf(c))) {
    if (name === 'set-cookie') for (const line of [value].flat()) headers.append(name, line)
    else if (!headers.has(name)) headers.set(name, value as string)
  }
}
