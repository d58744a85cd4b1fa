import { beforeAll, describe, expect, it } from 'vitest'
import { type OpenSession, openSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { bookSlot } from '../../server/events/reception-commands.ts'
import { addPlan } from '../helpers/booking.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  pairedKiosk,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import {
  expectPrimaryInView,
  keyIn,
  kioskScreenshot,
  nextNoonUtc,
  repliedConcerns,
  tap,
} from '../helpers/kiosk-browser.ts'

/**
 * Issue 15, item 6: in 大字 every kiosk screen keeps its primary action inside 1080×1920 at scroll
 * position 0. The walk covers every resident-facing screen (the pairing page is not one).
 */
const live = useServerAndBrowser({ now: nextNoonUtc() })
let sessions: OpenSession[] = []
let replied: { id: number; code: string }[] = []
let evening: Date
beforeAll(async () => {
  evening = live.server.clock.now()
  // Every day 09:00–11:00 with deputy 1 at station A, 30-minute slots.
  addPlan(live.server.deps, { weekdays: '1,2,3,4,5,6,7', validFrom: '2026-01-01' })
  sessions = openSessions(live.server.db, findStation(live.server.db, 1)!, live.server.clock.now(), [1])
  replied = await repliedConcerns(live.server, ['路灯已修好。', '路燈已修好。', 'The street light is fixed.'])
})

const LANGUAGES = [
  { locale: 'zh-Hans', lang: 'zh-CN', phone: '13812345678' },
  { locale: 'zh-Hant', lang: 'zh-TW', phone: '13812341111' },
  { locale: 'en', lang: 'en', phone: '13812340000' },
] as const

describe('大字 mode keeps every primary action on screen at 1080×1920', () => {
  for (const [i, l] of LANGUAGES.entries()) {
    it(`walks every kiosk screen in 大字 (${l.locale})`, { timeout: 600_000 }, async () => {
      // Each pass starts on the evening before its reception day, when nobody is present.
      live.server.clock.set(evening)
      const { context, page } = await pairedKiosk(live.browser, live.server)
      const base = live.server.baseUrl
      const session = sessions[i]!
      /** 大字 and the language, again after a slip's 完成 brought back the station's defaults. */
      const settle = async () => {
        if ((await page.getAttribute('html', 'lang')) !== l.lang)
          await tap(page, `#kiosk-language a[lang="${l.lang}"]`)
        if (!(await page.getAttribute('html', 'class'))?.includes('large-text'))
          await tap(page, '#text-size-toggle')
        expect(await page.getAttribute('html', 'class')).toContain('large-text')
      }
      /** axe and 60 px targets, each primary action inside the viewport, a screenshot of what is seen. */
      const screen = async (name: string, primaries: string[]) => {
        await page.evaluate(() => window.scrollTo(0, 0))
        await kioskScreenshot(page, `G-${l.locale}-large-${name}`, false)
        for (const p of primaries) await expectPrimaryInView(page, p, `${l.locale} ${name}`)
        await expectNoAxeViolations(page, `${l.locale} large ${name}`)
        await expectKioskTargets(page)
      }
      await settle()
      await screen('start', [
        '#action-concern',
        '#action-booking',
        '#action-booking-code',
        '#action-progress',
      ])

      // Drop in: topics, details with chips, the phone step on the keypad, the slip.
      await tap(page, '#action-concern')
      await screen('concern-topics', ['#topic-1'])
      await tap(page, '#topic-1')
      await page.click('.n-chip-grid label.n-chip >> nth=0')
      // Nobody is present today: the concern goes to a deputy of the resident's district.
      await page.click('label[for="deputy-1-1"]')
      await screen('concern-details', ['#submit-anonymous', '#go-phone'])
      await tap(page, '#go-phone')
      await keyIn(page, 'phone', '13612345678')
      await screen('concern-phone', ['#submit-phone'])
      await tap(page, '#submit-phone')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/slip\//)
      await screen('concern-slip', ['#slip-done'])
      await tap(page, '#slip-done')
      await settle()

      // Book: who, days, slots, details (topics, surname grid, phone keypad), the slip.
      await tap(page, '#action-booking')
      await screen('booking-who', ['#who-d1'])
      await tap(page, '#who-d1')
      await screen('booking-days', [`#day-${session.date}`])
      await tap(page, `#day-${session.date}`)
      await screen('booking-slots', [`#slot-${session.id}-${session.slots[0]!.index}`])
      await tap(page, `#slot-${session.id}-${session.slots[0]!.index}`)
      await screen('booking-details', ['#booking-submit'])
      await page.click('label[for="topic-1"]')
      await page.click('[data-surname="王"]')
      await page.click('[data-honorific="先生"]')
      await keyIn(page, 'phone', l.phone)
      await screen('booking-details-filled', ['#booking-submit'])
      await tap(page, '#booking-submit')
      expect(new URL(page.url()).pathname).toMatch(/^\/kiosk\/booking\/slip\//)
      await screen('booking-slip', ['#slip-done'])
      const code = new URL(page.url()).pathname.split('/').pop()!
      await tap(page, '#slip-done')
      await settle()

      // A second booking to cancel, made as a clerk would for a caller.
      const second = bookSlot(
        live.server.deps,
        {
          stationId: 1,
          sessionId: session.id,
          slotIndex: 2,
          topicId: 1,
          residentName: '赵',
          residentPhone: '13900000000',
          channel: 'clerk',
          kioskId: null,
          accountId: null,
          submissionKey: null,
        },
        live.server.clock.now(),
      )
      if (!second.ok) throw new Error(`booking refused: ${second.reason}`)
      // Half an hour before the first slot: check-in is open and the later slot can be cancelled.
      live.server.clock.set(new Date(session.slots[0]!.startsAt.getTime() - 30 * 60_000))

      // Check in: code entry, the lost-code phone entry, its list, the found booking.
      await page.goto(`${base}/kiosk`)
      await tap(page, '#action-booking-code')
      await screen('booking-code', ['#code-submit'])
      await tap(page, '#code-lost')
      await keyIn(page, 'phone', l.phone)
      await screen('booking-phone', ['#phone-lookup-submit'])
      await tap(page, '#phone-lookup-submit')
      await screen('booking-phone-list', [`#phone-booking-${code}`])
      await tap(page, `#phone-booking-${code}`)
      await screen('booking-found', ['#check-in', '#cancel-booking'])

      // Cancel by code: the found booking, the confirmation, done.
      await page.goto(`${base}/kiosk/booking/code`)
      await keyIn(page, 'code', second.booking.code, true)
      await tap(page, '#cancel-booking')
      await screen('booking-cancel-confirm', ['#cancel-confirm', '#cancel-keep'])
      await tap(page, '#cancel-confirm')
      await screen('booking-cancelled', ['#booking-home'])

      // Progress: code entry, the reply with the three verdict buttons, after the verdict.
      await page.goto(`${base}/kiosk`)
      await tap(page, '#action-progress')
      await screen('progress-code', ['#progress-submit'])
      await keyIn(page, 'code', replied[i]!.code, true)
      await screen('progress-status', ['#verdict-satisfied', '#verdict-basically', '#verdict-unsatisfied'])
      await tap(page, '#verdict-satisfied')
      await screen('progress-rated', ['#progress-done'])

      // The call-staff notice, under the header of whatever screen the resident is on.
      await page.click('#call-staff')
      await page.waitForSelector('#call-staff-message')
      await screen('call-staff', ['#call-staff-message', '#progress-done'])
      await context.close()
    })
  }
})
