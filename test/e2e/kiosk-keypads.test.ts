import { beforeAll, describe, expect, it } from 'vitest'
import { findBookingByCode } from '../../db/queries/bookings.ts'
import { type OpenSession, openSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { concerns } from '../../db/schema.ts'
import { formatBookingCode } from '../../server/domain/booking-rules.ts'
import { bookSlot } from '../../server/events/reception-commands.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import { addPlan } from '../helpers/booking.ts'
import { pairedKiosk, useServerAndBrowser } from '../helpers/browser.ts'
import { expectPrimaryInView, keyIn, kioskNorms, nextNoonUtc, tap } from '../helpers/kiosk-browser.ts'

const live = useServerAndBrowser({ now: nextNoonUtc() })
let sessions: OpenSession[] = []
beforeAll(() => {
  // Every day 09:00–11:00 with deputy 1 at station A, 30-minute slots.
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
  const station = findStation(live.server.db, 1)!
  sessions = openSessions(live.server.db, station, live.server.clock.now(), [1])
})

/** A booking made as a clerk would for a caller (the kiosk's own booking form is another test's). */
function book(session: OpenSession, slotIndex: number, phone: string, name: string) {
  const r = bookSlot(
    live.server.deps,
    {
      stationId: 1,
      sessionId: session.id,
      slotIndex,
      topicId: 1,
      residentName: name,
      residentPhone: phone,
      channel: 'clerk',
      kioskId: null,
      accountId: null,
      submissionKey: null,
    },
    live.server.clock.now(),
  )
  if (!r.ok) throw new Error(`booking refused: ${r.reason}`)
  return r.booking
}

const LANGUAGES = [
  {
    locale: 'zh-Hans',
    lang: 'zh-CN',
    phone: '13812345678',
    first4: '138 1',
    shown: '138 1234 5678',
    largeText: true,
  },
  {
    locale: 'zh-Hant',
    lang: 'zh-TW',
    phone: '057187654321',
    first4: '0571',
    shown: '0571 8765 4321',
    largeText: false,
  },
  {
    locale: 'en',
    lang: 'en',
    phone: '01012345678',
    first4: '010 1',
    shown: '010 1234 5678',
    largeText: false,
  },
] as const

describe('touch-only phone and code entry at the kiosk', () => {
  for (const [i, l] of LANGUAGES.entries()) {
    it(`checks in by phone number and cancels by code with a confirmation (${l.locale}${l.largeText ? ', 大字' : ''})`, {
      timeout: 300_000,
    }, async () => {
      const session = sessions[i]!
      const mine = book(session, 0, l.phone, '王秀英')
      const second = book(session, 2, `139000000${i}0`, '赵')
      const { context, page } = await pairedKiosk(live.browser, live.server)
      const label = (s: string) => `${l.locale}${l.largeText ? '-large' : ''}-${s}`
      const primary = async (selector: string, name: string) => {
        if (l.largeText) await expectPrimaryInView(page, selector, label(name))
      }
      await page.click(`#kiosk-language a[lang="${l.lang}"]`)
      await page.waitForFunction((lang) => document.documentElement.lang === lang, l.lang)
      if (l.largeText) {
        await tap(page, '#text-size-toggle')
        expect(await page.getAttribute('html', 'class')).toContain('large-text')
      }
      // Half an hour before the first slot: check-in is open, and the later slot can still be cancelled.
      live.server.clock.set(new Date(session.slots[0]!.startsAt.getTime() - 30 * 60_000))
      await page.goto(`${live.server.baseUrl}/kiosk`)

      // 预约签到 → "lost my code" → the phone on the number keypad, grouped as it is tapped in.
      await tap(page, '#action-booking-code')
      await kioskNorms(page, label('code'), 'A')
      await primary('#code-submit', 'code')
      await tap(page, '#code-lost')
      await keyIn(page, 'phone', l.phone.slice(0, 4))
      expect(await page.inputValue('#f-phone')).toBe(l.first4)
      await keyIn(page, 'phone', `${l.phone.slice(4)}9`) // one digit too many is not taken
      expect(await page.inputValue('#f-phone')).toBe(l.shown)
      await page.click('[data-keypad-for="phone"] [data-key="back"]')
      await keyIn(page, 'phone', l.phone.slice(-1))
      expect(await page.inputValue('#f-phone')).toBe(l.shown)
      await kioskNorms(page, label('phone'), 'A')
      await primary('#phone-lookup-submit', 'phone')
      await tap(page, '#phone-lookup-submit')

      // The list: this phone's booking only, name masked; tap it, then check in.
      expect(await page.$$eval('[id^="phone-booking-"]', (els) => els.map((e) => e.id))).toEqual([
        `phone-booking-${mine.code}`,
      ])
      const listText = (await page.textContent('#phone-bookings'))!
      expect(listText).toContain('王*')
      expect(listText).not.toContain('秀英')
      await kioskNorms(page, label('phone-list'), 'A')
      await primary(`#phone-booking-${mine.code}`, 'phone-list')
      await tap(page, `#phone-booking-${mine.code}`)
      await kioskNorms(page, label('found'), 'A')
      await primary('#check-in', 'found')
      await tap(page, '#check-in')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
      expect(findBookingByCode(live.server.db, mine.code)!.status).toBe('checked_in')
      const tracking = new URL(page.url()).pathname.split('/').pop()!

      // The second booking by its code: the keypad sends the form at the sixth character.
      await tap(page, '#slip-done')
      await tap(page, '#action-booking-code')
      await keyIn(page, 'code', second.code, true)
      expect(new URL(page.url()).pathname).toBe('/kiosk/booking/code')
      expect(await page.textContent('#found-code')).toBe(formatBookingCode(second.code))
      await tap(page, '#cancel-booking')
      // The confirmation screen names the booking's time; nothing is cancelled yet.
      expect(await page.textContent('#confirm-when')).toContain('10:00')
      expect(findBookingByCode(live.server.db, second.code)!.status).toBe('booked')
      await kioskNorms(page, label('cancel-confirm'), 'A')
      await primary('#cancel-confirm', 'cancel-confirm')
      await tap(page, '#cancel-keep') // 不取消: back to the booking, still booked
      expect(await page.textContent('#found-code')).toBe(formatBookingCode(second.code))
      await tap(page, '#cancel-booking')
      await tap(page, '#cancel-confirm')
      await page.waitForSelector('#booking-done')
      await kioskNorms(page, label('cancelled'), 'A')
      expect(findBookingByCode(live.server.db, second.code)!.status).toBe('cancelled')

      // 查询进度 with the tracking code from the check-in slip, on the code keypad.
      await page.goto(`${live.server.baseUrl}/kiosk`)
      await tap(page, '#action-progress')
      await kioskNorms(page, label('progress-code'), 'A')
      await primary('#progress-submit', 'progress-code')
      await keyIn(page, 'code', tracking.slice(0, 3))
      expect(await page.inputValue('#f-code')).toBe(tracking.slice(0, 3))
      await page.click('[data-keypad-for="code"] [data-key="clear"]')
      expect(await page.inputValue('#f-code')).toBe('')
      await keyIn(page, 'code', tracking, true)
      expect(new URL(page.url()).pathname).toBe(`/kiosk/progress/${tracking}`)
      expect(await page.textContent('h1')).toContain(formatTrackingCode(tracking))
      await context.close()
    })
  }

  it('takes the phone on the keypad in the booking form and at the drop-in phone step (大字)', {
    timeout: 240_000,
  }, async () => {
    const { context, page } = await pairedKiosk(live.browser, live.server)
    await tap(page, '#text-size-toggle')
    // The booking form: topic, name and phone are taller than the screen; 确认预约 stays in view.
    const session = sessions.at(-1)!
    await tap(page, '#action-booking')
    await tap(page, '#who-d1')
    await tap(page, `#day-${session.date}`)
    await tap(page, `#slot-${session.id}-${session.slots[0]!.index}`)
    await keyIn(page, 'phone', '02155556666')
    expect(await page.inputValue('#f-phone')).toBe('021 5555 6666')
    await kioskNorms(page, 'zh-Hans-large-booking-details', 'A')
    await expectPrimaryInView(page, '#booking-submit', 'booking details')
    await page.goto(`${live.server.baseUrl}/kiosk`)
    await tap(page, '#action-concern')
    await tap(page, '#topic-1')
    await tap(page, '#go-phone')
    await keyIn(page, 'phone', '13612345678')
    expect(await page.inputValue('#f-phone')).toBe('136 1234 5678')
    await kioskNorms(page, 'zh-Hans-large-concern-phone', 'A')
    await expectPrimaryInView(page, '#submit-phone', 'concern phone')
    await tap(page, '#submit-phone')
    const tracking = new URL(page.url()).pathname.split('/').pop()!
    const concern = live.server.db
      .select()
      .from(concerns)
      .all()
      .find((c) => c.trackingCode === tracking)!
    expect(concern.callbackPhone).toBe('13612345678')
    await context.close()
  })
})
