import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

const AREAS = ['stations', 'districts', 'deputies', 'accounts', 'units', 'topics', 'closures', 'kiosks']

describe('administration in a real browser (desktop)', () => {
  it('every list and new-entry form is accessible, in Chinese and English', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    await page.goto(`${live.server.baseUrl}/admin`)
    await expectNoAxeViolations(page, 'admin index')
    await screenshot(page, 'admin-index')
    for (const area of AREAS) {
      await page.goto(`${live.server.baseUrl}/admin/${area}`)
      expect(page.url()).toContain(`/admin/${area}`)
      await expectNoAxeViolations(page, `admin ${area}`)
      await screenshot(page, `admin-${area}`)
      const res = await page.goto(`${live.server.baseUrl}/admin/${area}/new`)
      if (res?.status() === 200) await expectNoAxeViolations(page, `admin ${area} new`)
    }
    await page.goto(`${live.server.baseUrl}/admin/audit`)
    await expectNoAxeViolations(page, 'admin audit')
    await page.goto(`${live.server.baseUrl}/admin/audit?from=2026-13-01`)
    await expectNoAxeViolations(page, 'admin audit with an error')
    await page.goto(`${live.server.baseUrl}/lang/en?next=/admin/stations`)
    await expectNoAxeViolations(page, 'admin stations en')
    await screenshot(page, 'admin-stations-en')
    await context.close()
  })

  it('a form sent with mistakes comes back with every error, accessible, and nothing saved', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    const before = live.server.db.$client.prepare('select count(*) n from stations').get()
    await page.goto(`${live.server.baseUrl}/admin/stations/new`)
    await page.fill('#f-timeZone', 'Mars/Olympus')
    await page.click('main form button[type=submit]')
    await expect.poll(() => page.isVisible('#error-summary')).toBe(true)
    expect(await page.textContent('#error-summary')).toContain('不是有效的时区')
    await expectNoAxeViolations(page, 'station form with errors')
    await screenshot(page, 'admin-station-errors')
    expect(live.server.db.$client.prepare('select count(*) n from stations').get()).toEqual(before)
    await context.close()
  })
})
