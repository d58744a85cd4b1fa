import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deputies, deputyDistricts, districts, stations } from '../../db/schema.ts'
import { adminSession, expectRefused, expectSaved } from '../helpers/admin.ts'

describe('admin: districts', () => {
  it('creates and edits a district; its street follows the serving station', async () => {
    const { t, admin } = await adminSession()
    const b = t.db.select().from(stations).where(eq(stations.code, 'B')).get()!
    const list = await (await admin.get('/admin/districts')).text()
    expect(list).toContain('id="districts-table"')
    expect(list).toContain('第一选区')
    await expectSaved(t, admin, '/admin/districts', {
      nameZhHans: '第六选区',
      nameZhHant: '第六選區',
      nameEn: 'District 6',
      stationId: String(b.id),
    })
    const row = t.db.select().from(districts).where(eq(districts.nameZhHans, '第六选区')).get()!
    expect(row).toMatchObject({ stationId: b.id, streetId: b.streetId })
    expect(await (await admin.get(`/admin/districts/${row.id}`)).text()).toContain('value="第六选区"')
    await expectSaved(t, admin, `/admin/districts/${row.id}`, {
      nameZhHans: '第六选区（新）',
      stationId: String(b.id),
    })
    expect(t.db.select().from(districts).where(eq(districts.id, row.id)).get()!.nameZhHans).toBe(
      '第六选区（新）',
    )
  })

  it('refuses a missing name, an unknown station and a duplicate name', async () => {
    const { t, admin } = await adminSession()
    const a = t.db.select().from(stations).where(eq(stations.code, 'A')).get()!
    await expectRefused(
      t,
      admin,
      '/admin/districts',
      { nameZhHans: '', stationId: String(a.id) },
      '请填写此项。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/districts',
      { nameZhHans: '第七选区', stationId: '999' },
      '请从列表中选择。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/districts',
      { nameZhHans: '第七选区', stationId: '' },
      '请从列表中选择。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/districts',
      { nameZhHans: '第一选区', stationId: String(a.id) },
      '已存在同名记录。',
    )
  })
})

describe('admin: deputies', () => {
  it('creates a deputy with districts and replaces them on edit', async () => {
    const { t, admin } = await adminSession()
    const a = t.db.select().from(stations).where(eq(stations.code, 'A')).get()!
    const [d1, d2, d3] = t.db.select().from(districts).all()
    const list = await (await admin.get('/admin/deputies')).text()
    expect(list).toContain('id="deputies-table"')
    expect(list).toContain('陈建国')
    const form = await (await admin.get('/admin/deputies/new')).text()
    expect(form).toContain('name="districtIds"')
    await expectSaved(t, admin, '/admin/deputies', {
      name: '何晓燕',
      title: '社区医生',
      homeStationId: String(a.id),
      districtIds: [String(d1!.id), String(d2!.id)],
      active: 'on',
    })
    const row = t.db.select().from(deputies).where(eq(deputies.name, '何晓燕')).get()!
    const links = () =>
      t.db
        .select()
        .from(deputyDistricts)
        .where(eq(deputyDistricts.deputyId, row.id))
        .all()
        .map((r) => r.districtId)
        .sort()
    expect(links()).toEqual([d1!.id, d2!.id].sort())
    await expectSaved(t, admin, `/admin/deputies/${row.id}`, {
      name: '何晓燕',
      homeStationId: String(a.id),
      districtIds: String(d3!.id),
    })
    expect(links()).toEqual([d3!.id])
    expect(t.db.select().from(deputies).where(eq(deputies.id, row.id)).get()!.active).toBe(false)
  })

  it('refuses unknown stations and districts, missing and overlong names', async () => {
    const { t, admin } = await adminSession()
    const a = t.db.select().from(stations).where(eq(stations.code, 'A')).get()!
    const ok = { name: '何晓燕', homeStationId: String(a.id), active: 'on' }
    await expectRefused(t, admin, '/admin/deputies', { ...ok, name: '' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/deputies', { ...ok, name: '何'.repeat(41) }, '最多 40 个字。')
    await expectRefused(t, admin, '/admin/deputies', { ...ok, homeStationId: '999' }, '请从列表中选择。')
    await expectRefused(t, admin, '/admin/deputies', { ...ok, districtIds: ['1', '999'] }, '请从列表中选择。')
    await expectRefused(t, admin, '/admin/deputies', { ...ok, districtIds: 'abc' }, '请从列表中选择。')
  })
})
