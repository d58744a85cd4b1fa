import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { serve } from '@hono/node-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { openDb } from '../../db/client.ts'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { seedDemo } from '../../db/seed-demo.ts'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import type { AppDeps } from '../../server/deps.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { createLogger } from '../../server/logger.ts'
import { DESKTOP_VIEWPORT, KIOSK_VIEWPORT, launchBrowser } from './chromium.ts'

export { DESKTOP_VIEWPORT, KIOSK_VIEWPORT, launchBrowser } from './chromium.ts'
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'liaison-shots')

/**
 * The real server on a temporary SQLite file with demo data, listening on a loopback port.
 * The clock starts at the real time (cookies must not look expired to Chromium) but moves only
 * when a test moves it.
 */
export async function startServer(opts: { env?: Record<string, string>; now?: Date } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'))
  const clock = fixedClock(opts.now ?? new Date())
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'e2e.db'), ...opts.env })
  const db = openDb(config.databasePath)
  await seedDemo(db, clock.now())
  const deps: AppDeps = { db, clock, config, logger: createLogger('silent') }
  const app = createApp(deps)
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    clock,
    db,
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
export type TestServer = Awaited<ReturnType<typeof startServer>>

/**
 * Starts the demo server and Chromium before a test file's tests and closes both after them.
 * Read `server` and `browser` inside tests or later hooks, once they have started.
 */
export function useServerAndBrowser(opts?: Parameters<typeof startServer>[0]) {
  const live = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    // A session cookie expires by the server's clock but is dropped by the browser's (the real
    // one): a fixed date in the past turns into a log-in that bounces once the date has gone by.
    if (opts?.now && opts.now.getTime() < Date.now() - 60_000) {
      throw new Error(
        `a browser test's clock (${opts.now.toISOString()}) must not be behind the real one: use nextNoonUtc()`,
      )
    }
    live.server = await startServer(opts)
    live.browser = await launchBrowser()
  })
  afterAll(async () => {
    await live.browser?.close()
    await live.server?.close()
  })
  return live
}

/** A kiosk-sized browser context whose device is paired to the demo kiosk's station. */
export async function pairedKiosk(
  browser: Browser,
  server: TestServer,
  kioskId = 1,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true })
  const page = await context.newPage()
  const { code } = issuePairingCode(server.db, kioskId, server.clock.now())
  await page.goto(`${server.baseUrl}/kiosk/pair?code=${code}`)
  expect(new URL(page.url()).pathname).toBe('/kiosk')
  return { context, page }
}

/** A desktop browser context logged in as the given account. */
export async function loggedIn(browser: Browser, server: TestServer, username: string, password: string) {
  const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT })
  const page = await context.newPage()
  await page.goto(`${server.baseUrl}/login`)
  await page.fill('#f-username', username)
  await page.fill('#f-password', password)
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.click('#login-form button[type=submit]'),
  ])
  return { context, page }
}

/** Runs axe (WCAG 2.0–2.2 A/AA) and fails listing every violation with its targets. */
export async function expectNoAxeViolations(page: Page, label = page.url()) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  )
  expect(summary, `axe violations on ${label}`).toEqual([])
}

/** Every visible link, button and form control on a kiosk page is at least 60×60 CSS px. */
export async function expectKioskTargets(page: Page) {
  const small = await page.$$eval(
    'a, button, input:not([type=hidden]), select, textarea, [role=button]',
    (els) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect()
          const style = getComputedStyle(el)
          return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && !el.closest('[hidden]')
        })
        .map((el) => {
          const r = el.getBoundingClientRect()
          return {
            el: `${el.tagName.toLowerCase()}#${el.id || ''}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`,
            w: Math.round(r.width),
            h: Math.round(r.height),
          }
        })
        .filter((t) => t.w < 60 || t.h < 60),
  )
  expect(small, 'kiosk touch targets under 60 px').toEqual([])
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
