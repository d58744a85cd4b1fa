import { describe, expect, it } from 'vitest'
import { saveKiosk } from '../../db/queries/admin-kiosks.ts'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** The start screen is rendered once per station, language and text size and kept (issue 9). */
async function pairedClient(t: TestApp) {
  const kioskId = saveKiosk(
    t.db,
    undefined,
    { stationId: 1, label: '大厅', hasReceiptPrinter: false, voiceAnnouncements: true },
    1,
    t.clock.now(),
  )
  const { code } = issuePairingCode(t.db, kioskId, t.clock.now())
  const c = t.client()
  await c.post('/kiosk/pair', { code })
  return c
}

const csrfMeta = (html: string) => /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1]

describe('kept kiosk start screen', () => {
  it('gives each kiosk its own CSRF token, the one its cookie holds', async () => {
    const t = await makeTestApp()
    const a = await pairedClient(t)
    const b = await pairedClient(t)
    const first = await (await a.get('/kiosk')).text()
    const second = await (await b.get('/kiosk')).text()
    expect(csrfMeta(first)).toBe(a.cookies.get('csrf'))
    expect(csrfMeta(second)).toBe(b.cookies.get('csrf'))
    expect(a.cookies.get('csrf')).not.toBe(b.cookies.get('csrf'))
    expect(first).not.toContain('csrf-slot')
  })

  it('renews the device cookie when it records the kiosk as seen, at most every five minutes', async () => {
    const t = await makeTestApp()
    const c = await pairedClient(t)
    const renewed = async () =>
      (await c.get('/kiosk')).headers.getSetCookie().some((l) => /^kiosk=.+Max-Age=34560000/.test(l))
    // Pairing counts as seen.
    expect(await renewed()).toBe(false)
    t.clock.advance(5 * 60_000)
    expect(await renewed()).toBe(true)
    expect(await renewed()).toBe(false)
  })

  it('shows a closure at once, however it was written', async () => {
    const t = await makeTestApp()
    const c = await pairedClient(t)
    expect(await (await c.get('/kiosk')).text()).not.toContain('今天是休息日')
    const now = t.clock.now().getTime()
    t.db.$client
      .prepare(
        "insert into closures (date, kind, station_id, name, created_at, updated_at) values ('2026-11-25', 'holiday', 0, '测试假日', ?, ?)",
      )
      .run(now, now)
    expect(await (await c.get('/kiosk')).text()).toContain('今天是休息日：测试假日')
  })

  it('keeps languages and text sizes apart', async () => {
    const t = await makeTestApp()
    const c = await pairedClient(t)
    const other = await pairedClient(t)
    await other.get('/lang/en?next=/kiosk')
    await other.get('/lang/text/large?next=/kiosk')
    expect(await (await c.get('/kiosk')).text()).toContain('lang="zh-CN"')
    const en = await (await other.get('/kiosk')).text()
    expect(en).toContain('lang="en"')
    expect(en).toContain('large-text')
    expect(await (await c.get('/kiosk')).text()).not.toContain('large-text')
  })

  it('moves to the next duty when the clock passes the end of the one shown', async () => {
    const { rosterFixture } = await import('../helpers/roster.ts')
    const t = await makeTestApp({ now: '2026-11-23T02:00:00Z' })
    await rosterFixture(t)
    const c = await pairedClient(t)
    await c.get('/lang/en?next=/kiosk')
    // Ten seconds before the morning slot ends at 12:00, and ten seconds after.
    t.clock.set('2026-11-23T03:59:50Z')
    expect(await (await c.get('/kiosk')).text()).toContain('On duty now: 王晓梅 (Morning)')
    t.clock.set('2026-11-23T04:00:10Z')
    const noon = await (await c.get('/kiosk')).text()
    expect(noon).not.toContain('On duty now: 王晓梅 (Morning)')
    expect(noon).toContain('Afternoon Mon 14:00')
  })
})
