import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { kiosks, stations } from '../../db/schema.ts'
import { LOCALE_HTML_LANG, LOCALES, type Locale } from '../../views/i18n/locales.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  KIOSK_VIEWPORT,
  pairedKiosk,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { markPresent, STATION_A } from '../helpers/queue.ts'
import { expectKioskContrast, expectKioskText } from '../helpers/queue-browser.ts'

const live = useServerAndBrowser()
const SHOTS = process.env.SLIP_SHOTS_DIR ?? '/work/shots'

/**
 * The slip countdown of pages rendered from now on (KIOSK_SLIP_SECONDS, read per request): long
 * while a slip is checked, short to see the return without waiting 45 s.
 */
const slipSeconds = (n: number) => {
  live.server.deps.config.kioskSlipSeconds = n
}

/** Clicks and waits for the navigation it causes. */
async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** Replaces window.print in every page the kiosk opens with a counter kept in the test. */
async function countPrints(page: Page) {
  const calls = { n: 0 }
  await page.exposeFunction('countPrint', () => {
    calls.n++
  })
  await page.addInitScript(() => {
    window.print = () => void (window as unknown as { countPrint: () => void }).countPrint()
  })
  return calls
}

/** A kiosk of station A with or without a receipt printer, paired in a fresh browser context. */
async function kiosk(printer: boolean) {
  const { db, clock } = live.server
  const now = clock.now()
  const id = db
    .insert(kiosks)
    .values({
      stationId: STATION_A,
      label: `slip ${printer}`,
      hasReceiptPrinter: printer,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: kiosks.id })
    .get().id
  const { page } = await pairedKiosk(live.browser, live.server, id)
  return page
}

/** In `locale` and 大字, a walk-in taken with one tap on the details form; ends on its slip. */
async function walkInSlip(page: Page, locale: Locale) {
  const base = live.server.baseUrl
  await page.goto(`${base}/kiosk`)
  await tap(page, `#kiosk-language a[lang="${LOCALE_HTML_LANG[locale]}"]`)
  if (!(await page.getAttribute('html', 'class'))?.includes('large-text'))
    await tap(page, '#text-size-toggle')
  await page.goto(`${base}/kiosk/concern/details?topic=1`)
  await tap(page, '#submit-anonymous')
  expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
  expect(await page.getAttribute('html', 'lang')).toBe(LOCALE_HTML_LANG[locale])
  expect(await page.getAttribute('html', 'class')).toContain('large-text')
}

async function kioskNorms(page: Page, label: string) {
  expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\//)
  await expectNoAxeViolations(page, label)
  await expectKioskTargets(page)
  await expectKioskText(page, label)
  await expectKioskContrast(page, label)
  // 完成 is in view without scrolling, in 大字 too.
  const done = (await page.locator('#slip-done').boundingBox())!
  expect(done.y + done.height, `${label}: 完成 below the fold`).toBeLessThanOrEqual(KIOSK_VIEWPORT.height)
  await page.screenshot({ path: `${SHOTS}/C-${label}.png`, fullPage: true })
}

describe('kiosk slip in a real browser', () => {
  it('prints once by itself on a printer kiosk, counts down and returns in the station default language', async () => {
    markPresent(live.server, STATION_A, [1, 2])
    slipSeconds(600)
    const page = await kiosk(true)
    const prints = await countPrints(page)
    await walkInSlip(page, 'en')
    const slipUrl = page.url()
    await expect.poll(() => prints.n).toBe(1)
    expect(await page.textContent('#slip-countdown')).toMatch(/^Back to the start in (600|59\d) s$/)
    expect(await page.isVisible('#print-slip')).toBe(true)
    expect(await page.isVisible('#slip-keep')).toBe(false)
    await kioskNorms(page, 'slip-printer-en-large')
    await page.click('#print-slip')
    expect(prints.n).toBe(2)

    // A reload does not print again; the countdown ends on the start screen in the station's
    // language (简体) and normal text.
    slipSeconds(3)
    await page.reload()
    expect(await page.textContent('#slip-countdown')).toMatch(/^Back to the start in [1-3] s$/)
    await page.waitForURL((u) => u.pathname === '/kiosk', { timeout: 15_000 })
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    expect(await page.getAttribute('html', 'class')).not.toContain('large-text')
    expect(prints.n).toBe(2)

    // The same slip opened again (back): still no print by itself. 完成 resets at once.
    slipSeconds(600)
    await page.goto(slipUrl)
    expect(prints.n).toBe(2)
    await tap(page, '#kiosk-language a[lang="zh-TW"]')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-TW')
    await tap(page, '#slip-done')
    expect(new URL(page.url()).pathname).toBe('/kiosk')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
  })

  it('without a printer shows the code very large, never prints, and is axe-clean in 3 languages', async () => {
    markPresent(live.server, STATION_A, [1, 2])
    slipSeconds(600)
    live.server.db
      .update(stations)
      .set({
        phone: '0571-8888 6666',
        openingHoursZhHans: '周一至周五 9:00–17:00，周六 9:00–12:00',
        openingHoursZhHant: '週一至週五 9:00–17:00，週六 9:00–12:00',
        openingHoursEn: 'Mon–Fri 9:00–17:00, Sat 9:00–12:00',
      })
      .where(eq(stations.id, STATION_A))
      .run()
    const page = await kiosk(false)
    const prints = await countPrints(page)
    for (const locale of LOCALES) {
      await walkInSlip(page, locale)
      expect(await page.isVisible('#slip-keep')).toBe(true)
      expect(await page.textContent('#slip-phone')).toContain('0571-8888 6666')
      expect(await page.textContent('#slip-hours')).toContain('9:00–17:00')
      expect(await page.isVisible('#print-slip')).toBe(false)
      const size = await page.$eval('#slip-code', (el) => Number.parseFloat(getComputedStyle(el).fontSize))
      expect(size).toBeGreaterThanOrEqual(96)
      await kioskNorms(page, `slip-noprinter-${locale}-large`)
    }
    // On paper (the same slip printed by hand): the slip alone, with the station's phone and hours.
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('#slip-done')).toBe(false)
    expect(await page.isVisible('#slip-contact')).toBe(true)
    await page.screenshot({ path: `${SHOTS}/C-slip-print-en.png`, fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    expect(prints.n).toBe(0)
  })
})
