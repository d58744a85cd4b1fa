import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { concerns } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays, zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import { expectNoAxeViolations, pairedKiosk, useServerAndBrowser } from '../helpers/browser.ts'
import { kioskNorms, kioskScreenshot, nextNoonUtc, tap } from '../helpers/kiosk-browser.ts'
import { markPresent, STATION_A } from '../helpers/queue.ts'
import { fillBoard } from '../helpers/room-board.ts'

const TZ = 'Asia/Shanghai'
const live = useServerAndBrowser({ now: nextNoonUtc() })

beforeAll(() => {
  const { db, clock } = live.server
  const today = localDate(clock.now(), TZ)
  const plan = (days: number, place: number, deputyIds: number[], kind: 'home_visits' | 'firm_forum') =>
    insertVisit(
      db,
      {
        placeId: place,
        stationId: STATION_A,
        kind,
        startsAt: zonedTimeToUtc(addDays(today, days), '09:00', TZ),
        endsAt: zonedTimeToUtc(addDays(today, days), '11:00', TZ),
        deputyIds,
      },
      clock.now(),
    )
  // 李秀英 (2) to 幸福村 (6) tomorrow; 陈建国 (1) and 李秀英 to 锦丰家纺 (14) in six days.
  plan(1, 6, [2], 'home_visits')
  plan(6, 14, [1, 2], 'firm_forum')
  markPresent(live.server, STATION_A, [1])
})

const lastConcern = () => live.server.db.select().from(concerns).all().at(-1)!

async function toDetails(page: Page) {
  await tap(page, '#action-concern')
  await tap(page, '#topic-1')
}

describe('the place at the kiosk, and visits on the start screen and the board (1080×1920)', () => {
  it('shows the next visits, then takes a place in one tap and skips in one tap', async () => {
    const { context, page } = await pairedKiosk(live.browser, live.server)
    const visits = await page.textContent('#kiosk-visits')
    expect(visits).toContain('明天 09:00　李秀英代表到 幸福村（入户走访）')
    expect(visits).toContain('陈建国、李秀英代表到 锦丰家纺有限公司（企业座谈）')
    await kioskNorms(page, 'start-visits', 'K')

    // The place: from the details page to the step, page 2 and back, one tap on 幸福村.
    await toDetails(page)
    expect(await page.textContent('#place-chosen')).toBe('还没有选地点')
    await kioskNorms(page, 'details-place', 'K')
    await page.fill('#f-description', '村口路灯不亮')
    await tap(page, '#choose-place')
    expect(await page.textContent('h1')).toBe('您住在哪里，或在哪里工作？')
    await kioskNorms(page, 'place-step', 'K')
    const skip = await page.$eval('#place-skip', (el) => el.getBoundingClientRect().height)
    const place = await page.$eval('.p-place:not(.p-skip)', (el) => el.getBoundingClientRect().height)
    expect(skip).toBeGreaterThanOrEqual(place)
    await tap(page, '#places-next')
    await kioskNorms(page, 'place-step-page2', 'K')
    await tap(page, '#places-prev')
    await tap(page, '#place-6')
    expect(await page.textContent('#place-chosen')).toBe('地点：幸福村')
    expect(await page.inputValue('#f-description')).toBe('村口路灯不亮')
    await tap(page, '#submit-anonymous')
    expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\//)
    expect(lastConcern()).toMatchObject({ placeId: 6, description: '村口路灯不亮' })

    // Skipped: one tap on 跳过 from the step; the concern has no place.
    await page.goto(`${live.server.baseUrl}/kiosk`)
    await toDetails(page)
    await tap(page, '#choose-place')
    await tap(page, '#place-skip')
    expect(await page.textContent('#place-chosen')).toBe('还没有选地点')
    await tap(page, '#submit-anonymous')
    expect(lastConcern().placeId).toBeNull()

    // 大字: the step still meets every norm, 跳过 within reach.
    await page.goto(`${live.server.baseUrl}/kiosk`)
    await tap(page, '#text-size-toggle')
    await toDetails(page)
    await kioskNorms(page, 'details-place-large', 'K')
    await tap(page, '#choose-place')
    await kioskNorms(page, 'place-step-large', 'K')
    await tap(page, '#place-skip')
    await context.close()
  }, 300_000)

  it('shows the visits on a busy room board, portrait and landscape', async () => {
    fillBoard(live.server, 6, 20)
    for (const viewport of [
      { width: 1080, height: 1920 },
      { width: 1920, height: 1080 },
    ]) {
      const context = await live.browser.newContext({ viewport })
      const page = await context.newPage()
      const { code } = issuePairingCode(live.server.db, 1, live.server.clock.now())
      await page.goto(`${live.server.baseUrl}/kiosk/pair?code=${code}`)
      await page.goto(`${live.server.baseUrl}/display`)
      expect(await page.textContent('#board-visits')).toContain('明天 09:00　李秀英代表到 幸福村（入户走访）')
      await expectNoAxeViolations(page, `board ${viewport.width}`)
      await kioskScreenshot(page, `K-board-visits-${viewport.width}x${viewport.height}`, false)
      await context.close()
    }
  }, 300_000)
})
