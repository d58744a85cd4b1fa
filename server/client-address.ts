import type { Context } from 'hono'
import type { AppEnv } from './env.ts'

/** A network of trusted proxies: an address with a prefix length (32 or 128 for one address). */
type Network = { v4: number; bits: number } | { v6: number[]; bits: number }

/**
 * Which reverse proxies in front of Liaison are believed when they say whom they forward for
 * (X-Forwarded-For), over which scheme (X-Forwarded-Proto) and for which host (X-Forwarded-Host).
 * `none`: nobody; `hops`: that many proxies, whatever their addresses; `list`: proxies at these
 * addresses or networks (`exact` holds the single addresses, the usual case, for a quick look).
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'list'; exact: ReadonlySet<string>; networks: readonly Network[]; entries: readonly string[] }

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
  const exact = new Set<string>()
  const networks: Network[] = []
  const entries: string[] = []
  for (const raw of value.split(',')) {
    const item = raw.trim()
    const slash = item.indexOf('/')
    const address = normalizeAddress(slash < 0 ? item : item.slice(0, slash))
    const v4 = address === undefined ? undefined : ipv4Number(address)
    const v6 = address === undefined || v4 !== undefined ? undefined : ipv6Groups(address)
    if (v4 === undefined && v6 === undefined)
      return `"${item}" is not an address or CIDR network (use false, a hop count or addresses)`
    const max = v4 !== undefined ? 32 : 128
    const bits =
      slash < 0 ? max : /^[0-9]{1,3}$/.test(item.slice(slash + 1)) ? Number(item.slice(slash + 1)) : -1
    if (bits < 0 || bits > max) return `"${item}" has no valid prefix length`
    // Single addresses are looked up by their one spelling (normalizeAddress), the usual case.
    if (bits === max) exact.add(address!)
    else networks.push(v4 !== undefined ? { v4, bits } : { v6: v6!, bits })
    entries.push(item)
  }
  return { kind: 'list', exact, networks, entries }
}

/** An IPv4 address in dotted decimal as a 32-bit number; undefined for anything else. */
function ipv4Number(s: string): number | undefined {
  let n = 0
  let part = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    if (ch === 46) {
      if (digits === 0 || dots === 3) return undefined
      n = n * 256 + part
      part = 0
      digits = 0
      dots++
    } else if (ch >= 48 && ch <= 57) {
      if (digits === 1 && part === 0) return undefined // a leading zero
      part = part * 10 + ch - 48
      if (++digits > 3 || part > 255) return undefined
    } else return undefined
  }
  return dots === 3 && digits > 0 ? n * 256 + part : undefined
}

/** The value of a hexadecimal digit's character code; -1 for any other character. */
function hexDigit(ch: number): number {
  if (ch >= 48 && ch <= 57) return ch - 48
  if (ch >= 97 && ch <= 102) return ch - 87
  if (ch >= 65 && ch <= 70) return ch - 55
  return -1
}

/**
 * An IPv6 address as its eight 16-bit groups (`::` expanded, a dotted IPv4 tail read); undefined
 * for anything else. Read character by character: it runs on every request from an IPv6 client.
 */
function ipv6Groups(s: string): number[] | undefined {
  const n = s.length
  const groups: number[] = []
  let gapAt = -1
  let i = 0
  if (n >= 2 && s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return undefined
    gapAt = 0
    i = 2
  }
  while (i < n) {
    let j = i
    let value = 0
    for (let d = hexDigit(s.charCodeAt(j)); j < n && d >= 0; d = hexDigit(s.charCodeAt(++j)))
      value = value * 16 + d
    if (j < n && s.charCodeAt(j) === 46) {
      const v4 = ipv4Number(s.slice(i))
      if (v4 === undefined || groups.length > 6) return undefined
      groups.push(Math.floor(v4 / 65536), v4 % 65536)
      break
    }
    if (j === i || j - i > 4) return undefined
    groups.push(value)
    if (j === n) break
    if (s.charCodeAt(j) !== 58 || ++j === n) return undefined
    if (s.charCodeAt(j) === 58) {
      if (gapAt >= 0) return undefined
      gapAt = groups.length
      if (++j === n) break
    }
    i = j
  }
  if (gapAt < 0) return groups.length === 8 ? groups : undefined
  if (groups.length > 7) return undefined
  groups.splice(gapAt, 0, ...Array<number>(8 - groups.length).fill(0))
  return groups
}

/**
 * An address as written by a socket or a proxy, reduced to one spelling: brackets, a port and a
 * zone dropped, IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as plain IPv4, IPv6 as RFC 5952 writes it.
 * Undefined when what is left is no IP address.
 */
export function normalizeAddress(raw: string): string | undefined {
  let a = raw.trim()
  if (ipv4Number(a) !== undefined) return a
  // What a dual-stack socket reports for an IPv4 peer; the common case gets no IPv6 parse.
  if (a.length > 7 && a.charCodeAt(0) === 58 && /^::ffff:/i.test(a) && ipv4Number(a.slice(7)) !== undefined)
    return a.slice(7)
  if (a.startsWith('[')) {
    const end = a.indexOf(']')
    if (end < 0) return undefined
    a = a.slice(1, end)
  } else if (a.indexOf(':') === a.lastIndexOf(':')) {
    // No colon: not IPv6; one: IPv4 with a port, as some proxies write it.
    const colon = a.indexOf(':')
    const v4 = a.slice(0, colon)
    return colon > 0 && /^[0-9]{1,5}$/.test(a.slice(colon + 1)) && ipv4Number(v4) !== undefined
      ? v4
      : undefined
  }
  const zone = a.indexOf('%')
  if (zone >= 0) a = a.slice(0, zone)
  const groups = ipv6Groups(a)
  if (!groups) return undefined
  if (
    groups[5] === 0xffff &&
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0
  )
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`
  return ipv6Text(groups)
}

const hex = (g: number) => g.toString(16)

/** RFC 5952's spelling of IPv6: lower case, no leading zeros, the longest run of zero groups as `::`. */
function ipv6Text(groups: readonly number[]): string {
  let run = -1
  let runLength = 1
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > runLength) {
      run = i
      runLength = j - i
    }
    i = j === i ? i + 1 : j
  }
  if (run < 0) return groups.map(hex).join(':')
  return `${groups.slice(0, run).map(hex).join(':')}::${groups
    .slice(run + runLength)
    .map(hex)
    .join(':')}`
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
  if (trust.kind !== 'list') return false
  if (trust.exact.has(address)) return true
  if (trust.networks.length === 0) return false
  const v4 = ipv4Number(address)
  const v6 = v4 === undefined ? ipv6Groups(address) : undefined
  return trust.networks.some((n) =>
    'v4' in n
      ? v4 !== undefined && prefixOf(v4, n.bits) === prefixOf(n.v4, n.bits)
      : v6 !== undefined && sameGroups(v6, n.v6, n.bits),
  )
}

/** The first `bits` bits of an IPv4 number. */
const prefixOf = (v4: number, bits: number) => (bits === 0 ? 0 : Math.floor(v4 / 2 ** (32 - bits)))

function sameGroups(a: readonly number[], b: readonly number[], bits: number): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const shift = Math.max(0, 16 - bits)
    if (a[i]! >> shift !== b[i]! >> shift) return false
  }
  return true
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
  const groups = address.includes(':') ? ipv6Groups(address) : undefined
  if (!groups) return address
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}

// ── per request ─────────────────────────────────────────────────────────────────────────────────

type Bindings = { incoming?: { socket?: { remoteAddress?: string } }; server?: Bindings } | undefined

/** The socket's peer; 'local' when there is none (app.request in tests without a peer). */
function peerOf(c: Context<AppEnv>): string {
  const env = c.env as Bindings
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress ?? 'local'
}

/** The request's client as resolveClient sees it, worked out once per request. */
function resolved(c: Context<AppEnv>): ResolvedClient {
  let client = c.get('client')
  if (!client) {
    client = resolveClient(peerOf(c), c.req.header('x-forwarded-for'), c.get('deps').config.trustProxy)
    c.set('client', client)
  }
  return client
}

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
