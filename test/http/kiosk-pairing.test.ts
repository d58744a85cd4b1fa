import { describe, expect, it } from 'vitest'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { makeTestApp } from '../helpers/test-app.ts'

describe('kiosk pairing', () => {
  it('sends an unpaired device to the pairing screen only', async () => {
    const t = await makeTestApp()
    const c = t.client()
    const res = await c.get('/kiosk')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/kiosk/pair')
    const pair = await c.get('/kiosk/pair')
    expect(pair.status).toBe(200)
    expect(pair.headers.get('cache-control')).toBe('no-store')
    // Only kiosk screens: the static files stay cacheable.
    expect((await c.get('/static/app.css')).headers.get('cache-control')).not.toContain('no-store')
  })

  it('pairs with a one-time code typed in any case and with or without the dash', async () => {
    const t = await makeTestApp()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    const res = await c.post('/kiosk/pair', { code: ` ${code.toLowerCase().replace('-', '')} ` })
    expect(res.status).toBe(303)
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('kiosk='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Max-Age=34560000/)
    const start = await c.get('/kiosk')
    expect(start.status).toBe(200)
    expect(start.headers.get('cache-control')).toBe('no-store')
    expect(await start.text()).toContain('东湖街道人大代表联络站')
    // The code is spent.
    const again = await t.client().post('/kiosk/pair', { code })
    expect(again.status).toBe(422)
    const row = t.db.$client
      .prepare('select device_token_hash, pairing_code_hash from kiosks where id = 1')
      .get() as Record<string, string | null>
    expect(row.pairing_code_hash).toBeNull()
    expect(row.device_token_hash).not.toContain(c.cookies.get('kiosk')!)
  })

  it('pairs the demo kiosk from the printed link with the code in the query', async () => {
    const t = await makeTestApp()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    const res = await c.get(`/kiosk/pair?code=${code}`)
    expect(res.status).toBe(303)
    expect((await c.get('/kiosk')).status).toBe(200)
  })

  it('only fills in the form from a link on a real (non-demo) database, so a link preview cannot spend the code', async () => {
    const t = await makeTestApp()
    t.db.$client.prepare("delete from settings where key = 'demo'").run()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    const res = await c.get(`/kiosk/pair?code=${code}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(`value="${code}"`)
    expect(c.cookies.has('kiosk')).toBe(false)
    expect((await c.post('/kiosk/pair', { code })).status).toBe(303)
  })

  it('refuses an expired, unknown or empty code with a localised message and pairs nothing', async () => {
    const t = await makeTestApp()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    t.clock.advance(31 * 60_000)
    const c = t.client()
    await c.get('/lang/en?next=/kiosk/pair')
    const expired = await c.post('/kiosk/pair', { code })
    expect(expired.status).toBe(422)
    expect(await expired.text()).toContain('not valid or has expired')
    expect((await c.post('/kiosk/pair', { code: 'ZZZZ-ZZZZ' })).status).toBe(422)
    expect((await c.post('/kiosk/pair', { code: '' })).status).toBe(422)
    expect((await c.post('/kiosk/pair', { code: 'x'.repeat(200) })).status).toBe(422)
    expect(
      t.db.$client.prepare('select count(*) n from kiosks where device_token_hash is not null').get(),
    ).toEqual({ n: 0 })
    expect((await c.get('/kiosk')).status).toBe(302)
  })

  it('stops a revoked kiosk at once', async () => {
    const t = await makeTestApp()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    await c.post('/kiosk/pair', { code })
    expect((await c.get('/kiosk')).status).toBe(200)
    t.db.$client.prepare('update kiosks set revoked_at = ? where id = 1').run(t.clock.now().getTime())
    expect((await c.get('/kiosk')).status).toBe(302)
  })

  it('resets language and text size on an idle reset', async () => {
    const t = await makeTestApp()
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    await c.post('/kiosk/pair', { code })
    await c.get('/lang/en?next=/kiosk')
    await c.get('/lang/text/large?next=/kiosk')
    expect(await (await c.get('/kiosk')).text()).toContain('class="kiosk large-text"')
    const reset = await c.get('/kiosk?reset=1')
    expect(reset.status).toBe(303)
    const html = await (await c.get('/kiosk')).text()
    expect(html).toContain('lang="zh-CN"')
    expect(html).not.toContain('large-text')
  })

  it('shows who is on duty now and next from the roster', async () => {
    const { rosterFixture } = await import('../helpers/roster.ts')
    const t = await makeTestApp({ now: '2026-11-23T02:00:00Z' })
    await rosterFixture(t)
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    await c.post('/kiosk/pair', { code })
    await c.get('/lang/en?next=/kiosk')
    const html = await (await c.get('/kiosk')).text()
    expect(html).toContain('On duty now: 王晓梅 (Morning)')
    expect(html).toContain('Next on duty: li, Afternoon Mon 14:00')
  })

  it('shows a holiday closure on the start screen', async () => {
    const t = await makeTestApp({ now: '2026-10-01T02:00:00Z' })
    const { code } = issuePairingCode(t.db, 1, t.clock.now())
    const c = t.client()
    await c.post('/kiosk/pair', { code })
    expect(await (await c.get('/kiosk')).text()).toContain('今天是休息日：国庆节')
  })
})
