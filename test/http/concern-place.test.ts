import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { concerns, places, receptionBookings } from '../../db/schema.ts'
import { addPlan, bookingCounts, sessionOn } from '../helpers/booking.ts'
import { counts, formKey, kioskClient, markPresent, STATION_A, submitDropIn } from '../helpers/queue.ts'
import { DEMO, makeTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts'

// Demo places: 东湖社区 = 1 and 幸福村 = 6 lie in station A's districts; 石桥村 = 8 in station B's.
// Station A's districts hold 15 places, so the kiosk's place step has two pages.

/** The details form of topic 1 as the kiosk renders it, ready to be sent on to another step. */
async function detailsDraft(k: TestClient) {
  const html = await (await k.get('/kiosk/concern/details?topic=1')).text()
  return { station: String(STATION_A), topic: '1', key: formKey(html), deputy: 'any', html }
}

const lastConcern = (t: TestApp) => t.db.select().from(concerns).all().at(-1)
const placeButtons = (html: string) => [...html.matchAll(/id="place-(\d+)"/g)].map((m) => Number(m[1]))

describe('the kiosk drop-in asks for the place, one tap to skip', () => {
  it('offers the place step from the details page and carries the chosen place into the concern', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { html, ...draft } = await detailsDraft(k)
    expect(html).toContain('您住在哪里，或在哪里工作？')
    expect(html).toContain('id="choose-place"')
    expect(html).toContain('还没有选地点')

    // The place step: the station's places grouped by kind, a page at a time, and 跳过.
    const step = await k.post('/kiosk/concern/place', { ...draft, description: '路灯坏了' })
    expect(step.status).toBe(200)
    const first = await step.text()
    expect(placeButtons(first)).toHaveLength(12)
    expect(first).toContain('id="place-skip"')
    expect(first).toContain('第 1 页，共 2 页')
    expect(first.indexOf('>社区</h2>')).toBeLessThan(first.indexOf('>村</h2>'))
    expect(first).toContain('name="description" value="路灯坏了"')
    const second = await (await k.post('/kiosk/concern/place', { ...draft, placePage: '2' })).text()
    expect(placeButtons(second)).toHaveLength(3)
    expect(placeButtons(second)).not.toContain(8)
    expect(new Set([...placeButtons(first), ...placeButtons(second)]).size).toBe(15)

    // One tap on 幸福村: back on the details, with the place and what was typed before.
    const back = await k.post('/kiosk/concern/details', { ...draft, description: '路灯坏了', place: '6' })
    expect(back.status).toBe(200)
    const details = await back.text()
    expect(details).toContain('地点：幸福村')
    expect(details).toContain('name="place" value="6"')
    expect(details).toContain('路灯坏了</textarea>')
    // Changing the place opens the page it is on, marked.
    const again = await (await k.post('/kiosk/concern/place', { ...draft, place: '6' })).text()
    expect(again).toMatch(/class="kiosk-button p-place p-chosen" name="place" value="6"/)

    const before = counts(t.db)
    const res = await k.post('/kiosk/concern', { ...draft, place: '6', mode: 'anonymous' })
    expect(res.status).toBe(303)
    expect(counts(t.db).concerns).toBe(before.concerns + 1)
    expect(lastConcern(t)).toMatchObject({ placeId: 6, channel: 'kiosk' })
  })

  it('skips in one tap, or in none: the concern then has no place', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { html: _, ...draft } = await detailsDraft(k)
    const skipped = await (await k.post('/kiosk/concern/details', { ...draft, place: '' })).text()
    expect(skipped).toContain('还没有选地点')
    expect(skipped).not.toContain('name="place"')
    expect((await k.post('/kiosk/concern', { ...draft, place: '', mode: 'anonymous' })).status).toBe(303)
    expect(lastConcern(t)!.placeId).toBeNull()
    // The old three taps, with no place field at all.
    expect((await submitDropIn(k)).res.status).toBe(303)
    expect(lastConcern(t)!.placeId).toBeNull()
  })

  it('refuses a place outside the station’s districts, unknown or inactive with 422, writing nothing', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    t.db.update(places).set({ active: false }).where(eq(places.id, 1)).run()
    const k = await kioskClient(t)
    const { html: _, ...draft } = await detailsDraft(k)
    const before = counts(t.db)
    for (const place of ['8', '1', '999', 'abc', '6'.repeat(20)]) {
      const res = await k.post('/kiosk/concern', { ...draft, place, mode: 'anonymous' })
      expect(res.status, place).toBe(422)
      const html = await res.text()
      expect(html, place).toContain('这个地点不在本站的选区内')
      expect(html, place).not.toContain('name="place" value=')
      expect((await k.post('/kiosk/concern/details', { ...draft, place })).status, place).toBe(422)
      // The phone step sends the draft back to the details with the same message.
      expect((await k.post('/kiosk/concern/phone', { ...draft, place })).status, place).toBe(422)
      expect(
        (await k.post('/kiosk/concern', { ...draft, place, mode: 'phone', phone: '13812345678' })).status,
      ).toBe(422)
    }
    expect(counts(t.db)).toEqual(before)
    // The inactive place is not offered either.
    const step = await (await k.post('/kiosk/concern/place', { ...draft, placePage: '1' })).text()
    const all = [
      ...placeButtons(step),
      ...placeButtons(await (await k.post('/kiosk/concern/place', { ...draft, placePage: '2' })).text()),
    ]
    expect(all).not.toContain(1)
    expect(all).toHaveLength(14)
  })

  it('keeps the place through the phone step', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { html: _, ...draft } = await detailsDraft(k)
    const phone = await (await k.post('/kiosk/concern/phone', { ...draft, place: '6' })).text()
    expect(phone).toContain('name="place" value="6"')
    const res = await k.post('/kiosk/concern', { ...draft, place: '6', mode: 'phone', phone: '13812345678' })
    expect(res.status).toBe(303)
    expect(lastConcern(t)).toMatchObject({ placeId: 6, callbackPhone: '13812345678' })
  })
})

describe('clerk intake and clerk booking take an optional place', () => {
  const intake = { channel: 'phone', topic: '2', deputy: '3', description: '村口路灯不亮' }

  it('lists the station’s places first, grouped by kind, and stores the place of a concern', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const form = await (await clerk.get('/staff/stations/1/intake')).text()
    expect(form).toContain('<optgroup label="本站选区 · 社区">')
    expect(form.indexOf('本站选区 · 村')).toBeLessThan(form.indexOf('其他选区 · 社区'))
    expect(form).toContain('石桥村（第四选区）')
    // Another district's place is fine for a clerk: residents call from anywhere.
    expect((await clerk.post('/staff/stations/1/intake', { ...intake, place: '8' })).status).toBe(303)
    expect(lastConcern(t)).toMatchObject({ placeId: 8, channel: 'phone' })
    expect((await clerk.post('/staff/stations/1/intake', { ...intake, place: '' })).status).toBe(303)
    expect(lastConcern(t)!.placeId).toBeNull()

    // Shown where the topic is: the concern page.
    const id = t.db.select().from(concerns).all().at(-2)!.id
    const page = await (await clerk.get(`/concerns/${id}`)).text()
    expect(page).toContain('<dd id="concern-place">石桥村</dd>')
  })

  it('refuses an unknown or inactive place in intake with 422, keeping what was typed, writing nothing', async () => {
    const t = await makeTestApp()
    t.db.update(places).set({ active: false }).where(eq(places.id, 1)).run()
    const clerk = await t.client().login(...DEMO.staff)
    const before = counts(t.db)
    for (const place of ['999', '1', 'x']) {
      const res = await clerk.post('/staff/stations/1/intake', { ...intake, place })
      expect(res.status, place).toBe(422)
      const html = await res.text()
      expect(html).toContain('村口路灯不亮')
      expect(html).toContain('id="e-place"')
    }
    expect(counts(t.db)).toEqual(before)
  })

  it('stores the place of a booking made for a caller, and refuses a bad one', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    const clerk = await t.client().login(...DEMO.staff)
    const base = '/staff/stations/1/reception'
    const form = await (await clerk.get(`${base}/book?session=${session.id}&slot=1`)).text()
    expect(form).toContain('居住或工作地')
    const book = (fields: Record<string, string>) =>
      clerk.post(`${base}/book`, {
        session: String(session.id),
        slot: '1',
        topic: '3',
        name: '李阿姨',
        phone: '13900000000',
        ...fields,
      })
    const before = bookingCounts(t.db)
    const bad = await book({ place: '999' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('请从列表中选择地点')
    expect(bookingCounts(t.db)).toEqual(before)
    expect((await book({ place: '6' })).status).toBe(303)
    expect(t.db.select().from(receptionBookings).get()).toMatchObject({ placeId: 6, channel: 'clerk' })
    expect((await book({ slot: '2', phone: '13900000001', place: '' })).status).toBe(303)
    expect(t.db.select().from(receptionBookings).all().at(-1)!.placeId).toBeNull()
  })
})

describe('the console shows the place with the topic', () => {
  it('names the place of the ticket being served', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { html: _, ...draft } = await detailsDraft(k)
    expect((await k.post('/kiosk/concern', { ...draft, place: '6', mode: 'anonymous' })).status).toBe(303)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.post('/console/1/1/call', {})).status).toBeLessThan(400)
    const html = await (await deputy.get('/console/1/1')).text()
    expect(html).toContain('<dd id="current-place">幸福村</dd>')
  })
})
