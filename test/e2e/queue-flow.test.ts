import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { queueBus } from '../../server/events/queue-bus.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  loggedIn,
  pairedKiosk,
  screenshot,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { expectKioskContrast, expectKioskText } from '../helpers/queue-browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

/** Every kiosk norm at once: axe (WCAG 2 A/AA), 60 px targets, 24 px text, 7:1 contrast. */
async function kioskNorms(page: Page, label: string) {
  await expectNoAxeViolations(page, label)
  await expectKioskTargets(page)
  await expectKioskText(page, label)
  await expectKioskContrast(page, label)
  await screenshot(page, `queue-${label}`)
}

/** Clicks and waits for the navigation it causes. */
async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

describe('walk-in queue in a real browser', () => {
  it('runs the whole day: clerk marks presence, resident gets a ticket in 3 taps, console calls it, the board shows it', async () => {
    // The clerk marks two deputies present, with their rooms.
    const clerk = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await clerk.page.goto(`${live.server.baseUrl}/staff/stations/1/today`)
    await clerk.page.fill('#place-1', '接待室 1')
    await tap(clerk.page, '#present-1')
    await clerk.page.fill('#place-2', '接待室 2')
    await tap(clerk.page, '#present-2')
    expect(await clerk.page.textContent('#presence-1')).toContain('在站 · 接待室 1')
    await expectNoAxeViolations(clerk.page, 'station day')
    await screenshot(clerk.page, 'queue-station-day')

    // The room's board, on a paired device, is live before anyone takes a ticket.
    const { context: kioskContext, page: kiosk } = await pairedKiosk(live.browser, live.server)
    const board = await kioskContext.newPage()
    await board.goto(`${live.server.baseUrl}/display`)
    await expect.poll(() => queueBus(live.server.db).listenerCount(1), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await board.textContent('#board-latest-none')).toContain('暂未叫号')

    // A resident: three taps, no typing.
    await kioskNorms(kiosk, 'kiosk-start')
    await tap(kiosk, '#action-concern') // 1
    await kioskNorms(kiosk, 'kiosk-topics')
    await tap(kiosk, '#topic-1') // 2
    await kioskNorms(kiosk, 'kiosk-details')
    await tap(kiosk, '#submit-anonymous') // 3
    expect(new URL(kiosk.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
    expect(await kiosk.textContent('#slip-number')).toBe('A-001')
    expect(await kiosk.textContent('#slip-wait')).toContain('下一位就是您')
    await kioskNorms(kiosk, 'kiosk-slip')
    await kiosk.emulateMedia({ media: 'print' })
    await screenshot(kiosk, 'queue-slip-print')
    await kiosk.emulateMedia({ media: 'screen' })

    // The board heard about the new ticket.
    await board.waitForFunction(() =>
      document.querySelector('#board-waiting-count')?.textContent?.startsWith('1'),
    )

    // The deputy calls it from the console; the board shows it within a second.
    const deputy = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await deputy.page.goto(`${live.server.baseUrl}/console`)
    expect(new URL(deputy.page.url()).pathname).toBe('/console/1/1')
    await expectNoAxeViolations(deputy.page, 'console idle')
    await screenshot(deputy.page, 'queue-console-idle')
    await deputy.page.click('#call-next')
    await board.waitForFunction(
      () => document.querySelector('#board-latest-number')?.textContent === 'A-001',
      null,
      {
        timeout: 1000,
      },
    )
    expect(await board.textContent('#board-latest')).toContain('请到接待室 1（陈建国 代表）')
    // The console swapped its fragment in place (htmx), no page load.
    await deputy.page.waitForSelector('#current-number')
    expect(await deputy.page.textContent('#current-number')).toBe('A-001')
    expect(new URL(deputy.page.url()).pathname).toBe('/console/1/1')
    await expectNoAxeViolations(deputy.page, 'console serving')
    await screenshot(deputy.page, 'queue-console-serving')
    await expectNoAxeViolations(board, 'display')
    await expectKioskContrast(board, 'display')
    await screenshot(board, 'queue-display')

    // Served with an outcome: the console is ready again.
    await deputy.page.fill('#f-note', '已告知物业维修电话')
    await deputy.page.click('#serve')
    await deputy.page.waitForSelector('#call-next')
    expect(await deputy.page.textContent('#console-message')).toContain('已记录接待结果')

    // The console's waiting list is live too: a new ticket appears without a reload.
    await kiosk.goto(`${live.server.baseUrl}/kiosk/concern/details?topic=2`)
    await tap(kiosk, '#submit-anonymous')
    expect(await kiosk.textContent('#slip-number')).toBe('A-002')
    await deputy.page.waitForFunction(() =>
      document.querySelector('#console-queue')?.textContent?.includes('A-002'),
    )

    // The board's stream breaks (as when the network blips) and the board reconnects by itself.
    // The board, the console's list and the clerk's today page (its list of calls for staff).
    expect(queueBus(live.server.db).listenerCount(1)).toBe(3)
    await board.evaluate(() =>
      (
        document.getElementById('display-board') as unknown as {
          _htmx: { sse: { reader: ReadableStreamDefaultReader } }
        }
      )._htmx.sse.reader.cancel(),
    )
    await expect.poll(() => queueBus(live.server.db).listenerCount(1), { timeout: 10_000 }).toBe(2)
    await expect.poll(() => queueBus(live.server.db).listenerCount(1), { timeout: 10_000 }).toBe(3)
    await deputy.page.click('#call-next')
    await board.waitForFunction(
      () => document.querySelector('#board-latest-number')?.textContent === 'A-002',
      null,
      {
        timeout: 15_000,
      },
    )

    await Promise.all([clerk.context.close(), deputy.context.close(), kioskContext.close()])
  })

  it('takes a call-back number after showing its purpose, and sends the concern to a district deputy when nobody is present', async () => {
    live.server.db.$client.prepare('delete from station_presence').run()
    const { context, page } = await pairedKiosk(live.browser, live.server)
    await page.click('#kiosk-language a[lang="en"]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await tap(page, '#action-concern')
    await tap(page, '#topic-2')
    expect(await page.textContent('#h-deputy')).toContain('No deputy is here today')
    await page.fill('#f-description', 'The crossing light is too short for older people.')
    expect(await page.textContent('#description-count')).toBe('49 of 200 characters')
    await page.click('#deputy-1-1')
    await tap(page, '#go-phone')
    await kioskNorms(page, 'kiosk-phone')
    await page.fill('#f-phone', '12345')
    await tap(page, '#submit-phone')
    expect(await page.textContent('#error-summary')).toContain('That is not a phone number')
    await kioskNorms(page, 'kiosk-phone-error')
    await page.fill('#f-phone', '138 1234 5678')
    await tap(page, '#submit-phone')
    expect(await page.textContent('#slip-backlog')).toContain('Passed to Deputy 陈建国')
    await kioskNorms(page, 'kiosk-slip-backlog')
    await context.close()
  })
})
