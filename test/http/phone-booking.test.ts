import { describe, expect, it } from 'vitest'
import { searchPlaces } from '../../db/queries/places.ts'
import { receptionBookings } from '../../db/schema.ts'
import { PHONE_LOOKUP_LIMITS } from '../../server/routes/phone-booking.tsx'
import { addPlan, bookingCounts, DEPUTY_CHEN, DEPUTY_LI, formKeyOf, sessionOn } from '../helpers/booking.ts'
import { makeTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts'

const links = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
const hiddenFields = (html: string) => {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    if (m[1] !== '_csrf') out[m[1]!] = m[2]!
  return out
}
const codeOf = (res: Response) =>
  /\/m\/booking\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? ''
const placeId = (t: TestApp, name: string) => searchPlaces(t.db, name, 1)[0]!.id

/** Opens the details form of a slot on the phone and posts it with these fields. */
async function phoneBook(
  m: TestClient,
  a: { sessionId: number; slot: number; who?: string; fields?: Record<string, string> },
) {
  const who = a.who ?? `deputy=${DEPUTY_CHEN}`
  const form = await m.get(`/m/book/details?${who}&session=${a.sessionId}&slot=${a.slot}`)
  expect(form.status).toBe(200)
  const html = await form.text()
  return m.post('/m/book', {
    ...hiddenFields(html),
    topic: '1',
    name: '王先生',
    phone: '13812345678',
    ...a.fields,
  })
}

describe('booking from a phone (/m/book)', () => {
  it('books deputy → day → time → details, channel phone_web with place and SMS consent; the code page shows it large', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const m = t.client()
    const dongHu = placeId(t, '东湖社区')
    const who = await m.get(`/m/book?place=${dongHu}`)
    expect(who.status).toBe(200)
    expect(who.headers.get('cache-control')).toBe('no-store')
    const whoHtml = await who.text()
    expect(whoHtml).toContain('您的地点：东湖社区')
    expect(whoHtml).toContain('陈建国 代表')
    expect(whoHtml).not.toContain('<script') // no htmx on a phone page
    const days = await (await m.get(links(whoHtml).find((h) => h.startsWith('/m/book?deputy=1'))!)).text()
    expect(days).toContain('预约：陈建国 代表')
    const slots = await (await m.get(links(days).find((h) => h.includes('date=2026-11-26'))!)).text()
    expect(slots).toContain('09:30–10:00')
    expect(slots).toContain('东湖') // the station's name and address under the session
    const details = await (await m.get(links(slots).find((h) => h.includes('slot=1'))!)).text()
    // Why the phone is asked is said before the phone field; SMS is its own box, not ticked.
    expect(details).toContain('接待时间如有变动')
    expect(details.indexOf('id="phone-purpose"')).toBeLessThan(details.indexOf('id="f-phone"'))
    expect(details).toMatch(
      /<input type="checkbox" id="f-sms" name="sms" value="on" aria-describedby="h-sms"\/?>/,
    )
    expect(details).toMatch(new RegExp(`<option value="${dongHu}" selected`))
    const res = await m.post('/m/book', {
      ...hiddenFields(details),
      place: String(dongHu),
      topic: '2',
      name: '王先生',
      phone: '138 1234 5678',
      sms: 'on',
    })
    expect(res.status).toBe(303)
    const code = codeOf(res)
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    const row = t.db.select().from(receptionBookings).get()!
    expect(row).toMatchObject({
      code,
      channel: 'phone_web',
      status: 'booked',
      deputyId: DEPUTY_CHEN,
      slotIndex: 1,
      topicId: 2,
      residentName: '王先生',
      residentPhone: '13812345678',
      placeId: dongHu,
      smsConsent: true,
      kioskId: null,
    })
    const page = await m.get(res.headers.get('location')!)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('预约成功')
    expect(html).toContain(`${code.slice(0, 3)}-${code.slice(3)}`)
    expect(html).toContain('当天请出示这个预约码')
    expect(html).toContain(`href="/m/booking/${code}"`)
    expect(html).toContain('09:30–10:00')
    expect(html).toContain('已预约')
    // The code page carries nothing personal.
    expect(html).not.toContain('王先生')
    expect(html).not.toContain('13812345678')
  })

  it('offers any deputy of the place’s district, and books whichever deputy’s slot is chosen there', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    addPlan(t.deps, { deputyId: DEPUTY_LI, startTime: '14:00', endTime: '15:00' })
    const m = t.client()
    const html = await (await m.get('/m/book')).text()
    expect(html).toContain('第一选区的任一位代表')
    const any = await (await m.get('/m/book?district=1')).text()
    expect(any).toContain('预约：第一选区的任一位代表')
    const slots = await (await m.get('/m/book/slots?district=1&date=2026-11-26')).text()
    expect(slots).toContain('陈建国')
    const session = sessionOn(t.db, '2026-11-26', DEPUTY_CHEN)
    const res = await phoneBook(m, { sessionId: session.id, slot: 0, who: 'district=1' })
    expect(res.status).toBe(303)
    // A slot of a deputy outside the choice is refused, nothing written.
    const elsewhere = await m.get(`/m/book/details?district=2&session=${session.id}&slot=1`)
    expect(elsewhere.status).toBe(404)
    expect(await elsewhere.text()).toContain('找不到这个接待时间')
    const other = await m.get(`/m/book/details?district=1&session=${session.id}&slot=1`)
    const before = bookingCounts(t.db)
    const wrong = await m.post('/m/book', {
      ...hiddenFields(await other.text()),
      district: '2',
      topic: '1',
      name: '李',
      phone: '13900000000',
    })
    expect(wrong.status).toBe(404)
    expect(await wrong.text()).toContain('找不到这个接待时间')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('a slot just taken answers 409 with the day’s other times; the taken time is no longer offered', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const a = t.client()
    const b = t.client()
    const formB = await b.get(`/m/book/details?deputy=1&session=${session.id}&slot=0`)
    expect((await phoneBook(a, { sessionId: session.id, slot: 0 })).status).toBe(303)
    const res = await b.post('/m/book', {
      ...hiddenFields(await formB.text()),
      topic: '1',
      name: '李女士',
      phone: '13900001111',
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('这个时间刚刚被别人约走了')
    expect(html).not.toContain(`slot-${session.id}-0"`)
    expect(html).toContain(`slot-${session.id}-1"`)
    expect(t.db.select().from(receptionBookings).all()).toHaveLength(1)
  })

  it('a slot too soon (min notice) or already begun is refused with the reason, nothing written', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    const form = await (await m.get(`/m/book/details?deputy=1&session=${session.id}&slot=0`)).text()
    t.clock.set('2026-11-26T00:00:00Z') // 08:00 in Shanghai: the 09:00 slot is inside the 2 h notice
    const before = bookingCounts(t.db)
    const res = await m.post('/m/book', {
      ...hiddenFields(form),
      topic: '1',
      name: '王',
      phone: '13812345678',
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('这个时间太近了')
    t.clock.set('2026-11-26T01:10:00Z')
    const late = await m.post('/m/book', {
      ...hiddenFields(form),
      topic: '1',
      name: '王',
      phone: '13812345678',
    })
    expect(late.status).toBe(422)
    expect(await late.text()).toContain('这个时间已经过去了')
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('one open booking per phone per deputy: the second is refused on the form with what was typed kept', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    expect((await phoneBook(m, { sessionId: session.id, slot: 0 })).status).toBe(303)
    const res = await phoneBook(m, {
      sessionId: session.id,
      slot: 2,
      fields: { name: '王大伯', phone: '138-1234-5678' },
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('这个电话号码已经约了这位代表')
    expect(html).toContain('value="王大伯"')
    expect(html).toContain('value="138-1234-5678"')
    expect(t.db.select().from(receptionBookings).all()).toHaveLength(1)
  })

  it('a double submit of one form creates one booking and leads both answers to the same code', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    const form = await (await m.get(`/m/book/details?deputy=1&session=${session.id}&slot=0`)).text()
    const fields = { ...hiddenFields(form), topic: '1', name: '王', phone: '13812345678' }
    const [r1, r2] = await Promise.all([m.post('/m/book', fields), m.post('/m/book', fields)])
    expect(r1.status).toBe(303)
    expect(r2.status).toBe(303)
    expect(codeOf(r1)).toBe(codeOf(r2))
    expect(t.db.select().from(receptionBookings).all()).toHaveLength(1)
  })

  it('bad inputs answer 422 with the form re-rendered and everything typed kept; nothing written', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    const form = await (await m.get(`/m/book/details?deputy=1&session=${session.id}&slot=0`)).text()
    const base = hiddenFields(form)
    expect(formKeyOf(form)).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    const before = bookingCounts(t.db)
    const cases: [Record<string, string>, string][] = [
      [{ topic: '', name: '王先生', phone: '13812345678' }, '请选一个事项'],
      [{ topic: '1', name: '  ', phone: '13812345678' }, '请留下姓名'],
      [{ topic: '1', name: '王先生', phone: '' }, '请留下电话'],
      [{ topic: '1', name: '王先生', phone: '12345' }, '这个号码不对'],
      [{ topic: '999', name: '王先生', phone: '13812345678' }, '请选一个事项'],
      [{ topic: '1', name: '王先生', phone: '13812345678', place: '99999' }, '请从列表中选择'],
      [{ topic: '1', name: '王先生', phone: '13812345678', sms: 'yes' }, ''],
      [{ topic: '1', name: '王'.repeat(30), phone: '13812345678' }, ''],
    ]
    for (const [fields, text] of cases) {
      const res = await m.post('/m/book', { ...base, ...fields })
      expect(res.status, JSON.stringify(fields)).toBe(422)
      const html = await res.text()
      expect(html).toContain(text)
      expect(html).toContain('id="error-summary"')
      if (fields.phone) expect(html).toContain(`value="${fields.phone}"`)
      expect(html).toContain(`name="key" value="${base.key}"`)
    }
    expect(bookingCounts(t.db)).toEqual(before)
  })

  it('cancel: a confirmation step that changes nothing, then POST cancels; a second cancel is refused 409', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    const code = codeOf(await phoneBook(m, { sessionId: session.id, slot: 0 }))
    const page = await (await m.get(`/m/booking/${code}`)).text()
    expect(links(page)).toContain(`/m/booking/${code}/cancel`)
    const ask = await m.get(`/m/booking/${code}/cancel`)
    expect(ask.status).toBe(200)
    const askHtml = await ask.text()
    expect(askHtml).toContain('取消这个预约？')
    expect(t.db.select().from(receptionBookings).get()!.status).toBe('booked')
    // Without the confirmation's yes, the question again and nothing changed.
    const unsure = await m.post(`/m/booking/${code}/cancel`, { key: hiddenFields(askHtml).key! })
    expect(unsure.status).toBe(422)
    expect(t.db.select().from(receptionBookings).get()!.status).toBe('booked')
    const done = await m.post(`/m/booking/${code}/cancel`, hiddenFields(askHtml))
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/m/booking/${code}?cancelled=1`)
    const after = await (await m.get(done.headers.get('location')!)).text()
    expect(after).toContain('预约已取消')
    expect(after).not.toContain('/cancel"')
    expect(t.db.select().from(receptionBookings).get()).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'resident',
    })
    const again = await m.post(`/m/booking/${code}/cancel`, hiddenFields(askHtml))
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('这个预约已经取消了')
    expect((await m.get(`/m/booking/${code}/cancel`)).status).toBe(409)
    // Once cancelled, the phone may book that deputy again.
    expect((await phoneBook(m, { sessionId: session.id, slot: 1 })).status).toBe(303)
  })

  it('a slot that has begun can no longer be cancelled from the phone', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const m = t.client()
    const code = codeOf(await phoneBook(m, { sessionId: session.id, slot: 0 }))
    t.clock.set('2026-11-26T01:05:00Z')
    const page = await (await m.get(`/m/booking/${code}`)).text()
    expect(page).not.toContain('/cancel"')
    const res = await m.post(`/m/booking/${code}/cancel`, { key: 'k'.repeat(24), confirm: 'yes' })
    expect(res.status).toBe(409)
    expect(t.db.select().from(receptionBookings).get()!.status).toBe('booked')
  })

  it('an unknown or malformed code is a clear 404 page in each language; /m/book/find leads to the code page', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const code = codeOf(await phoneBook(t.client(), { sessionId: session.id, slot: 0 }))
    const zh = await t.client().get('/m/booking/ABCDEF')
    expect(zh.status).toBe(404)
    expect(await zh.text()).toContain('找不到这个预约')
    const en = await t
      .client({ headers: { 'accept-language': 'en-US,en;q=0.9' } })
      .get('/m/booking/not-a-code')
    expect(en.status).toBe(404)
    expect(await en.text()).toContain('No such booking')
    const hk = await t.client({ headers: { 'accept-language': 'zh-HK' } }).get('/m/booking/ZZZZZZ/cancel')
    expect(hk.status).toBe(404)
    expect(await hk.text()).toContain('找不到這個預約')
    const m = t.client()
    expect((await m.get('/m/book/find')).status).toBe(200)
    const found = await m.get(`/m/book/find?code=${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`)
    expect(found.status).toBe(303)
    expect(found.headers.get('location')).toBe(`/m/booking/${code}`)
    const bad = await m.get('/m/book/find?code=12')
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('预约码是 6 位字母和数字')
    expect(badHtml).toContain('value="12"')
  })

  it('code lookups are limited per address: guesses use up the misses, then even a real code waits', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const code = codeOf(await phoneBook(t.client(), { sessionId: session.id, slot: 0 }))
    const guesser = t.client({ peer: '203.0.113.9' })
    for (let i = 0; i < PHONE_LOOKUP_LIMITS.misses.limit; i++)
      expect((await guesser.get('/m/booking/ABCDEF')).status).toBe(404)
    expect((await guesser.get(`/m/booking/${code}`)).status).toBe(429)
    // Another address is not affected.
    expect((await t.client({ peer: '203.0.113.10' }).get(`/m/booking/${code}`)).status).toBe(200)
  })

  it('a deputy page link /m/book?deputy=ID opens the days; an unknown deputy or one without days says so', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const m = t.client()
    const days = await m.get(`/m/book?deputy=${DEPUTY_CHEN}`)
    expect(days.status).toBe(200)
    expect(await days.text()).toContain('day-2026-11-26')
    expect((await m.get('/m/book?deputy=9999')).status).toBe(404)
    const none = await (await m.get(`/m/book?deputy=${DEPUTY_LI}`)).text()
    expect(none).toContain('近期没有可以预约的接待日')
  })
})
