import { describe, expect, it } from 'vitest'
import { kiosks } from '../../db/schema.ts'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { randomToken, sha256 } from '../../server/domain/secrets.ts'
import { DEMO, makeTestApp, TestClient } from '../helpers/test-app.ts'

const HSTS = 'max-age=31536000'
const NGINX = '127.0.0.1'

/** The Set-Cookie line of `name` (plain or `__Host-`) in a response. */
const setCookie = (res: Response, name: string) =>
  res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`) || l.startsWith(`__Host-${name}=`))

describe('over plain http with no proxy configured', () => {
  it('sets plain cookies without Secure, sends no HSTS and ignores X-Forwarded-*', async () => {
    const t = await makeTestApp()
    const c = t.client({
      peer: NGINX,
      headers: {
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-for': '1.2.3.4',
      },
    })
    const res = await c.get('/login')
    const csrf = setCookie(res, 'csrf')!
    expect(csrf).toMatch(/^csrf=/)
    expect(csrf).not.toMatch(/Secure/i)
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })
})

describe('with https known', () => {
  it('from PUBLIC_URL: __Host- cookies, Secure, HSTS, and log-in works with them', async () => {
    const t = await makeTestApp({ env: { PUBLIC_URL: 'https://liaison.example.org' } })
    const c = t.client()
    const page = await c.get('/login')
    expect(page.headers.get('strict-transport-security')).toBe(HSTS)
    const csrf = setCookie(page, 'csrf')!
    expect(csrf).toMatch(/^__Host-csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    const login = await c.post('/login', { username: DEMO.admin[0], password: DEMO.admin[1], next: '/' })
    expect(login.status).toBe(303)
    const sid = setCookie(login, 'sid')!
    expect(sid).toMatch(/^__Host-sid=/)
    expect(sid).toMatch(/Secure/)
    expect(sid).not.toMatch(/Domain=/i)
    expect((await c.get('/admin')).status).toBe(200)
    // A session cookie under the plain name (as a network attacker could plant over http) is not read.
    const planted = new TestClient(t.app)
    planted.cookies.set('sid', c.cookies.get('__Host-sid')!)
    expect((await planted.get('/admin')).status).toBe(302)
  })

  it('from the request itself', async () => {
    const t = await makeTestApp()
    const res = await t.client({ origin: 'https://localhost' }).get('/login')
    expect(setCookie(res, 'csrf')).toMatch(/^__Host-csrf=.*Secure/)
    expect(res.headers.get('strict-transport-security')).toBe(HSTS)
  })

  it('from a trusted proxy only: its X-Forwarded-Proto is believed, anyone else’s is not', async () => {
    const t = await makeTestApp({ env: { TRUST_PROXY: '127.0.0.1,::1' } })
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' }
    for (const peer of [NGINX, '::ffff:127.0.0.1', '::1']) {
      const res = await t.client({ peer, headers }).get('/login')
      expect(setCookie(res, 'csrf'), peer).toMatch(/^__Host-csrf=.*Secure/)
      expect(res.headers.get('strict-transport-security')).toBe(HSTS)
    }
    const direct = await t.client({ peer: '198.51.100.7', headers }).get('/login')
    expect(setCookie(direct, 'csrf')).toMatch(/^csrf=/)
    expect(direct.headers.get('strict-transport-security')).toBeNull()
    const plain = await t.client({ peer: NGINX, headers: { 'x-forwarded-proto': 'http' } }).get('/login')
    expect(setCookie(plain, 'csrf')).toMatch(/^csrf=/)
  })

  it('COOKIE_SECURE=false keeps plain cookies (a test set-up on plain http), HSTS still follows https', async () => {
    const t = await makeTestApp({
      env: { PUBLIC_URL: 'https://liaison.example.org', COOKIE_SECURE: 'false' },
    })
    const res = await t.client().get('/login')
    expect(setCookie(res, 'csrf')).toMatch(/^csrf=/)
    expect(res.headers.get('strict-transport-security')).toBe(HSTS)
  })

  it('keeps a kiosk paired over http, moving its cookie to the __Host- name', async () => {
    const t = await makeTestApp()
    const token = randomToken()
    const now = t.clock.now()
    t.db
      .insert(kiosks)
      .values({
        stationId: 1,
        label: 'paired before https',
        deviceTokenHash: sha256(token),
        pairedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .run()
    const https = createApp({
      ...t.deps,
      config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://liaison.example.org' }),
    })
    const k = new TestClient(https)
    k.cookies.set('kiosk', token)
    const res = await k.get('/kiosk')
    expect(res.status).toBe(200)
    expect(setCookie(res, 'kiosk')).toMatch(new RegExp(`^__Host-kiosk=${token};.*Secure`))
    expect(k.cookies.get('__Host-kiosk')).toBe(token)
    k.cookies.delete('kiosk')
    expect((await k.get('/kiosk')).status).toBe(200)
  })
})

describe('links at the public origin', () => {
  const pairingLink = async (env: Record<string, string>, peer: string, headers: Record<string, string>) => {
    const t = await makeTestApp({ env })
    const admin = await t.client({ peer, headers }).login(...DEMO.admin)
    const html = await (await admin.post('/admin/kiosks/1/pairing-code')).text()
    return /(https?:\/\/[^/"<>\s]+)\/kiosk\/pair\?code=/.exec(html)?.[1]
  }
  const forwarded = {
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'liaison.example.org',
    'x-forwarded-for': '203.0.113.9',
  }

  it('use the host and scheme a trusted proxy forwards for', async () => {
    expect(await pairingLink({ TRUST_PROXY: '1' }, NGINX, forwarded)).toBe('https://liaison.example.org')
  })

  it('use the request’s own origin when the proxy is not trusted, and PUBLIC_URL above all', async () => {
    expect(await pairingLink({}, NGINX, forwarded)).toBe('http://localhost')
    expect(await pairingLink({ TRUST_PROXY: '10.0.0.1' }, NGINX, forwarded)).toBe('http://localhost')
    expect(
      await pairingLink({ TRUST_PROXY: '1', PUBLIC_URL: 'https://public.example.org/' }, NGINX, forwarded),
    ).toBe('https://public.example.org')
  })

  it('redirects stay relative, so the browser keeps the origin it is on', async () => {
    const t = await makeTestApp({ env: { TRUST_PROXY: '1' } })
    const c = t.client({ peer: NGINX, headers: forwarded })
    expect((await c.get('/admin')).headers.get('location')).toBe('/login?next=%2Fadmin')
    const login = await c.post('/login', { username: DEMO.admin[0], password: DEMO.admin[1], next: '/admin' })
    expect(login.headers.get('location')).toBe('/admin')
  })

  it('ignore a forwarded host that is no host name', async () => {
    const bad = { ...forwarded, 'x-forwarded-host': 'evil.example/"><script>' }
    expect(await pairingLink({ TRUST_PROXY: '1' }, NGINX, bad)).toBe('https://localhost')
  })
})
