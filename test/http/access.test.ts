import { describe, expect, it } from 'vitest'
import { accessFor } from '../../server/access-policy.ts'
import { FEED_ROUTE } from '../../server/app.ts'
import { concretePath } from '../helpers/routes.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('route table', () => {
  it('refuses an anonymous request to every route that is not public', async () => {
    const t = await makeTestApp()
    const routes = t.app.routes.filter((r) => r.method !== 'ALL')
    expect(routes.length).toBeGreaterThan(5)
    const checked: string[] = []
    for (const r of routes) {
      const path = concretePath(r.path)
      const access = accessFor(path)
      if (access === 'public') continue
      const c = t.client()
      const res =
        r.method === 'GET'
          ? await c.get(path)
          : await c.request(path, { method: r.method, headers: { 'x-csrf-token': 'none' } })
      checked.push(`${r.method} ${r.path}`)
      if (r.method === 'GET') {
        expect([302, 401], `${r.method} ${r.path}`).toContain(res.status)
        if (res.status === 302) expect(res.headers.get('location')).toMatch(/^\/(login|kiosk\/pair)/)
      } else {
        expect([401, 403], `${r.method} ${r.path}`).toContain(res.status)
      }
    }
    expect(checked.length).toBeGreaterThan(0)
  })

  it('answers feeds outside the chain only on a public path, and anything else under /feeds/ as usual', async () => {
    expect(accessFor(concretePath(FEED_ROUTE))).toBe('public')
    const t = await makeTestApp()
    // Not the feed route: the app answers, through the chain (a page with a CSRF cookie).
    const other = await t.client().get('/feeds/a/b.ics')
    expect(other.status).toBe(404)
    expect(other.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(other.headers.getSetCookie().some((l) => l.startsWith('csrf='))).toBe(true)
    const post = await t
      .client()
      .request('/feeds/x.ics', { method: 'POST', headers: { 'x-csrf-token': 'none' } })
    expect(post.status).toBe(403)
    // The feed route: the request context's headers, no cookie.
    const feed = await t.client().get('/feeds/unknown.ics')
    expect(feed.status).toBe(404)
    expect(feed.headers.get('x-request-id')).toBeTruthy()
    expect(feed.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(feed.headers.get('set-cookie')).toBeNull()
  })

  it('refuses htmx requests with 401 instead of a redirect', async () => {
    const t = await makeTestApp()
    expect((await t.client().get('/', { htmx: true })).status).toBe(401)
  })

  it('keeps staff and deputies out of administration', async () => {
    const t = await makeTestApp()
    for (const [user, pw] of [DEMO.staff, DEMO.deputy]) {
      const c = await t.client().login(user, pw)
      const res = await c.get('/admin')
      expect(res.status).toBe(403)
    }
  })

  it('judges the decoded path, so percent-encoding cannot slip past the table', async () => {
    const t = await makeTestApp()
    const deputy = await t.client().login(...DEMO.deputy)
    for (const path of ['/%61dmin', '/%61dmin/accounts', '/%73taff/jobs', '/%6Biosk']) {
      const res = await deputy.get(path)
      expect([302, 401, 403], path).toContain(res.status)
    }
    const before = t.db.$client.prepare('select count(*) n from accounts').get()
    const res = await deputy.post('/%61dmin/accounts', {
      username: 'sneaky',
      displayName: 'x',
      role: 'admin',
      password: 'long enough password',
    })
    expect(res.status).toBe(403)
    expect(t.db.$client.prepare('select count(*) n from accounts').get()).toEqual(before)
  })

  it('treats a path that no rule names as needing a log-in', () => {
    expect(accessFor('/something-new')).toBe('signed-in')
    expect(accessFor('/healthz')).toBe('public')
    expect(accessFor('/kiosk/pair')).toBe('public')
    expect(accessFor('/kiosk/concern')).toBe('kiosk')
    expect(accessFor('/admin/stations')).toEqual(['admin'])
    expect(accessFor('/administrator')).toBe('signed-in')
  })
})
