import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, districts, places } from '../../db/schema.ts'
import { adminSession, expectRefused, expectSaved } from '../helpers/admin.ts'
import type { TestApp } from '../helpers/test-app.ts'

const district = (t: TestApp, nameZhHans: string) =>
  t.db.select().from(districts).where(eq(districts.nameZhHans, nameZhHans)).get()!
const place = (t: TestApp, nameZhHans: string) =>
  t.db.select().from(places).where(eq(places.nameZhHans, nameZhHans)).get()
const lastAudit = (t: TestApp) => t.db.select().from(auditLog).orderBy(auditLog.id).all().at(-1)!

describe('admin: the places register', () => {
  it('lists places with filters by district, kind and name, and links from the admin index', async () => {
    const { t, admin } = await adminSession()
    expect(await (await admin.get('/admin')).text()).toContain('href="/admin/places"')
    const all = await (await admin.get('/admin/places')).text()
    expect(all).toContain('东湖社区')
    expect(all).toContain('幸福村')
    const third = district(t, '第三选区')
    const villages = await (await admin.get(`/admin/places?district=${third.id}&kind=village`)).text()
    expect(villages).toContain('幸福村')
    expect(villages).toContain('龙潭村')
    expect(villages).not.toContain('东湖社区')
    expect(villages).not.toContain('石桥村')
    const found = await (await admin.get(`/admin/places?q=${encodeURIComponent('幸福')}`)).text()
    expect(found).toContain('幸福村')
    expect(found).not.toContain('龙潭村')
    // Unknown filter values are ignored, never an error.
    expect((await admin.get('/admin/places?district=abc&kind=castle&q=')).status).toBe(200)
  })

  it('adds a firm with its trade, size and position, edits it, with an audit entry each', async () => {
    const { t, admin } = await adminSession()
    const second = district(t, '第二选区')
    const form = {
      nameZhHans: '东湖精工电器有限公司',
      nameZhHant: '東湖精工電器有限公司',
      nameEn: 'Donghu Precision Appliances',
      kind: 'firm',
      districtId: String(second.id),
      sector: 'small_appliances',
      address: '工业园 12 号',
      latitude: '30.2741',
      longitude: '120.1551',
      households: '',
      residents: '',
      employees: '350',
      students: '',
    }
    expect((await admin.get('/admin/places/new')).status).toBe(200)
    await expectSaved(t, admin, '/admin/places', form)
    const row = place(t, '东湖精工电器有限公司')!
    expect(row).toMatchObject({
      kind: 'firm',
      sector: 'small_appliances',
      districtId: second.id,
      latitude: 30.2741,
      longitude: 120.1551,
      employees: 350,
      households: null,
      active: true,
    })
    expect(lastAudit(t)).toMatchObject({ action: 'place.created', entity: 'place', entityId: String(row.id) })
    const edit = await (await admin.get(`/admin/places/${row.id}`)).text()
    expect(edit).toContain('value="120.1551"')
    await expectSaved(t, admin, `/admin/places/${row.id}`, {
      ...form,
      employees: '1200',
      latitude: '',
      longitude: '',
    })
    expect(place(t, '东湖精工电器有限公司')).toMatchObject({
      employees: 1200,
      latitude: null,
      longitude: null,
    })
    expect(lastAudit(t)).toMatchObject({ action: 'place.updated', entityId: String(row.id) })
  })

  it('refuses bad coordinates, sizes, a trade for a non-firm, half a position and a taken name, writing nothing', async () => {
    const { t, admin } = await adminSession()
    const first = district(t, '第一选区')
    const base = {
      nameZhHans: '新建社区',
      kind: 'community',
      districtId: String(first.id),
      sector: '',
      latitude: '',
      longitude: '',
    }
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, latitude: '91', longitude: '120' },
      '纬度应为 -90 到 90',
    )
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, latitude: '30', longitude: '1e2' },
      '经度应为 -180 到 180',
    )
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, latitude: '30.5' },
      '填写了纬度，也请填写经度。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, households: '-5' },
      '应为 0 到 10000000 之间的整数。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, residents: '0x10' },
      '应为 0 到 10000000 之间的整数。',
    )
    await expectRefused(t, admin, '/admin/places', { ...base, sector: 'furniture' }, '只有企业才填写行业。')
    await expectRefused(t, admin, '/admin/places', { ...base, kind: 'castle' }, '请从列表中选择')
    await expectRefused(t, admin, '/admin/places', { ...base, districtId: '99999' }, '请从列表中选择')
    await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, nameZhHans: '东湖社区' },
      '这个选区已有同名地点。',
    )
    // What was typed stays in the form.
    const html = await expectRefused(
      t,
      admin,
      '/admin/places',
      { ...base, address: '湖滨路 3 号', latitude: '95' },
      '纬度应为',
    )
    expect(html).toContain('value="湖滨路 3 号"')
  })

  it('deactivates and reactivates a place, never deleting it, each audited; residents no longer find it', async () => {
    const { t, admin } = await adminSession()
    const row = place(t, '幸福村')!
    const before = t.db.select().from(places).all().length
    await expectSaved(t, admin, `/admin/places/${row.id}/deactivate`, {})
    expect(place(t, '幸福村')!.active).toBe(false)
    expect(t.db.select().from(places).all().length).toBe(before)
    expect(lastAudit(t)).toMatchObject({ action: 'place.deactivated', entityId: String(row.id) })
    const list = await (await admin.get('/admin/places?state=deactivated')).text()
    expect(list).toContain('已停用')
    expect(list).toContain(`/admin/places/${row.id}/reactivate`)
    const { searchPlaces } = await import('../../db/queries/places.ts')
    expect(searchPlaces(t.db, '幸福').map((p) => p.nameZhHans)).not.toContain('幸福村')
    await expectSaved(t, admin, `/admin/places/${row.id}/reactivate`, {})
    expect(place(t, '幸福村')!.active).toBe(true)
    expect(lastAudit(t)).toMatchObject({ action: 'place.reactivated' })
    // Deactivating twice changes nothing and logs nothing more.
    await expectSaved(t, admin, `/admin/places/${row.id}/reactivate`, {}, 0)
    expect((await admin.post('/admin/places/99999/deactivate', {})).status).toBe(404)
  })

  it('speaks English and Traditional Chinese', async () => {
    const en = await adminSession({ lang: 'en' })
    const html = await (await en.admin.get('/admin/places')).text()
    expect(html).toContain('Add a place')
    expect(html).toContain('Xingfu Village')
    const hant = await adminSession({ lang: 'zh-Hant' })
    const form = await (await hant.admin.get('/admin/places/new')).text()
    expect(form).toContain('地點類型')
    expect(form).toContain('花卉苗木')
  })
})

describe('admin: a deputy’s introduction, work unit and home place', () => {
  it('saves the intro in three languages and two places picked from a list grouped by kind', async () => {
    const { t, admin } = await adminSession()
    const { deputies } = await import('../../db/schema.ts')
    const d = t.db.select().from(deputies).where(eq(deputies.name, '陈建国')).get()!
    const page = await (await admin.get(`/admin/deputies/${d.id}`)).text()
    expect(page).toContain('<optgroup label="企业">')
    expect(page).toContain('不要写住址、电话、身份证号等个人信息')
    const firm = place(t, '锦丰家纺有限公司')!
    const village = place(t, '幸福村')!
    const form = {
      name: d.name,
      title: d.title,
      homeStationId: String(d.homeStationId),
      active: 'on',
      introZhHans: '长期关注农村道路和养老服务。',
      introZhHant: '長期關注農村道路和養老服務。',
      introEn: 'Works on village roads and care for the elderly.',
      workUnitPlaceId: String(firm.id),
      homePlaceId: String(village.id),
    }
    await expectSaved(t, admin, `/admin/deputies/${d.id}`, form)
    expect(t.db.select().from(deputies).where(eq(deputies.id, d.id)).get()).toMatchObject({
      introEn: 'Works on village roads and care for the elderly.',
      workUnitPlaceId: firm.id,
      homePlaceId: village.id,
    })
    await expectRefused(
      t,
      admin,
      `/admin/deputies/${d.id}`,
      { ...form, homePlaceId: '99999' },
      '请从列表中选择',
    )
    await expectRefused(t, admin, `/admin/deputies/${d.id}`, { ...form, introEn: 'x'.repeat(501) }, '500')
    await expectSaved(t, admin, `/admin/deputies/${d.id}`, { ...form, workUnitPlaceId: '', homePlaceId: '' })
    expect(t.db.select().from(deputies).where(eq(deputies.id, d.id)).get()).toMatchObject({
      workUnitPlaceId: null,
      homePlaceId: null,
    })
  })
})
