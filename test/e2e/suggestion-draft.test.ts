import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  expectNoAxeViolations,
  loggedIn,
  screenshot,
  type TestServer,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()
const STAFF_VIEWPORT = { width: 1280, height: 900 }

/** Clicks and waits for the page the click loads (a refused form re-renders at the same URL). */
async function go(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** Axe-clean, then a full-page screenshot named B-suggestion-<name>. */
async function check(page: Page, name: string) {
  await expectNoAxeViolations(page, name)
  await screenshot(page, `B-suggestion-${name}`)
}

async function phone(browser: Browser, server: TestServer, width: number, height: number) {
  const { context, page } = await loggedIn(browser, server, ...DEMO.deputy)
  await page.setViewportSize({ width, height })
  return { context, page }
}

describe('a deputy drafts and submits a suggestion (issue 18 item 1)', () => {
  it('new → edit → more actions → refused with the checklist → fixed → submitted', {
    timeout: 120_000,
  }, async () => {
    const { browser, server } = live
    const { context, page } = await loggedIn(browser, server, ...DEMO.deputy)
    await page.setViewportSize(STAFF_VIEWPORT)
    await page.goto(`${server.baseUrl}/suggestions`)
    await check(page, 'list-deputy-empty')
    await go(page, '#new-suggestion')
    await check(page, 'new-kinds')
    await go(page, '#kind-infrastructure')
    await page.fill('#f-title', '关于维修幸福小区3栋电梯的建议')
    await page.fill('#f-problem', '自2026年3月起，幸福小区3栋电梯停运12次，13位居民反映，老人上下楼困难。')
    await go(page, '#start-draft')
    expect(new URL(page.url()).pathname).toMatch(/^\/suggestions\/\d+\/edit$/)
    const id = new URL(page.url()).pathname.split('/')[2]

    await page.fill('#f-causes', '电梯已使用16年，超过设计年限；专项维修资金申请卡在审批环节。')
    await page.fill('#f-action-1', '更换3栋电梯主机')
    await page.fill('#f-actor-1', '物业公司')
    await page.fill('#f-action-2', '每月检查一次电梯运行情况')
    await page.fill('#f-actor-2', '区市场监管局')
    await go(page, '#more-actions')
    expect(await page.inputValue('#f-action-2')).toBe('每月检查一次电梯运行情况')
    await page.fill('#f-action-3', '在电梯停运时安排人员协助老人上下楼')
    await page.fill('#f-actor-3', '社区居委会')
    await go(page, '#save-submit')
    await expect.poll(() => page.locator('#edit-error').textContent()).toContain('还不能提交')
    expect(await page.inputValue('#f-action-3')).toBe('在电梯停运时安排人员协助老人上下楼')
    await check(page, 'edit-refused')

    await page.selectOption('#f-leadUnit', { index: 1 })
    await page.check('#units input[name=assistUnits] >> nth=1')
    await page.fill('#f-noEvidenceReason', '代表本人在走访中发现，居民尚未到联络站反映。')
    await go(page, '#save-submit')
    expect(new URL(page.url()).pathname).toBe(`/suggestions/${id}`)
    expect(await page.textContent('#suggestion-notice')).toMatch(/\d{4}-001/)
    expect(await page.textContent('#suggestion-ref')).toMatch(/建议第\d{4}-001号/)
    expect(await page.locator('#suggestion-action-list li').count()).toBe(3)
    await check(page, 'detail-submitted')

    await page.goto(`${server.baseUrl}/suggestions`)
    await check(page, 'list-deputy')
    await context.close()

    for (const [w, h] of [
      [390, 844],
      [360, 740],
    ] as const) {
      const p = await phone(browser, server, w, h)
      await p.page.goto(`${server.baseUrl}/suggestions/${id}`)
      await check(p.page, `detail-phone-${w}`)
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `horizontal scroll at ${w}px`).toBeLessThanOrEqual(0)
      await p.page.goto(`${server.baseUrl}/suggestions/new?kind=traffic`)
      await check(p.page, `new-phone-${w}`)
      await p.context.close()
    }

    const clerk = await loggedIn(browser, server, ...DEMO.staff)
    await clerk.page.setViewportSize(STAFF_VIEWPORT)
    await clerk.page.goto(`${server.baseUrl}/suggestions`)
    await check(clerk.page, 'list-office')
    await clerk.context.close()
  })

  it('a draft being edited on a phone is axe-clean and fits the screen', { timeout: 60_000 }, async () => {
    const { browser, server } = live
    const p = await phone(browser, server, 390, 844)
    await p.page.goto(`${server.baseUrl}/suggestions/new?kind=environment`)
    await p.page.fill('#f-title', '关于治理东湖家具厂异味的建议')
    await go(p.page, '#start-draft')
    await check(p.page, 'edit-phone-390')
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await p.context.close()
  })
})
