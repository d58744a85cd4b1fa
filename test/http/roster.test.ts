import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { findSwap, insertAbsence, onDutyAt, stationRoster } from '../../db/queries/roster.ts'
import { findStation } from '../../db/queries/stations.ts'
import { rosterOverrides } from '../../db/schema.ts'
import { rosterCounts, rosterFixture } from '../helpers/roster.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

const BASE = '/staff/stations/1/roster'

async function setUp() {
  const t = await makeTestApp()
  const fx = await rosterFixture(t)
  const clerk = await t.client().login(...DEMO.staff)
  return { t, fx, clerk }
}

const english = (c: ReturnType<TestApp['client']>) => {
  c.cookies.set('lang', 'en')
  return c
}

const rosterOf = (t: TestApp, from: string, to: string) =>
  stationRoster(t.db, findStation(t.db, 1)!, from, to)

describe('duty roster screens', () => {
  it('publishes the next weeks and shows them in the month grid with names, tags and holidays', async () => {
    const { t, clerk } = await setUp()
    const before = rosterCounts(t.db)
    const res = await clerk.post(`${BASE}/publish`)
    expect(res.status).toBe(303)
    const after = rosterCounts(t.db)
    expect(after.publications).toBe(before.publications + 1)
    // From today (Wed 25 Nov) through Sunday 10 January: 33 working days less New Year's Day.
    expect(after.entries).toBe(2 * 32)
    expect(await (await clerk.get(res.headers.get('location')!)).text()).toContain('已发布，固定了 64 个时段')
    // Publishing again the same day changes nothing.
    await clerk.post(`${BASE}/publish`)
    expect(rosterCounts(t.db).entries).toBe(after.entries)

    const html = await (await clerk.get(`${BASE}?month=2026-11`)).text()
    expect(html).toContain('id="roster-month"')
    expect(html).toMatch(/data-slot="2026-11-26\|am">.*王晓梅/s)
    expect(html).toContain('已发布至')
    const jan = await (await clerk.get(`${BASE}?month=2027-01`)).text()
    expect(jan).toContain('休息：元旦')
    expect(jan).not.toContain('data-slot="2027-01-01|am"')
    expect(jan).toContain('未发布')
  })

  it('keeps staff to their own stations and deputies out of station screens', async () => {
    const { t, clerk } = await setUp()
    expect((await clerk.get('/staff/stations/2/roster')).status).toBe(403)
    expect((await clerk.post('/staff/stations/2/roster/publish')).status).toBe(403)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get(BASE)).status).toBe(403)
    expect((await deputy.get('/me/duty')).status).toBe(200)
    expect((await t.client().get(BASE)).status).toBe(302)
    expect((await clerk.get('/staff/stations/99/roster')).status).toBe(404)
    const admin = await t.client().login(...DEMO.admin)
    expect((await admin.get('/staff/stations/2/roster/setup')).status).toBe(200)
  })

  it('refuses a slot that ends before it starts, in the reader’s language, and writes nothing', async () => {
    const { t, clerk } = await setUp()
    const before = rosterCounts(t.db)
    const form = {
      code: 'ev',
      nameZhHans: '晚上',
      start: '20:00',
      end: '18:00',
      weekdays: ['1'],
      validFrom: '2026-12-01',
    }
    const zh = await clerk.post(`${BASE}/slots`, form)
    expect(zh.status).toBe(422)
    expect(await zh.text()).toContain('结束时间必须晚于开始时间')
    const en = await english(clerk).post(`${BASE}/slots`, form)
    expect(en.status).toBe(422)
    const html = await en.text()
    expect(html).toContain('The end must come after the start')
    expect(html).toContain('value="晚上"')
    const noDays = await clerk.post(`${BASE}/slots`, { ...form, end: '21:00', weekdays: [] })
    expect(noDays.status).toBe(422)
    expect(await noDays.text()).toContain('Choose at least one day.')
    expect(rosterCounts(t.db)).toEqual(before)
    expect((await clerk.post(`${BASE}/slots`, { ...form, end: '21:00' })).status).toBe(303)
    expect(rosterCounts(t.db).slots).toBe(before.slots + 1)
  })

  it('refuses a rotation with nobody, with a stranger or starting inside the published weeks', async () => {
    const { t, fx, clerk } = await setUp()
    await clerk.post(`${BASE}/publish`)
    const before = rosterCounts(t.db)
    const form = {
      layer: '1',
      effectiveFrom: '2027-01-11',
      unit: 'week',
      interval: '1',
      participants: ['', ''],
    }
    for (const path of ['/rules/preview', '/rules']) {
      const res = await english(clerk).post(`${BASE}${path}`, form)
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('A rotation needs at least one person.')
    }
    const stranger = await clerk.post(`${BASE}/rules`, { ...form, participants: ['deputy:99'] })
    expect(stranger.status).toBe(422)
    const early = await clerk.post(`${BASE}/rules`, {
      ...form,
      participants: [fx.li],
      effectiveFrom: '2026-12-01',
    })
    expect(early.status).toBe(422)
    expect(await early.text()).toContain('Must be after the published weeks')
    const interval = await clerk.post(`${BASE}/rules`, { ...form, participants: [fx.li], interval: '0' })
    expect(await interval.text()).toContain('Enter a whole number from 1 to 52.')
    expect(rosterCounts(t.db)).toEqual(before)
  })

  it('previews a rule change, then saves it without moving any published slot', async () => {
    const { t, fx, clerk } = await setUp()
    await clerk.post(`${BASE}/publish`)
    const published = rosterOf(t, '2026-11-25', '2027-01-10')
    const before = rosterCounts(t.db)
    const form = {
      layer: '1',
      effectiveFrom: '2027-01-11',
      unit: 'slot',
      interval: '1',
      participants: [fx.zhao, fx.li, ''],
    }
    const preview = await clerk.post(`${BASE}/rules/preview`, form)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('id="roster-preview-changes"')
    expect(html).toContain('id="roster-rule-save"')
    expect(rosterCounts(t.db)).toEqual(before)

    const saved = await clerk.post(`${BASE}/rules`, form)
    expect(saved.status).toBe(303)
    expect(rosterCounts(t.db).rules).toBe(before.rules + 1)
    const now = rosterOf(t, '2026-11-25', '2027-01-10')
    expect(now.map((s) => [s.key, s.person])).toEqual(published.map((s) => [s.key, s.person]))
    // The old rotation would give Monday 11 January's morning to Zhao, who stays: Zhao goes first.
    const jan11 = rosterOf(t, '2027-01-11', '2027-01-12')
    expect(jan11.map((s) => s.person)).toEqual([fx.zhao, fx.li, fx.zhao, fx.li])
  })

  it('refuses overlapping overrides with the clash named, and writes nothing', async () => {
    const { t, fx, clerk } = await setUp()
    expect(
      (await clerk.post(`${BASE}/overrides`, { from: '2026-12-01', to: '2026-12-03', person: fx.li })).status,
    ).toBe(303)
    const before = rosterCounts(t.db)
    const clash = await english(clerk).post(`${BASE}/overrides`, {
      from: '2026-12-03',
      to: '2026-12-05',
      slotCodes: ['am'],
      person: fx.zhao,
    })
    expect(clash.status).toBe(422)
    expect(await clash.text()).toContain('This overlaps the override from 2026-12-01 to 2026-12-03')
    const backwards = await clerk.post(`${BASE}/overrides`, {
      from: '2026-12-09',
      to: '2026-12-08',
      person: fx.zhao,
    })
    expect(backwards.status).toBe(422)
    expect(await backwards.text()).toContain('The end date cannot be before the start date.')
    const nobody = await clerk.post(`${BASE}/overrides`, { from: '2026-12-09', to: '2026-12-09', person: '' })
    expect(nobody.status).toBe(422)
    expect(rosterCounts(t.db)).toEqual(before)
    expect(
      rosterOf(t, '2026-12-01', '2026-12-03').every((s) => s.person === fx.li && s.source === 'override'),
    ).toBe(true)

    const id = t.db.select().from(rosterOverrides).get()!.id
    expect((await clerk.post(`${BASE}/overrides/${id}/remove`)).status).toBe(303)
    expect(
      (await clerk.post(`${BASE}/overrides`, { from: '2026-12-03', to: '2026-12-05', person: fx.zhao }))
        .status,
    ).toBe(303)
  })

  it('runs a swap from request to approval, and refuses a swap with oneself', async () => {
    const { t, fx, clerk } = await setUp()
    await clerk.post(`${BASE}/publish`)
    const li = await t.client().login(...fx.logins.li)
    // Thursday afternoon is Li's.
    expect((await li.post('/me/duty/swaps', { stationId: '1', date: '2026-11-26', code: 'pm' })).status).toBe(
      303,
    )
    const again = await li.post('/me/duty/swaps', { stationId: '1', date: '2026-11-26', code: 'pm' })
    expect(again.status).toBe(409)
    const notYours = await li.post('/me/duty/swaps', { stationId: '1', date: '2026-11-27', code: 'am' })
    expect(notYours.status).toBe(422)
    expect(await notYours.text()).toContain('这不是您的值班')

    const before = rosterCounts(t.db)
    const self = await english(li).post('/me/duty/swaps/1/take')
    expect(self.status).toBe(422)
    expect(await self.text()).toContain('You cannot swap with yourself.')
    expect(rosterCounts(t.db)).toEqual(before)
    expect(findSwap(t.db, 1)).toMatchObject({ status: 'open', toAccountId: null })

    const zhao = await t.client().login(...fx.logins.zhao)
    const page = await (await zhao.get('/me/duty')).text()
    expect(page).toContain('id="open-swap-1"')
    expect((await zhao.post('/me/duty/swaps/1/take')).status).toBe(303)
    expect((await li.post('/me/duty/swaps/1/take')).status).toBe(409)
    expect(findSwap(t.db, 1)).toMatchObject({ status: 'taken', to: fx.zhao })
    // Not yet approved: Li still holds it.
    expect(rosterOf(t, '2026-11-26', '2026-11-26').find((s) => s.code === 'pm')?.person).toBe(fx.li)

    const swaps = await (await clerk.get(`${BASE}/swaps`)).text()
    expect(swaps).toContain('待批准')
    expect((await clerk.post(`${BASE}/swaps/1/approve`)).status).toBe(303)
    expect((await clerk.post(`${BASE}/swaps/1/approve`)).status).toBe(409)
    const slot = rosterOf(t, '2026-11-26', '2026-11-26').find((s) => s.code === 'pm')!
    expect(slot).toMatchObject({ person: fx.zhao, source: 'swap', scheduled: fx.li })
    const grid = await (await clerk.get(BASE)).text()
    expect(grid).toMatch(/data-slot="2026-11-26\|pm">.*zhao.*换班/s)
  })

  it('refuses a swap approval by either party, naming who can, and lets another clerk or an admin approve', async () => {
    const { t, fx, clerk } = await setUp()
    await clerk.post(`${BASE}/publish`)
    const li = await t.client().login(...fx.logins.li)
    const zhao = await t.client().login(...fx.logins.zhao)
    expect((await li.post('/me/duty/swaps', { stationId: '1', date: '2026-11-26', code: 'pm' })).status).toBe(
      303,
    )
    expect((await zhao.post('/me/duty/swaps/1/take')).status).toBe(303)

    // Both are staff of the station: neither sees an approve button on their own swap.
    for (const party of [li, zhao]) {
      const page = await (await party.get(`${BASE}/swaps`)).text()
      expect(page).toContain('id="swap-1-own"')
      expect(page).not.toContain(`${BASE}/swaps/1/approve`)
    }
    const before = rosterCounts(t.db)
    const refused = await li.post(`${BASE}/swaps/1/approve`)
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('请本站其他工作人员或管理员批准')
    const en = await english(zhao).post(`${BASE}/swaps/1/approve`)
    expect(en.status).toBe(403)
    expect(await en.text()).toContain('Another staff member of this station or an administrator can.')
    expect(rosterCounts(t.db)).toEqual(before)
    expect(findSwap(t.db, 1)).toMatchObject({ status: 'taken', decidedBy: null })

    const page = await (await clerk.get(`${BASE}/swaps`)).text()
    expect(page).toContain(`${BASE}/swaps/1/approve`)
    expect(page).not.toContain('id="swap-1-own"')
    const admin = await t.client().login(...DEMO.admin)
    expect((await admin.post(`${BASE}/swaps/1/approve`)).status).toBe(303)
    expect(findSwap(t.db, 1)).toMatchObject({ status: 'approved' })
  })

  it('substitutes for an absence before publishing and reports a gap after it', async () => {
    const { t, fx, clerk } = await setUp()
    // Zhao is due on Wednesday 2 December's morning; the clerk comes next in the rotation.
    expect(
      (await clerk.post(`${BASE}/absences`, { person: fx.zhao, from: '2026-12-02', to: '2026-12-02' }))
        .status,
    ).toBe(303)
    const draft = rosterOf(t, '2026-12-02', '2026-12-02')[0]!
    expect(draft).toMatchObject({ person: fx.clerk, source: 'substitute', gap: false })
    expect(
      (await clerk.post(`${BASE}/absences`, { person: fx.zhao, from: '2026-12-09', to: '2026-12-08' }))
        .status,
    ).toBe(422)

    const t2 = await setUp()
    await t2.clerk.post(`${BASE}/publish`)
    const clerkId = findAccountByUsername(t2.t.db, DEMO.staff[0])!.id
    insertAbsence(
      t2.t.db,
      { person: t2.fx.zhao, from: '2026-12-02', to: '2026-12-02' },
      clerkId,
      t2.t.clock.now(),
    )
    const published = rosterOf(t2.t, '2026-12-02', '2026-12-02')[0]!
    expect(published).toMatchObject({ person: t2.fx.zhao, absent: true, gap: true })
    const gaps = await (await t2.clerk.get(`${BASE}/gaps`)).text()
    expect(gaps).toContain('data-slot="2026-12-02|am"')
    expect(gaps).toContain('请假')
  })

  it('counts slots per person in the fairness table', async () => {
    const { clerk } = await setUp()
    const html = await (await clerk.get(`${BASE}/fairness?quarter=2026-Q4`)).text()
    expect(html).toContain('id="roster-fairness"')
    expect(html).toContain('季度合计')
    expect(html).toContain('zhao')
  })

  it('tells the walk-in queue who is on duty now and who is next', async () => {
    const { t, fx } = await setUp()
    const at = t.clock.now() // Wednesday 10:00 in Shanghai
    const duty = onDutyAt(t.db, 1, at)
    expect(duty.now).toMatchObject({
      date: '2026-11-25',
      slotCode: 'am',
      person: { key: fx.li, name: 'li' },
      gap: false,
    })
    expect(duty.now?.label.nameEn).toBe('Morning')
    expect(duty.next).toMatchObject({ slotCode: 'pm', person: { key: fx.zhao } })
    expect(duty.next?.startsAt.toISOString()).toBe('2026-11-25T06:00:00.000Z')
    const lunch = onDutyAt(t.db, 1, new Date('2026-11-25T04:30:00Z'))
    expect(lunch.now).toBeNull()
    expect(lunch.next?.person?.key).toBe(fx.zhao)
    expect(onDutyAt(t.db, 2, at)).toEqual({ now: null, next: null })
  })

  it('shows a person their own duty and lets them record when they are away', async () => {
    const { t, fx } = await setUp()
    const zhao = await t.client().login(...fx.logins.zhao)
    const html = await (await zhao.get('/me/duty')).text()
    expect(html).toContain('data-slot="2026-11-25|pm"')
    expect(html).not.toContain('data-slot="2026-11-26|am"')
    expect(html).toContain('尚未发布')
    expect((await zhao.post('/me/duty/absences', { from: '2026-12-10', to: '2026-12-09' })).status).toBe(422)
    expect((await zhao.post('/me/duty/absences', { from: '2026-12-09', to: '2026-12-10' })).status).toBe(303)
    expect(rosterCounts(t.db).absences).toBe(1)
    const deputy = await t.client().login(...DEMO.deputy)
    expect(await (await deputy.get('/me/duty')).text()).toContain('这段时间您没有值班')
  })

  it('renders every roster screen in all three languages', async () => {
    const { clerk } = await setUp()
    await clerk.post(`${BASE}/publish`)
    const pages = [
      '',
      '/gaps',
      '/fairness',
      '/swaps',
      '/overrides',
      '/absences',
      '/setup',
      '/rules/new?layer=1',
    ]
    const words = { 'zh-Hans': '图例', 'zh-Hant': '圖例', en: 'Key' } as const
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      clerk.cookies.set('lang', lang)
      for (const path of [...pages.map((p) => `${BASE}${p}`), '/me/duty']) {
        const res = await clerk.get(path)
        expect(res.status, `${lang} ${path}`).toBe(200)
        const html = await res.text()
        expect(html, `${lang} ${path}`).toContain(
          `<html lang="${lang === 'zh-Hans' ? 'zh-CN' : lang === 'zh-Hant' ? 'zh-TW' : 'en'}"`,
        )
      }
      expect(await (await clerk.get(BASE)).text()).toContain(words[lang])
    }
  })
})
