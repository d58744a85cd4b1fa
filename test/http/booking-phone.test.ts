import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { saveBookingSettings } from '../../db/queries/reception.ts'
import { receptionBookings, receptionSessions } from '../../db/schema.ts'
import { CODE_LOOKUPS_PER_WINDOW } from '../../server/routes/kiosk-booking.tsx'
import { addPlan, bookingCounts, kioskBook, slipBookingCode } from '../helpers/booking.ts'
import { kioskClient } from '../helpers/queue.ts'
import { makeTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts'

const PHONE = '13812345678'

/** The hidden fields of the n-th form posting to `action`. */
function formFields(html: string, action: string, n = 0) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) =>
    m[1]!.includes(`action="${action}"`),
  )
  const out: Record<string, string> = {}
  for (const m of (forms[n]?.[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    out[m[1]!] = m[2]!
  return out
}
const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
/** The codes of the bookings a phone list offers, in order. */
const listedCodes = (html: string) => [...html.matchAll(/id="phone-booking-([A-Z0-9]+)"/g)].map((m) => m[1]!)
const allBookings = (t: TestApp) => t.db.select().from(receptionBookings).orderBy(receptionBookings.id).all()

function sessionAt(db: Db, date: string, stationId: number, deputyId = 1) {
  const s = db
    .select()
    .from(receptionSessions)
    .all()
    .find((x) => x.date === date && x.stationId === stationId && x.deputyId === deputyId)
  if (!s) throw new Error(`no session on ${date} at ${stationId}`)
  return s.id
}

/**
 * Thursday sessions 09:00–11:00 with deputy 1 at station A (1) and at station B (2); the test
 * clock says Wednesday 2026-11-25, 10:00. One phone may hold several bookings with a deputy here.
 */
async function setup() {
  const t = await makeTestApp()
  for (const station of [1, 2]) {
    addPlan(t.deps, {}, station)
    saveBookingSettings(
      t.db,
      station,
      { minNoticeMinutes: 120, horizonDays: 30, onePerPhonePerDeputy: false },
      t.clock.now(),
    )
  }
  const k = await kioskClient(t)
  const kB = await kioskClient(t, 2)
  const book = async (kiosk: TestClient, date: string, station: number, slot: number, fields = {}) => {
    const res = await kioskBook(kiosk, {
      sessionId: sessionAt(t.db, date, station),
      slot,
      fields: { station: String(station), ...fields },
    })
    expect(res.status).toBe(303)
    return slipBookingCode(res)
  }
  return { t, k, kB, book }
}

const lookUp = (k: TestClient, phone: string) => k.post('/kiosk/booking/phone', { phone })

describe('booking by phone number at the kiosk', () => {
  it('lists the phone’s bookings at this station from today on, masked, and one opens to check in', async () => {
    const { t, k, kB, book } = await setup()
    const first = await book(k, '2026-11-26', 1, 0)
    const later = await book(k, '2026-12-03', 1, 1)
    await book(k, '2026-11-26', 1, 2, { name: '李四', phone: '13900000000' })
    await book(kB, '2026-11-26', 2, 0)

    const before = allBookings(t)
    const res = await lookUp(k, '138 1234 5678')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(listedCodes(html)).toEqual([first, later])
    expect(html).toContain('预约人：王*')
    expect(html).toContain('陈建国 代表')
    expect(html).toContain('09:00–09:30')
    expect(html).toContain('09:30–10:00')
    for (const personal of ['王先生', '李', PHONE, '138****5678', '5678'])
      expect(html).not.toContain(personal)
    expect(allBookings(t)).toEqual(before)

    // Tapping the first opens it as its code would; on the day, it checks in from there.
    t.clock.set('2026-11-26T00:40:00.000Z') // 08:40 on Thursday
    const found = await k.post('/kiosk/booking/code', formFields(html, '/kiosk/booking/code'))
    expect(found.status).toBe(200)
    const foundHtml = await found.text()
    expect(foundHtml).toContain('签到取号')
    const checkIn = await k.post('/kiosk/booking/check-in', formFields(foundHtml, '/kiosk/booking/check-in'))
    expect(checkIn.status).toBe(303)
    expect(allBookings(t).find((r) => r.code === first)!.status).toBe('checked_in')
  })

  it('leaves out cancelled bookings, days gone by and other stations’ bookings', async () => {
    const { t, k, kB, book } = await setup()
    const gone = await book(k, '2026-11-26', 1, 0)
    const cancelled = await book(k, '2026-12-03', 1, 0)
    const kept = await book(k, '2026-12-03', 1, 1)
    const elsewhere = await book(kB, '2026-12-03', 2, 0)
    const confirm = await (await k.get(`/kiosk/booking/cancel?code=${cancelled}`)).text()
    expect((await k.post('/kiosk/booking/cancel', formFields(confirm, '/kiosk/booking/cancel'))).status).toBe(
      200,
    )
    t.clock.set('2026-11-30T02:00:00.000Z') // the Monday after: the 26th has passed
    const html = await (await lookUp(k, PHONE)).text()
    expect(listedCodes(html)).toEqual([kept])
    expect(html).not.toContain(gone)
    expect(html).not.toContain(elsewhere)
    // Station B's kiosk sees only station B's booking.
    expect(listedCodes(await (await lookUp(kB, PHONE)).text())).toEqual([elsewhere])
  })

  it('says so when a number has nothing here, without telling anything else, and writes nothing', async () => {
    const { t, k, kB, book } = await setup()
    await book(kB, '2026-11-26', 2, 0) // a booking at the other station only
    const before = bookingCounts(t.db)
    const res = await lookUp(k, PHONE)
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('这个电话号码在本站没有今天或以后的预约')
    expect(html).not.toContain('phone-booking-')
    expect(html).not.toContain('陈建国')
    // The same answer as for a number nobody ever booked with.
    const never = await (await lookUp(k, '13700000000')).text()
    const strip = (s: string) =>
      s.replace(/13[78]\s?\d{4}\s?\d{4}/g, '').replace(/name="_csrf" value="[^"]*"|content="[^"]*"/g, '')
    expect(strip(never)).toBe(strip(html))
    k.cookies.set('lang', 'en')
    expect(await (await lookUp(k, PHONE)).text()).toContain('There is no booking at this station')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('refuses a missing or malformed number with a localised 422, before counting a lookup', async () => {
    const { t, k } = await setup()
    const before = bookingCounts(t.db)
    for (const [phone, text] of [
      ['', '请输入电话号码'],
      ['   ', '请输入电话号码'],
      ['12345', '这个号码不对'],
      ['2345678901234', '这个号码不对'],
      ['1'.repeat(60), '最多 40 个字'],
    ] as const) {
      const res = await lookUp(k, phone)
      expect(res.status, phone).toBe(422)
      expect(await res.text()).toContain(text)
    }
    k.cookies.set('lang', 'zh-Hant')
    expect(await (await lookUp(k, '12345')).text()).toContain('這個號碼不對')
    expect(bookingCounts(t.db)).toEqual(before)
    // None of them used up the kiosk's lookups: a full window of real ones still answers.
    for (let i = 0; i < CODE_LOOKUPS_PER_WINDOW; i++) expect((await lookUp(k, PHONE)).status).toBe(404)
  })

  it('shares the code lookups’ limit per kiosk: 429 once the window is used up', async () => {
    const { t, k, book } = await setup()
    await book(k, '2026-11-26', 1, 0)
    for (let i = 0; i < CODE_LOOKUPS_PER_WINDOW - 1; i++)
      expect((await k.post('/kiosk/booking/code', { code: 'ZZZ-ZZZ' })).status).toBe(404)
    expect((await lookUp(k, PHONE)).status).toBe(200)
    const limited = await lookUp(k, PHONE)
    expect(limited.status).toBe(429)
    const html = await limited.text()
    expect(html).toContain('输入次数太多')
    expect(html).not.toContain('phone-booking-')
    expect((await k.post('/kiosk/booking/code', { code: 'ZZZ-ZZZ' })).status).toBe(429)
    // Another kiosk has its own window.
    expect((await lookUp(await kioskClient(t), PHONE)).status).toBe(200)
  })
})

describe('cancelling asks first', () => {
  it('the confirmation screen changes nothing; only its 确认取消 cancels, once', async () => {
    const { t, k, book } = await setup()
    const code = await book(k, '2026-11-26', 1, 0)
    const found = await (await k.post('/kiosk/booking/code', { code })).text()
    expect(found).not.toContain('action="/kiosk/booking/cancel"') // no one-tap cancel any more
    const ask = links(found).find((h) => h.startsWith('/kiosk/booking/cancel?'))!
    const before = allBookings(t)
    const res = await k.get(ask)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const confirm = await res.text()
    expect(confirm).toContain('取消这个预约？')
    expect(confirm).toContain('11月26日')
    expect(confirm).toContain('09:00–09:30')
    expect(confirm).toContain('<dd>陈建国</dd>') // after the 代表 label, not 代表 陈建国 代表
    expect(confirm).toContain('确认取消')
    expect(confirm).toContain('不取消')
    expect(allBookings(t)).toEqual(before)

    // 不取消 goes back to the booking, still booked.
    const keep = await k.post('/kiosk/booking/code', formFields(confirm, '/kiosk/booking/code'))
    expect(keep.status).toBe(200)
    expect(await keep.text()).toContain('取消这个预约')
    // A cancel request without the confirmation only asks again.
    const { confirm: _yes, ...unconfirmed } = formFields(confirm, '/kiosk/booking/cancel')
    const again = await k.post('/kiosk/booking/cancel', unconfirmed)
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('确认取消')
    expect(allBookings(t)).toEqual(before)

    const yes = formFields(confirm, '/kiosk/booking/cancel')
    expect(yes.confirm).toBe('yes')
    const done = await k.post('/kiosk/booking/cancel', yes)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('预约已取消')
    const after = allBookings(t)
    expect(after.find((r) => r.code === code)).toMatchObject({ status: 'cancelled', cancelledBy: 'resident' })
    const twice = await k.post('/kiosk/booking/cancel', yes)
    expect(twice.status).toBe(409)
    expect(allBookings(t)).toEqual(after)
    // Asking to cancel a cancelled booking says it is cancelled, with no 确认取消.
    const late = await k.get(ask)
    expect(late.status).toBe(409)
    const lateHtml = await late.text()
    expect(lateHtml).toContain('这个预约已经取消了')
    expect(lateHtml).not.toContain('确认取消')
  })

  it('in three languages, and refuses unknown codes and started slots without a change', async () => {
    const { t, k, book } = await setup()
    const code = await book(k, '2026-11-26', 1, 0)
    k.cookies.set('lang', 'zh-Hant')
    expect(await (await k.get(`/kiosk/booking/cancel?code=${code}`)).text()).toContain('取消這個預約？')
    k.cookies.set('lang', 'en')
    const en = await (await k.get(`/kiosk/booking/cancel?code=${code.toLowerCase()}`)).text()
    expect(en).toContain('Cancel this booking?')
    expect(en).toContain('Yes, cancel it')
    const before = bookingCounts(t.db)
    const rows = allBookings(t)
    expect((await k.get('/kiosk/booking/cancel?code=ZZZ-ZZZ')).status).toBe(404)
    expect((await k.get('/kiosk/booking/cancel')).status).toBe(404)
    t.clock.set('2026-11-26T01:05:00.000Z') // 09:05: the slot has begun
    const started = await k.get(`/kiosk/booking/cancel?code=${code}`)
    expect(started.status).toBe(422)
    expect(await started.text()).toContain('can no longer be cancelled')
    expect(bookingCounts(t.db)).toEqual(before)
    expect(allBookings(t)).toEqual(rows)
  })
})
