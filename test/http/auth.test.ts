import { describe, expect, it } from 'vitest'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('log-in and log-out', () => {
  it('logs in with the right password, sets a hashed session and logs out', async () => {
    const t = await makeTestApp()
    const c = t.client()
    const res = await c.post('/login', { username: DEMO.admin[0], password: DEMO.admin[1], next: '/admin' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin')
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('sid='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const token = c.cookies.get('sid')!
    const stored = t.db.$client.prepare('select token_hash from auth_sessions').all() as {
      token_hash: string
    }[]
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(token)

    expect((await c.get('/')).status).toBe(200)
    const out = await c.post('/logout')
    expect(out.status).toBe(303)
    expect(t.db.$client.prepare('select count(*) n from auth_sessions').get()).toEqual({ n: 0 })
    expect((await c.get('/')).status).toBe(302)
  })

  it('refuses a wrong password with a localised message and writes no session', async () => {
    const t = await makeTestApp()
    const c = t.client()
    await c.get('/lang/en?next=/login')
    const res = await c.post('/login', { username: 'admin', password: 'wrong' })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('The username or password is not correct.')
    expect(t.db.$client.prepare('select count(*) n from auth_sessions').get()).toEqual({ n: 0 })
  })

  it('refuses an empty form with 422 and field errors', async () => {
    const t = await makeTestApp()
    const res = await t.client().post('/login', { username: '', password: '' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('请填写此项。')
    expect(html).toContain('aria-invalid="true"')
  })

  it('rate-limits repeated failures for one name from one address', async () => {
    const t = await makeTestApp()
    const c = t.client()
    let last = 0
    for (let i = 0; i < 11; i++)
      last = (await c.post('/login', { username: 'admin', password: `x${i}` })).status
    expect(last).toBe(429)
    // Even the right password waits until the window has passed.
    expect((await c.post('/login', { username: DEMO.admin[0], password: DEMO.admin[1] })).status).toBe(429)
    t.clock.advance(16 * 60_000)
    expect((await c.post('/login', { username: DEMO.admin[0], password: DEMO.admin[1] })).status).toBe(303)
  })

  it('expires sessions after the configured hours', async () => {
    const t = await makeTestApp({ env: { SESSION_HOURS: '2' } })
    const c = await t.client().login(...DEMO.staff)
    expect((await c.get('/')).status).toBe(200)
    t.clock.advance(2 * 3_600_000 + 1)
    expect((await c.get('/')).status).toBe(302)
  })

  it('never redirects to another site after log-in or a language switch', async () => {
    const t = await makeTestApp()
    for (const next of ['//evil.example/', '/\\evil.example', '/\t/evil.example', 'https://evil.example/']) {
      const res = await t.client().post('/login', { username: DEMO.admin[0], password: DEMO.admin[1], next })
      expect(res.headers.get('location'), next).toBe('/')
      const lang = await t.client().get(`/lang/en?next=${encodeURIComponent(next)}`)
      expect(lang.headers.get('location'), next).toBe('/')
    }
    const ok = await t.client().get(`/lang/en?next=${encodeURIComponent('/kiosk?x=1')}`)
    expect(ok.headers.get('location')).toBe('/kiosk?x=1')
  })

  it('matches usernames ignoring case, as phones capitalise the first letter', async () => {
    const t = await makeTestApp()
    expect((await t.client().post('/login', { username: 'Admin', password: DEMO.admin[1] })).status).toBe(303)
  })

  it('answers a malformed or oversized body with a 4xx, never a 500', async () => {
    const t = await makeTestApp()
    const c = t.client()
    await c.get('/login')
    const garbage = await c.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'not multipart at all',
    })
    expect(garbage.status).toBe(400)
    const huge = await c.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${'a'.repeat(3 * 1024 * 1024)}`,
    })
    expect(huge.status).toBe(413)
    // A declared length is refused before anything is read.
    const declared = await c.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(3 * 1024 * 1024),
      },
      body: 'username=a',
    })
    expect(declared.status).toBe(413)
  })

  it('refuses an inactive account', async () => {
    const t = await makeTestApp()
    const a = await addAccount(t, { username: 'gone', role: 'staff' })
    t.db.$client.prepare('update accounts set active = 0 where id = ?').run(a.id)
    expect((await t.client().post('/login', { username: a.username, password: a.password })).status).toBe(401)
  })
})

describe('CSRF', () => {
  it('refuses a state-changing request without the token, with a localised 403', async () => {
    const t = await makeTestApp()
    const c = t.client()
    const res = await c.post('/login', { username: 'admin', password: 'liaison-admin' }, { csrf: false })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('页面已过期')
  })

  it('refuses a token that does not match the cookie', async () => {
    const t = await makeTestApp()
    const c = t.client()
    const res = await c.post('/login', {
      username: 'admin',
      password: 'liaison-admin',
      _csrf: 'x'.repeat(43),
    })
    expect(res.status).toBe(403)
  })

  it('accepts the token as a header, as htmx requests send it', async () => {
    const t = await makeTestApp()
    const c = t.client()
    await c.get('/login')
    const res = await c.request('/login', {
      method: 'POST',
      headers: {
        'x-csrf-token': c.cookies.get('csrf')!,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ username: 'admin', password: 'liaison-admin' }),
    })
    expect(res.status).toBe(303)
  })
})

describe('the CSRF token is bound to the session', () => {
  it('is rotated at log-in, so the token from before no longer counts', async () => {
    const t = await makeTestApp()
    const c = t.client()
    await c.get('/login')
    const anonymous = c.cookies.get('csrf')!
    await c.login(...DEMO.staff)
    const signedIn = c.cookies.get('csrf')!
    expect(signedIn).not.toBe(anonymous)
    const stale = await c.post('/logout', { _csrf: anonymous })
    expect(stale.status).toBe(403)
    expect((await c.get('/')).status).toBe(200)
    // The page carries the session's token, and it works.
    expect(await (await c.get('/')).text()).toContain(signedIn)
    expect((await c.post('/logout')).status).toBe(303)
    expect(c.cookies.has('csrf')).toBe(false)
  })

  it('refuses another session’s token, even of the same account, and a cookie set to match it', async () => {
    const t = await makeTestApp()
    const a = await t.client().login(...DEMO.staff)
    const b = await t.client().login(...DEMO.staff)
    const tokenOfB = b.cookies.get('csrf')!
    expect(tokenOfB).not.toBe(a.cookies.get('csrf'))
    // Planting B's token as A's cookie (a double-submit pair) does not help.
    a.cookies.set('csrf', tokenOfB)
    const res = await a.post('/logout', { _csrf: tokenOfB })
    expect(res.status).toBe(403)
    expect((await a.get('/')).status).toBe(200)
  })
})
