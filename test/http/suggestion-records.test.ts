import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { intake } from '../helpers/followup.ts'
import { seedSuggestionStreet } from '../helpers/suggestion-records.ts'
import { suggestionApp } from '../helpers/suggestions.ts'
import type { TestClient } from '../helpers/test-app.ts'

/*
 * Issue 18 item 7 through HTTP: the 代表建议 section of the record and its CSV, the units' table
 * and its CSV, who sees which suggestions, and the public monthly report, on the fixture in
 * test/helpers/suggestion-records.ts ("today" is 2026-12-06 in Shanghai).
 */

async function csvRows(client: TestClient, path: string) {
  const res = await client.get(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/csv')
  return parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
}

const NOV = 'from=2026-11-01&to=2026-11-30'

async function setUp() {
  const f = await suggestionApp('2026-12-06T02:00:00.000Z')
  const concern = await intake(f.office, f.t, { residentName: '王小明', phone: '13912345678' })
  seedSuggestionStreet(f.t.db, concern.id)
  return f
}

describe('the deputy record’s 代表建议 section', () => {
  it('shows each figure of deputy 1 with its n, as counted by hand', async () => {
    const { deputy } = await setUp()
    const page = await (await deputy.get(`/records/deputies/1?${NOV}`)).text()
    // led: S1, S2 (first submitted 11-15 though resubmitted 12-01); S3 returned, S4 October, S5 withdrawn
    expect(page).toMatch(/id="sg-led"><strong>2<\/strong>/)
    expect(page).toMatch(/id="sg-cosigned"><strong>1<\/strong>/) // S6
    expect(page).toMatch(/id="sg-first-pass"><strong>50%<\/strong><span>经过检查的 2 件中 1 件/)
    // S1 C, B, A and S2's C from unit 4
    expect(page).toMatch(
      /id="sg-grades"><strong>A 类 1 · B 类 1 · C 类 2 · D 类 0<\/strong><span>期间内收到的答复 4 件/,
    )
    // on time: 3 of 4 (S1's B came on 11-25, due 11-20)
    expect(page).toMatch(/id="sg-on-time"><strong>75%<\/strong><span>有答复期限的 4 件答复中按期 3 件/)
    // closed in November: S1 satisfied, S4 basically satisfied → 100 %, n = 2 < 5: not ranked
    expect(page).toMatch(
      /id="sg-satisfaction"><strong>100%<\/strong><span>样本 2 件：满意 1，基本满意 1，不满意 0/,
    )
    expect(page).toMatch(/id="sg-satisfaction">.*样本少于 5 件，不参与排名/s)
    expect(page).toMatch(/id="sg-rehandled"><strong>1<\/strong>/)
    expect(page).toContain('href="/records/units?year=2026"')
  })

  it('writes the same figures in the CSV, each share with its n, and shows a deputy with none as n = 0', async () => {
    const { deputy, office } = await setUp()
    const [row] = await csvRows(deputy, `/records/export.csv?scope=deputy&id=1&${NOV}`)
    expect(row).toMatchObject({
      suggestions_led: '2',
      suggestions_cosigned: '1',
      quality_first_pass: '1',
      quality_first_pass_n: '2',
      quality_first_pass_share: '0.5',
      suggestion_replies: '4',
      suggestion_grade_a: '1',
      suggestion_grade_b: '1',
      suggestion_grade_c: '2',
      suggestion_grade_d: '0',
      replies_on_time: '3',
      replies_on_time_n: '4',
      replies_on_time_share: '0.75',
      deputy_verdict_satisfied: '1',
      deputy_verdict_basically_satisfied: '1',
      deputy_verdict_unsatisfied: '0',
      deputy_satisfied_n: '2',
      deputy_satisfied_share: '1',
      suggestions_rehandled: '1',
      concerns_to_suggestions: '0',
    })
    expect(row).not.toHaveProperty('formal_suggestions')

    // Station 1's record: every suggestion filed there, and a row per deputy.
    const station = await csvRows(office, `/records/export.csv?scope=station&id=1&${NOV}`)
    const total = station.at(-1)!
    expect(total).toMatchObject({
      scope: 'station',
      suggestions_led: '3', // S1, S2, S6
      suggestions_cosigned: '2', // S1 by 2, S6 by 1
      suggestion_replies: '6', // S1 ×3, S2, S6 ×2
      replies_on_time: '4',
      replies_on_time_n: '5',
    })
    expect(station.find((r) => r.scope === 'deputy' && r.id === '2')).toMatchObject({
      suggestions_led: '1', // S6
      suggestions_cosigned: '1', // S1 (S5 was withdrawn)
      replies_on_time_n: '1', // S6's D has no due date
    })
    expect(station.find((r) => r.scope === 'deputy' && r.id === '3')).toMatchObject({
      suggestions_led: '0',
      suggestions_cosigned: '0', // declined on S1, never answered on S6
      quality_first_pass_n: '0',
      quality_first_pass_share: '',
      replies_on_time_share: '',
      deputy_satisfied_share: '',
    })
    const page = await (await office.get(`/records/stations/1?${NOV}`)).text()
    expect(page).toMatch(/id="deputy-row-1">.*?<td>2 \/ 1<\/td><\/tr>/s)
  })
})

describe('the units’ table', () => {
  it('counts each unit for the year, with n in every figure, for the street office', async () => {
    const { office } = await setUp()
    const res = await office.get('/records/units?year=2026')
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('统计范围：全部代表建议')
    expect(page).toMatch(/id="units-explain"/)
    const csv = await csvRows(office, '/records/units.csv?year=2026')
    const unit = (id: number) => csv.find((r) => r.unit_id === String(id))
    // unit 1: 主办 S1, S2; 协办 S6; replies S1 C, S1 A (re-handling), S6 B — all on time; S2 overdue now
    expect(unit(1)).toEqual({
      unit_id: '1',
      unit: '街道办事处',
      year: '2026',
      assigned_as_lead: '2',
      assigned_as_assist: '1',
      replies: '3',
      replies_with_due_date: '3',
      replies_on_time: '3',
      replies_on_time_share: '1',
      grade_a: '1',
      grade_b: '1',
      grade_c: '1',
      grade_d: '0',
      deputy_verdicts: '1', // S1 satisfied
      deputy_satisfied: '1',
      deputy_basically_satisfied: '0',
      deputy_unsatisfied: '0',
      deputy_satisfied_share: '1',
      deputy_satisfaction_ranked: 'no',
      overdue_now: '1',
    })
    // unit 2: 主办 S4, S6; 协办 S1; replies S1 B (late), S4 A (on time), S6 D (undated) → 1 of 2
    expect(unit(2)).toMatchObject({
      assigned_as_lead: '2',
      assigned_as_assist: '1',
      replies: '3',
      replies_with_due_date: '2',
      replies_on_time: '1',
      replies_on_time_share: '0.5',
      grade_a: '1',
      grade_b: '1',
      grade_d: '1',
      deputy_verdicts: '2', // S1 satisfied, S4 basically satisfied
      deputy_satisfied_share: '1',
      overdue_now: '0',
    })
    // unit 4 replied to S2 before the office moved it; unit 3 only had the withdrawn S5
    expect(unit(4)).toMatchObject({ assigned_as_lead: '0', replies: '1', replies_on_time: '1' })
    expect(unit(3)).toBeUndefined()
    expect(unit(5)).toMatchObject({ assigned_as_lead: '1', replies: '1', deputy_verdicts: '1' })
    expect(page).toMatch(/id="unit-row-1">.*?100%（3 件中 3 件）/s)
  })

  it('shows each account only the suggestions it may see', async () => {
    const { plainClerk, clerkB, deputy, cosignerZhang } = await setUp()
    const ids = async (c: TestClient) =>
      (await csvRows(c, '/records/units.csv?year=2026')).map((r) => r.unit_id).sort()
    expect(await ids(plainClerk)).toEqual(['1', '2', '4']) // station 1's suggestions
    expect(await ids(clerkB)).toEqual(['5']) // S7 only
    expect(await ids(deputy)).toEqual(['1', '2', '4']) // led S1, S2, S4; co-signed S6
    // 张伟 was asked to co-sign S1 (declined) and S6 (no answer yet)
    const zhang = await csvRows(cosignerZhang, '/records/units.csv?year=2026')
    expect(zhang.map((r) => r.unit_id).sort()).toEqual(['1', '2'])
    expect(zhang.find((r) => r.unit_id === '1')).toMatchObject({
      assigned_as_lead: '1',
      assigned_as_assist: '1',
    })
    const page = await (await deputy.get('/records/units')).text()
    expect(page).toContain('统计范围：您领衔或受邀联名的代表建议')
    expect(page).not.toContain('id="unit-row-5"')
  })

  it('a year with nothing says so; a year that makes no sense is refused with a message, not a 500', async () => {
    const { office, clerkB } = await setUp()
    // 2024: nothing happened; unit 1 is still listed because S2 is overdue now
    const quiet = await (await office.get('/records/units?year=2024')).text()
    expect(quiet).toMatch(/id="unit-row-1">.*?<td>0<\/td><td>1<\/td><td>—（n = 0/s) // D 0, overdue 1
    expect(quiet).not.toContain('id="unit-row-2"')
    expect(await (await clerkB.get('/records/units?year=2024')).text()).toContain('id="units-none"')
    for (const year of ['1999', '2027', '0x7ea', '2026.0', 'abc']) {
      const res = await office.get(`/records/units?year=${year}`)
      expect(res.status, year).toBe(422)
      expect(await res.text()).toContain('年度不对')
      expect((await office.get(`/records/units.csv?year=${year}`)).status, year).toBe(422)
    }
  })

  it('is linked from the records index', async () => {
    const { office } = await setUp()
    expect(await (await office.get('/records')).text()).toContain('href="/records/units"')
  })
})

describe('the public monthly report', () => {
  it('shows the month’s suggestions in counts and closed titles, with no name or phone', async () => {
    const { t } = await setUp()
    const anonymous = t.client()
    const res = await anonymous.get('/reports/stations/1/2026-11')
    expect(res.status).toBe(200)
    const page = await res.text()
    const section = /<section[^>]*id="report-suggestions".*?<\/section>/s.exec(page)![0]
    expect(section).toMatch(/id="report-sg-filed"><strong>3<\/strong>/) // S1, S2, S6
    // November replies: S1 C B A, S2 C, S6 D B
    expect(section).toMatch(
      /id="report-sg-replies"><strong>6<\/strong><span>A 类 1 · B 类 2 · C 类 2 · D 类 1/,
    )
    expect(section).toMatch(
      /id="report-sg-on-time"><strong>80%<\/strong><span>有答复期限的 5 件答复中按期 4 件/,
    )
    expect(section).toMatch(/id="report-sg-closed"><strong>2<\/strong>/) // S1, S4
    expect(section).toContain('建议第2026-001号 关于维修幸福小区3栋电梯的建议')
    expect(section).toContain('建议第2026-003号 关于清理河道垃圾的建议')
    expect(section).not.toContain('公交站台') // station 2's
    for (const personal of ['王小明', '13912345678', '5678', '陈建国', '李秀英'])
      expect(page, personal).not.toContain(personal)
    const empty = await (await anonymous.get('/reports/stations/1/2026-09')).text()
    expect(empty).toContain('id="report-sg-none"')
  })
})
