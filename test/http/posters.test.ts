import { describe, expect, it } from 'vitest'
import { listPlaces } from '../../db/queries/places.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

const PUBLIC_URL = 'https://lianluo.example.cn'

describe('QR posters and short URLs', () => {
  it('draws each poster as inline SVG around the short URL under PUBLIC_URL, printable on A4', async () => {
    const t = await makeTestApp({ env: { PUBLIC_URL } })
    const clerk = await t.client().login(...DEMO.staff)
    const place = listPlaces(t.db)[0]!
    const index = await (await clerk.get('/staff/posters')).text()
    for (const href of [
      '/staff/posters/station/1',
      '/staff/posters/deputy/1',
      `/staff/posters/place/${place.id}`,
    ])
      expect(index).toContain(`href="${href}"`)
    for (const [path, url] of [
      ['/staff/posters/station/1', `${PUBLIC_URL}/q/s/1`],
      ['/staff/posters/deputy/1', `${PUBLIC_URL}/q/d/1`],
      [`/staff/posters/place/${place.id}`, `${PUBLIC_URL}/q/p/${place.id}`],
    ] as const) {
      const res = await clerk.get(path)
      expect(res.status, path).toBe(200)
      const html = await res.text()
      expect(html).toContain(`<span id="poster-url">${url}</span>`)
      expect(html).toMatch(
        /<div class="poster-qr" role="img" aria-label="[^"]+"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
      )
      expect(html).toContain('/static/poster.css')
    }
    const place1 = await (await clerk.get(`/staff/posters/place/${place.id}`)).text()
    expect(place1).toContain(place.nameZhHans)
    const css = await (await t.client().get('/static/poster.css')).text()
    expect(css).toMatch(/@page a4-sheet \{\s*size: A4 portrait;/)
    expect((await clerk.get('/staff/posters/deputy/999')).status).toBe(404)
  })

  it('refuses with 409 and says why when PUBLIC_URL is not set', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const res = await clerk.get('/staff/posters/station/1')
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('PUBLIC_URL')
    expect(html).toContain('局域网地址扫了也打不开')
    expect(html).not.toContain('<svg')
    await clerk.get('/lang/en?next=/')
    expect(await (await clerk.get('/staff/posters/deputy/1')).text()).toContain(
      'a local network address would not',
    )
  })

  it('redirects the short URLs to the pages, and answers 404 for unknown or retired subjects', async () => {
    const t = await makeTestApp()
    const anon = t.client()
    const place = listPlaces(t.db)[0]!
    for (const [from, to] of [
      ['/q/s/1', '/m/station/1'],
      ['/q/d/2', '/m/deputy/2'],
      [`/q/p/${place.id}`, `/m/find?place=${place.id}`],
    ] as const) {
      const res = await anon.get(from)
      expect(res.status, from).toBe(302)
      expect(res.headers.get('location')).toBe(to)
    }
    for (const path of ['/q/s/999', '/q/d/999', '/q/p/99999', '/q/x/1']) {
      const res = await anon.get(path)
      expect(res.status, path).toBe(404)
      expect(await res.text()).toContain('<html')
    }
    t.db.$client.prepare('update deputies set active = 0 where id = 2').run()
    expect((await anon.get('/q/d/2')).status).toBe(404)
    expect((await anon.get('/m/deputy/2')).status).toBe(404)
  })

  it('is for staff and administrators, not for residents or deputies', async () => {
    const t = await makeTestApp({ env: { PUBLIC_URL } })
    expect((await t.client().get('/staff/posters/station/1')).status).toBe(302)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get('/staff/posters')).status).toBe(403)
    const admin = await t.client().login(...DEMO.admin)
    expect((await admin.get('/staff/posters/deputy/1')).status).toBe(200)
    expect(await (await admin.get('/admin/deputies')).text()).toContain('href="/staff/posters/deputy/1"')
  })
})
