import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { findStation } from '../../db/queries/stations.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays, weekStart } from '../../server/domain/zoned-time.ts'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { expectStaffTargets, type RosterFixture, rosterFixture } from '../helpers/roster.ts'
import { DEMO } from '../helpers/test-app.ts'

let fx: RosterFixture
let today: string

const BASE = '/staff/stations/1/roster'

const live = useServerAndBrowser()
beforeAll(async () => {
  today = localDate(live.server.clock.now(), findStation(live.server.db, 1)!.timeZone)
  fx = await rosterFixture(live.server, { from: weekStart(today) })
})

/** Clicks and waits for the page the click leads to. */
async function follow(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

async function checkPage(page: Page, label: string) {
  await expectNoAxeViolations(page, label)
  await expectStaffTargets(page, label)
  await screenshot(page, `roster-${label}`)
}

describe('duty roster in a real browser', () => {
  it('publishes and shows an accessible, printable month grid', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await page.goto(`${live.server.baseUrl}${BASE}/setup`)
    await checkPage(page, 'setup')
    await follow(page, '#roster-publish')
    await expect.poll(() => page.textContent('#roster-notice')).toContain('已发布')

    await page.goto(`${live.server.baseUrl}${BASE}`)
    expect(await page.textContent('#roster-month caption')).toContain('值班表')
    expect(await page.locator('#roster-month .roster-slot').count()).toBeGreaterThan(20)
    await checkPage(page, 'month')

    await page.click('#roster-nav a[href$="/gaps"]')
    await page.waitForURL(/\/gaps$/)
    await checkPage(page, 'gaps')
    await page.click('#roster-nav a[href$="/fairness"]')
    await page.waitForURL(/\/fairness$/)
    await checkPage(page, 'fairness')

    await page.goto(`${live.server.baseUrl}${BASE}/rules/new?layer=1`)
    await checkPage(page, 'rule-form')
    await page.selectOption('#f-participants-3', '')
    await follow(page, '#roster-preview')
    expect(await page.isVisible('#roster-rule-preview')).toBe(true)
    await checkPage(page, 'rule-preview')

    // Zhao is away for a published day: the gap list shows it, and an override fills it.
    await page.goto(`${live.server.baseUrl}${BASE}/absences`)
    await page.selectOption('#f-person', fx.zhao)
    const away = addDays(weekStart(today), 14)
    await page.fill('#f-from', away)
    await page.fill('#f-to', addDays(away, 4))
    await follow(page, '#roster-absence-form button[type=submit]')
    expect(await page.textContent('#roster-absences')).toContain('zhao')
    await checkPage(page, 'absences')
    await page.goto(`${live.server.baseUrl}${BASE}/gaps`)
    const gaps = await page.locator('#roster-gaps tbody tr').count()
    expect(gaps).toBeGreaterThan(0)
    await checkPage(page, 'gaps-with-gaps')
    await follow(page, '#roster-gaps tbody tr:first-child a')
    await page.selectOption('#f-person', fx.li)
    await checkPage(page, 'override-form')
    await follow(page, '#roster-override-form button[type=submit]')
    expect(await page.textContent('#roster-overrides')).toContain('li')
    await page.goto(`${live.server.baseUrl}${BASE}/gaps`)
    expect(await page.locator('#roster-gaps tbody tr').count()).toBe(gaps - 1)

    await page.goto(`${live.server.baseUrl}${BASE}`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('#roster-nav')).toBe(false)
    expect(await page.isVisible('#roster-month')).toBe(true)
    await screenshot(page, 'roster-month-print')
    await context.close()
  })

  it('hands a duty over by swap: ask, take, approve, and the grid shows it', async () => {
    const li = await loggedIn(live.browser, live.server, ...fx.logins.li)
    await li.page.goto(`${live.server.baseUrl}/me/duty`)
    await checkPage(li.page, 'my-duty')
    // Li's first published duty after today.
    const key = await li.page.$$eval(
      '#my-duties tr[data-slot]',
      (rows, day) =>
        rows
          .filter((r) => r.querySelector('form[action="/me/duty/swaps"]'))
          .map((r) => r.getAttribute('data-slot')!)
          .find((k) => k.slice(0, 10) > day),
      today,
    )
    expect(key).toBeTruthy()
    await follow(li.page, `#my-duties tr[data-slot="${key}"] form[action="/me/duty/swaps"] button`)
    expect(await li.page.textContent(`#my-duties tr[data-slot="${key}"]`)).toContain('等人接班')

    const zhao = await loggedIn(live.browser, live.server, ...fx.logins.zhao)
    await zhao.page.goto(`${live.server.baseUrl}/me/duty`)
    await checkPage(zhao.page, 'my-duty-open-swap')
    await follow(zhao.page, '#open-swaps form button')
    expect(await zhao.page.textContent('#my-swaps')).toContain('待批准')

    const clerk = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await clerk.page.goto(`${live.server.baseUrl}${BASE}/swaps`)
    await checkPage(clerk.page, 'swaps')
    await follow(clerk.page, '#roster-swaps form[action$="/approve"] button')
    await expect.poll(() => clerk.page.textContent('#roster-notice')).toContain('已批准')

    await clerk.page.goto(`${live.server.baseUrl}${BASE}?month=${key!.slice(0, 7)}`)
    const cell = clerk.page.locator(`li[data-slot="${key}"]`)
    await expect.poll(() => cell.textContent()).toContain('zhao')
    expect(await cell.textContent()).toContain('换班')
    await checkPage(clerk.page, 'month-after-swap')
    for (const c of [li, zhao, clerk]) await c.context.close()
  })
})
