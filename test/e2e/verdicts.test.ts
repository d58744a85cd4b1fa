import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loadAccount } from '../../db/queries/accounts.ts'
import { recordVisitOutcome } from '../../db/queries/queue.ts'
import { accounts } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import { takeStep } from '../../server/events/concern-steps.ts'
import { callTicket, finishTicket, submitConcern } from '../../server/events/queue-commands.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  loggedIn,
  pairedKiosk,
  screenshot,
  type TestServer,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { markPresent } from '../helpers/queue.ts'
import { expectKioskContrast, expectKioskText } from '../helpers/queue-browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

/** Clicks (a tap) and waits for the navigation it causes. */
async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** A concern of station A, replied through the follow-up steps (or answered on the spot). */
function concernWaitingForVerdict(server: TestServer, how: 'replied' | 'answered'): string {
  const { db, clock } = server
  const now = clock.now()
  const { concern } = submitConcern(
    db,
    {
      stationId: 1,
      localDate: localDate(now, 'Asia/Shanghai'),
      topicId: 1,
      channel: 'phone',
      queue: false,
      deputyId: 1,
      priority: false,
      description: '楼道灯不亮',
      callbackPhone: '13812345678',
      residentName: '张三丰',
      submissionKey: null,
      kioskId: null,
      actor: { kind: 'system' },
    },
    now,
  )
  if (how === 'answered') {
    recordVisitOutcome(db, concern.id, 'answered', { kind: 'system' }, '', now)
    return concern.trackingCode
  }
  const adminId = db.select().from(accounts).where(eq(accounts.username, DEMO.admin[0])).get()!.id
  const by = { account: loadAccount(db, adminId)! }
  const deps = { db, locale: 'zh-Hans' as const }
  for (const input of [
    { step: 'refer' as const, unitId: 2, dueOn: null, note: '' },
    { step: 'unit_reply' as const, grade: 'A' as const, unitReply: '已修复', note: '' },
    { step: 'relay' as const, reply: '楼道灯已修复。', note: '' },
  ]) {
    const r = takeStep(deps, { concernId: concern.id, by, input }, now)
    if (!r.ok) throw new Error(`${input.step}: ${r.reason}`)
  }
  return concern.trackingCode
}

const LOCALES = [
  { locale: 'zh-Hans', html: 'zh-CN', button: '#verdict-satisfied', thanks: '谢谢您的评价：满意' },
  { locale: 'zh-Hant', html: 'zh-TW', button: '#verdict-basically', thanks: '謝謝您的評價：基本滿意' },
  {
    locale: 'en',
    html: 'en',
    button: '#verdict-unsatisfied',
    thanks: 'Thank you for your verdict: Not satisfied',
  },
] as const

describe('honest verdicts in a real browser, taps only', () => {
  it('rates three replies at the kiosk with each of the three buttons, in three languages, in 大字 too', async () => {
    const { page, context } = await pairedKiosk(live.browser, live.server)
    const base = live.server.baseUrl
    for (const [i, l] of LOCALES.entries()) {
      const code = concernWaitingForVerdict(live.server, i === 2 ? 'answered' : 'replied')
      await page.goto(`${base}/lang/${l.locale}?next=/kiosk/progress/${code}`)
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe(l.html)
      // The three buttons: same class, same box size, none focused.
      const boxes = await page.$$eval('button[name="verdict"]', (els) =>
        els.map((e) => ({
          cls: e.className,
          w: Math.round(e.getBoundingClientRect().width),
          h: Math.round(e.getBoundingClientRect().height),
        })),
      )
      expect(new Set(boxes.map((b) => JSON.stringify(b))).size).toBe(1)
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).not.toBe('verdict')
      await expectNoAxeViolations(page, `kiosk verdict ${l.locale}`)
      await expectKioskTargets(page)
      await expectKioskText(page, `kiosk verdict ${l.locale}`)
      await expectKioskContrast(page, `kiosk verdict ${l.locale}`)
      await screenshot(page, `D-kiosk-verdict-${l.locale}`)
      await page.click('#text-size-toggle')
      await page.waitForLoadState()
      await expectNoAxeViolations(page, `kiosk verdict ${l.locale} large`)
      await screenshot(page, `D-kiosk-verdict-${l.locale}-large`)
      await tap(page, l.button)
      expect(await page.textContent('#verdict-thanks')).toContain(l.thanks)
      expect(await page.locator('#verdict-form').count()).toBe(0)
      await expectNoAxeViolations(page, `kiosk thanks ${l.locale}`)
      await screenshot(page, `D-kiosk-thanks-${l.locale}-large`)
      await page.click('#text-size-toggle')
      await page.waitForLoadState()
    }
    await context.close()
  })

  it('the phone page at 360 px: no sideways scrolling, the phone’s language, a verdict by tap', async () => {
    const base = live.server.baseUrl
    for (const l of LOCALES) {
      const code = concernWaitingForVerdict(live.server, 'replied')
      const context = await live.browser.newContext({
        viewport: { width: 360, height: 740 },
        hasTouch: true,
        isMobile: true,
        locale: l.locale === 'zh-Hant' ? 'zh-TW' : l.locale === 'en' ? 'en-US' : 'zh-CN',
      })
      const page = await context.newPage()
      await page.goto(`${base}/track/${code}`)
      expect(await page.getAttribute('html', 'lang')).toBe(l.html)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      for (const secret of ['张三丰', '13812345678', '楼道灯不亮'])
        expect(await page.content()).not.toContain(secret)
      await expectNoAxeViolations(page, `track ${l.locale}`)
      await screenshot(page, `D-track-360-${l.locale}`)
      await tap(page, l.button)
      expect(await page.textContent('#track-thanks')).toContain(l.thanks)
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0)
      await expectNoAxeViolations(page, `track thanks ${l.locale}`)
      await screenshot(page, `D-track-360-thanks-${l.locale}`)
      await context.close()
    }
  })

  it('the deputy’s device after an answer on the spot: the resident’s screen, thanks, back to the console', async () => {
    const { db, clock } = live.server
    const now = clock.now()
    const date = localDate(now, 'Asia/Shanghai')
    markPresent(live.server, 1, [1])
    const { ticket } = submitConcern(
      db,
      {
        stationId: 1,
        localDate: date,
        topicId: 1,
        channel: 'kiosk',
        queue: true,
        deputyId: 1,
        priority: false,
        description: '电梯经常停',
        callbackPhone: '13700000000',
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'kiosk' },
      },
      now,
    )
    const actor = { kind: 'system' as const }
    const called = callTicket(db, { stationId: 1, date, deputyId: 1, actor, mode: { kind: 'next' } }, now)
    expect(called.ok && called.ticket.id).toBe(ticket!.id)
    const served = finishTicket(
      db,
      { stationId: 1, date, deputyId: 1, actor, ticketId: ticket!.id, outcome: 'answered', note: '' },
      now,
    )
    expect(served.ok).toBe(true)

    const deputy = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await deputy.page.setViewportSize({ width: 1080, height: 1920 })
    await deputy.page.goto(`${live.server.baseUrl}/console/1/1`)
    await tap(deputy.page, '#rate-now')
    const html = await deputy.page.content()
    for (const secret of ['13700000000', '137****0000', '电梯经常停', 'call-next'])
      expect(html).not.toContain(secret)
    await expectNoAxeViolations(deputy.page, 'on-the-spot verdict')
    await expectKioskTargets(deputy.page)
    await expectKioskText(deputy.page, 'on-the-spot verdict')
    await expectKioskContrast(deputy.page, 'on-the-spot verdict')
    await screenshot(deputy.page, 'D-spot-verdict-zh-Hans')
    await tap(deputy.page, '#verdict-unsatisfied')
    expect(await deputy.page.textContent('#spot-thanks')).toContain('谢谢您的评价：不满意')
    await expectNoAxeViolations(deputy.page, 'on-the-spot thanks')
    await screenshot(deputy.page, 'D-spot-thanks-zh-Hans')
    await deputy.page.waitForURL((u) => u.pathname === '/console/1/1', { timeout: 20_000 })
    expect(await deputy.page.locator('#rate-now').count()).toBe(0)
    await deputy.context.close()
  })
})
