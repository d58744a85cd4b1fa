import { describe, expect, it } from 'vitest'
import { type Access, accessFor } from '../../server/access-policy.ts'
import { FEED_ROUTE } from '../../server/app.ts'
import { concretePath } from '../helpers/routes.ts'
import { DEMO, makeTestApp, type TestClient } from '../helpers/test-app.ts'

/**
 * Who may reach each route, written out by hand: not read from ACCESS_RULES, the table under test.
 * A new route fails the first test until it is added here with the access it should have.
 */
const EXPECTED_ACCESS: readonly (readonly [route: string, access: Access])[] = [
  ['GET /static/:name', 'public'],
  ['GET /healthz', 'public'],
  ['GET /lang/text/:size', 'public'],
  ['GET /lang/:locale', 'public'],
  ['GET /login', 'public'],
  ['POST /login', 'public'],
  ['POST /logout', 'signed-in'],
  ['GET /kiosk/pair', 'public'],
  ['POST /kiosk/pair', 'public'],
  ['GET /kiosk', 'kiosk'],
  ['GET /kiosk/concern', 'kiosk'],
  ['GET /kiosk/concern/details', 'kiosk'],
  ['GET /kiosk/concern/phone', 'kiosk'],
  ['POST /kiosk/concern/phone', 'kiosk'],
  ['GET /kiosk/concern/place', 'kiosk'],
  ['POST /kiosk/concern/place', 'kiosk'],
  ['POST /kiosk/concern/details', 'kiosk'],
  ['POST /kiosk/concern', 'kiosk'],
  ['GET /kiosk/slip/:code', 'kiosk'],
  ['GET /kiosk/progress', 'kiosk'],
  ['POST /kiosk/progress', 'kiosk'],
  ['GET /kiosk/progress/:code', 'kiosk'],
  ['POST /kiosk/progress/:code/verdict', 'kiosk'],
  ['GET /kiosk/booking', 'kiosk'],
  ['GET /kiosk/booking/days', 'kiosk'],
  ['GET /kiosk/booking/slots', 'kiosk'],
  ['GET /kiosk/booking/details', 'kiosk'],
  ['POST /kiosk/booking', 'kiosk'],
  ['GET /kiosk/booking/slip/:code', 'kiosk'],
  ['GET /kiosk/booking/code', 'kiosk'],
  ['POST /kiosk/booking/code', 'kiosk'],
  ['POST /kiosk/booking/check-in', 'kiosk'],
  ['GET /kiosk/booking/cancel', 'kiosk'],
  ['POST /kiosk/booking/cancel', 'kiosk'],
  ['GET /kiosk/booking/phone', 'kiosk'],
  ['POST /kiosk/booking/phone', 'kiosk'],
  ['POST /kiosk/call-staff', 'kiosk'],
  ['GET /display', 'kiosk'],
  ['GET /display/events', 'kiosk'],
  ['GET /console', ['deputy', 'staff']],
  ['GET /console/:stationId/:deputyId', ['deputy', 'staff']],
  ['GET /console/:stationId/:deputyId/queue', ['deputy', 'staff']],
  ['GET /console/:stationId/:deputyId/events', ['deputy', 'staff']],
  ['POST /console/:stationId/:deputyId/call', ['deputy', 'staff']],
  ['POST /console/:stationId/:deputyId/tickets/:ticketId/:action', ['deputy', 'staff']],
  ['GET /console/:stationId/:deputyId/tickets/:ticketId/verdict', ['deputy', 'staff']],
  ['GET /staff/stations/:id/today', ['staff']],
  ['POST /staff/stations/:id/today/presence', ['staff']],
  ['POST /staff/stations/:id/queue-settings', ['staff']],
  ['GET /staff/stations/:id/today/calls/events', ['staff']],
  ['POST /staff/stations/:id/today/calls/:callId/answer', ['staff']],
  ['GET /staff/triage', ['staff']],
  ['POST /staff/triage/:id/accept', ['staff']],
  ['POST /staff/triage/:id/spam', ['staff']],
  ['GET /staff/stations/:id/intake', ['staff']],
  ['POST /staff/stations/:id/intake', ['staff']],
  ['GET /staff/stations/:id/visits', ['staff']],
  ['GET /me/visits', 'signed-in'],
  ['GET /visits/new', ['deputy', 'staff']],
  ['POST /visits', ['deputy', 'staff']],
  ['GET /visits/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /visits/:id{[0-9]+}/edit', ['deputy', 'staff']],
  ['POST /visits/:id{[0-9]+}/edit', ['deputy', 'staff']],
  ['POST /visits/:id{[0-9]+}/log', ['deputy', 'staff']],
  ['POST /visits/:id{[0-9]+}/cancel', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/accept', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/return', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/assign', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/reply', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/verdict', ['deputy', 'staff']],
  ['POST /visits/:id{[0-9]+}/undo', ['deputy', 'staff']],
  ['GET /visits/:id{[0-9]+}/concerns', ['deputy', 'staff']],
  ['POST /visits/:id{[0-9]+}/concerns', ['deputy', 'staff']],
  ['GET /visits/:id{[0-9]+}/slip/:code', ['deputy', 'staff']],
  ['GET /staff/stations/:id/reception', ['staff']],
  ['GET /staff/stations/:id/reception/book', ['staff']],
  ['POST /staff/stations/:id/reception/book', ['staff']],
  ['POST /staff/stations/:id/reception/sessions/:sid/cancel', ['staff']],
  ['POST /staff/stations/:id/reception/sessions/:sid/move', ['staff']],
  ['POST /staff/stations/:id/reception/bookings/:bid/cancel', ['staff']],
  ['GET /staff/stations/:id/reception/callbacks', ['staff']],
  ['POST /staff/stations/:id/reception/callbacks/:bid/done', ['staff']],
  ['GET /staff/stations/:id/reception/plans', ['staff']],
  ['POST /staff/stations/:id/reception/plans', ['staff']],
  ['GET /staff/stations/:id/reception/plans/:pid', ['staff']],
  ['POST /staff/stations/:id/reception/plans/:pid', ['staff']],
  ['POST /staff/stations/:id/reception/plans/:pid/end', ['staff']],
  ['POST /staff/stations/:id/reception/settings', ['staff']],
  ['GET /deputy/reception', ['deputy', 'staff']],
  ['GET /track/:code', 'public'],
  ['GET /m/deputies', 'public'],
  ['GET /m/deputy/:id{[0-9]+}', 'public'],
  ['GET /m/deputy/:id{[0-9]+}/photo', 'public'],
  ['GET /m/station/:id{[0-9]+}', 'public'],
  ['GET /m/share.png', 'public'],
  ['GET /m/suggestions', 'public'],
  ['GET /m/suggestions/:id{[0-9]+}', 'public'],
  ['GET /q/s/:id{[0-9]+}', 'public'],
  ['GET /q/d/:id{[0-9]+}', 'public'],
  ['GET /q/p/:id{[0-9]+}', 'public'],
  ['GET /staff/posters', ['staff']],
  ['GET /staff/posters/station/:id{[0-9]+}', ['staff']],
  ['GET /staff/posters/deputy/:id{[0-9]+}', ['staff']],
  ['GET /staff/posters/place/:id{[0-9]+}', ['staff']],
  ['GET /me/schedule/print', 'signed-in'],
  ['GET /staff/deputies/:id{[0-9]+}/schedule/print', ['staff']],
  ['POST /track/:code/verdict', 'public'],
  ['GET /m', 'public'],
  ['GET /m/', 'public'],
  ['GET /m/track', 'public'],
  ['GET /m/find', 'public'],
  ['GET /m/raise', 'public'],
  ['POST /m/raise', 'public'],
  ['GET /m/book', 'public'],
  ['GET /m/book/slots', 'public'],
  ['GET /m/book/details', 'public'],
  ['POST /m/book', 'public'],
  ['GET /m/booking/:code', 'public'],
  ['GET /m/booking/:code/cancel', 'public'],
  ['POST /m/booking/:code/cancel', 'public'],
  ['GET /m/book/find', 'public'],
  ['GET /concerns', ['deputy', 'staff']],
  ['GET /concerns/mine', ['deputy', 'staff']],
  ['GET /concerns/:id{[0-9]+}', ['deputy', 'staff']],
  ['POST /concerns/:id{[0-9]+}/steps/:step', ['deputy', 'staff']],
  ['POST /concerns/:id{[0-9]+}/summary', ['deputy', 'staff']],
  ['GET /suggestions', ['deputy', 'staff']],
  ['GET /suggestions/new', ['deputy', 'staff']],
  ['POST /suggestions/new', ['deputy', 'staff']],
  ['GET /suggestions/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /suggestions/:id{[0-9]+}/edit', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/edit', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/submit', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/withdraw', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/concerns', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/cosigners', ['deputy', 'staff']],
  ['POST /suggestions/:id{[0-9]+}/cosign', ['deputy', 'staff']],
  ['GET /staff/stations/:id/concerns', ['staff']],
  ['GET /staff/stations/:id/callbacks', ['staff']],
  ['GET /staff/followup-settings', ['admin']],
  ['GET /staff/search', ['deputy', 'staff']],
  ['POST /staff/followup-settings', ['admin']],
  ['GET /records', ['deputy', 'staff']],
  ['GET /records/me', ['deputy', 'staff']],
  ['GET /records/deputies/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /records/stations/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /records/streets/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /records/export.csv', ['deputy', 'staff']],
  ['GET /suggestions/finder', ['deputy', 'staff']],
  ['POST /suggestions/finder', ['deputy', 'staff']],
  ['GET /suggestions/:id{[0-9]+}/print', ['deputy', 'staff']],
  ['GET /suggestions/export.csv', ['deputy', 'staff']],
  ['GET /records/units', ['deputy', 'staff']],
  ['GET /records/units.csv', ['deputy', 'staff']],
  ['GET /coverage', ['deputy', 'staff']],
  ['GET /coverage/deputy/:id{[0-9]+}', ['deputy', 'staff']],
  ['GET /coverage/grid', ['deputy', 'staff']],
  ['GET /reports/stations/:id{[0-9]+}', 'public'],
  ['GET /reports/stations/:id{[0-9]+}/:month', 'public'],
  ['GET /me/calendar', 'signed-in'],
  ['POST /me/calendar/:kind/issue', 'signed-in'],
  ['POST /me/calendar/:kind/revoke', 'signed-in'],
  ['GET /admin/feeds', ['admin']],
  ['GET /admin/feeds/:kind{[a-z]+}/:id{[0-9]+}', ['admin']],
  ['POST /admin/feeds/:kind{[a-z]+}/:id{[0-9]+}/issue', ['admin']],
  ['POST /admin/feeds/:kind{[a-z]+}/:id{[0-9]+}/revoke', ['admin']],
  ['GET /admin', ['admin']],
  ['GET /admin/stations', ['admin']],
  ['GET /admin/stations/new', ['admin']],
  ['POST /admin/stations', ['admin']],
  ['GET /admin/stations/:id{[0-9]+}', ['admin']],
  ['POST /admin/stations/:id{[0-9]+}', ['admin']],
  ['GET /admin/districts', ['admin']],
  ['GET /admin/districts/new', ['admin']],
  ['POST /admin/districts', ['admin']],
  ['GET /admin/districts/:id{[0-9]+}', ['admin']],
  ['POST /admin/districts/:id{[0-9]+}', ['admin']],
  ['GET /admin/deputies', ['admin']],
  ['GET /admin/deputies/new', ['admin']],
  ['POST /admin/deputies', ['admin']],
  ['GET /admin/deputies/:id{[0-9]+}', ['admin']],
  ['POST /admin/deputies/:id{[0-9]+}', ['admin']],
  ['GET /admin/deputies/:id{[0-9]+}/photo', ['admin']],
  ['POST /admin/deputies/:id{[0-9]+}/photo', ['admin']],
  ['POST /admin/deputies/:id{[0-9]+}/photo/remove', ['admin']],
  ['GET /admin/audit', ['admin']],
  ['GET /admin/accounts', ['admin']],
  ['GET /admin/accounts/new', ['admin']],
  ['POST /admin/accounts', ['admin']],
  ['GET /admin/accounts/:id{[0-9]+}', ['admin']],
  ['POST /admin/accounts/:id{[0-9]+}', ['admin']],
  ['GET /admin/units', ['admin']],
  ['GET /admin/units/new', ['admin']],
  ['POST /admin/units', ['admin']],
  ['GET /admin/units/:id{[0-9]+}', ['admin']],
  ['POST /admin/units/:id{[0-9]+}', ['admin']],
  ['GET /admin/topics', ['admin']],
  ['GET /admin/topics/new', ['admin']],
  ['POST /admin/topics', ['admin']],
  ['GET /admin/topics/:id{[0-9]+}', ['admin']],
  ['POST /admin/topics/:id{[0-9]+}', ['admin']],
  ['GET /admin/topics/:id{[0-9]+}/phrases', ['admin']],
  ['GET /admin/topics/:id{[0-9]+}/phrases/new', ['admin']],
  ['POST /admin/topics/:id{[0-9]+}/phrases', ['admin']],
  ['GET /admin/topics/:id{[0-9]+}/phrases/:pid{[0-9]+}', ['admin']],
  ['POST /admin/topics/:id{[0-9]+}/phrases/:pid{[0-9]+}', ['admin']],
  ['GET /admin/places', ['admin']],
  ['GET /admin/places/new', ['admin']],
  ['POST /admin/places', ['admin']],
  ['GET /admin/places/:id{[0-9]+}', ['admin']],
  ['POST /admin/places/:id{[0-9]+}', ['admin']],
  ['POST /admin/places/:id{[0-9]+}/deactivate', ['admin']],
  ['POST /admin/places/:id{[0-9]+}/reactivate', ['admin']],
  ['GET /admin/places/import', ['admin']],
  ['POST /admin/places/import', ['admin']],
  ['GET /admin/closures', ['admin']],
  ['GET /admin/closures/new', ['admin']],
  ['POST /admin/closures', ['admin']],
  ['GET /admin/closures/:id{[0-9]+}', ['admin']],
  ['POST /admin/closures/:id{[0-9]+}', ['admin']],
  ['POST /admin/closures/:id{[0-9]+}/delete', ['admin']],
  ['GET /admin/closures/import', ['admin']],
  ['POST /admin/closures/import', ['admin']],
  ['GET /admin/kiosks', ['admin']],
  ['GET /admin/kiosks/new', ['admin']],
  ['POST /admin/kiosks', ['admin']],
  ['GET /admin/kiosks/:id{[0-9]+}', ['admin']],
  ['POST /admin/kiosks/:id{[0-9]+}', ['admin']],
  ['POST /admin/kiosks/:id{[0-9]+}/pairing-code', ['admin']],
  ['POST /admin/kiosks/:id{[0-9]+}/revoke', ['admin']],
  ['GET /staff/jobs', ['admin']],
  ['POST /staff/jobs/outbox/:id/retry', ['admin']],
  ['GET /staff/stations/:id{[0-9]+}/roster', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/gaps', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/fairness', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/setup', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/publish', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/publish-weeks', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/slots', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/slots/:slotId/retire', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/rules/new', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/rules/preview', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/rules', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/rules/:ruleId/delete', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/overrides', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/overrides', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/overrides/:oid/remove', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/absences', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/absences', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/absences/:aid/cancel', ['staff']],
  ['GET /staff/stations/:id{[0-9]+}/roster/swaps', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/swaps/:sid/approve', ['staff']],
  ['POST /staff/stations/:id{[0-9]+}/roster/swaps/:sid/decline', ['staff']],
  ['GET /me/duty', 'signed-in'],
  ['POST /me/duty/swaps', 'signed-in'],
  ['POST /me/duty/swaps/:id/take', 'signed-in'],
  ['POST /me/duty/swaps/:id/cancel', 'signed-in'],
  ['POST /me/duty/absences', 'signed-in'],
  ['POST /me/duty/absences/:id/cancel', 'signed-in'],
  ['GET /me/password', 'signed-in'],
  ['POST /me/password', 'signed-in'],
  ['GET /me/notifications', 'signed-in'],
  ['POST /me/notifications', 'signed-in'],
  ['GET /', 'signed-in'],
]

const routesOf = (t: Awaited<ReturnType<typeof makeTestApp>>) => {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of t.app.routes)
    if (r.method !== 'ALL') seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path })
  return seen
}

const send = (c: TestClient, method: string, path: string) =>
  method === 'GET' ? c.get(path) : c.post(path, {})

describe('route table', () => {
  it('names every route of the app in the expected-access list, and nothing else', async () => {
    const t = await makeTestApp()
    const actual = [...routesOf(t).keys()].sort()
    const listed = EXPECTED_ACCESS.map(([route]) => route)
    expect(new Set(listed).size, 'a route listed twice').toBe(listed.length)
    expect(
      actual.filter((r) => !listed.includes(r)),
      'routes the list does not name',
    ).toEqual([])
    expect(
      listed.filter((r) => !actual.includes(r)),
      'listed routes the app does not have',
    ).toEqual([])
  })

  it('gives every route the access written out for it', () => {
    for (const [route, expected] of EXPECTED_ACCESS) {
      const path = route.slice(route.indexOf(' ') + 1)
      expect(accessFor(concretePath(path)), route).toEqual(expected)
    }
  })

  it('refuses anonymous requests, and accounts without the role, on every route that needs them', async () => {
    const t = await makeTestApp()
    const staff = await t.client().login(...DEMO.staff)
    const deputy = await t.client().login(...DEMO.deputy)
    let checked = 0
    for (const [route, expected] of EXPECTED_ACCESS) {
      const method = route.slice(0, route.indexOf(' '))
      const path = concretePath(route.slice(method.length + 1))
      const anonymous = await send(t.client(), method, path)
      if (expected === 'public') {
        expect(anonymous.status, route).not.toBe(401)
        expect(anonymous.headers.get('location') ?? '', route).not.toMatch(/^\/(login|kiosk\/pair)/)
        continue
      }
      if (method === 'GET') {
        expect([302, 401], route).toContain(anonymous.status)
        if (anonymous.status === 302)
          expect(anonymous.headers.get('location'), route).toMatch(/^\/(login|kiosk\/pair)/)
      } else {
        expect([401, 403], route).toContain(anonymous.status)
      }
      // Only requests that must be refused are sent: an allowed POST /logout would end the session.
      for (const [role, client] of [
        ['staff', staff],
        ['deputy', deputy],
      ] as const) {
        if (expected === 'kiosk')
          expect([302, 401], `${role} ${route}`).toContain((await send(client, method, path)).status)
        else if (Array.isArray(expected) && !expected.includes(role))
          expect((await send(client, method, path)).status, `${role} ${route}`).toBe(403)
      }
      checked++
    }
    expect(checked).toBeGreaterThan(100)
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
