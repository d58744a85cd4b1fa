import { mkdirSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listPlaces } from '../../db/queries/places.ts'
import { listVisits } from '../../db/queries/visits.ts'
import { concerns, stations } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import { triageOnArrival } from '../../server/domain/triage.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { expectNoAxeViolations, loggedIn, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

/**
 * The places admin, visit and triage screens in a real browser: axe-clean and nothing scrolls
 * sideways, staff at 1280×900, the deputy's visit list and the phone status page at 390×844.
 * Set OUTREACH_SHOTS to a folder to keep screenshots of every screen.
 */
const SHOTS = process.env.OUTREACH_SHOTS
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const
const PHONE = { width: 390, height: 844 }

const live = useServerAndBrowser()

async function expectNoSidewaysScroll(page: Page, label: string) {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth <= limit) return []
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`,
      )
      .slice(0, 8)
  })
  expect(wide, `${label} scrolls sideways`).toEqual([])
}

/** Checks the page already open: axe, no sideways scroll, and a screenshot when asked for. */
async function checkOpen(page: Page, label: string, shot: string) {
  await expectNoAxeViolations(page, label)
  await expectNoSidewaysScroll(page, label)
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/A-${shot}.png`, fullPage: true })
  }
}

async function open(page: Page, path: string, shot: string, status = 200) {
  const res = await page.goto(`${live.server.baseUrl}${path}`)
  expect(res?.status(), path).toBe(status)
  await checkOpen(page, path, shot)
}

/** Clicks a submit button and waits for the page its POST answers with. */
async function submit(page: Page, selector: string, status: number) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.click(selector),
  ])
  expect(res.status(), selector).toBe(status)
  await page.waitForLoadState()
}

const setLang = (page: Page, lang: string) => page.goto(`${live.server.baseUrl}/lang/${lang}?next=/`)

/** A concern raised on a phone for deputy 1 at station 1, triaged by the station's rule. */
function phoneConcern(text: string, phone: string) {
  const { db, clock } = live.server
  const now = clock.now()
  const station = db.select().from(stations).where(eq(stations.id, 1)).get()!
  return submitConcern(
    db,
    {
      stationId: 1,
      localDate: localDate(now, 'Asia/Shanghai'),
      topicId: 1,
      channel: 'phone_web',
      queue: false,
      deputyId: 1,
      priority: false,
      description: text,
      callbackPhone: phone,
      residentName: null,
      submissionKey: null,
      kioskId: null,
      actor: { kind: 'system' },
      triage: triageOnArrival(station.phoneTriage),
      smsConsent: false,
    },
    now,
  ).concern
}

describe('places admin screens', () => {
  it('list, new, edit, import and its refusal, and the deputy form are clean', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    const place = listPlaces(live.server.db)[0]!
    for (const lang of LANGS) {
      await setLang(page, lang)
      await open(page, '/admin/places', `places-list-${lang}`)
    }
    await setLang(page, 'zh-Hans')
    await open(page, '/admin/places?district=1&kind=firm', 'places-list-filtered-zh-Hans')
    await open(page, '/admin/places/new', 'places-new-zh-Hans')
    await open(page, `/admin/places/${place.id}`, 'places-edit-zh-Hans')
    await open(page, '/admin/places/import', 'places-import-zh-Hans')
    await page.fill('#f-text', '名称,类型,选区\n新建小区,community,第一选区\n坏行,castle,没有这个选区\n')
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/admin/places/import') && r.request().method() === 'POST',
      ),
      page.click('form[action="/admin/places/import"] button[type=submit]'),
    ])
    expect(res.status()).toBe(422)
    await page.waitForLoadState()
    await checkOpen(page, 'places import 422', 'places-import-422-zh-Hans')
    await open(page, '/admin/deputies/1', 'deputy-form-zh-Hans')
    await context.close()
  }, 300_000)
})

describe('visit screens', () => {
  it('plan, view, edit, intake, slip, log, cancel and the lists are clean', async () => {
    const { server } = live
    const d = await loggedIn(live.browser, server, ...DEMO.deputy)
    const page = d.page
    await page.setViewportSize(PHONE)
    for (const lang of LANGS) {
      await setLang(page, lang)
      await open(page, '/me/visits', `me-visits-empty-${lang}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const lang of ['zh-Hant', 'en', 'zh-Hans'] as const) {
      await setLang(page, lang)
      await open(page, '/visits/new', `visit-new-${lang}`)
    }
    const place = listPlaces(server.db).find((p) => p.districtId === 1 && p.kind === 'community')!
    const plan = async () => {
      await page.goto(`${server.baseUrl}/visits/new`)
      await page.selectOption('#f-place', String(place.id))
      await page.fill('#f-note', '重点听取物业问题')
      await Promise.all([page.waitForURL(/\/visits\/\d+\?saved=1$/), page.click('#visit-submit')])
      return Number(new URL(page.url()).pathname.split('/')[2])
    }
    const id = await plan()
    await checkOpen(page, 'visit saved', 'visit-saved-zh-Hans')
    await open(page, `/visits/${id}/edit`, 'visit-edit-zh-Hans')
    const other = await plan()
    await page.fill('#f-reason', '')
    await submit(page, '#visit-cancel-submit', 422)
    await checkOpen(page, 'visit cancel refused', 'visit-cancel-422-zh-Hans')
    await page.fill('#f-reason', '村里有事，改期')
    await Promise.all([
      page.waitForURL(new RegExp(`/visits/${other}$|/visits/${other}\\?`)),
      page.click('#visit-cancel-submit'),
    ])
    await checkOpen(page, 'visit cancelled', 'visit-cancelled-zh-Hans')

    // The visit has begun: the intake at the visit, its slip and the log.
    const visit = listVisits(server.db, { placeId: place.id }).find((v) => v.id === id)!
    server.clock.set(new Date(visit.startsAt.getTime() + 3_600_000))
    await d.context.close()
    const s = await loggedIn(live.browser, server, ...DEMO.staff)
    await open(s.page, `/visits/${id}/concerns`, 'visit-concerns-zh-Hans')
    await s.page.fill('#f-description', '路灯不亮，晚上出行不便')
    await s.page.fill('#f-phone', '123')
    await submit(s.page, '#visit-concern-form button[type=submit]', 422)
    await checkOpen(s.page, 'visit concern refused', 'visit-concerns-422-zh-Hans')
    await s.page.selectOption('#f-topic', { index: 1 })
    await s.page.fill('#f-phone', '13800001111')
    await Promise.all([s.page.waitForURL(/\?done=/), s.page.click('#visit-concern-form button[type=submit]')])
    await checkOpen(s.page, 'visit concern recorded', 'visit-concerns-done-zh-Hans')
    await Promise.all([s.page.waitForURL(/\/slip\//), s.page.click('#visit-concern-slip')])
    await checkOpen(s.page, 'visit slip', 'visit-slip-zh-Hans')
    await s.page.goto(`${server.baseUrl}/visits/${id}`)
    await s.page.fill('#f-peopleMet', '12')
    await submit(s.page, '#visit-log-submit', 422)
    await checkOpen(s.page, 'visit log refused', 'visit-log-422-zh-Hans')
    await s.page.fill('#f-summary', '听取物业意见，路灯问题已记录')
    await Promise.all([s.page.waitForURL(new RegExp(`/visits/${id}`)), s.page.click('#visit-log-submit')])
    await checkOpen(s.page, 'visit held', 'visit-held-zh-Hans')
    await open(s.page, '/staff/stations/1/visits', 'station-visits-zh-Hans')
    await s.context.close()

    const back = await loggedIn(live.browser, server, ...DEMO.deputy)
    await back.page.setViewportSize(PHONE)
    for (const lang of LANGS) {
      await setLang(back.page, lang)
      await open(back.page, '/me/visits', `me-visits-${lang}`)
    }
    await back.context.close()
  }, 300_000)
})

describe('triage screens', () => {
  it('the triage list and the phone status page for a pending and a spam concern are clean', async () => {
    const { server } = live
    const pending = phoneConcern('小区门口路灯坏了两个星期', '13812345678')
    const junk = phoneConcern('加微信领红包', '13900001111')
    expect(pending.triage).toBe('pending')
    const { context, page } = await loggedIn(live.browser, server, ...DEMO.staff)
    for (const lang of ['zh-Hant', 'en', 'zh-Hans'] as const) {
      await setLang(page, lang)
      await open(page, '/staff/triage', `triage-${lang}`)
    }
    await Promise.all([
      page.waitForURL(/\/staff\/triage\?done=/),
      page.click(`form[action="/staff/triage/${junk.id}/spam"] button[type=submit]`),
    ])
    expect(server.db.select().from(concerns).where(eq(concerns.id, junk.id)).get()!.status).toBe('spam')
    await checkOpen(page, 'triage after spam', 'triage-after-spam-zh-Hans')
    await context.close()

    const phone = await live.browser.newContext({ viewport: PHONE })
    const p = await phone.newPage()
    for (const lang of LANGS) {
      await setLang(p, lang)
      await open(p, `/track/${pending.trackingCode}`, `track-pending-${lang}`)
      await open(p, `/track/${junk.trackingCode}`, `track-spam-${lang}`)
    }
    await phone.close()
  }, 300_000)
})
