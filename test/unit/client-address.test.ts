import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addressKey,
  forwardedValue,
  normalizeAddress,
  parseTrustProxy,
  resolveClient,
  TRUST_NOBODY,
  type TrustProxy,
} from '../../server/client-address.ts'
import { ConfigError, loadConfig } from '../../server/config.ts'

const trust = (text: string): TrustProxy => {
  const t = parseTrustProxy(text)
  if (typeof t === 'string') throw new Error(t)
  return t
}

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'))
const ipv6 = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 })
  .map((g) => g.map((x) => x.toString(16)).join(':'))
/** What a client may put in X-Forwarded-For: addresses, ports, junk. */
const spoofed = fc.array(fc.oneof(ipv4, ipv6, fc.string({ maxLength: 20 }), fc.constant('127.0.0.1')), {
  maxLength: 5,
})

describe('TRUST_PROXY', () => {
  it('trusts nobody when unset or false, a hop count, or a list of addresses and networks', () => {
    expect(parseTrustProxy(undefined)).toBe(TRUST_NOBODY)
    expect(parseTrustProxy('false')).toBe(TRUST_NOBODY)
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 })
    const list = trust('127.0.0.1, ::1,10.0.0.0/8,fd00::/8,::ffff:192.168.1.1')
    expect(list.kind).toBe('list')
    expect(list.kind === 'list' && list.entries).toHaveLength(5)
  })

  it('refuses true, zero, junk and bad prefixes with a message', () => {
    for (const bad of ['true', '0', '11', 'localhost', '10.0.0.0/33', '::1/129', '1.2.3.4/x', '1.2.3.4,'])
      expect(typeof parseTrustProxy(bad), bad).toBe('string')
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError)
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.lan' })).toThrow(/TRUST_PROXY/)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 })
    expect(loadConfig({}).trustProxy).toBe(TRUST_NOBODY)
  })
})

describe('client address', () => {
  it('writes an address one way: IPv4-mapped IPv6 as IPv4, ports and brackets dropped, IPv6 lower case', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
    expect(normalizeAddress('0:0:0:0:0:ffff:10.1.2.3')).toBe('10.1.2.3')
    expect(normalizeAddress(' 203.0.113.9:4711 ')).toBe('203.0.113.9')
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('unknown')).toBeUndefined()
    expect(normalizeAddress('')).toBeUndefined()
  })

  it('is the socket peer when nobody is trusted, whatever the headers say', () => {
    fc.assert(
      fc.property(ipv4, spoofed, (peer, chain) => {
        const got = resolveClient(peer, chain.join(','), TRUST_NOBODY)
        expect(got).toEqual({ address: peer, proxies: 0 })
      }),
    )
  })

  it('is what the trusted proxy heard from, never a left-most entry the client wrote', () => {
    const t = trust('127.0.0.1,::1')
    fc.assert(
      fc.property(spoofed, ipv4, (lies, real) => {
        fc.pre(real !== '127.0.0.1')
        // The client sent `lies`; nginx on loopback appended the address it heard from.
        const got = resolveClient('::ffff:127.0.0.1', [...lies, real].join(', '), t)
        expect(got.address).toBe(real)
        expect(got.proxies).toBe(1)
      }),
    )
  })

  it('walks past every trusted proxy in a chain, and stops at the first it does not trust', () => {
    const t = trust('10.0.0.0/8')
    fc.assert(
      fc.property(
        spoofed,
        ipv4,
        fc.array(fc.constantFrom('10.0.0.2', '10.9.8.7'), { maxLength: 3 }),
        (lies, real, hops) => {
          fc.pre(!real.startsWith('10.'))
          const got = resolveClient('10.0.0.1', [...lies, real, ...hops].join(','), t)
          expect(got).toEqual({ address: real, proxies: hops.length + 1 })
        },
      ),
    )
  })

  it('believes exactly as many entries as the hop count', () => {
    fc.assert(
      fc.property(
        spoofed,
        fc.array(ipv4, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (lies, added, hops) => {
          // `hops` proxies: the outer ones appended hops-1 addresses after the client's own.
          const chain = [...lies, ...added.slice(3 - hops)]
          const got = resolveClient('192.0.2.1', chain.join(','), { kind: 'hops', hops })
          expect(got.address).toBe(added[3 - hops])
        },
      ),
    )
  })

  it('does not take a junk entry for the client: the proxy that reported it stands in', () => {
    expect(resolveClient('127.0.0.1', 'hello, <script>', trust('127.0.0.1')).address).toBe('127.0.0.1')
    expect(resolveClient('192.0.2.1', '', { kind: 'hops', hops: 1 })).toEqual({
      address: '192.0.2.1',
      proxies: 1,
    })
  })

  it('ignores the headers of a peer that is not a trusted proxy', () => {
    expect(resolveClient('198.51.100.7', '10.0.0.1', trust('127.0.0.1'))).toEqual({
      address: '198.51.100.7',
      proxies: 0,
    })
  })

  it('reads X-Forwarded-Proto and -Host at the outermost trusted proxy', () => {
    expect(forwardedValue('https', 1)).toBe('https')
    expect(forwardedValue('http, https', 1)).toBe('https')
    expect(forwardedValue('https, http', 2)).toBe('https')
    expect(forwardedValue('https', 3)).toBe('https')
    expect(forwardedValue('https', 0)).toBeUndefined()
    expect(forwardedValue(undefined, 1)).toBeUndefined()
  })

  it('counts IPv6 clients by their /64, IPv4 by the address', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::')).toBe('2001:db8:0:0::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    fc.assert(
      fc.property(ipv6, (a) => {
        const same = `${a.split(':').slice(0, 4).join(':')}:1:2:3:4`
        expect(addressKey(normalizeAddress(a)!)).toBe(addressKey(normalizeAddress(same)!))
      }),
    )
  })
})
