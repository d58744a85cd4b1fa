import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('server spine', () => {
  it('reports health with the database checked', async () => {
    const t = await makeTestApp()
    const res = await t.client().get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' })
    t.db.$client.close()
    const down = await t.client().get('/healthz')
    expect(down.status).toBe(503)
  })

  it('answers unknown pages with a localised 404 page and an htmx fragment', async () => {
    const t = await makeTestApp()
    const c = await t.client().login(...DEMO.admin)
    const page = await c.get('/no-such-page')
    expect(page.status).toBe(404)
    const html = await page.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('找不到页面')
    await c.get('/lang/zh-Hant?next=/')
    const frag = await c.get('/no-such-page', { htmx: true })
    expect(frag.status).toBe(404)
    const text = await frag.text()
    expect(text).not.toContain('<html')
    expect(text).toContain('找不到頁面')
  })

  it('turns a thrown error into a 500 page with a request id and no stack trace', async () => {
    const t = await makeTestApp()
    const boom = new Hono()
    boom.get('/boom', () => {
      throw new Error('secret internals at /srv/app.ts:12')
    })
    t.app.route('/', boom)
    const c = await t.client().login(...DEMO.admin)
    const res = await c.get('/boom')
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('系统出了点问题')
    expect(html).toContain(res.headers.get('x-request-id')!)
    expect(html).not.toContain('secret internals')
    expect(html).not.toContain('app.ts')
    // Headers are set before the handler runs; the error page must carry them all the same.
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect((await c.get('/no-such-page')).headers.get('content-security-policy')).toContain(
      "default-src 'self'",
    )
  })

  it('sends a strict content security policy', async () => {
    const t = await makeTestApp()
    const csp = (await t.client().get('/login')).headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
  })

  it('serves htmx from this server, never from a CDN', async () => {
    const t = await makeTestApp()
    const html = await (await t.client().get('/login')).text()
    expect(html).toContain('src="/static/htmx.min.js"')
    expect(html).not.toMatch(/(src|href)="https?:\/\//)
    const js = await t.client().get('/static/htmx.min.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toContain('javascript')
    expect((await t.client().get('/static/package.json')).status).toBe(404)
  })
})

describe('configuration', () => {
  it('has defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 3000,
      databasePath: 'data/liaison.db',
      defaultLocale: 'zh-Hans',
      defaultTimeZone: 'Asia/Shanghai',
    })
  })

  it('fails fast naming every bad variable', () => {
    const bad = () => loadConfig({ PORT: 'eighty', DEFAULT_TIME_ZONE: 'Mars/Olympus', DEFAULT_LOCALE: 'fr' })
    expect(bad).toThrow(ConfigError)
    try {
      bad()
    } catch (e) {
      const msg = (e as Error).message
      expect(msg).toContain('PORT="eighty"')
      expect(msg).toContain('DEFAULT_TIME_ZONE="Mars/Olympus"')
      expect(msg).toContain('DEFAULT_LOCALE="fr"')
    }
  })
})
