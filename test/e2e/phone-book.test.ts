import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page, Request } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { findBookingByCode } from '../../db/queries/bookings.ts'
import { addPlan } from '../helpers/booking.ts'
import { expectNoAxeViolations, SCREENSHOT_DIR, useServerAndBrowser } from '../helpers/browser.ts'

/** The phone norm (DESIGN §5): a page with everything it loads is at most 100 KB on the wire. */
const PAGE_BUDGET_BYTES = 100 * 1024
const PHONE = { width: 390, height: 844 }
const SMALL_PHONE = { width: 360, height: 740 }

/** 20:00 in Shanghai, so tomorrow's 09:00 slots are bookable whenever CI runs (as booking-flow does). */
function nextNoonUtc(): Date {
  const d = new Date()
  d.setUTCHours(12, 0, 0, 0)
  if (d.getTime() <= Date.now()) d.setUTCDate(d.getUTCDate() + 1)
  return d
}

const live = useServerAndBrowser({ now: nextNoonUtc() })
beforeAll(() => {
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
})

/**
 * What each response cost on the wire (headers and body as sent, compressed when it was), by URL:
 * the first fetch for static files (a cold cache), the latest for documents.
 */
function wireMeter(context: BrowserContext) {
  const bytes = new Map<string, number>()
  const pending: Promise<void>[] = []
  context.on('requestfinished', (req: Request) => {
    pending.push(
      req.sizes().then((s) => {
        const size = s.responseBodySize + s.responseHeadersSize
        const url = req.url()
        if (req.resourceType() === 'document' || !bytes.has(url)) bytes.set(url, size)
      }),
    )
  })
  /** The bytes of the page now shown: its document and everything it loaded. */
  return async (page: Page) => {
    await Promise.all(pending)
    const urls = await page.evaluate(() => [
      location.href,
      ...performance.getEntriesByType('resource').map((e) => e.name),
    ])
    let total = 0
    // The browser asks for /favicon.ico on its own; Playwright does not report that request.
    for (const u of new Set(urls.filter((x) => !x.endsWith('/favicon.ico')))) {
      const size = bytes.get(u)
      expect(size, `bytes of ${u}`).toBeDefined()
      total += size!
    }
    return total
  }
}

const LANGS = [
  {
    locale: 'zh-CN',
    tag: 'zh-Hans',
    html: 'zh-CN',
    booked: '预约成功',
    cancelled: '预约已取消',
    notFound: '找不到这个预约',
  },
  {
    locale: 'zh-TW',
    tag: 'zh-Hant',
    html: 'zh-TW',
    booked: '預約成功',
    cancelled: '預約已取消',
    notFound: '找不到這個預約',
  },
  {
    locale: 'en-US',
    tag: 'en',
    html: 'en',
    booked: 'You are booked',
    cancelled: 'Your booking is cancelled',
    notFound: 'No such booking',
  },
] as const

describe('booking from a phone at 390×844 (WeChat-sized), in each language', () => {
  for (const [i, lang] of LANGS.entries()) {
    it(`${lang.tag}: book a slot, see the code, find it by code, cancel it; every page axe-clean and ≤ 100 KB`, async () => {
      const context = await live.browser.newContext({
        viewport: PHONE,
        locale: lang.locale,
        hasTouch: true,
        isMobile: true,
      })
      const page = await context.newPage()
      const weigh = wireMeter(context)
      const report: string[] = []
      const check = async (name: string) => {
        await page.waitForLoadState('load')
        await expectNoAxeViolations(page, `${lang.tag} ${name}`)
        const total = await weigh(page)
        report.push(`${name}: ${total} B`)
        expect(total, `${lang.tag} ${name} bytes`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES)
        // Fits the narrowest phone we serve: nothing wider than the screen.
        mkdirSync(SCREENSHOT_DIR, { recursive: true })
        await page.screenshot({ path: join(SCREENSHOT_DIR, `B-${lang.tag}-${name}-390.png`), fullPage: true })
        await page.setViewportSize(SMALL_PHONE)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${lang.tag} ${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0)
        await page.screenshot({ path: join(SCREENSHOT_DIR, `B-${lang.tag}-${name}-360.png`), fullPage: true })
        await page.setViewportSize(PHONE)
      }
      const go = async (selector: string) => {
        await Promise.all([page.waitForNavigation(), page.tap(selector)])
      }

      await page.goto(`${live.server.baseUrl}/m/book`)
      expect(await page.getAttribute('html', 'lang')).toBe(lang.html)
      await check('1-who')
      await go('#who-d1')
      await check('2-days')
      await go('#booking-days li:first-child a')
      await check('3-slots')
      await go('.m-slots li:first-child a')
      await check('4-details')
      await page.tap('#f-topic input[type=radio]')
      await page.selectOption('#f-place', { index: 1 })
      await page.fill('#f-name', lang.tag === 'en' ? 'Mr Wang' : '王先生')
      await page.fill('#f-phone', `1381234567${i}`)
      await page.tap('#f-sms')
      await go('#booking-submit')
      expect(await page.textContent('h1')).toBe(lang.booked)
      const code = (await page.textContent('#booking-code'))!.trim()
      expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/)
      const row = findBookingByCode(live.server.db, code.replace('-', ''))!
      expect(row).toMatchObject({ channel: 'phone_web', smsConsent: true, status: 'booked' })
      expect(row.placeId).not.toBeNull()
      await check('5-booked')

      // Later, from the same phone: the code typed in leads to the booking.
      await page.goto(`${live.server.baseUrl}/m/book/find`)
      await check('6-find')
      await page.fill('#f-code', code.toLowerCase())
      await go('#find-submit')
      expect(new URL(page.url()).pathname).toBe(`/m/booking/${code.replace('-', '')}`)
      await check('7-booking')
      await go('#booking-cancel')
      await check('8-cancel-confirm')
      await go('#cancel-yes')
      expect(await page.textContent('#booking-cancelled')).toContain(lang.cancelled)
      expect(findBookingByCode(live.server.db, code.replace('-', ''))!.status).toBe('cancelled')
      await check('9-cancelled')

      const missing = await page.goto(`${live.server.baseUrl}/m/booking/ZZZZZZ`)
      expect(missing!.status()).toBe(404)
      expect(await page.textContent('h1')).toBe(lang.notFound)
      await check('10-unknown-code')

      console.log(`phone booking page weight (${lang.tag}, cold cache, as served):\n  ${report.join('\n  ')}`)
      await context.close()
    }, 240_000)
  }
})
