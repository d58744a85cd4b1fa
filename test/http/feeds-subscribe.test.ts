import { beforeEach, describe, expect, it } from 'vitest'
import { feedTokens } from '../../db/schema.ts'
import { feedFixture } from '../helpers/feeds.ts'
import { addAccount, DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await makeTestApp()
})

/** The https and webcal links a page shows, if any. */
function links(html: string) {
  const https = /value="(http[^"]+\/feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)?.[1]
  const webcal = /href="(webcal:\/\/[^"]+\/feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)?.[1]
  return { https, webcal, path: https ? new URL(https).pathname : undefined }
}

describe('subscribing from /me/calendar', () => {
  it('a deputy makes a link once, sees it with a QR code only then, and can replace or stop it', async () => {
    const deputy = await t.client().login(...DEMO.deputy)
    const empty = await deputy.get('/me/calendar')
    expect(empty.status).toBe(200)
    const emptyHtml = await empty.text()
    expect(emptyHtml).toContain('id="feed-deputy"')
    expect(emptyHtml).toContain('还没有订阅链接')
    expect(emptyHtml).not.toContain('id="feed-staff"')

    const made = await deputy.post('/me/calendar/deputy/issue')
    expect(made.status).toBe(200)
    expect(made.headers.get('cache-control')).toBe('no-store')
    const html = await made.text()
    const first = links(html)
    expect(first.https).toMatch(/^http:\/\/localhost\/feeds\//)
    expect(first.webcal).toBe(first.https!.replace(/^http:/, 'webcal:'))
    expect(html).toContain('<svg')
    expect(html).toContain(`https://calendar.google.com/calendar/r?cid=${encodeURIComponent(first.webcal!)}`)
    for (const line of ['iPhone：', 'Google 日历', 'Outlook：', '更新频率']) expect(html).toContain(line)

    // The feed works for anyone holding the URL (a calendar server has no session).
    expect((await t.client().get(first.path!)).status).toBe(200)
    // Later visits do not show it again: only its hash is kept.
    const later = await (await deputy.get('/me/calendar')).text()
    expect(links(later).https).toBeUndefined()
    expect(later).toContain('订阅链接创建于')

    const second = links(await (await deputy.post('/me/calendar/deputy/issue')).text())
    expect(second.path).not.toBe(first.path)
    expect((await t.client().get(first.path!)).status).toBe(404)
    expect((await t.client().get(second.path!)).status).toBe(200)

    const off = await deputy.post('/me/calendar/deputy/revoke')
    expect(off.status).toBe(303)
    expect(off.headers.get('location')).toBe('/me/calendar?done=revoked')
    expect(await (await deputy.get('/me/calendar?done=revoked')).text()).toContain('订阅链接已停用')
    expect((await t.client().get(second.path!)).status).toBe(404)
  })

  it('uses PUBLIC_URL for the links when it is set', async () => {
    const app = await makeTestApp({ env: { PUBLIC_URL: 'https://liaison.example.org/' } })
    const deputy = await app.client().login(...DEMO.deputy)
    const { https, webcal } = links(await (await deputy.post('/me/calendar/deputy/issue')).text())
    expect(https).toMatch(/^https:\/\/liaison\.example\.org\/feeds\/[A-Za-z0-9_-]{43}\.ics$/)
    expect(webcal).toMatch(/^webcal:\/\/liaison\.example\.org\/feeds\//)
  })

  it('staff get their duty feed; nobody reaches a feed that is not theirs; forms need the CSRF token', async () => {
    await feedFixture(t)
    const clerk = await t.client().login(...DEMO.staff)
    const page = await (await clerk.get('/me/calendar')).text()
    expect(page).toContain('id="feed-staff"')
    expect(page).not.toContain('id="feed-deputy"')
    expect((await clerk.post('/me/calendar/deputy/issue')).status).toBe(404)
    expect((await clerk.post('/me/calendar/station/issue')).status).toBe(404)
    expect((await clerk.post('/me/calendar/staff/issue', {}, { csrf: false })).status).toBe(403)
    expect(t.db.select().from(feedTokens).all()).toHaveLength(0)
    const { path } = links(await (await clerk.post('/me/calendar/staff/issue')).text())
    const ics = await (await t.client().get(path!)).text()
    expect(ics).toContain('X-WR-CALNAME:王晓梅：值班')

    const admin = await t.client().login(...DEMO.admin)
    const adminPage = await (await admin.get('/me/calendar')).text()
    expect(adminPage).toContain('id="feed-none"')
    expect(adminPage).toContain('href="/admin/feeds"')

    expect((await t.client().get('/me/calendar')).status).toBe(302)
    expect((await clerk.get('/admin/feeds')).status).toBe(403)
    expect((await clerk.post('/admin/feeds/station/1/issue')).status).toBe(403)
  })

  it('an administrator manages any deputy’s, station’s or staff member’s link', async () => {
    const li = await addAccount(t, { username: 'li', role: 'staff', stationIds: [1] })
    const admin = await t.client().login(...DEMO.admin)
    const list = await (await admin.get('/admin/feeds')).text()
    expect(list).toContain('id="feed-row-deputy-1"')
    expect(list).toContain('id="feed-row-station-2"')
    expect(list).toContain(`id="feed-row-staff-${li.id}"`)

    const made = await (await admin.post('/admin/feeds/station/1/issue')).text()
    const { path } = links(made)
    expect((await t.client().get(path!)).status).toBe(200)
    expect(await (await admin.get('/admin/feeds')).text()).toMatch(/id="feed-row-station-1">[\s\S]*?已启用/)

    const off = await admin.post('/admin/feeds/station/1/revoke')
    expect(off.headers.get('location')).toBe('/admin/feeds/station/1?done=revoked')
    expect((await t.client().get(path!)).status).toBe(404)

    expect((await admin.get('/admin/feeds/staff/1')).status).toBe(404) // the admin is not staff
    expect((await admin.get('/admin/feeds/deputy/999')).status).toBe(404)
    expect((await admin.post('/admin/feeds/robot/1/issue')).status).toBe(404)
  })

  it('reads in all three languages', async () => {
    const deputy = await t.client().login(...DEMO.deputy)
    const words = { 'zh-Hans': '日历订阅', 'zh-Hant': '日曆訂閱', en: 'Calendar subscription' } as const
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      deputy.cookies.set('lang', lang)
      const html = await (await deputy.get('/me/calendar')).text()
      expect(html, lang).toContain(words[lang])
    }
    // A link made in English writes its feed in English.
    const { path } = links(await (await deputy.post('/me/calendar/deputy/issue')).text())
    expect(await (await t.client().get(path!)).text()).toContain('X-WR-CALNAME:陈建国: receptions and duty')
  })
})
