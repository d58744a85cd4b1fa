import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { createApp } from '../../server/app.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  KIOSK_VIEWPORT,
  SCREENSHOT_DIR,
  type TestServer,
} from './browser.ts'
import { intake, ok } from './followup.ts'
import { expectKioskContrast, expectKioskText } from './queue-browser.ts'
import { DEMO, TestClient } from './test-app.ts'

/**
 * The next 12:00 UTC (20:00 in Shanghai): always ahead (the browser never sees an expired cookie),
 * and no reception slot of that day is within the minimum notice, so what a test books does not
 * depend on when it runs.
 */
export function nextNoonUtc(): Date {
  const d = new Date()
  d.setUTCHours(12, 0, 0, 0)
  if (d.getTime() <= Date.now()) d.setUTCDate(d.getUTCDate() + 1)
  return d
}

/** A tap that loads another page, waiting for it. */
export async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** Taps a value in on the keypad of field `name`, key by key. The last tap may send the form. */
export async function keyIn(page: Page, name: string, value: string, sendsForm = false) {
  const keys = [...value]
  const last = sendsForm ? keys.pop() : undefined
  for (const k of keys) await page.click(`[data-keypad-for="${name}"] [data-key="${k}"]`)
  if (last) await tap(page, `[data-keypad-for="${name}"] [data-key="${last}"]`)
}

/**
 * Every kiosk norm at once: axe (WCAG 2 A/AA), 60 px targets, 24 px text, 7:1 contrast; then a
 * full-page screenshot named `<prefix>-<label>.png`.
 */
export async function kioskNorms(page: Page, label: string, prefix = 'kiosk') {
  await expectNoAxeViolations(page, label)
  await expectKioskTargets(page)
  await expectKioskText(page, label)
  await expectKioskContrast(page, label)
  await kioskScreenshot(page, `${prefix}-${label}`)
}

/** A screenshot into SCREENSHOT_DIR; the viewport only unless `fullPage`. */
export async function kioskScreenshot(page: Page, name: string, fullPage = true) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage })
}

/** The primary action is on screen without scrolling: its whole box inside the 1080×1920 viewport. */
export async function expectPrimaryInView(page: Page, selector: string, label: string) {
  const box = await page.evaluate((sel) => {
    window.scrollTo(0, 0)
    const el = document.querySelector(sel)
    if (!el) return null
    const r = el.getBoundingClientRect()
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
  }, selector)
  expect(box, `${label}: ${selector} is on the page`).not.toBeNull()
  expect(box!.top, `${label}: ${selector} top`).toBeGreaterThanOrEqual(0)
  expect(box!.left, `${label}: ${selector} left`).toBeGreaterThanOrEqual(0)
  expect(box!.bottom, `${label}: ${selector} bottom`).toBeLessThanOrEqual(KIOSK_VIEWPORT.height)
  expect(box!.right, `${label}: ${selector} right`).toBeLessThanOrEqual(KIOSK_VIEWPORT.width)
}

/**
 * Concerns taken by the demo clerk on the phone and brought to `replied` through the app's own
 * HTTP (referred, the unit's reply recorded, the deputy's reply passed on), as in
 * test/http/followup-steps.test.ts. A second app over the running server's database and clock.
 */
export async function repliedConcerns(server: TestServer, replies: string[]) {
  const app = createApp(server.deps)
  const clerk = await new TestClient(app).login(...DEMO.staff)
  const deputy = await new TestClient(app).login(...DEMO.deputy)
  const out: { id: number; code: string }[] = []
  for (const reply of replies) {
    const c = await intake(clerk, server, { description: '小区门口路灯不亮', phone: '13700001111' })
    await ok(deputy, server, c.id, 'refer', { unit: '2' })
    await ok(clerk, server, c.id, 'unit_reply', { grade: 'A', unitReply: reply })
    await ok(deputy, server, c.id, 'relay', { reply })
    out.push(c)
  }
  return out
}
