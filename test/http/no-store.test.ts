import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FEED_ROUTE } from '../../server/app.ts'
import { kioskClient } from '../helpers/queue.ts'
import { concretePath } from '../helpers/routes.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

/**
 * Written out here, not read from the access table: the only paths whose answers a browser or a
 * proxy may keep. Everything else is a staff page, a kiosk screen or personal data.
 */
const STORABLE = [
  '/healthz',
  '/static',
  '/lang',
  '/reports',
  '/feeds',
  '/m/find',
  '/m/deputies',
  '/m/deputy',
  '/m/station',
  '/m/share.png',
  // Filed deputies' suggestions (issue 18): public facts only, no resident's data.
  '/m/suggestions',
  '/q',
]
/** The residents' phone home (and its redirect), but not the rest of /m. */
const STORABLE_EXACT = ['/m', '/m/']
const storable = (path: string) =>
  STORABLE_EXACT.includes(path) || STORABLE.some((p) => path === p || path.startsWith(`${p}/`))

describe('Cache-Control: no-store', () => {
  it('is on every GET route but the public ones without personal data, whoever asks', async () => {
    const t = await makeTestApp()
    const admin = await (await kioskClient(t)).login(...DEMO.admin)
    const anonymous = t.client()
    const paths = [
      ...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => concretePath(r.path))),
      concretePath(FEED_ROUTE),
      '/',
      '/no-such-page',
    ]
    expect(paths.length).toBeGreaterThan(60)
    const answered = new Set<number>()
    for (const path of paths)
      for (const client of [admin, anonymous]) {
        const res = await client.get(path)
        await res.body?.cancel()
        answered.add(res.status)
        const header = res.headers.get('cache-control') ?? ''
        if (storable(path)) expect(header, path).not.toContain('no-store')
        else expect(header, `${path} → ${res.status}`).toBe('no-store')
      }
    // Pages, redirects, refusals and not-founds were all walked.
    for (const status of [200, 302, 404]) expect([...answered]).toContain(status)
  })

  it('is on the pages the review found without it: reception, my duty, jobs', async () => {
    const t = await makeTestApp()
    const deputy = await t.client().login(...DEMO.deputy)
    const clerk = await t.client().login(...DEMO.staff)
    const admin = await t.client().login(...DEMO.admin)
    for (const [client, path] of [
      [deputy, '/deputy/reception'],
      [deputy, '/me/duty'],
      [clerk, '/me/duty'],
      [admin, '/staff/jobs'],
    ] as const) {
      const res = await client.get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
  })

  it('is on the public pages that carry personal data or secrets', async () => {
    const t = await makeTestApp()
    for (const path of ['/login', '/kiosk/pair', '/track', '/track/ABCD2345']) {
      const res = await t.client().get(path)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
    expect((await t.client().get('/static/app.css')).headers.get('cache-control')).toContain('max-age')
  })

  it('is set in one place: no sub-app or handler sends its own', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      )
    const senders = files('server').filter((f) => readFileSync(f, 'utf8').includes('no-store'))
    expect(senders).toEqual([join('server', 'middleware', 'cache-control.ts')])
  })
})
