import { describe, expect, it } from 'vitest'
import { addPlan, kioskBook, sessionOn, slipBookingCode } from '../helpers/booking.ts'
import { followUpApp, intake } from '../helpers/followup.ts'
import { addAccount, type TestApp, type TestClient } from '../helpers/test-app.ts'

/** Demo station B's deputy (district 4 and 5); station A's demo deputy is 1 (陈建国). */
const NORTH_DEPUTY = 8

/**
 * Station A: 张三丰 (13812345678) by phone, 李四 (13987654321), an anonymous one and a kiosk
 * booking of 王先生 (13812345678) on Thursday; station B: 张伟 (13612345678).
 */
async function searchApp() {
  const app = await followUpApp()
  const { t, clerk, clerkB, kiosk } = app
  const zhang = await intake(clerk, t, { residentName: '张三丰', phone: '13812345678' })
  const li = await intake(clerk, t, { residentName: '李四', phone: '13987654321' })
  const anonymous = await intake(clerk, t, {})
  const north = await intake(
    clerkB,
    t,
    { residentName: '张伟', phone: '13612345678', deputy: NORTH_DEPUTY },
    2,
  )
  addPlan(t.deps)
  const session = sessionOn(t.db, '2026-11-26')
  const booking = slipBookingCode(await kioskBook(kiosk, { sessionId: session.id, slot: 1 }))
  return { ...app, zhang, li, anonymous, north, booking }
}

const search = (client: TestClient, q: string) => client.get(`/staff/search?q=${encodeURIComponent(q)}`)
const page = async (client: TestClient, q: string) => {
  const res = await search(client, q)
  expect(res.status).toBe(200)
  return res.text()
}
const auditCount = (t: TestApp) =>
  t.db.$client
    .prepare("select count(*) from audit_log where action = 'personal_data.view'")
    .pluck()
    .get() as number

describe('staff search', () => {
  it('every signed-in page carries the search box', async () => {
    const { clerk, deputy, admin } = await searchApp()
    for (const client of [clerk, deputy, admin]) {
      const html = await (await client.get('/')).text()
      expect(html).toMatch(/<form method="get" action="\/staff\/search" class="staff-search">/)
      expect(html).toContain('name="q"')
    }
  })

  it('an exact tracking code opens the concern, whatever its case and dashes', async () => {
    const { clerk, zhang } = await searchApp()
    for (const q of [
      zhang.code,
      zhang.code.toLowerCase(),
      `${zhang.code.slice(0, 4)}-${zhang.code.slice(4)}`,
    ]) {
      const res = await search(clerk, q)
      expect(res.status).toBe(302)
      expect(res.headers.get('location')).toBe(`/concerns/${zhang.id}`)
    }
  })

  it('an exact booking code opens the booking’s reception day (staff) or the deputy’s own days', async () => {
    const { clerk, deputy, booking } = await searchApp()
    const res = await search(clerk, booking.toLowerCase())
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/staff/stations/1/reception?date=2026-11-26')
    const own = await search(deputy, `${booking.slice(0, 3)}-${booking.slice(3)}`)
    expect(own.headers.get('location')).toBe('/deputy/reception?date=2026-11-26')
  })

  it('the last four digits of a phone find concerns and bookings, in full for the station’s staff', async () => {
    const { t, clerk, zhang, booking } = await searchApp()
    const before = auditCount(t)
    const html = await page(clerk, '5678')
    expect(html).toContain(`id="search-concern-${zhang.id}"`)
    expect(html).toContain('张三丰')
    expect(html).toContain('13812345678')
    expect(html).toContain(`${booking.slice(0, 3)}-${booking.slice(3)}`)
    expect(html).toContain('2026-11-26 09:30')
    expect(html).toContain('王先生')
    expect(html).not.toContain('李四')
    // One audit entry per kind shown in full.
    expect(auditCount(t) - before).toBe(2)
  })

  it('a full phone number finds the same as its last digits', async () => {
    const { clerk, li } = await searchApp()
    const html = await page(clerk, '139 8765 4321')
    expect(html).toContain(`id="search-concern-${li.id}"`)
    expect(html).not.toContain('张三丰')
  })

  it('part of a name finds concerns and bookings by substring', async () => {
    const { clerk, zhang, li } = await searchApp()
    const html = await page(clerk, '三丰')
    expect(html).toContain(`id="search-concern-${zhang.id}"`)
    expect(html).not.toContain(`id="search-concern-${li.id}"`)
    expect(await page(clerk, '先生')).toContain('王先生')
  })

  it('LIKE wildcards are taken literally', async () => {
    const { clerk } = await searchApp()
    for (const q of ['%', '_', '张%']) expect(await page(clerk, q)).toContain('id="search-none"')
  })

  it('staff of one station never find another station’s concern, by name, phone or code', async () => {
    const { clerk, clerkB, north, zhang } = await searchApp()
    expect(await page(clerk, '张')).not.toContain('张伟')
    expect(await page(clerk, '5678')).not.toContain(`search-concern-${north.id}"`)
    expect(await page(clerk, north.code)).toContain('id="search-none"')
    const b = await page(clerkB, '张')
    expect(b).toContain('张伟')
    expect(b).not.toContain('张三丰')
    expect(await page(clerkB, zhang.code)).toContain('id="search-none"')
  })

  it('a deputy finds only their own concerns and bookings; staff without stations find nothing', async () => {
    const { t, deputy, north, zhang, booking } = await searchApp()
    const html = await page(deputy, '5678')
    expect(html).toContain(`search-concern-${zhang.id}"`)
    expect(html).toContain('张三丰')
    expect(html).toContain(`${booking.slice(0, 3)}-${booking.slice(3)}`)
    expect(html).not.toContain(`search-concern-${north.id}"`)
    const idle = await addAccount(t, { username: 'no-station', role: 'staff', stationIds: [] })
    const nobody = await t.client().login(idle.username, idle.password)
    expect(await page(nobody, '张')).toContain('id="search-none"')
  })

  it('an administrator finds every station’s records with names and phones masked, and nothing is audited', async () => {
    const { t, admin, zhang, north } = await searchApp()
    const before = auditCount(t)
    const html = await page(admin, '张')
    expect(html).toContain(`search-concern-${zhang.id}"`)
    expect(html).toContain(`search-concern-${north.id}"`)
    expect(html).toContain('张*')
    expect(html).toContain('138****5678')
    expect(html).not.toContain('张三丰')
    expect(html).not.toContain('13812345678')
    expect(auditCount(t)).toBe(before)
    // A code finds it across stations and opens it.
    expect((await search(admin, north.code)).headers.get('location')).toBe(`/concerns/${north.id}`)
  })

  it('an empty box shows the form; too long or control characters are refused with a localised 400', async () => {
    const { clerk } = await searchApp()
    for (const q of ['', '   ']) expect(await page(clerk, q)).toContain('id="search-intro"')
    expect((await clerk.get('/staff/search')).status).toBe(200)
    const long = await search(clerk, '张'.repeat(41))
    expect(long.status).toBe(400)
    expect(await long.text()).toContain('查找内容最多 40 个字')
    const control = await search(clerk, '张\u0000三')
    expect(control.status).toBe(400)
    expect(await control.text()).toContain('无法识别的字符')
    expect((await search(clerk, 'x'.repeat(5000))).status).toBe(400)
  })

  it('a generous per-account limit stops a script, not a clerk', async () => {
    const { clerk, deputy } = await searchApp()
    let last = 0
    for (let i = 0; i < 121; i++) last = (await search(clerk, `张${i}`)).status
    expect(last).toBe(429)
    expect((await search(deputy, '张')).status).toBe(200)
  })
})
