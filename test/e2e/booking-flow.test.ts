import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { findBookingByCode } from '../../db/queries/bookings.ts'
import { openSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { addPlan } from '../helpers/booking.ts'
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

/**
 * The next 12:00 UTC (20:00 in Shanghai): no reception slot of the day is within the minimum
 * notice then, so what the test books does not depend on when CI runs. Always in the future, so
 * the browser never sees an expired cookie.
 */
function nextNoonUtc(): Date {
  const d = new Date()
  d.setUTCHours(12, 0, 0, 0)
  if (d.getTime() <= Date.now()) d.setUTCDate(d.getUTCDate() + 1)
  return d
}

const live = useServerAndBrowser({ now: nextNoonUtc() })
beforeAll(async () => {
  // Every day 09:00–11:00 with deputy 1 at station A, so there is always a bookable day ahead.
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
})

/** Every kiosk norm at once: axe (WCAG 2 A/AA), 60 px targets, 24 px text, 7:1 contrast. */
async function kioskNorms(page: Page, label: string) {
  await expectNoAxeViolations(page, label)
  await expectKioskTargets(page)
  await expectKioskText(page, label)
  await expectKioskContrast(page, label)
  await screenshot(page, `booking-${label}`)
}

/** Clicks and waits for the navigation it causes; counts as one tap. */
async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** The n-th bookable session (the first by default) with its free slots. */
function firstOpen(n = 0) {
  const station = findStation(live.server.db, 1)!
  const session = openSessions(live.server.db, station, live.server.clock.now(), [1])[n]
  if (!session) throw new Error('no open session')
  return { session, slots: session.slots }
}

describe('booking at the kiosk in a real browser', () => {
  // A long journey (about 45 s on an idle 2-core machine, past 60 s on a loaded one): more room than the default.
  it('books in six taps plus name and phone, then cancels and checks in with the code', {
    timeout: 150_000,
  }, async () => {
    const { context, page } = await pairedKiosk(live.browser, live.server)
    const first = firstOpen()
    let taps = 0
    await kioskNorms(page, 'kiosk-start')
    await tap(page, '#action-booking')
    taps++
    await kioskNorms(page, 'who')
    await tap(page, '#who-d1')
    taps++
    await kioskNorms(page, 'days')
    await tap(page, `#day-${first.session.date}`)
    taps++
    await kioskNorms(page, 'slots')
    await tap(page, `#slot-${first.session.id}-${first.slots[0]!.index}`)
    taps++
    await kioskNorms(page, 'details')
    await page.click('label[for="topic-1"]')
    taps++
    await page.fill('#f-name', '王先生')
    await page.fill('#f-phone', '13812345678')
    await tap(page, '#booking-submit')
    taps++
    expect(taps).toBeLessThanOrEqual(6)
    expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/booking\/slip\/[A-Z0-9]{6}$/)
    const printed = (await page.textContent('#booking-code'))!.trim()
    expect(printed).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)
    await kioskNorms(page, 'slip')
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, 'booking-slip-print')
    await page.emulateMedia({ media: 'screen' })

    // A second booking, in English this time, to be cancelled with its code.
    await page.goto(`${live.server.baseUrl}/kiosk`)
    await page.click('#kiosk-language a[lang="en"]')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    await tap(page, '#action-booking')
    await tap(page, '#who-g1')
    await kioskNorms(page, 'days-district-en')
    await tap(page, `#day-${first.session.date}`)
    await tap(page, `#slot-${first.session.id}-${first.slots[1]!.index}`)
    await tap(page, '#booking-submit') // nothing filled in: the form says what is missing
    expect(await page.textContent('#error-summary')).toContain('Please choose what it is about')
    await kioskNorms(page, 'details-errors-en')
    await page.click('label[for="topic-2"]')
    await page.fill('#f-name', 'Zhao')
    await page.fill('#f-phone', '12345')
    await tap(page, '#booking-submit')
    expect(await page.textContent('#e-phone')).toContain('does not look right')
    await page.fill('#f-phone', '13900000000')
    await tap(page, '#booking-submit')
    const second = (await page.textContent('#booking-code'))!.trim()

    await page.goto(`${live.server.baseUrl}/kiosk`)
    await tap(page, '#action-booking-code')
    await kioskNorms(page, 'code-en')
    await page.fill('#f-code', second.toLowerCase())
    await tap(page, '#code-submit')
    await kioskNorms(page, 'found-en')
    await tap(page, '#cancel-booking')
    await tap(page, '#cancel-confirm') // cancelling asks first (test/e2e/kiosk-keypads.test.ts)
    expect(await page.textContent('#booking-done')).toContain('is cancelled')
    await kioskNorms(page, 'cancelled-en')
    expect(findBookingByCode(live.server.db, second.replace('-', ''))!.status).toBe('cancelled')

    // The day comes: half an hour before the slot, the first resident checks in.
    live.server.clock.set(new Date(first.slots[0]!.startsAt.getTime() - 30 * 60_000))
    await page.goto(`${live.server.baseUrl}/kiosk?reset=1`)
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN')
    await tap(page, '#action-booking-code')
    await page.fill('#f-code', printed)
    await tap(page, '#code-submit')
    expect(await page.textContent('#found-status')).toContain('已预约')
    await kioskNorms(page, 'found')
    await tap(page, '#check-in')
    expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
    expect(await page.textContent('#slip-number')).toMatch(/^A-\d{3}$/)
    await kioskNorms(page, 'checked-in-slip')
    expect(findBookingByCode(live.server.db, printed.replace('-', ''))!.status).toBe('checked_in')

    // The same code again is refused, clearly.
    await page.goto(`${live.server.baseUrl}/kiosk/booking/code`)
    await page.fill('#f-code', printed)
    await tap(page, '#code-submit')
    expect(await page.textContent('#found-status')).toContain('已签到')
    expect(await page.$('#check-in')).toBeNull()
    await page.goto(`${live.server.baseUrl}/kiosk/booking/code`)
    await page.fill('#f-code', 'ZZZ-ZZZ')
    await tap(page, '#code-submit')
    expect(await page.textContent('#e-code')).toContain('没有找到这个预约码')
    await kioskNorms(page, 'code-unknown')
    await context.close()
  })
})

describe('reception pages for clerks and deputies', () => {
  it('day view, booking for a caller, moving a session, call-backs, plans: axe clean', async () => {
    // The day after the kiosk test's, where nobody has checked in yet (a session with a
    // checked-in resident can no longer be moved).
    const { session, slots } = firstOpen(1)
    const clerk = await loggedIn(live.browser, live.server, ...DEMO.staff)
    const page = clerk.page
    const base = `${live.server.baseUrl}/staff/stations/1/reception`
    await page.goto(`${base}?date=${session.date}`)
    await expectNoAxeViolations(page, 'day view')
    await screenshot(page, 'booking-clerk-day')
    await page.click(`#book-${session.id}-${slots.at(-1)!.index}-0`)
    await page.waitForURL(/\/book\?/)
    await expectNoAxeViolations(page, 'clerk book')
    await page.selectOption('#f-topic', '3')
    await page.fill('#f-name', '李阿姨')
    await page.fill('#f-phone', '021-5555 6666')
    await Promise.all([page.waitForURL(/booked=/), page.click('#clerk-book-submit')])
    expect(await page.textContent('#reception-notice')).toMatch(/预约码 [A-Z0-9]{3}-[A-Z0-9]{3}/)
    await expectNoAxeViolations(page, 'day view after booking')
    await screenshot(page, 'booking-clerk-booked')

    // Move the session a day later; its bookings follow and wait on the call-back list.
    const nextDay = new Date(`${session.date}T12:00:00Z`)
    nextDay.setUTCDate(nextDay.getUTCDate() + 1)
    const target = nextDay.toISOString().slice(0, 10)
    await page.fill(`#move-date-${session.id}`, target)
    await page.fill(`#move-time-${session.id}`, '15:00')
    await Promise.all([
      page.waitForURL(new RegExp(`date=${target}`)),
      page.click(`#move-submit-${session.id}`),
    ])
    expect(await page.textContent(`#session-${session.id}`)).toContain('15:00–17:00')
    await expectNoAxeViolations(page, 'day view after move')
    await page.click('#reception-nav a[href$="/callbacks"]')
    await page.waitForURL(/callbacks/)
    expect(await page.textContent('#callbacks')).toContain('李阿姨')
    await expectNoAxeViolations(page, 'call-backs')
    await screenshot(page, 'booking-clerk-callbacks')

    await page.goto(`${base}/plans`)
    await expectNoAxeViolations(page, 'plans')
    await screenshot(page, 'booking-clerk-plans')
    await page.click('#plan-submit') // empty form: errors, still axe clean
    await page.waitForSelector('#error-summary')
    await expectNoAxeViolations(page, 'plans with errors')
    await screenshot(page, 'booking-clerk-plans-errors')
    await clerk.context.close()

    const deputy = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await deputy.page.goto(`${live.server.baseUrl}/deputy/reception?date=${target}`)
    expect(await deputy.page.textContent('main')).toContain('李阿姨')
    await expectNoAxeViolations(deputy.page, 'deputy days')
    await screenshot(deputy.page, 'booking-deputy-days')
    await deputy.context.close()
  })
})
