import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { kiosks, stations } from '../../db/schema.ts'
import { LANG_COOKIE, TEXT_SIZE_COOKIE } from '../../server/middleware/cookies.ts'
import { addPlan, kioskBook, sessionOn, slipBookingCode } from '../helpers/booking.ts'
import { kioskClient, markPresent, STATION_A, slipCode, submitDropIn } from '../helpers/queue.ts'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** A kiosk of station A, with or without a receipt printer. */
async function kiosk(t: TestApp, printer: boolean) {
  const k = await kioskClient(t)
  const last = t.db.select().from(kiosks).orderBy(desc(kiosks.id)).get()!
  t.db.update(kiosks).set({ hasReceiptPrinter: printer }).where(eq(kiosks.id, last.id)).run()
  return k
}

const contact = {
  phone: '0571-8888 6666',
  openingHoursZhHans: '周一至周五 9:00–17:00',
  openingHoursZhHant: '週一至週五 9:00–17:00',
  openingHoursEn: 'Mon–Fri 9:00–17:00',
}

async function walkInSlip(t: TestApp, printer: boolean) {
  markPresent(t, STATION_A, [1, 2])
  const k = await kiosk(t, printer)
  const { res } = await submitDropIn(k)
  expect(res.status).toBe(303)
  const code = slipCode(res)
  return { k, code, html: await (await k.get(`/kiosk/slip/${code}`)).text() }
}

async function bookingSlip(t: TestApp, printer: boolean) {
  addPlan(t.deps)
  const k = await kiosk(t, printer)
  const res = await kioskBook(k, { sessionId: sessionOn(t.db, '2026-11-26').id, slot: 0 })
  expect(res.status).toBe(303)
  const code = slipBookingCode(res)
  return { k, code, html: await (await k.get(`/kiosk/booking/slip/${code}`)).text() }
}

describe('kiosk slips', () => {
  it('carry the station phone and its opening hours in the reader language', async () => {
    const t = await makeTestApp()
    t.db.update(stations).set(contact).where(eq(stations.id, STATION_A)).run()
    const walkIn = await walkInSlip(t, false)
    expect(walkIn.html).toContain('联络站电话：0571-8888 6666')
    expect(walkIn.html).toContain('开放时间：周一至周五 9:00–17:00')
    const booking = await bookingSlip(t, false)
    expect(booking.html).toContain('联络站电话：0571-8888 6666')
    expect(booking.html).toContain('开放时间：周一至周五 9:00–17:00')

    booking.k.cookies.set(LANG_COOKIE, 'zh-Hant')
    const hant = await (await booking.k.get(`/kiosk/booking/slip/${booking.code}`)).text()
    expect(hant).toContain('開放時間：週一至週五 9:00–17:00')
    walkIn.k.cookies.set(LANG_COOKIE, 'en')
    const en = await (await walkIn.k.get(`/kiosk/slip/${walkIn.code}`)).text()
    expect(en).toContain('Station phone: 0571-8888 6666')
    expect(en).toContain('Opening hours: Mon–Fri 9:00–17:00')
  })

  it('leave out what the station has not filled in, and fall back to the simplified hours', async () => {
    const t = await makeTestApp()
    const blank = { phone: '', openingHoursZhHans: '', openingHoursZhHant: '', openingHoursEn: '' }
    t.db.update(stations).set(blank).where(eq(stations.id, STATION_A)).run()
    const bare = await walkInSlip(t, false)
    expect(bare.html).not.toContain('id="slip-contact"')
    t.db
      .update(stations)
      .set({ openingHoursZhHans: '每天 8:30–17:30' })
      .where(eq(stations.id, STATION_A))
      .run()
    bare.k.cookies.set(LANG_COOKIE, 'en')
    const en = await (await bare.k.get(`/kiosk/slip/${bare.code}`)).text()
    expect(en).toContain('Opening hours: 每天 8:30–17:30')
    expect(en).not.toContain('id="slip-phone"')
  })

  it('on a kiosk with a receipt printer, ask to print once by themselves', async () => {
    const t = await makeTestApp()
    for (const { html, code } of [await walkInSlip(t, true), await bookingSlip(t, true)]) {
      expect(html).toMatch(/<script src="\/static\/slip.js" defer(="")?><\/script>/)
      expect(html).toContain(`data-slip-code="${code}"`)
      expect(html).toContain('data-print-once="1"')
      expect(html).toContain('id="print-slip"')
      expect(html).not.toContain('id="slip-keep"')
    }
    const script = await t.client().get('/static/slip.js')
    expect(script.status).toBe(200)
    expect(await script.text()).toContain('window.print()')
  })

  it('without a printer, show the code very large and ask to photograph or copy it', async () => {
    const t = await makeTestApp()
    const walkIn = await walkInSlip(t, false)
    expect(walkIn.html).toContain('class="q-slip-code slip-code-kept"')
    expect(walkIn.html).toContain('请拍照或抄下这个查询码')
    expect(walkIn.html).not.toContain('data-print-once')
    expect(walkIn.html).not.toContain('id="print-slip"')
    const booking = await bookingSlip(t, false)
    expect(booking.html).toContain('请拍照或抄下这个预约码')
    expect(booking.html).not.toContain('data-print-once')
  })

  it('count down back to the start screen, which 完成 also leads to, resetting language and size', async () => {
    const t = await makeTestApp()
    const { html } = await walkInSlip(t, false)
    expect(html).toContain('data-return-seconds="45"')
    expect(html).toContain('data-return-url="/kiosk?reset=1"')
    expect(html).toMatch(
      /<a class="kiosk-button primary q-main" href="\/kiosk\?reset=1" id="slip-done">完成<\/a>/,
    )
    expect(html).toContain('45 秒后回到首页')
    const short = await makeTestApp({ env: { KIOSK_SLIP_SECONDS: '5' } })
    expect((await walkInSlip(short, false)).html).toContain('data-return-seconds="5"')
  })

  it('do not name the deputy twice: the 代表 label is followed by the name alone', async () => {
    const t = await makeTestApp()
    const { html } = await bookingSlip(t, false)
    expect(html).toMatch(/<dt>代表<\/dt><dd id="slip-deputy">陈建国<\/dd>/)
    expect(html).not.toContain('陈建国 代表</dd>')
  })
})

describe('kiosk defaults of the station', () => {
  const defaults = { defaultLocale: 'en' as const, defaultLargeText: true }

  it('a kiosk with no language or size chosen shows its station default', async () => {
    const t = await makeTestApp()
    t.db.update(stations).set(defaults).where(eq(stations.id, STATION_A)).run()
    const k = await kioskClient(t)
    const html = await (await k.get('/kiosk')).text()
    expect(html).toMatch(/<html lang="en" class="kiosk large-text">/)
    // A choice made on the kiosk wins until the reset.
    k.cookies.set(LANG_COOKIE, 'zh-Hant')
    k.cookies.set(TEXT_SIZE_COOKIE, 'normal')
    expect(await (await k.get('/kiosk')).text()).toMatch(/<html lang="zh-TW" class="kiosk">/)
  })

  it('the reset (完成, countdown, idle) clears the choices and lands on the station default', async () => {
    const t = await makeTestApp()
    t.db.update(stations).set(defaults).where(eq(stations.id, STATION_A)).run()
    const k = await kioskClient(t)
    k.cookies.set(LANG_COOKIE, 'zh-Hans')
    k.cookies.set(TEXT_SIZE_COOKIE, 'normal')
    const reset = await k.get('/kiosk?reset=1')
    expect(reset.status).toBe(303)
    expect(reset.headers.get('location')).toBe('/kiosk')
    expect(k.cookies.has(LANG_COOKIE)).toBe(false)
    expect(await (await k.get('/kiosk')).text()).toMatch(/<html lang="en" class="kiosk large-text">/)
  })

  it('a station default moves its kiosks at once; public pages keep the server default', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    expect(await (await k.get('/kiosk')).text()).toMatch(/<html lang="zh-CN" class="kiosk">/)
    t.db.update(stations).set({ defaultLocale: 'zh-Hant' }).where(eq(stations.id, STATION_A)).run()
    expect(await (await k.get('/kiosk')).text()).toMatch(/<html lang="zh-TW" class="kiosk">/)
    const login = await (await t.client().get('/login')).text()
    expect(login).toMatch(/<html lang="zh-CN"/)
  })
})
