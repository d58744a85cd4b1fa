import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { handlingUnits, topics } from '../../db/schema.ts'
import { adminSession, expectRefused, expectSaved } from '../helpers/admin.ts'

describe('admin: handling units', () => {
  const unit = {
    nameZhHans: '街道卫生服务中心',
    nameZhHant: '街道衛生服務中心',
    nameEn: 'Street Health Centre',
    contact: '0571-8888 0000',
    active: 'on',
  }

  it('creates, lists and edits a unit', async () => {
    const { t, admin } = await adminSession()
    await expectSaved(t, admin, '/admin/units', unit)
    const row = t.db.select().from(handlingUnits).where(eq(handlingUnits.nameZhHans, unit.nameZhHans)).get()!
    const list = await (await admin.get('/admin/units?saved=created')).text()
    expect(list).toContain(`id="unit-${row.id}"`)
    expect(list).toContain('已添加。')
    await expectSaved(t, admin, `/admin/units/${row.id}`, { ...unit, contact: '', active: undefined })
    expect(t.db.select().from(handlingUnits).where(eq(handlingUnits.id, row.id)).get()).toMatchObject({
      contact: '',
      active: false,
    })
  })

  it('refuses a missing or duplicate name and an overlong contact', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(t, admin, '/admin/units', { ...unit, nameZhHans: '  ' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/units', { ...unit, contact: 'x'.repeat(201) }, '最多 200 个字。')
    await expectRefused(t, admin, '/admin/units', { ...unit, nameZhHans: '街道办事处' }, '已存在同名记录。')
  })
})

describe('admin: topics', () => {
  const topic = {
    nameZhHans: '停车难',
    nameZhHant: '停車難',
    nameEn: 'Parking',
    sortOrder: '200',
    active: 'on',
  }

  it('lists topics in sort order and creates one with all three names', async () => {
    const { t, admin } = await adminSession()
    const html = await (await admin.get('/admin/topics')).text()
    expect(html.indexOf('住房与物业')).toBeLessThan(html.indexOf('其他'))
    expect(await (await admin.get('/admin/topics/new')).text()).toContain(
      'name="sortOrder" type="text" value="130"',
    )
    await expectSaved(t, admin, '/admin/topics', topic)
    const row = t.db.select().from(topics).where(eq(topics.nameZhHans, '停车难')).get()!
    expect(row).toMatchObject({ nameEn: 'Parking', sortOrder: 200, active: true })
    await expectSaved(t, admin, `/admin/topics/${row.id}`, { ...topic, sortOrder: '-5' })
    expect(t.db.select().from(topics).where(eq(topics.id, row.id)).get()!.sortOrder).toBe(-5)
  })

  it('requires every language, a whole sort number and a new name', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(t, admin, '/admin/topics', { ...topic, nameEn: '' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/topics', { ...topic, nameZhHant: '' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/topics', { ...topic, sortOrder: '1.5' }, '请填写整数。')
    await expectRefused(t, admin, '/admin/topics', { ...topic, nameEn: 'p'.repeat(41) }, '最多 40 个字。')
    await expectRefused(t, admin, '/admin/topics', { ...topic, nameZhHans: '其他' }, '已存在同名记录。')
  })

  it('answers unknown ids with 404', async () => {
    const { admin } = await adminSession()
    expect((await admin.get('/admin/topics/999')).status).toBe(404)
    expect((await admin.post('/admin/units/999', { nameZhHans: 'x' })).status).toBe(404)
  })
})
