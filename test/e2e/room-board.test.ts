import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { kiosks } from '../../db/schema.ts'
import type { Locale } from '../../views/i18n/locales.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  KIOSK_VIEWPORT,
  loggedIn,
  pairedKiosk,
  screenshot,
  type TestServer,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { markPresent, STATION_A } from '../helpers/queue.ts'
import { expectKioskContrast, expectKioskText } from '../helpers/queue-browser.ts'
import { callDeputy, fillBoard } from '../helpers/room-board.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()
const TV = { width: 1920, height: 1080 }
const LOCALES: Locale[] = ['zh-Hans', 'zh-Hant', 'en']

/** A browser context paired as kiosk `kioskId`, at `viewport`, showing the board in `locale`. */
async function openBoard(
  browser: Browser,
  server: TestServer,
  viewport: typeof TV,
  locale: Locale,
  kioskId = 1,
) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  const { code } = issuePairingCode(server.db, kioskId, server.clock.now())
  await page.goto(`${server.baseUrl}/kiosk/pair?code=${code}`)
  await page.goto(`${server.baseUrl}/lang/${locale}?next=/display`)
  expect(new URL(page.url()).pathname).toBe('/display')
  return { context, page }
}

/**
 * Nothing scrolls and nothing is cut off: the document fits the screen, every element that holds
 * text shows all of it (no overflow of its own box) and lies inside the screen.
 */
async function expectFitsScreen(page: Page, label: string) {
  const problems = await page.evaluate(() => {
    const out: string[] = []
    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight)
      out.push(`document ${doc.scrollWidth}×${doc.scrollHeight} in ${doc.clientWidth}×${doc.clientHeight}`)
    if (document.body.scrollHeight > document.body.clientHeight + 1)
      out.push(`body ${document.body.scrollHeight} in ${document.body.clientHeight}`)
    for (const el of document.querySelectorAll<HTMLElement>('.q-display *')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '')
      if (!ownText) continue
      const r = el.getBoundingClientRect()
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} "${(el.textContent ?? '').trim().slice(0, 20)}"`
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        out.push(
          `${name}: content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        )
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)
        out.push(
          `${name}: box ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} outside ${innerWidth}×${innerHeight}`,
        )
    }
    return out
  })
  expect(problems, `overflow on ${label}`).toEqual([])
}

const fontPx = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)))

/** Replaces speech synthesis and Web Audio with recorders; `voiceLangs` are the voices "installed". */
function stubSound(voiceLangs: string[]) {
  const w = window as unknown as Record<string, unknown> & { __spoken: string[]; __chimes: number }
  w.__spoken = []
  w.__chimes = 0
  const voices = voiceLangs.map((lang) => ({
    lang,
    name: `stub ${lang}`,
    localService: true,
    default: false,
  }))
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (u: { text: string; lang: string; onend?: () => void }) => {
        w.__spoken.push(`${u.lang}|${u.text}`)
        setTimeout(() => u.onend?.(), 0)
      },
      cancel: () => {},
    },
  })
  w.SpeechSynthesisUtterance = class {
    text: string
    lang = ''
    voice: unknown = null
    constructor(text: string) {
      this.text = text
    }
  }
  const param = { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }
  w.AudioContext = class {
    currentTime = 0
    state = 'running'
    destination = {}
    resume() {}
    createOscillator() {
      return {
        type: '',
        frequency: param,
        connect: (n: unknown) => n,
        start: () => {
          w.__chimes++
        },
        stop: () => {},
      }
    }
    createGain() {
      return { gain: param, connect: (n: unknown) => n }
    }
  }
}

const sound = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __spoken: string[]; __chimes: number }
    return { chimes: w.__chimes, spoken: [...w.__spoken] }
  })

/** Pushes a board update that is no call (a new ticket) and waits until the board shows it. */
async function pushNonCall(page: Page) {
  const before = await page.textContent('#board-waiting-count')
  fillBoard(live.server, 0, 1)
  await page.waitForFunction((b) => document.querySelector('#board-waiting-count')?.textContent !== b, before)
}

describe('room board in a real browser', () => {
  // Six boards, each scanned by axe: longer than the e2e default.
  it('fits 6 calls and 20 waiting on a landscape TV and a portrait screen, in three languages, with big numbers', {
    timeout: 300_000,
  }, async () => {
    fillBoard(live.server, 6, 20)
    for (const [shape, viewport] of [
      ['landscape', TV],
      ['portrait', KIOSK_VIEWPORT],
    ] as const) {
      for (const locale of LOCALES) {
        const { context, page } = await openBoard(live.browser, live.server, viewport, locale)
        const label = `board ${shape} ${locale}`
        expect(await page.$$eval('[data-call]', (els) => els.length)).toBe(6)
        expect(await page.textContent('#board-waiting-count')).toMatch(/20/)
        await expectFitsScreen(page, label)
        const [now] = await fontPx(page, '#board-latest-number')
        expect(now, label).toBeGreaterThanOrEqual(160)
        const recent = await fontPx(page, '.q-board-small-number')
        expect(recent).toHaveLength(5)
        for (const px of recent) expect(px, label).toBeGreaterThanOrEqual(64)
        await expectKioskText(page, label)
        await expectNoAxeViolations(page, label)
        await expectKioskContrast(page, label)
        await screenshot(page, `room-board-${shape}-${locale}`)
        await context.close()
      }
    }
  })

  it('chimes and speaks each call once in the board language, again on a recall, chime only with the voice off or no voice', {
    timeout: 180_000,
  }, async () => {
    markPresent(live.server, STATION_A, [7, 8, 9])
    const { context, page } = await openBoard(live.browser, live.server, TV, 'zh-Hans')
    await context.addInitScript(stubSound, ['en-US', 'zh-CN'])
    // No need to wait for the stream: a call made before it connects arrives in its first message.
    await page.reload()
    // What was on the board when it opened is not announced again.
    expect(await sound(page)).toEqual({ chimes: 0, spoken: [] })

    const ticket = callDeputy(live.server, 7)
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.length === 1)
    expect(await sound(page)).toEqual({ chimes: 1, spoken: ['zh-CN|请 A-007 号到接待室 7'] })
    // Another update of the board (a new ticket) is not a call: nothing more is said.
    await pushNonCall(page)
    expect(await sound(page)).toEqual({ chimes: 1, spoken: ['zh-CN|请 A-007 号到接待室 7'] })

    // A recall is announced again.
    callDeputy(live.server, 7, ticket.id)
    await page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.length === 2)
    expect((await sound(page)).chimes).toBe(2)

    // The kiosk's voice setting off: the chime only.
    live.server.db.update(kiosks).set({ voiceAnnouncements: false }).where(eq(kiosks.id, 1)).run()
    callDeputy(live.server, 8)
    await page.waitForFunction(() => (window as unknown as { __chimes: number }).__chimes === 3)
    await pushNonCall(page)
    expect(await sound(page)).toMatchObject({ chimes: 3, spoken: { length: 2 } })
    live.server.db.update(kiosks).set({ voiceAnnouncements: true }).where(eq(kiosks.id, 1)).run()
    await context.close()

    // A board in 繁體 on a machine with no Chinese voice at all: the chime only.
    const tw = await openBoard(live.browser, live.server, TV, 'zh-Hant')
    await tw.context.addInitScript(stubSound, ['en-US'])
    await tw.page.reload()
    callDeputy(live.server, 9)
    await tw.page.waitForFunction(() => (window as unknown as { __chimes: number }).__chimes === 1)
    await pushNonCall(tw.page)
    expect(await sound(tw.page)).toEqual({ chimes: 1, spoken: [] })
    // With a Hong Kong voice the same board speaks 繁體.
    await tw.context.addInitScript(stubSound, ['zh-HK'])
    await tw.page.reload()
    const again = live.server.db.$client
      .prepare("select id from queue_tickets where called_deputy_id = 9 and status = 'called'")
      .get() as { id: number }
    callDeputy(live.server, 9, again.id)
    await tw.page.waitForFunction(() => (window as unknown as { __spoken: string[] }).__spoken.length === 1)
    expect((await sound(tw.page)).spoken[0]).toMatch(/^zh-HK\|請 A-\d{3} 號到接待室 9$/)
    await tw.context.close()
  })

  it('lets a resident call staff with one tap; the clerk sees it live and takes it', async () => {
    const clerk = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await clerk.page.goto(`${live.server.baseUrl}/staff/stations/1/today`)
    expect(await clerk.page.textContent('#staff-calls')).toContain('暂无待处理的呼叫')

    const { context, page: kiosk } = await pairedKiosk(live.browser, live.server)
    await kiosk.goto(`${live.server.baseUrl}/kiosk/concern`)
    await kiosk.tap('[data-call-staff]')
    await kiosk.waitForSelector('#call-staff-message')
    expect(await kiosk.textContent('#call-staff-message')).toContain('工作人员马上就来')
    // The resident stays where they were.
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk/concern')
    await expectNoAxeViolations(kiosk, 'call staff notice')
    await expectKioskTargets(kiosk)
    await expectKioskText(kiosk, 'call staff notice')
    await expectKioskContrast(kiosk, 'call staff notice')
    await screenshot(kiosk, 'call-staff-notice')

    await clerk.page.waitForSelector('#staff-calls-open')
    const item = await clerk.page.textContent('#staff-calls-open')
    expect(item).toContain('一楼大厅 1 号机')
    expect(item).toContain('刚刚')
    await expectNoAxeViolations(clerk.page, 'today page with a call')
    await screenshot(clerk.page, 'call-staff-today')

    // A second tap while the call is open: told again, no second call.
    await kiosk.tap('[data-call-staff]')
    await kiosk.waitForFunction(() =>
      document.querySelector('#call-staff-message')?.textContent?.includes('已经通知'),
    )
    expect(await clerk.page.$$eval('#staff-calls-open li', (els) => els.length)).toBe(1)

    await Promise.all([clerk.page.waitForNavigation(), clerk.page.click('#staff-calls-open button')])
    expect(await clerk.page.textContent('#day-notice')).toContain('已由您接手该呼叫')
    expect(await clerk.page.textContent('#staff-calls')).toContain('暂无待处理的呼叫')

    // In 大字 mode the button and the notice still meet the kiosk norms.
    await kiosk.goto(`${live.server.baseUrl}/lang/text/large?next=/kiosk`)
    await kiosk.tap('[data-call-staff]')
    await kiosk.waitForSelector('#call-staff-message')
    await expectKioskTargets(kiosk)
    await expectNoAxeViolations(kiosk, 'call staff notice large')
    await screenshot(kiosk, 'call-staff-notice-large')
    await Promise.all([context.close(), clerk.context.close()])
  })
})
