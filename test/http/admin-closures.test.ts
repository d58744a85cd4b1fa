import { and, eq } from 'drizzle-orm'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { closures, stations } from '../../db/schema.ts'
import { adminSession, auditCount, expectRefused, expectSaved, rowCounts } from '../helpers/admin.ts'
import type { TestApp, TestClient } from '../helpers/test-app.ts'

const stationB = (t: TestApp) => t.db.select().from(stations).where(eq(stations.code, 'B')).get()!

describe('admin: closures entered by hand', () => {
  it('lists a year, adds a holiday, a make-up working day and a station closure, and deletes one', async () => {
    const { t, admin } = await adminSession()
    const list = await (await admin.get('/admin/closures?year=2026')).text()
    expect(list).toContain('id="closures-table"')
    expect(list).toContain('国庆节调休上班')
    expect(list).toContain('调休上班日')
    expect(list).not.toContain('元旦')
    expect(await (await admin.get('/admin/closures?year=2027')).text()).toContain('元旦')

    await expectSaved(t, admin, '/admin/closures', { date: '2026-12-31', kind: 'holiday', name: '跨年' })
    await expectSaved(t, admin, '/admin/closures', { date: '2026-12-27', kind: 'workday', name: '调休上班' })
    const location = await expectSaved(t, admin, '/admin/closures', {
      date: '2026-12-31',
      kind: 'station_closed',
      stationId: String(stationB(t).id),
      name: '设备检修',
    })
    expect(location).toBe('/admin/closures?year=2026&saved=created')
    const closed = t.db
      .select()
      .from(closures)
      .where(and(eq(closures.date, '2026-12-31'), eq(closures.kind, 'station_closed')))
      .get()!
    expect(closed.stationId).toBe(stationB(t).id)

    await expectSaved(t, admin, `/admin/closures/${closed.id}`, {
      date: '2026-12-30',
      kind: 'station_closed',
      stationId: String(stationB(t).id),
      name: '设备检修',
    })
    expect(t.db.select().from(closures).where(eq(closures.id, closed.id)).get()!.date).toBe('2026-12-30')

    await expectSaved(t, admin, `/admin/closures/${closed.id}/delete`, {})
    expect(t.db.select().from(closures).where(eq(closures.id, closed.id)).get()).toBeUndefined()
  })

  it('refuses impossible dates, unknown kinds and stations, and a second entry for a day', async () => {
    const { t, admin } = await adminSession()
    const ok = { date: '2026-12-31', kind: 'holiday', name: '跨年' }
    await expectRefused(t, admin, '/admin/closures', { ...ok, date: '2026-02-30' }, '请输入有效日期')
    await expectRefused(t, admin, '/admin/closures', { ...ok, date: '31.12.2026' }, '请输入有效日期')
    await expectRefused(t, admin, '/admin/closures', { ...ok, kind: 'vacation' }, '请从列表中选择。')
    await expectRefused(t, admin, '/admin/closures', { ...ok, name: '' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/closures', { ...ok, name: '节'.repeat(61) }, '最多 60 个字。')
    await expectRefused(
      t,
      admin,
      '/admin/closures',
      { ...ok, kind: 'station_closed' },
      '“本站闭站”须指定联络站。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/closures',
      { ...ok, kind: 'station_closed', stationId: '999' },
      '请从列表中选择。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/closures',
      { ...ok, stationId: String(stationB(t).id) },
      '只有“本站闭站”才指定联络站',
    )
    await expectRefused(t, admin, '/admin/closures', { ...ok, date: '2026-10-01' }, '这一天已有休息日记录')
  })
})

const importCsv = (client: TestClient, text: string, asFile = true) => {
  const form = new FormData()
  if (asFile) form.set('file', new File([text], 'closures.csv', { type: 'text/csv' }))
  else form.set('text', text)
  return client.postMultipart('/admin/closures/import', form)
}

describe('admin: closures imported from CSV', () => {
  it('imports a file with a BOM and a header row, adding new days and updating known ones', async () => {
    const { t, admin } = await adminSession()
    expect((await admin.get('/admin/closures/import')).status).toBe(200)
    const before = rowCounts(t)
    const csv =
      '\uFEFFdate,kind,name,station_code\r\n' +
      '2027-02-05,holiday,春节,\r\n' +
      '2027-02-06,HOLIDAY,春节,\r\n' +
      '2027-02-14,workday,春节调休上班,\r\n' +
      '2027-01-01,holiday,元旦（更正）,\r\n' +
      '2027-03-01,station_closed,设备检修,b\r\n'
    const res = await importCsv(admin, csv)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/closures?year=2027&added=4&updated=1')
    expect(rowCounts(t).closures).toBe(before.closures + 4)
    expect(auditCount(t)).toBe(before.auditLog + 1)
    const day = (date: string) => t.db.select().from(closures).where(eq(closures.date, date)).get()
    expect(day('2027-01-01')!.name).toBe('元旦（更正）')
    expect(day('2027-02-06')!.kind).toBe('holiday')
    expect(day('2027-02-14')!.kind).toBe('workday')
    expect(day('2027-03-01')).toMatchObject({ kind: 'station_closed', stationId: stationB(t).id })
    const page = await (await admin.get(res.headers.get('location')!)).text()
    expect(page).toContain('导入完成：新增 4 条，更新 1 条。')
  })

  it('imports pasted lines without a header in the fixed column order', async () => {
    const { t, admin } = await adminSession()
    const res = await importCsv(admin, '2027-05-01,holiday,劳动节\n2027-05-02,holiday,劳动节\n', false)
    expect(res.status).toBe(303)
    expect(t.db.select().from(closures).where(eq(closures.date, '2027-05-02')).get()!.name).toBe('劳动节')
  })

  /** Posts a CSV that must be refused as a whole; returns the page. */
  const refused = async (t: TestApp, admin: TestClient, csv: string | Uint8Array) => {
    const before = rowCounts(t)
    const form = new FormData()
    form.set('file', new File([csv as BlobPart], 'closures.csv', { type: 'text/csv' }))
    const res = await admin.postMultipart('/admin/closures/import', form)
    const html = await res.text()
    expect(res.status, html.slice(0, 300)).toBe(422)
    expect(rowCounts(t)).toEqual(before)
    return html
  }

  it('refuses a wrong column, naming it, and writes nothing', async () => {
    const { t, admin } = await adminSession()
    const html = await refused(t, admin, 'date,type,name\n2027-05-01,holiday,劳动节\n')
    expect(html).toContain('文件有错误，未写入任何内容。')
    expect(html).toContain('第 1 行：未知的列“type”')
    expect(await refused(t, admin, 'date,name\n2027-05-01,劳动节\n')).toContain('缺少“kind”列。')
  })

  it('lists every bad line and writes none of the good ones', async () => {
    const { t, admin } = await adminSession()
    const csv = [
      'date,kind,name,station_code',
      '2027-05-01,holiday,劳动节,',
      '2026-02-30,holiday,不存在的日子,',
      '2027-05-03,vacation,劳动节,',
      '2027-05-04,station_closed,检修,Z',
      '2027-05-05,station_closed,检修,',
      '2027-05-06,holiday,,',
      '2027-05-01,workday,重复,',
      '2027-05-07,holiday,多余,A,extra',
      '2027-05-08,holiday,劳动节,A',
    ].join('\n')
    const html = await refused(t, admin, csv)
    expect(html).toContain('第 3 行：日期“2026-02-30”无效')
    expect(html).toContain('第 4 行：类型“vacation”无效')
    expect(html).toContain('第 5 行：没有字母为“Z”的联络站。')
    expect(html).toContain('第 6 行：“本站闭站”须指定联络站。')
    expect(html).toContain('第 7 行：缺少名称。')
    expect(html).toContain('第 8 行：2027-05-01 与第 2 行重复。')
    expect(html).toContain('第 9 行：列数不对（5 列）。')
    expect(html).toContain('第 10 行：只有“本站闭站”才指定联络站')
    expect(html).not.toContain('第 2 行：')
  })

  it('refuses files that are empty or not CSV at all', async () => {
    const { t, admin } = await adminSession()
    expect(await refused(t, admin, '\uFEFF')).toContain('文件是空的。')
    expect(await refused(t, admin, '2027-05-01,holiday,"劳动节\n')).toContain('请检查引号是否成对')
  })

  it('imports a GBK file with Chinese headers, Chinese kinds and dates as a spreadsheet writes them', async () => {
    const { t, admin } = await adminSession()
    const before = rowCounts(t)
    const csv = [
      '类型,日期,名称,联络站',
      '节假日,2027/10/1,国庆节,',
      '節假日,2027年10月2日,国庆节,',
      '调休上班,2027.9.26 0:00,国庆节调休上班,',
      '本站闭站,46661,设备检修,b',
      'Holiday,2027-10-03 00:00:00,国庆节,',
    ].join('\r\n')
    const form = new FormData()
    form.set('file', new File([new Uint8Array(iconv.encode(csv, 'gbk'))], '休息日.csv', { type: 'text/csv' }))
    const res = await admin.postMultipart('/admin/closures/import', form)
    expect(res.status, (await res.clone().text()).slice(0, 600)).toBe(303)
    expect(rowCounts(t).closures).toBe(before.closures + 5)
    const day = (date: string) => t.db.select().from(closures).where(eq(closures.date, date)).get()
    expect(day('2027-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' })
    expect(day('2027-10-02')).toMatchObject({ kind: 'holiday' })
    expect(day('2027-09-26')).toMatchObject({ kind: 'workday', name: '国庆节调休上班' })
    expect(day('2027-10-03')).toMatchObject({ kind: 'holiday' })
    // 46661 is Excel's number for 2027-10-01: the station's closure falls on the holiday.
    expect(day('2027-10-01')!.stationId).toBe(0)
    expect(
      t.db
        .select()
        .from(closures)
        .where(eq(closures.stationId, stationB(t).id))
        .all(),
    ).toMatchObject([{ date: '2027-10-01', kind: 'station_closed', name: '设备检修' }])
  })

  it('names the line of a bad spreadsheet date or Chinese kind in a GBK file and writes nothing', async () => {
    const { t, admin } = await adminSession()
    const csv =
      '日期,类型,名称\r\n2027/10/1,节假日,国庆节\r\n2027年2月30日,节假日,不存在\r\n2027/10/4,放假,国庆节\r\n'
    const html = await refused(t, admin, iconv.encode(csv, 'gbk'))
    expect(html).toContain('第 3 行：日期“2027年2月30日”无效')
    expect(html).toContain('第 4 行：类型“放假”无效')
    expect(html).not.toContain('第 2 行：')
  })

  it('reports line errors in English for an English-speaking admin', async () => {
    const { t, admin } = await adminSession({ lang: 'en' })
    const html = await refused(t, admin, 'date,kind,name\n2027-13-01,holiday,X\n')
    expect(html).toContain('Line 2: The date “2027-13-01” is not valid')
    expect(html).toContain('The file has errors, so nothing was written.')
  })
})
