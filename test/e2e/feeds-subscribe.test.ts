import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { expectFeedRules, parseFeed } from '../helpers/feeds.ts'
import { expectStaffTargets } from '../helpers/roster.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

async function check(page: Page, label: string) {
  await expectNoAxeViolations(page, label)
  await expectStaffTargets(page, label)
  await screenshot(page, `feeds-${label}`)
}

describe('subscribing to a calendar in a real browser', () => {
  it('a deputy makes a link, scans a QR code, and the link serves a valid calendar', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await page.click('nav a[href="/me/calendar"]')
    await page.waitForURL(/\/me\/calendar$/)
    expect(await page.textContent('#feed-state-deputy')).toContain('还没有订阅链接')
    await check(page, 'me-empty')

    await Promise.all([page.waitForNavigation(), page.click('#feed-issue-deputy')])
    expect(await page.isVisible('#feed-issued-deputy .feed-qr-code svg')).toBe(true)
    const https = await page.inputValue('#feed-https-deputy')
    expect(https).toMatch(new RegExp(`^${live.server.baseUrl}/feeds/[A-Za-z0-9_-]{43}\\.ics$`))
    expect(await page.getAttribute('#feed-webcal-deputy', 'href')).toBe(https.replace(/^http:/, 'webcal:'))
    await check(page, 'me-issued')

    const res = await fetch(https)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expectFeedRules(bytes)
    expect(parseFeed(Buffer.from(bytes).toString('utf8')).name).toBe('陈建国：接待与值班')

    // In English, and with the link hidden again after leaving the page.
    await page.goto(`${live.server.baseUrl}/lang/en?next=/me/calendar`)
    expect(await page.isVisible('#feed-https-deputy')).toBe(false)
    expect(await page.textContent('#feed-state-deputy')).toContain('The subscription link was made on')
    await check(page, 'me-en')
    await context.close()
  })

  it('an administrator sees every feed and manages a station’s', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    await page.goto(`${live.server.baseUrl}/admin/feeds`)
    await check(page, 'admin-list')
    await Promise.all([page.waitForNavigation(), page.click('#feed-row-station-1 a')])
    await Promise.all([page.waitForNavigation(), page.click('#feed-issue-station')])
    expect(await page.isVisible('#feed-issued-station .feed-qr-code svg')).toBe(true)
    await check(page, 'admin-station')
    const https = await page.inputValue('#feed-https-station')
    await Promise.all([page.waitForNavigation(), page.click('#feed-revoke-station')])
    expect(await page.textContent('#admin-notice')).toContain('订阅链接已停用')
    expect((await fetch(https)).status).toBe(404)
    await context.close()
  })
})
