import { BlockList, isIP } from 'node:net'
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
    expect(normalizeAddress('2001:0db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    expect(normalizeAddress('0:0:0:0:0:0:0:1')).toBe('::1')
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1')
    fc.assert(
      fc.property(ipv6, (a) => {
        const once = normalizeAddress(a)!
        expect(normalizeAddress(once)).toBe(once)
        // Node's own spelling of the same address, through its URL parser.
        if (isIP(once) === 6) expect(once).toBe(new URL(`http://[${a}]/`).hostname.slice(1, -1))
      }),
    )
    expect(normalizeAddress('unknown')).toBeUndefined()
    expect(normalizeAddress('')).toBeUndefined()
  })

  it('reads what Node reads as an IP address, and nothing it does not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 45 })), (s) => {
        const got = normalizeAddress(s)
        if (isIP(s) !== 0) expect(got).toBeDefined()
        if (got !== undefined && !/[:[%]/.test(s)) expect(isIP(s.trim())).toBe(4)
        if (got !== undefined) expect(isIP(got)).not.toBe(0)
      }),
      { numRuns: 2000 },
    )
    // Strings made of an address's characters, where a parser's edge cases are.
    const addressLike = fc
      .array(fc.constantFrom(...'0123456789abcdefABCDEF:.', '::', 'ffff', '::ffff:', '1.2.3.4'), {
        maxLength: 14,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.ipV6()), (s) => {
        // One colon: an IPv4 address with a port, which proxies may write and Node does not read.
        fc.pre(s.split(':').length !== 2)
        expect(normalizeAddress(s) !== undefined, s).toBe(isIP(s) !== 0)
      }),
      { numRuns: 5000 },
    )
    for (const bad of [
      '01.2.3.4',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1::2::3',
      '12345::1',
      ':::',
      '1.2.3.4::',
    ])
      expect(normalizeAddress(bad), bad).toBeUndefined()
  })

  it('matches trusted networks as Node’s BlockList does', () => {
    const v4 = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 }), fc.ipV4())
    const v6 = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 }), fc.ipV6())
    fc.assert(
      fc.property(fc.oneof(v4, v6), fc.boolean(), ([net, bits, other], near) => {
        const network = normalizeAddress(net)!
        const family = isIP(network)
        fc.pre(
          family !== 0 && family === isIP(normalizeAddress(other) ?? '') && bits <= (family === 4 ? 32 : 128),
        )
        // Half the time an address inside the network: the network's own address.
        const address = normalizeAddress(near ? net : other)!
        const list = new BlockList()
        list.addSubnet(network, bits, family === 4 ? 'ipv4' : 'ipv6')
        const expected = list.check(address, family === 4 ? 'ipv4' : 'ipv6')
        const got = resolveClient(address, undefined, trust(`${network}/${bits}`)).proxies === 1
        expect(got).toBe(expected)
      }),
      { numRuns: 3000 },
    )
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
