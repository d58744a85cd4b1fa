import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { auditLog, places } from '../../db/schema.ts'
import { adminSession, rowCounts } from '../helpers/admin.ts'
import type { TestApp, TestClient } from '../helpers/test-app.ts'

const KINDS = ['社区', '村', '小区', '企业', '学校', '市场']
const SECTORS = ['家居', '家纺', '精细化工', '小家电', '花卉苗木']

/** A register of `n` invented places over the demo's five districts, with Chinese headers. */
function chineseCsv(n: number) {
  const lines = ['名称,类型,选区,行业,地址,户数,员工数,学生数,纬度,经度']
  for (let i = 1; i <= n; i++) {
    const kind = KINDS[i % KINDS.length]!
    const firm = kind === '企业'
    lines.push(
      [
        `测试地点${i}号`,
        kind,
        `第${'一二三四五'[i % 5]}选区`,
        firm ? SECTORS[i % SECTORS.length] : '',
        `"东湖路 ${i} 号, 2 幢"`,
        kind === '社区' || kind === '村' ? String(100 + i) : '',
        firm ? '"1,200"' : '',
        kind === '学校' ? '640' : '',
        '30.27',
        '120.15',
      ].join(','),
    )
  }
  return lines.join('\r\n')
}

const upload = (admin: TestClient, bytes: Uint8Array, name = 'places.csv') => {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/csv' }))
  return admin.postMultipart('/admin/places/import', form)
}
const placeCount = (t: TestApp) => t.db.select().from(places).all().length

describe('admin: places imported from CSV, all or nothing', () => {
  it('imports 2,000 places from a GBK file with Chinese headers in one go', async () => {
    const { t, admin } = await adminSession()
    expect((await admin.get('/admin/places/import')).status).toBe(200)
    const before = placeCount(t)
    const audits = rowCounts(t).auditLog
    const bytes = iconv.encode(chineseCsv(2000), 'gbk')
    const started = performance.now()
    const res = await upload(admin, bytes)
    const ms = performance.now() - started
    console.info(`places import: 2000 GBK rows (${bytes.length} bytes) in ${ms.toFixed(0)} ms`)
    expect(res.status, (await res.clone().text()).slice(0, 800)).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/places?imported=2000')
    expect(placeCount(t)).toBe(before + 2000)
    expect(rowCounts(t).auditLog).toBe(audits + 1)
    const all = t.db.select().from(places).all()
    const firm = all.find((p) => p.nameZhHans === '测试地点3号')!
    expect(firm).toMatchObject({
      kind: 'firm',
      sector: 'small_appliances',
      employees: 1200,
      address: '东湖路 3 号, 2 幢',
    })
    expect(all.find((p) => p.nameZhHans === '测试地点1号')).toMatchObject({
      kind: 'village',
      households: 101,
    })
    expect(t.db.select().from(auditLog).all().at(-1)).toMatchObject({ action: 'place.imported' })
    const page = await (await admin.get(res.headers.get('location')!)).text()
    expect(page).toContain('导入完成：新增 2000 个地点。')
  })

  it('writes nothing from a GBK file with one bad line among 2,000, and names the line and column', async () => {
    const { t, admin } = await adminSession()
    const before = rowCounts(t)
    const lines = chineseCsv(2000).split('\r\n')
    lines[1234] = lines[1234]!.replace(/,第.选区,/, ',第九选区,')
    const res = await upload(admin, iconv.encode(lines.join('\r\n'), 'gbk'))
    const html = await res.text()
    expect(res.status).toBe(422)
    expect(rowCounts(t)).toEqual(before)
    expect(html).toContain('文件有错误，未写入任何内容。')
    expect(html).toMatch(/<td>1235<\/td><td>选区<\/td><td>没有名为“第九选区”的选区。<\/td>/)
    expect(html.match(/<tr><td>\d+<\/td>/g)).toHaveLength(1)
  })

  it('imports a UTF-8 file with a BOM and English headers, kinds and district names', async () => {
    const { t, admin } = await adminSession()
    const before = placeCount(t)
    const csv =
      '\uFEFFName,Kind,District,Sector,name_en,Households,Employees,Latitude,Longitude\r\n' +
      'Riverside Estate,estate,District 1,,Riverside Estate,450,,,\r\n' +
      '"Chen & Sons Furniture, Ltd.",Firm,district 2,Furniture,,,"85",30.1,120.2\r\n' +
      '新桥小学,School,第三選區,,Xinqiao Primary,,,,\r\n'
    const res = await upload(admin, new TextEncoder().encode(csv))
    expect(res.status, (await res.clone().text()).slice(0, 800)).toBe(303)
    expect(placeCount(t)).toBe(before + 3)
    const all = t.db.select().from(places).all()
    expect(all.find((p) => p.nameZhHans === 'Chen & Sons Furniture, Ltd.')).toMatchObject({
      kind: 'firm',
      sector: 'furniture',
      employees: 85,
      latitude: 30.1,
    })
    expect(all.find((p) => p.nameZhHans === '新桥小学')).toMatchObject({
      kind: 'school',
      nameEn: 'Xinqiao Primary',
    })
  })

  it('lists every bad line with its column and reason, in the admin language, and writes nothing', async () => {
    const { t, admin } = await adminSession({ lang: 'en' })
    const before = rowCounts(t)
    const csv = [
      'name,kind,district,sector,latitude,longitude,households',
      'Good Place,village,District 1,,,,',
      ',village,District 1,,,,',
      'Castle,castle,District 1,,,,',
      'Far,village,District 1,,95,120,',
      'Half,village,District 1,,30,,',
      'Weaver,community,District 1,home textiles,,,',
      'Big,village,District 2,,,,12abc',
      'Good Place,village,District 1,,,,',
      '东湖社区,community,第一选区,,,,',
    ].join('\n')
    const res = await upload(admin, new TextEncoder().encode(csv))
    const html = await res.text()
    expect(res.status).toBe(422)
    expect(rowCounts(t)).toEqual(before)
    const row = (line: number, column: string, reason: string) =>
      expect(html).toContain(`<td>${line}</td><td>${column}</td><td>${reason}`)
    row(3, 'name', 'This is required.')
    row(4, 'kind', 'The kind “castle” is not valid')
    row(5, 'latitude', 'Latitude must be a decimal number from -90 to 90')
    row(6, 'longitude', 'A latitude needs a longitude too.')
    row(7, 'sector', 'Only a firm has a trade.')
    row(8, 'households', 'Must be a whole number from 0 to 10000000.')
    row(9, 'name', 'Same name in the same district as line 2.')
    row(10, 'name', 'The district already has a place called “东湖社区”.')
    expect(html).not.toContain('<td>2</td>')
  })

  it('refuses a file without the required columns, or with an unknown one, naming it', async () => {
    const { t, admin } = await adminSession()
    const before = rowCounts(t)
    const missing = await upload(admin, new TextEncoder().encode('名称,类型\n幸福二村,村\n'))
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('缺少“选区/district”列。')
    const unknown = await upload(
      admin,
      new TextEncoder().encode('名称,类型,选区,颜色\n幸福二村,村,第一选区,红\n'),
    )
    expect(await unknown.text()).toContain('未知的列“颜色”')
    expect(rowCounts(t)).toEqual(before)
  })
})
