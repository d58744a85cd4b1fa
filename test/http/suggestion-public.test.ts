import { beforeAll, describe, expect, it } from 'vitest'
import { addSuggestionEvent } from '../../db/queries/suggestions.ts'
import { SUGGESTION_CSV_HEADER } from '../../server/routes/suggestion-public.tsx'
import { intake } from '../helpers/followup.ts'
import { seedSuggestion, suggestionApp } from '../helpers/suggestions.ts'
import { TEST_NOW } from '../helpers/test-app.ts'

const NOW = new Date(TEST_NOW)
const day = (iso: string) => new Date(`${iso}T02:00:00.000Z`)

// Planted so that any leak of a resident's data shows up in the pages and the export.
const RESIDENT = {
  residentName: '欧阳秘密',
  phone: '13912345678',
  description: '只有居民自己写的独特原话甲乙丙',
}
const PERSONAL = [RESIDENT.residentName, RESIDENT.phone, RESIDENT.description, '139****5678']

type App = Awaited<ReturnType<typeof suggestionApp>>
let f: App
const ids = {} as Record<'closed' | 'assigned' | 'draft' | 'withdrawn' | 'returned' | 'north', number>

beforeAll(async () => {
  f = await suggestionApp()
  const a = await intake(f.clerk, f.t, { ...RESIDENT, deputy: 1 })
  const b = await intake(f.clerk, f.t, { ...RESIDENT, deputy: 1 })
  const db = f.t.db
  ids.closed = seedSuggestion(
    db,
    {
      status: 'closed',
      year: 2026,
      number: 1,
      title: '关于维修幸福小区3栋电梯的建议',
      problem: '自2026年3月起，幸福小区3栋电梯停运12次。',
      causes: '电梯已使用二十年，主机老化。',
      actions: [
        { text: '更换3栋电梯主机', actor: '物业公司' },
        { text: '每月公布维保记录', actor: '住房和城乡建设局' },
      ],
      proposed: [{ unitId: 5, role: 'lead' }],
      assigned: [
        { unitId: 5, role: 'lead' },
        { unitId: 1, role: 'assist' },
      ],
      cosigners: [
        { deputyId: 2, state: 'confirmed' },
        { deputyId: 3, state: 'invited' },
      ],
      concernIds: [a.id, b.id],
      replies: [
        {
          unitId: 5,
          grade: 'A',
          text: '主机已于10月更换完毕。',
          repliedOn: '2026-10-20',
          dueOn: '2026-11-02',
        },
        {
          unitId: 1,
          grade: 'B',
          text: '维保记录每月在公告栏张贴。',
          repliedOn: '2026-11-05',
          dueOn: '2026-11-02',
        },
      ],
      dueOn: '2026-11-02',
      verdict: 'satisfied',
      submittedAt: day('2026-08-10'),
      closedAt: day('2026-11-10'),
    },
    NOW,
  )
  addSuggestionEvent(db, ids.closed, day('2026-08-10'), {
    action: 'submitted',
    actor: { kind: 'account', accountId: 1 },
    fromStatus: 'draft',
    toStatus: 'submitted',
  })
  addSuggestionEvent(db, ids.closed, day('2026-08-12'), {
    action: 'returned',
    actor: { kind: 'account', accountId: 1 },
    fromStatus: 'submitted',
    toStatus: 'returned',
    note: '内部退回理由不公开',
  })
  addSuggestionEvent(db, ids.closed, day('2026-10-20'), {
    action: 'unit_replied',
    actor: { kind: 'account', accountId: 1 },
    fromStatus: 'assigned',
    toStatus: 'assigned',
    detail: { unitId: 5, grade: 'A' },
  })
  ids.assigned = seedSuggestion(
    db,
    {
      status: 'assigned',
      year: 2026,
      number: 2,
      title: '关于东湖路口增设红绿灯的建议',
      kind: 'traffic',
      assigned: [{ unitId: 6, role: 'lead' }],
      dueOn: '2027-02-01',
      submittedAt: day('2026-11-01'),
      noEvidenceReason: '代表本人走访发现',
    },
    NOW,
  )
  ids.north = seedSuggestion(
    db,
    {
      status: 'accepted',
      year: 2026,
      number: 3,
      stationId: 2,
      leadDeputyId: 8,
      title: '=HYPERLINK("http://evil")北岸菜市场排水',
      submittedAt: day('2026-11-03'),
    },
    NOW,
  )
  ids.draft = seedSuggestion(db, { status: 'draft', title: '尚未提交的草稿建议', concernIds: [a.id] }, NOW)
  ids.withdrawn = seedSuggestion(db, { status: 'withdrawn', title: '已经撤回的建议' }, NOW)
  ids.returned = seedSuggestion(db, { status: 'returned', title: '退回修改中的建议' }, NOW)
}, 60_000)

const text = async (res: Response) => {
  const body = await res.text()
  for (const p of PERSONAL) expect(body, `no "${p}"`).not.toContain(p)
  return body
}

describe('the public list of suggestions (/m/suggestions)', () => {
  it('shows filed suggestions only, newest first, with public facts and no resident’s data', async () => {
    const res = await f.t.client().get('/m/suggestions')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control') ?? '').not.toContain('no-store')
    const body = await text(res)
    for (const hidden of ['尚未提交的草稿建议', '已经撤回的建议', '退回修改中的建议'])
      expect(body).not.toContain(hidden)
    const order = ['北岸菜市场排水', '东湖路口增设红绿灯', '幸福小区3栋电梯'].map((s) => body.indexOf(s))
    expect(order.every((i) => i > 0)).toBe(true)
    expect(order).toEqual([...order].sort((x, y) => x - y))
    expect(body).toContain('共 3 件')
    const closed = body.slice(body.indexOf(`id="sgp-${ids.closed}"`))
    expect(closed).toContain('建议第2026-001号')
    expect(closed).toContain('陈建国')
    expect(closed).toContain('李秀英')
    expect(closed).not.toContain('张伟') // invited, never confirmed
    expect(closed).toContain('主办：住房和城乡建设局')
    expect(closed).toContain('协办：街道办事处')
    expect(closed).toContain('A 类：已解决 · <span class="sgp-nowrap">2026-10-20</span> · 按期')
    expect(closed).toContain('B 类：正在解决 · <span class="sgp-nowrap">2026-11-05</span> · 逾期')
    expect(closed).toContain('满意')
    expect(closed).toMatch(/居民反映（依据）<\/dt><dd>2 件<\/dd>/)
    expect(closed).toContain('2026-08-10')
    expect(closed).toContain('2026-11-10')
  })

  it('filters by status group and year with plain links, and pages a long list', async () => {
    const c = f.t.client()
    const closed = await text(await c.get('/m/suggestions?status=closed'))
    expect(closed).toContain('幸福小区3栋电梯')
    expect(closed).not.toContain('东湖路口增设红绿灯')
    expect(closed).toMatch(/href="\/m\/suggestions\?status=closed" aria-current="page"/)
    const handling = await text(await c.get('/m/suggestions?status=handling&year=2026'))
    expect(handling).toContain('东湖路口增设红绿灯')
    expect(handling).toContain('北岸菜市场排水')
    expect(handling).not.toContain('幸福小区3栋电梯')
    expect(await text(await c.get('/m/suggestions?status=replied'))).toContain('暂无符合条件的代表建议')
    // An unknown group or year shows everything rather than failing.
    expect(await text(await c.get('/m/suggestions?status=nope&year=1999'))).toContain('共 3 件')

    const g = await suggestionApp()
    for (let n = 1; n <= 17; n++)
      seedSuggestion(
        g.t.db,
        {
          status: 'submitted',
          year: 2026,
          number: n,
          title: `第${n}号测试建议`,
          submittedAt: day(`2026-10-${10 + n}`),
        },
        NOW,
      )
    const first = await g.t.client().get('/m/suggestions')
    const one = await first.text()
    expect(one).toContain('第 1 页，共 2 页')
    expect(one).toContain('第17号测试建议')
    expect(one).not.toContain('第2号测试建议')
    expect(one).toContain('href="/m/suggestions?page=2"')
    const two = await (await g.t.client().get('/m/suggestions?page=2')).text()
    expect(two).toContain('第2号测试建议')
    expect(two).toContain('第1号测试建议')
    expect(two).not.toContain('第17号测试建议')
  }, 60_000)

  it('is linked from the phone’s home page and each station’s page', async () => {
    const c = f.t.client()
    expect(await (await c.get('/m/')).text()).toContain('href="/m/suggestions"')
    expect(await (await c.get('/m/station/1')).text()).toContain('href="/m/suggestions"')
  })
})

describe('the public page of a suggestion (/m/suggestions/:id)', () => {
  it('shows a filed suggestion in full with its replies and public timeline', async () => {
    const res = await f.t.client().get(`/m/suggestions/${ids.closed}`)
    expect(res.status).toBe(200)
    const body = await text(res)
    expect(body).toContain('自2026年3月起，幸福小区3栋电梯停运12次。')
    expect(body).toContain('电梯已使用二十年，主机老化。')
    expect(body).toContain('更换3栋电梯主机')
    expect(body).toContain('（由物业公司办理）')
    expect(body).toContain('主机已于10月更换完毕。')
    expect(body).toContain('维保记录每月在公告栏张贴。')
    expect(body).toContain('property="og:description"')
    expect(body).toContain('http://localhost/m/share.png')
    const timeline = body.slice(body.indexOf('id="sgp-timeline-list"'))
    expect(timeline).toContain('2026-08-10</strong> <span>代表提交建议')
    expect(timeline).toContain(
      '2026-10-20</strong> <span>承办单位答复</span><span class="pub-note"> 住房和城乡建设局 · A 类：已解决',
    )
    expect(body).not.toContain('内部退回理由不公开')
  })

  it('is not found for drafts, returned and withdrawn suggestions, and unknown ids', async () => {
    const c = f.t.client()
    for (const id of [ids.draft, ids.withdrawn, ids.returned, 999_999])
      expect((await c.get(`/m/suggestions/${id}`)).status, String(id)).toBe(404)
  })
})

describe('the A4 print of a suggestion (/suggestions/:id/print)', () => {
  it('lays out the filed suggestion: number, title, deputies who confirmed, three parts, units, evidence count and a QR to its public page', async () => {
    const res = await f.office.get(`/suggestions/${ids.closed}/print`)
    expect(res.status).toBe(200)
    const body = await text(res)
    expect(body).toContain('建议第2026-001号')
    expect(body).toContain('提交日期：2026-08-10')
    expect(body).toContain('<h1 class="sgs-title">关于维修幸福小区3栋电梯的建议</h1>')
    expect(body).toMatch(/领衔代表：<\/strong>陈建国/)
    expect(body).toMatch(/联名代表：<\/strong>李秀英</)
    expect(body).not.toContain('张伟')
    for (const h of ['一、现状', '二、原因分析', '三、具体建议']) expect(body).toContain(h)
    expect(body).toContain('每月公布维保记录（由住房和城乡建设局办理）')
    expect(body).toMatch(/建议承办单位：<\/strong>主办：住房和城乡建设局/)
    expect(body).toMatch(/交办承办单位：<\/strong>主办：住房和城乡建设局；协办：街道办事处/)
    expect(body).toContain('依据：2 件居民反映（2026-11-25 至 2026-11-25）')
    expect(body).toContain(`http://localhost/m/suggestions/${ids.closed}`)
    expect(body).toContain('<svg')
    expect(body.match(/class="sgs-signer"/g)).toHaveLength(2)
    expect(body).toContain('/static/suggestion-print.css')
    expect(res.headers.get('cache-control')).toContain('no-store')
  })

  it('prints a draft marked as a draft, without a QR since it is not public', async () => {
    const body = await text(await f.deputy.get(`/suggestions/${ids.draft}/print`))
    expect(body).toContain('data-watermark="草稿"')
    expect(body).toContain('草稿：尚未提交')
    expect(body).toContain('（提交后编号）')
    expect(body).not.toContain('<svg')
    expect(body).not.toContain('/m/suggestions/')
  })

  it('is for those who may see the suggestion', async () => {
    expect((await f.clerkB.get(`/suggestions/${ids.closed}/print`)).status).toBe(403)
    expect((await f.cosignerLi.get(`/suggestions/${ids.closed}/print`)).status).toBe(200)
    expect((await f.cosignerLi.get(`/suggestions/${ids.north}/print`)).status).toBe(403)
    expect((await f.t.client().get(`/suggestions/${ids.closed}/print`)).status).not.toBe(200)
    expect((await f.office.get('/suggestions/999999/print')).status).toBe(404)
  })
})

describe('the CSV export (/suggestions/export.csv)', () => {
  const rows = async (res: Response) => {
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="suggestions-')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM spreadsheets need for UTF-8
    const body = await text(new Response(bytes.slice(3)))
    return body.trimEnd().split('\r\n')
  }

  it('has one row per filed suggestion with the agreed columns, and no resident’s data', async () => {
    const lines = await rows(await f.admin.get('/suggestions/export.csv'))
    expect(lines[0]).toBe(SUGGESTION_CSV_HEADER.join(','))
    expect(lines[0]).toBe(
      'ref,title,kind,lead_deputy,cosigners_confirmed,status,units,submitted_on,due_on,replies,replies_on_time,verdict,closed_on,linked_concerns',
    )
    expect(lines).toHaveLength(4)
    const closed = lines.find((l) => l.startsWith('2026-001,'))
    expect(closed).toBe(
      '2026-001,关于维修幸福小区3栋电梯的建议,infrastructure,陈建国,李秀英,closed,住房和城乡建设局 (lead); 街道办事处 (assist),2026-08-10,2026-11-02,住房和城乡建设局: A 2026-10-20; 街道办事处: B 2026-11-05,住房和城乡建设局: yes; 街道办事处: no,satisfied,2026-11-10,2',
    )
    // A title a spreadsheet would run as a formula is defused.
    expect(lines.find((l) => l.startsWith('2026-003,'))).toContain(
      `"'=HYPERLINK(""http://evil"")北岸菜市场排水"`,
    )
  })

  it('covers the staff’s stations: the street office its whole street, other clerks their own; not deputies', async () => {
    const refs = async (c: App['office']) =>
      (await rows(await c.get('/suggestions/export.csv'))).slice(1).map((l) => l.slice(0, 8))
    expect((await refs(f.office)).sort()).toEqual(['2026-001', '2026-002', '2026-003'])
    expect((await refs(f.plainClerk)).sort()).toEqual(['2026-001', '2026-002'])
    expect(await refs(f.clerkB)).toEqual(['2026-003'])
    expect((await f.deputy.get('/suggestions/export.csv')).status).toBe(403)
  })
})
