import type { Browser, BrowserContext, Page } from 'playwright-core'
import { KIOSK_VIEWPORT } from '../helpers/chromium.ts'

/**
 * Kiosk figures measured in Debian's Chromium (issue 15, Speed): the bytes of the first screen
 * and the time from a tap to the next screen painted, with the CPU slowed down four times.
 */

/** CPU slow-down for the tap figures: a cheap kiosk PC next to the machine that runs the bench. */
export const CPU_THROTTLE = 4

/** A paired kiosk's browser context at the kiosk viewport, its device cookie set. */
export async function kioskContext(browser: Browser, base: string, deviceToken: string) {
  const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })
  await context.addCookies([{ name: 'kiosk', value: deviceToken, url: base }])
  return context
}

/**
 * What a kiosk downloads for its first screen with an empty cache, as the network sent it
 * (compressed bytes and headers: CDP's encodedDataLength of every response the page loaded).
 */
export async function firstScreenBytes(context: BrowserContext, url: string) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const urls = new Map<string, string>()
  const sizes = new Map<string, number>()
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!urls.has(e.requestId)) urls.set(e.requestId, e.request.url)
  })
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength))
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.close()
  const files = [...sizes].map(([id, bytes]) => ({ path: new URL(urls.get(id) ?? url).pathname, bytes }))
  return { totalBytes: files.reduce((n, f) => n + f.bytes, 0), files }
}

declare global {
  interface Window {
    __benchPainted?: number
  }
}

/**
 * Runs in every document before its own scripts (a string: a compiled function would carry the
 * compiler's helpers, which the page does not have). A tap stores its time (epoch ms, high
 * resolution) in sessionStorage, which survives the navigation it starts; the next screen's
 * paint is the new document's first contentful paint (PerformanceObserver, 'paint' entries,
 * relative to its timeOrigin), or, for a screen swapped in by htmx without a navigation, the
 * first task after the frame that follows the swap (requestAnimationFrame runs just before that
 * frame is painted).
 */
const BENCH_PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now()
  const mark = () => sessionStorage.setItem('bench-tap', String(now()))
  addEventListener('pointerdown', mark, true)
  addEventListener('keydown', mark, true)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === 'first-contentful-paint') window.__benchPainted = performance.timeOrigin + e.startTime
  }).observe({ type: 'paint', buffered: true })

  document.addEventListener('htmx:after:swap', () =>
    requestAnimationFrame(() => setTimeout(() => (window.__benchPainted = now()), 0)),
  )
})()`

/**
 * One step of a journey: `tap` is timed (a tap that leads to the next screen); `act` is done
 * untimed (choosing a radio, tapping a phone number in) before the next tap.
 */
export type Step = { tap: string } | { act: (page: Page) => Promise<void>; label: string }

/** Taps a number in on the kiosk's phone keypad, as a resident does (untimed: no screen changes). */
const keyInPhone = async (p: Page, digits: string) => {
  for (const d of digits) await p.click(`[data-keypad-for="phone"] [data-key="${d}"]`)
}

/** The walk-in journey: start → topic → deputy and details → phone step → slip. */
export const WALK_IN: Step[] = [
  { tap: '#action-concern' },
  { tap: '#topic-1' },
  { act: (p) => p.locator('input[name="deputy"]').first().check(), label: 'choose a deputy' },
  { tap: '#go-phone' },
  { act: (p) => keyInPhone(p, '13812345678'), label: 'phone number' },
  { tap: '#submit-phone' },
]

/** The booking journey: start → deputy or district → day → slot → details → slip. */
export const BOOKING: Step[] = [
  { tap: '#action-booking' },
  { tap: '[id^="who-d"]' },
  { tap: '[id^="day-"]' },
  { tap: '[id^="slot-"]' },
  { act: (p) => p.locator('label[for^="topic-"]').first().click(), label: 'topic' },
  {
    act: async (p) => {
      await p.click('[data-surname="王"]')
      await p.click('[data-honorific="先生"]')
    },
    label: 'name',
  },
  { act: (p) => keyInPhone(p, '13812345678'), label: 'phone number' },
  { tap: '#booking-submit' },
]

/**
 * Walks a journey `rounds` times from `start` on a throttled CPU and returns each timed tap's
 * milliseconds from the tap to the next screen painted.
 */
export async function tapToPaint(context: BrowserContext, start: string, steps: Step[], rounds: number) {
  await context.addInitScript(BENCH_PROBE)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  /** `responseMs`: tap to the last byte of the next page (server and network); null for a swap. */
  const samples: { step: string; ms: number; responseMs: number | null }[] = []
  for (let round = 0; round < rounds; round++) {
    await page.goto(start)
    for (const step of steps) {
      if ('act' in step) {
        await step.act(page)
        continue
      }
      await page.evaluate(() => {
        window.__benchPainted = 0
        sessionStorage.removeItem('bench-tap')
      })
      await page.locator(step.tap).first().tap()
      const handle = await page.waitForFunction(
        () => {
          const tap = Number(sessionStorage.getItem('bench-tap') ?? 0)
          const painted = window.__benchPainted ?? 0
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
          const response = nav ? performance.timeOrigin + nav.responseEnd : 0
          return tap > 0 && painted > tap ? [painted - tap, response > tap ? response - tap : null] : false
        },
        undefined,
        { polling: 50, timeout: 30_000 },
      )
      const [ms, responseMs] = (await handle.jsonValue()) as [number, number | null]
      samples.push({ step: step.tap, ms, responseMs })
    }
  }
  await page.close()
  return samples
}

/** The p-th percentile (0–100) of a list, nearest rank. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
