import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { expectStaffTargets } from '../helpers/roster.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

async function check(page: Page, label: string, targets = true) {
  await expectNoAxeViolations(page, label)
  // The error summary's links are inline text links, which the 44 px rule does not cover.
  if (targets) await expectStaffTargets(page, label)
  await screenshot(page, `notify-${label}`)
}

describe('choosing SMS for one’s notices in a real browser (issue 16)', () => {
  it('a deputy finds the page, is told a landline will not do, and saves a mobile with SMS', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    for (const size of [
      { width: 1280, height: 900, label: 'desktop' },
      { width: 390, height: 844, label: 'phone' },
    ]) {
      await page.setViewportSize(size)
      await page.goto(`${live.server.baseUrl}/`)
      await Promise.all([page.waitForURL(/\/me\/notifications$/), page.click('a[href="/me/notifications"]')])
      await check(page, `${size.label}-form`)
      await page.fill('#f-phone', '0571 8765 4321')
      await page.selectOption('#f-notifyChannel', 'sms')
      await Promise.all([page.waitForNavigation(), page.click('#notify-form button[type=submit]')])
      expect(await page.textContent('#e-phone')).toContain('11 位中国大陆手机号')
      expect(await page.inputValue('#f-phone')).toBe('0571 8765 4321')
      await check(page, `${size.label}-error`, false)
      await page.fill('#f-phone', '138 1234 5678')
      await Promise.all([page.waitForNavigation(), page.click('#notify-form button[type=submit]')])
      expect(await page.textContent('.notice-ok')).toContain('通知方式已保存')
      expect(await page.inputValue('#f-phone')).toBe('13812345678')
      expect(await page.inputValue('#f-notifyChannel')).toBe('sms')
      await check(page, `${size.label}-saved`)
    }
    await context.close()
  })
})
