import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { openSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { addPlan } from '../helpers/booking.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  loggedIn,
  pairedKiosk,
  SCREENSHOT_DIR,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { kioskNorms, nextNoonUtc, tap } from '../helpers/kiosk-browser.ts'
import { markPresent } from '../helpers/queue.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser({ now: nextNoonUtc() })
beforeAll(() => {
  // Every day 09:00–11:00 with deputy 1, so a day is always bookable; deputy 1 present for walk-ins.
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
  markPresent(live.server, 1, [1])
})

const LOCALES = [
  { locale: 'zh-Hans', label: '简体中文', chen: '陈', ms: '女士', inPerson: '我想当面跟代表说' },
  { locale: 'zh-Hant', label: '繁體中文', chen: '陳', ms: '女士', inPerson: '我想當面跟代表說' },
  { locale: 'en', label: 'English', chen: 'Chen', ms: 'Ms', inPerson: 'I’d rather tell the deputy' },
] as const

/** Whether the element is wholly inside the viewport as it is scrolled now. */
const inViewport = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
  })

describe('names and phrase chips at the kiosk, by taps only', () => {
  it.each(LOCALES)(
    '$locale: a surname and 女士 fill the booking name; a walk-in with two chips',
    async (l) => {
      const { db, clock } = live.server
      addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
      markPresent(live.server, 1, [1])
      const { context, page } = await pairedKiosk(live.browser, live.server)
      if (l.locale !== 'zh-Hans') await tap(page, `#kiosk-language a[href^="/lang/${l.locale}"]`)

      // Booking up to the details page.
      const session = openSessions(db, findStation(db, 1)!, clock.now(), [1])[0]!
      await tap(page, '#action-booking')
      await tap(page, '#who-d1')
      await tap(page, `#day-${session.date}`)
      await tap(page, `#slot-${session.id}-${session.slots[0]!.index}`)
      await kioskNorms(page, `${l.locale}-booking-details`, 'B')

      await page.tap('[data-surname="陈"]')
      await page.tap('[data-honorific="女士"]')
      expect(await page.inputValue('#f-name')).toBe('陈女士')
      expect(await page.getAttribute('[data-surname="陈"]', 'aria-pressed')).toBe('true')
      expect(await page.textContent('[data-surname="陈"]')).toContain(l.chen)
      expect(await page.textContent('[data-honorific="女士"]')).toBe(l.ms)
      // Another surname replaces the first; the honorific stays.
      await page.tap('[data-surname="王"]')
      expect(await page.inputValue('#f-name')).toBe('王女士')
      await page.tap('[data-surname="陈"]')

      // The second page of surnames, then "other surname" and its note.
      await page.tap('#surname-more')
      expect(await page.isVisible('#surname-page-2')).toBe(true)
      expect(await page.isVisible('#surname-page-1')).toBe(false)
      await page.tap('#surname-other')
      expect(await page.isVisible('#surname-other-help')).toBe(true)
      await kioskNorms(page, `${l.locale}-booking-surnames-page2`, 'B')
      expect(await page.inputValue('#f-name')).toBe('陈女士')

      // 大字: the grid is bigger, and the main button stays on screen while the grid is in view.
      await tap(page, '#text-size-toggle')
      await page.$eval('#surname-grid', (el) => el.scrollIntoView({ block: 'start' }))
      expect(await inViewport(page, '#booking-submit')).toBe(true)
      await expectKioskTargets(page)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `B-${l.locale}-booking-details-large.png`) })
      await tap(page, '#text-size-toggle')

      // A walk-in with two chips.
      await tap(page, '#booking-home')
      await tap(page, '#action-concern')
      await tap(page, '#topic-1')
      const chips = await page.$$eval('input[data-phrase]', (els) => els.map((e) => e.id))
      expect(chips.length).toBeGreaterThanOrEqual(2)
      await page.tap(`label[for="${chips[0]}"]`)
      await page.tap(`label[for="${chips[1]}"]`)
      expect(await page.isChecked(`#${chips[0]}`)).toBe(true)
      expect(await page.isChecked(`#${chips[1]}`)).toBe(true)
      // "I'd rather tell the deputy" stands alone: it clears the chips, and a chip clears it.
      expect(await page.textContent('label[for="f-in-person"]')).toContain(l.inPerson)
      await page.tap('label[for="f-in-person"]')
      expect(await page.isChecked(`#${chips[0]}`)).toBe(false)
      await page.tap(`label[for="${chips[0]}"]`)
      await page.tap(`label[for="${chips[1]}"]`)
      expect(await page.isChecked('#f-in-person')).toBe(false)
      await kioskNorms(page, `${l.locale}-concern-chips`, 'B')

      await tap(page, '#text-size-toggle')
      await page.$eval('#f-phrase', (el) => el.scrollIntoView({ block: 'start' }))
      expect(await inViewport(page, '#submit-anonymous')).toBe(true)
      await page.screenshot({ path: join(SCREENSHOT_DIR, `B-${l.locale}-concern-chips-large.png`) })
      // The reload kept nothing ticked (a GET starts the form again): tick the two chips once more.
      await page.tap(`label[for="${chips[0]}"]`)
      await page.tap(`label[for="${chips[1]}"]`)
      await tap(page, '#submit-anonymous')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\//)
      const code = new URL(page.url()).pathname.split('/').at(-1)!
      const stored = db.$client
        .prepare(
          'select count(*) as n from concern_phrases p join concerns c on c.id = p.concern_id where c.tracking_code = ?',
        )
        .get(code) as { n: number }
      expect(stored.n).toBe(2)
      await tap(page, '#text-size-toggle')
      await context.close()
    },
    // Three axe scans of pages with a hundred buttons each, on a shared CI machine.
    300_000,
  )

  it('admin: a topic’s phrase list and form are axe-clean', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    await page.goto(`${live.server.baseUrl}/admin/topics`)
    await Promise.all([page.waitForNavigation(), page.click('#topic-1-phrases')])
    expect(await page.textContent('#phrases-table')).toContain('电梯故障')
    await expectNoAxeViolations(page, 'admin phrases')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'B-admin-phrases.png'), fullPage: true })
    await Promise.all([page.waitForNavigation(), page.click('#admin-add')])
    await Promise.all([page.waitForNavigation(), page.click('#phrase-form button[type=submit]')])
    expect(await page.textContent('#phrase-form')).toContain('请填写此项。')
    await expectNoAxeViolations(page, 'admin phrase form with errors')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'B-admin-phrase-form.png'), fullPage: true })
    await context.close()
  }, 120_000)
})
