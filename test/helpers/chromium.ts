import { type Browser, chromium } from 'playwright-core'

/** Viewports and the browser launch, apart from browser.ts so the benchmark can use them without vitest. */
export const KIOSK_VIEWPORT = { width: 1080, height: 1920 }
export const DESKTOP_VIEWPORT = { width: 1366, height: 900 }

/** Debian's Chromium through playwright-core; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}
