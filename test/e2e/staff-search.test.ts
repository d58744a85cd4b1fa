import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

describe('staff search in a real browser (desktop)', () => {
  it('finds a concern from the header box by name and by phone, lists it accessibly, and opens it by its code', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.staff)
    const now = live.server.clock.now().getTime()
    live.server.db.$client
      .prepare(
        `insert into concerns (tracking_code, station_id, topic_id, channel, status, deputy_id, resident_name, callback_phone,
           received_on, first_response_due_on, created_at, updated_at)
         values ('ZXCV2345', 1, 1, 'phone', 'received', 1, '张三丰', '13812345678', '2026-12-01', '2026-12-08', ?, ?)`,
      )
      .run(now, now)
    await page.goto(`${live.server.baseUrl}/`)
    await page.fill('#site-search-q', '三丰')
    await Promise.all([page.waitForURL(/\/staff\/search/), page.press('#site-search-q', 'Enter')])
    await expect.poll(() => page.isVisible('#search-concerns')).toBe(true)
    expect(await page.textContent('#search-concerns')).toContain('13812345678')
    await expectNoAxeViolations(page, 'search results')
    await screenshot(page, 'staff-search-results')

    await page.goto(`${live.server.baseUrl}/staff/search?q=5678`)
    expect(await page.textContent('#search-concerns tbody th a')).toBe('ZXCV-2345')
    await page.goto(`${live.server.baseUrl}/staff/search?q=zxcv-2345`)
    expect(new URL(page.url()).pathname).toMatch(/^\/concerns\/\d+$/)

    await page.goto(`${live.server.baseUrl}/staff/search?q=nobody-here`)
    expect(await page.textContent('#search-none')).toContain('nobody-here')
    await expectNoAxeViolations(page, 'search with no result')
    await page.goto(`${live.server.baseUrl}/lang/en?next=/staff/search`)
    await expectNoAxeViolations(page, 'search form en')
    await screenshot(page, 'staff-search-empty-en')
    await context.close()
  })
})
