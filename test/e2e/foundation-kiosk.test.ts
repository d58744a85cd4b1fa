import { describe, expect, it } from 'vitest'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  KIOSK_VIEWPORT,
  pairedKiosk,
  screenshot,
  useServerAndBrowser,
} from '../helpers/browser.ts'

const live = useServerAndBrowser({ env: { KIOSK_IDLE_SECONDS: '15', KIOSK_IDLE_COUNTDOWN_SECONDS: '20' } })

describe('kiosk in a real browser', () => {
  it('shows only the pairing screen to an unpaired device, and it is accessible', async () => {
    const context = await live.browser.newContext({ viewport: KIOSK_VIEWPORT })
    const page = await context.newPage()
    await page.goto(`${live.server.baseUrl}/kiosk`)
    expect(new URL(page.url()).pathname).toBe('/kiosk/pair')
    await page.fill('#f-code', 'WRONG-CODE')
    await page.click('#pair-form button[type=submit]')
    await expect.poll(() => page.textContent('#error-summary')).toContain('绑定码无效')
    await expectNoAxeViolations(page, 'kiosk pairing (error)')
    await expectKioskTargets(page)
    await screenshot(page, 'kiosk-pair-error')
    await context.close()
  })

  it('pairs with a code and shows the start screen in three languages, each accessible', async () => {
    const { context, page } = await pairedKiosk(live.browser, live.server)
    await expect.poll(() => page.textContent('h1')).toContain('东湖街道人大代表联络站')
    await expectNoAxeViolations(page, 'kiosk start zh-Hans')
    await expectKioskTargets(page)
    await screenshot(page, 'kiosk-start-zh-Hans')

    await page.click('#kiosk-language a[lang="zh-TW"]')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-TW')
    expect(await page.textContent('h1')).toContain('東湖街道人大代表聯絡站')
    await expectNoAxeViolations(page, 'kiosk start zh-Hant')
    await screenshot(page, 'kiosk-start-zh-Hant')

    await page.click('#kiosk-language a[lang="en"]')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('h1')).toContain('Donghu Street Liaison Station')
    await expectNoAxeViolations(page, 'kiosk start en')
    await expectKioskTargets(page)
    await screenshot(page, 'kiosk-start-en')

    await page.click('#text-size-toggle')
    await expect.poll(() => page.getAttribute('html', 'class')).toContain('large-text')
    const size = await page.$eval('body', (b) => Number.parseFloat(getComputedStyle(b).fontSize))
    expect(size).toBeGreaterThanOrEqual(30)
    await expectNoAxeViolations(page, 'kiosk start large text')
    await screenshot(page, 'kiosk-start-en-large')
    await context.close()
  })

  it('warns when idle with a visible countdown, continues on tap, then resets to the start', async () => {
    const { context, page } = await pairedKiosk(live.browser, live.server)
    await page.click('#kiosk-language a[lang="en"]')
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en')
    await page.clock.install()
    await page.reload()
    await page.clock.runFor(16_000)
    await expect.poll(() => page.isVisible('#idle-warning')).toBe(true)
    expect(await page.textContent('#idle-count')).toBe('19')
    await expectNoAxeViolations(page, 'idle warning')
    await screenshot(page, 'kiosk-idle-warning')
    await page.click('#idle-continue')
    expect(await page.isVisible('#idle-warning')).toBe(false)

    await page.clock.runFor(16_000)
    await expect.poll(() => page.isVisible('#idle-warning')).toBe(true)
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/kiosk' && u.search === ''),
      page.clock.runFor(21_000),
    ])
    // The reset brings back the station's default language.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN')
    await context.close()
  })
})
