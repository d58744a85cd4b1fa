import { BlockList, isIP } from 'node:net'
import type { Context } from 'hono'
import type { AppEnv } from './env.ts'

/**
 * Which reverse proxies in front of Liaison are believed when they say whom they forward for
 * (X-Forwarded-For), over which scheme (X-Forwarded-Proto) and for which host (X-Forwarded-Host).
 * `none`: nobody; `hops`: that many proxies, whatever their addresses; `list`: proxies at these
 * addresses or networks.
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'list'; list: BlockList; entries: readonly string[] }

export const TRUST_NOBODY: TrustProxy = { kind: 'none' }

/**
 * Parses TRUST_PROXY: unset or `false` trusts nobody; `1`…`10` a hop count; otherwise a
 * comma-separated list of addresses and CIDR networks (IPv4, IPv6, IPv4-mapped IPv6). Returns an
 * error message for anything else, `true` included: trusting every peer would let any client
 * choose the address its rate limits are counted under.
 */
export function parseTrustProxy(text: string | undefined): TrustProxy | string {
  const value = text?.trim() ?? ''
  if (value === '' || value === 'false') return TRUST_NOBODY
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value)
    return hops >= 1 && hops <= 10 ? { kind: 'hops', hops } : 'a hop count is 1 to 10'
  }
  const list = new BlockList()
  const entries: string[] = []
  for (const raw of value.split(',')) {
    const item = raw.trim()
    const slash = item.indexOf('/')
    const address = normalizeAddress(slash < 0 ? item : item.slice(0, slash))
    const family = address ? isIP(address) : 0
    if (!address || family === 0)
      return `"${item}" is not an address or CIDR network (use false, a hop count or addresses)`
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (slash < 0) list.addAddress(address, type)
    else {
      const bits = item.slice(slash + 1)
      const prefix = /^[0-9]{1,3}$/.test(bits) ? Number(bits) : -1
      if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return `"${item}" has no valid prefix length`
      list.addSubnet(address, prefix, type)
    }
    entries.push(item)
  }
  return { kind: 'list', list, entries }
}

/**
 * An address as written by a socket or a proxy, reduced to one spelling: brackets and a port
 * dropped, IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4, IPv6 in lower case. Undefined when
 * what is left is no IP address.
 */
export function normalizeAddress(raw: string): string | undefined {
  let a = raw.trim()
  if (a.startsWith('[')) {
    const end = a.indexOf(']')
    if (end < 0) return undefined
    a = a.slice(1, end)
  } else if (a.indexOf(':') === a.lastIndexOf(':') && a.includes('.')) {
    // IPv4 with a port, as some proxies write it.
    const colon = a.indexOf(':')
    if (colon > 0) a = a.slice(0, colon)
  }
  const family = isIP(a)
  if (family === 4) return a
  if (family !== 6) return undefined
  a = a.toLowerCase()
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:([0-9.]+)$/.exec(a)?.[1]
  return mapped && isIP(mapped) === 4 ? mapped : a
}

/** The client as the trusted proxies report it, and how many of those proxies stood in between. */
export type ResolvedClient = { address: string; proxies: number }

/**
 * The client's address from the socket's peer and the X-Forwarded-For header: walks the chain
 * right to left (each proxy appends whom it heard from) past the proxies `trust` believes, and
 * stops at the first entry it does not. Entries left of that were written by the client itself
 * and are never believed. An entry that is no IP address is not taken as the client: the
 * trusted proxy that reported it stands in for it.
 */
export function resolveClient(
  peer: string,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): ResolvedClient {
  const self = normalizeAddress(peer) ?? peer
  if (trust.kind === 'none' || !forwardedFor) {
    const proxies = trust.kind !== 'none' && isTrusted(trust, self, 0) ? 1 : 0
    return { address: self, proxies }
  }
  const chain = forwardedFor.split(',')
  let address = self
  let proxies = 0
  for (let i = chain.length - 1; i >= -1; i--) {
    if (!isTrusted(trust, address, proxies)) break
    proxies++
    if (i < 0) break
    const next = normalizeAddress(chain[i]!)
    if (!next) break
    address = next
  }
  return { address, proxies }
}

function isTrusted(trust: TrustProxy, address: string, hopsSoFar: number): boolean {
  if (trust.kind === 'hops') return hopsSoFar < trust.hops
  if (trust.kind === 'list') {
    const family = isIP(address)
    return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6')
  }
  return false
}

/**
 * The value of a forwarded list header (X-Forwarded-Proto, -Host) that the outermost of `proxies`
 * trusted proxies wrote: proxies that append put theirs right of any the client sent; one that
 * overwrites leaves a single value. Undefined when no proxy is trusted.
 */
export function forwardedValue(header: string | undefined, proxies: number): string | undefined {
  if (!header || proxies === 0) return undefined
  const parts = header.split(',')
  return parts[Math.max(0, parts.length - proxies)]!.trim() || undefined
}

/**
 * The key a rate limit counts a client address under: IPv6 by its /64 network, as one household
 * or phone is given a whole /64 and could otherwise take a fresh address for every attempt.
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`
}

// ── per request ─────────────────────────────────────────────────────────────────────────────────

type Bindings = { incoming?: { socket?: { remoteAddress?: string } }; server?: Bindings } | undefined

/** The socket's peer; 'local' when there is none (app.request in tests without a peer). */
function peerOf(c: Context<AppEnv>): string {
  const env = c.env as Bindings
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress ?? 'local'
}

const resolved = (c: Context<AppEnv>) =>
  resolveClient(peerOf(c), c.req.header('x-forwarded-for'), c.get('deps').config.trustProxy)

/**
 * The client's address for rate limits and logs: the socket's peer, or whom a trusted proxy
 * forwards for (TRUST_PROXY). The one place a request becomes a client address.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').config.trustProxy.kind === 'none') {
    const peer = peerOf(c)
    return normalizeAddress(peer) ?? peer
  }
  return resolved(c).address
}

/** The rate-limit key of the request's client (see addressKey). */
export const clientKey = (c: Context<AppEnv>) => addressKey(clientAddress(c))

/**
 * Whether the client reached us over https: PUBLIC_URL says so, the request itself came over TLS,
 * or a trusted proxy says it did (X-Forwarded-Proto).
 */
export function isHttps(c: Context<AppEnv>): boolean {
  let https = c.get('https')
  if (https === undefined) {
    https = judgeHttps(c)
    c.set('https', https)
  }
  return https
}

function judgeHttps(c: Context<AppEnv>): boolean {
  const { config } = c.get('deps')
  if (config.publicHttps || c.req.url.startsWith('https:')) return true
  if (config.trustProxy.kind === 'none') return false
  return forwardedValue(c.req.header('x-forwarded-proto'), resolved(c).proxies)?.toLowerCase() === 'https'
}

const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i

/**
 * The origin links and QR codes point at: PUBLIC_URL (without its trailing slash), else the scheme and host a trusted proxy
 * forwards for, else the request's own.
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { config } = c.get('deps')
  if (config.publicUrl) return config.publicUrl
  const own = new URL(c.req.url)
  if (config.trustProxy.kind === 'none') return own.origin
  const { proxies } = resolved(c)
  const proto = forwardedValue(c.req.header('x-forwarded-proto'), proxies)?.toLowerCase()
  const host = forwardedValue(c.req.header('x-forwarded-host'), proxies)
  const scheme = proto === 'https' || proto === 'http' ? proto : own.protocol.slice(0, -1)
  return `${scheme}://${host && HOST.test(host) ? host.toLowerCase() : own.host}`
}
