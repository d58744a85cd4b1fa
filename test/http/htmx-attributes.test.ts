import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { findHtmx2Attributes } from '../helpers/htmx2.ts'
import { concretePath } from '../helpers/routes.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('htmx 4 only', () => {
  it('finds an htmx-2 attribute when there is one (the check itself works)', () => {
    expect(findHtmx2Attributes('<button hx-post="/x" hx-disabled-elt="this">')).toHaveLength(1)
    expect(findHtmx2Attributes('<div sse-connect="/events">')).toHaveLength(1)
    expect(findHtmx2Attributes('<button hx-post="/x" hx-disable="this">')).toEqual([])
  })

  it('renders no htmx-2-only attribute on any page, for any role or device', async () => {
    const t = await makeTestApp()
    const clients = [
      await t.client().login(...DEMO.admin),
      await t.client().login(...DEMO.staff),
      await t.client().login(...DEMO.deputy),
    ]
    const kiosk = t.client()
    await kiosk.get(`/kiosk/pair?code=${issuePairingCode(t.db, 1, t.clock.now()).code}`)
    clients.push(kiosk, t.client())
    const paths = [
      ...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => concretePath(r.path))),
    ]
    let pages = 0
    for (const c of clients) {
      for (const path of paths) {
        const res = await c.get(path)
        if (!res.headers.get('content-type')?.includes('text/html')) continue
        pages++
        expect(findHtmx2Attributes(await res.text()), `${path}`).toEqual([])
      }
    }
    expect(pages).toBeGreaterThan(5)
  })

  it('uses no htmx-2-only attribute or event name in the view and script sources', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n)
        return statSync(p).isDirectory() ? files(p) : /\.(tsx|js)$/.test(n) ? [p] : []
      })
    const hits = ['views', 'kiosk', 'server']
      .flatMap(files)
      .flatMap((f) => findHtmx2Attributes(readFileSync(f, 'utf8')).map((h) => `${f}: ${h}`))
    expect(hits).toEqual([])
  })
})
