import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { stations } from '../../db/schema.ts'
import { adminSession, expectRefused, expectSaved } from '../helpers/admin.ts'
import { addAccount, makeTestApp } from '../helpers/test-app.ts'

const station = {
  code: 'c',
  nameZhHans: '南湖社区联络点',
  nameZhHant: '南湖社區聯絡點',
  nameEn: 'Nanhu Community Liaison Point',
  address: '南湖路 1 号',
  timeZone: 'Asia/Shanghai',
  active: 'on',
}

describe('admin: stations', () => {
  it('lists stations in a table with stable row ids', async () => {
    const { t, admin } = await adminSession()
    const res = await admin.get('/admin/stations')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="stations-table"')
    const a = t.db.select().from(stations).where(eq(stations.code, 'A')).get()!
    expect(html).toContain(`id="station-${a.id}"`)
    expect(html).toContain('东湖街道人大代表联络站')
  })

  it('creates a station (code upper-cased) and edits it, each with an audit entry', async () => {
    const { t, admin } = await adminSession()
    expect((await admin.get('/admin/stations/new')).status).toBe(200)
    const location = await expectSaved(t, admin, '/admin/stations', station)
    expect(location).toBe('/admin/stations?saved=created')
    const row = t.db.select().from(stations).where(eq(stations.code, 'C')).get()!
    expect(row).toMatchObject({ nameZhHans: '南湖社区联络点', timeZone: 'Asia/Shanghai', active: true })
    expect(await (await admin.get(location)).text()).toContain('已添加。')

    const edit = await admin.get(`/admin/stations/${row.id}`)
    expect(edit.status).toBe(200)
    expect(await edit.text()).toContain('value="南湖社区联络点"')
    await expectSaved(t, admin, `/admin/stations/${row.id}`, {
      ...station,
      code: 'CX',
      timeZone: 'Asia/Urumqi',
      active: undefined,
    })
    const after = t.db.select().from(stations).where(eq(stations.id, row.id)).get()!
    expect(after).toMatchObject({ code: 'CX', timeZone: 'Asia/Urumqi', active: false })
  })

  it('refuses missing, overlong and malformed fields with 422 and writes nothing', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(t, admin, '/admin/stations', { ...station, nameZhHans: '' }, '请填写此项。')
    await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, nameZhHans: '站'.repeat(81) },
      '最多 80 个字。',
    )
    await expectRefused(t, admin, '/admin/stations', { ...station, code: 'A1' }, '请填写 1 至 3 个英文字母')
    await expectRefused(t, admin, '/admin/stations', { ...station, code: 'ABCD' }, '请填写 1 至 3 个英文字母')
  })

  it('refuses a duplicate code as a friendly 422, on create and on edit', async () => {
    const { t, admin } = await adminSession()
    const html = await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, code: 'a' },
      '该字母已被其他联络站使用。',
    )
    expect(html).toContain('value="南湖社区联络点"')
    const b = t.db.select().from(stations).where(eq(stations.code, 'B')).get()!
    await expectRefused(
      t,
      admin,
      `/admin/stations/${b.id}`,
      { ...station, code: 'A' },
      '该字母已被其他联络站使用。',
    )
  })

  it('refuses an unknown time zone', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, timeZone: 'Mars/Olympus' },
      '不是有效的时区',
    )
    await expectRefused(t, admin, '/admin/stations', { ...station, timeZone: 'shanghai' }, '不是有效的时区')
  })

  it('shows errors in English when the admin chose English', async () => {
    const { t, admin } = await adminSession({ lang: 'en' })
    const html = await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, code: 'A', timeZone: 'Nowhere/Land' },
      'Not a valid time zone (e.g. Asia/Shanghai).',
    )
    expect(html).toContain('Please correct the following and submit again:')
    expect(html).not.toContain('请填写')
  })

  it('keeps the phone, opening hours and kiosk defaults that every slip and kiosk of the station use', async () => {
    const { t, admin } = await adminSession()
    const form = await (await admin.get('/admin/stations/new')).text()
    for (const name of ['phone', 'openingHoursZhHans', 'openingHoursZhHant', 'openingHoursEn'])
      expect(form).toContain(`name="${name}"`)
    expect(form).toMatch(/<option value="zh-Hans" selected="">简体中文<\/option>/)
    expect(form).toContain('name="defaultLargeText"')
    await expectSaved(t, admin, '/admin/stations', {
      ...station,
      phone: ' 0571-8888 6666 ',
      openingHoursZhHans: '周一至周五 9:00–17:00',
      openingHoursZhHant: '週一至週五 9:00–17:00',
      openingHoursEn: 'Mon–Fri 9:00–17:00',
      defaultLocale: 'zh-Hant',
      defaultLargeText: 'on',
    })
    const row = t.db.select().from(stations).where(eq(stations.code, 'C')).get()!
    expect(row).toMatchObject({
      phone: '0571-8888 6666',
      openingHoursZhHant: '週一至週五 9:00–17:00',
      defaultLocale: 'zh-Hant',
      defaultLargeText: true,
    })
    const edit = await (await admin.get(`/admin/stations/${row.id}`)).text()
    expect(edit).toContain('value="0571-8888 6666"')
    expect(edit).toContain('value="Mon–Fri 9:00–17:00"')
    expect(edit).toMatch(/<option value="zh-Hant" selected="">繁體中文<\/option>/)
    expect(edit).toMatch(/name="defaultLargeText" value="on" checked=""/)
    await expectSaved(t, admin, `/admin/stations/${row.id}`, { ...station, phone: '', defaultLocale: 'en' })
    expect(t.db.select().from(stations).where(eq(stations.id, row.id)).get()).toMatchObject({
      phone: '',
      openingHoursEn: '',
      defaultLocale: 'en',
      defaultLargeText: false,
    })
  })

  it('refuses a phone that is no phone, an unknown language and overlong opening hours', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, phone: '12345' },
      '请填写手机号或带区号的固定电话。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, phone: '电话' },
      '请填写手机号或带区号的固定电话。',
    )
    await expectRefused(t, admin, '/admin/stations', { ...station, defaultLocale: 'fr' }, '请从列表中选择。')
    await expectRefused(
      t,
      admin,
      '/admin/stations',
      { ...station, openingHoursEn: 'x'.repeat(121) },
      '最多 120 个字。',
    )
    await expectRefused(t, admin, '/admin/stations', { ...station, defaultLargeText: 'yes' }, '格式不正确。')
  })

  it('answers an unknown station with 404', async () => {
    const { admin } = await adminSession()
    expect((await admin.get('/admin/stations/999')).status).toBe(404)
    expect((await admin.post('/admin/stations/999', station)).status).toBe(404)
  })

  it('creates the street together with the very first station of an empty database', async () => {
    const t = await makeTestApp({ demo: false })
    const a = await addAccount(t, { username: 'root', role: 'admin' })
    const admin = await t.client().login(a.username, a.password)
    const form = await (await admin.get('/admin/stations/new')).text()
    expect(form).toContain('name="streetName"')
    await expectRefused(t, admin, '/admin/stations', station, '请填写此项。')
    await expectSaved(t, admin, '/admin/stations', { ...station, streetName: '南湖街道' }, 2)
    expect(t.db.select().from(stations).all()).toHaveLength(1)
  })
})
