import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { findBookingByCode } from '../../db/queries/bookings.ts'
import { type OpenSession, openSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { concerns } from '../../db/schema.ts'
import { formatBookingCode } from '../../server/domain/booking-rules.ts'
import { bookSlot } from '../../server/events/reception-commands.ts'
import { addPlan } from '../helpers/booking.ts'
import { pairedKiosk, useServerAndBrowser } from '../helpers/browser.ts'
import { keyIn, kioskNorms, nextNoonUtc, repliedConcerns, tap } from '../helpers/kiosk-browser.ts'
import { markPresent } from '../helpers/queue.ts'

/**
 * Issue 15, "Done means": the resident's journeys at a kiosk with no keyboard, by taps alone
 * (no keyboard.type, no fill), in each language on a fresh kiosk: book with surname, 先生/女士 and
 * the phone on the keypad; check in by phone number; cancel a second booking by its code through
 * the confirmation; a walk-in in three taps; a verdict on a reply — 满意, 基本满意 and 不满意 each
 * on a concern of its own across the three passes. Every screen: axe, 60 px, 24 px, 7:1.
 */
const live = useServerAndBrowser({ now: nextNoonUtc() })
let sessions: OpenSession[] = []
let replied: { id: number; code: string }[] = []
beforeAll(async () => {
  // Every day 09:00–11:00 with deputy 1 at station A, 30-minute slots.
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
  sessions = openSessions(live.server.db, findStation(live.server.db, 1)!, live.server.clock.now(), [1])
  replied = await repliedConcerns(live.server, ['路灯已修好。', '路燈已修好。', 'The street light is fixed.'])
})

const PASSES = [
  {
    locale: 'zh-Hans',
    lang: 'zh-CN',
    surname: '王',
    honorific: '先生',
    phone: '13812345678',
    shown: '138 1234 5678',
    verdict: 'satisfied',
    after: 'closed',
  },
  {
    locale: 'zh-Hant',
    lang: 'zh-TW',
    surname: '陈',
    honorific: '女士',
    phone: '057187654321',
    shown: '0571 8765 4321',
    verdict: 'basically',
    after: 'closed',
  },
  {
    locale: 'en',
    lang: 'en',
    surname: '李',
    honorific: '先生',
    phone: '01012345678',
    shown: '010 1234 5678',
    verdict: 'unsatisfied',
    after: 'reopened',
  },
] as const

describe('a resident at a kiosk with no keyboard, by taps alone', () => {
  for (const [i, l] of PASSES.entries()) {
    it(`books, checks in by phone, cancels by code, drops in and rates a reply (${l.locale})`, {
      timeout: 600_000,
    }, async () => {
      const { db } = live.server
      const session = sessions[i]!
      const { context, page } = await pairedKiosk(live.browser, live.server)
      const norms = (name: string) => kioskNorms(page, `${l.locale}-${name}`, 'G-journey')
      /** The pass's language: chosen on the first screen, and again after a slip's 完成 reset it. */
      const inLanguage = async () => {
        if ((await page.getAttribute('html', 'lang')) !== l.lang)
          await tap(page, `#kiosk-language a[lang="${l.lang}"]`)
        expect(await page.getAttribute('html', 'lang')).toBe(l.lang)
      }
      await inLanguage()
      await norms('start')

      // Book: who, day, slot; the topic, surname and 先生/女士 from the grid, the phone on the keypad.
      await tap(page, '#action-booking')
      await norms('booking-who')
      await tap(page, '#who-d1')
      await norms('booking-days')
      await tap(page, `#day-${session.date}`)
      await norms('booking-slots')
      await tap(page, `#slot-${session.id}-${session.slots[0]!.index}`)
      await page.click('label[for="topic-1"]')
      await page.click(`[data-surname="${l.surname}"]`)
      await page.click(`[data-honorific="${l.honorific}"]`)
      expect(await page.inputValue('#f-name')).toBe(`${l.surname}${l.honorific}`)
      await keyIn(page, 'phone', l.phone)
      expect(await page.inputValue('#f-phone')).toBe(l.shown)
      await norms('booking-details')
      await tap(page, '#booking-submit')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/booking\/slip\/[A-Z0-9]{6}$/)
      const code = new URL(page.url()).pathname.split('/').pop()!
      expect(findBookingByCode(db, code)).toMatchObject({
        status: 'booked',
        residentName: `${l.surname}${l.honorific}`,
        residentPhone: l.phone,
      })
      await norms('booking-slip')
      await tap(page, '#slip-done')
      await inLanguage()

      // A second booking at the same session, taken by a clerk for a caller; cancelled below by code.
      const second = bookSlot(
        live.server.deps,
        {
          stationId: 1,
          sessionId: session.id,
          slotIndex: 2,
          topicId: 1,
          residentName: '赵',
          residentPhone: `139000000${i}0`,
          channel: 'clerk',
          kioskId: null,
          accountId: null,
          submissionKey: null,
        },
        live.server.clock.now(),
      )
      if (!second.ok) throw new Error(`booking refused: ${second.reason}`)

      // The morning of the reception, half an hour before the first slot: check-in is open.
      live.server.clock.set(new Date(session.slots[0]!.startsAt.getTime() - 30 * 60_000))
      await page.goto(`${live.server.baseUrl}/kiosk`)

      // Check in by phone number: the code is lost, the phone on the keypad finds the booking.
      await tap(page, '#action-booking-code')
      await norms('checkin-code')
      await tap(page, '#code-lost')
      await keyIn(page, 'phone', l.phone)
      expect(await page.inputValue('#f-phone')).toBe(l.shown)
      await norms('checkin-phone')
      await tap(page, '#phone-lookup-submit')
      expect(await page.$$eval('[id^="phone-booking-"]', (els) => els.map((e) => e.id))).toEqual([
        `phone-booking-${code}`,
      ])
      await norms('checkin-phone-list')
      await tap(page, `#phone-booking-${code}`)
      await norms('checkin-found')
      await tap(page, '#check-in')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
      expect(findBookingByCode(db, code)!.status).toBe('checked_in')
      await norms('checkin-slip')
      await tap(page, '#slip-done')
      await inLanguage()

      // Cancel the second booking by its code; the keypad sends the form at the last character.
      await tap(page, '#action-booking-code')
      await keyIn(page, 'code', second.booking.code, true)
      expect(await page.textContent('#found-code')).toBe(formatBookingCode(second.booking.code))
      await norms('cancel-found')
      await tap(page, '#cancel-booking')
      expect(findBookingByCode(db, second.booking.code)!.status).toBe('booked')
      await norms('cancel-confirm')
      await tap(page, '#cancel-confirm')
      await page.waitForSelector('#booking-done')
      expect(findBookingByCode(db, second.booking.code)!.status).toBe('cancelled')
      await norms('cancel-done')

      // A walk-in: three taps from the start screen to the slip, a deputy present today.
      markPresent(live.server, 1, [1])
      await tap(page, '#booking-home')
      let taps = 0
      await tap(page, '#action-concern')
      taps++
      await norms('walkin-topics')
      await tap(page, '#topic-1')
      taps++
      await norms('walkin-details')
      await tap(page, '#submit-anonymous')
      taps++
      expect(taps).toBe(3)
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\/[A-Z0-9]{8}$/)
      expect(await page.textContent('#slip-number')).toMatch(/^A-\d{3}$/)
      await norms('walkin-slip')
      await tap(page, '#slip-done')
      await inLanguage()

      // Rate a reply: the tracking code on the code keypad, then one of the three alike buttons.
      const concern = replied[i]!
      await tap(page, '#action-progress')
      await norms('progress-code')
      await keyIn(page, 'code', concern.code, true)
      expect(new URL(page.url()).pathname).toBe(`/kiosk/progress/${concern.code}`)
      await norms('progress-reply')
      const label = (await page.textContent(`#verdict-${l.verdict}`))!.trim()
      await tap(page, `#verdict-${l.verdict}`)
      expect(await page.textContent('#verdict-thanks')).toContain(label)
      expect(await page.locator('#verdict-form').count()).toBe(0)
      expect(db.select().from(concerns).where(eq(concerns.id, concern.id)).get()!.status).toBe(l.after)
      await norms('progress-rated')
      await context.close()
    })
  }
})
