import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { loadSuggestion } from '../../db/queries/suggestions.ts'
import { outbox, suggestionEvents, suggestions } from '../../db/schema.ts'
import { intake } from '../helpers/followup.ts'
import { seedSuggestion, suggestionApp } from '../helpers/suggestions.ts'
import type { TestClient } from '../helpers/test-app.ts'

/** Every suggestion table and the outbox, hashed: "nothing written" is this staying the same. */
const TABLES = [
  'suggestions',
  'suggestion_actions',
  'suggestion_units',
  'suggestion_cosigners',
  'suggestion_concerns',
  'suggestion_events',
  'outbox',
]
const snapshot = (db: Db) =>
  createHash('sha1')
    .update(
      JSON.stringify(
        TABLES.map((t) =>
          (db.$client.prepare(`select * from ${t}`).raw().all() as unknown[])
            .map((r) => JSON.stringify(r))
            .sort(),
        ),
      ),
    )
    .digest('hex')

const idOf = (res: Response) => {
  const m = /^\/suggestions\/(\d+)\/edit$/.exec(res.headers.get('location') ?? '')
  if (!m) throw new Error(`not a new draft: ${res.status} ${res.headers.get('location')}`)
  return Number(m[1])
}

async function newDraft(client: TestClient, fields: Record<string, string> = {}) {
  const res = await client.post('/suggestions/new', {
    kind: 'infrastructure',
    title: '关于维修幸福小区3栋电梯的建议',
    ...fields,
  })
  expect(res.status, await res.clone().text()).toBe(303)
  return idOf(res)
}

const eventsOf = (db: Db, id: number) =>
  db.select().from(suggestionEvents).where(eq(suggestionEvents.suggestionId, id)).all()

/** The edit form as the page sends it, with the draft's current version. */
function editFields(db: Db, id: number, over: Record<string, string | string[] | undefined> = {}) {
  const s = loadSuggestion(db, id)!
  return {
    version: String(s.version),
    kind: s.kind,
    title: s.title,
    problem: '自2026年3月起，幸福小区3栋电梯停运12次，13位居民反映，老人上下楼困难。',
    causes: '电梯使用已超过15年，主机老化。',
    noEvidenceReason: '',
    'action-1': '更换3栋电梯主机',
    'actor-1': '物业公司',
    'action-2': '',
    'actor-2': '',
    leadUnit: '1',
    assistUnits: ['2'],
    intent: 'save',
    ...over,
  }
}

describe('drafting a suggestion (issue 18 item 1)', () => {
  it('a deputy starts a draft from a concern, with the kind chosen, and is sent to its edit page', async () => {
    const { t, clerk, deputy } = await suggestionApp()
    const concern = await intake(clerk, t, { deputy: 1 })
    const page = await deputy.get(`/concerns/${concern.id}`)
    expect(await page.text()).toContain(`/suggestions/new?concern=${concern.id}`)
    const choose = await (await deputy.get(`/suggestions/new?concern=${concern.id}`)).text()
    expect(choose).toContain(`/suggestions/new?kind=traffic&amp;concern=${concern.id}`)
    const form = await deputy.get(`/suggestions/new?kind=traffic&concern=${concern.id}`)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain(`name="concern" value="${concern.id}"`)
    const id = await newDraft(deputy, { kind: 'traffic', concern: String(concern.id) })
    const s = loadSuggestion(t.db, id)!
    expect(s).toMatchObject({ status: 'draft', kind: 'traffic', leadDeputyId: 1, stationId: 1, number: null })
    expect(s.concerns.map((c) => c.id)).toEqual([concern.id])
    expect(eventsOf(t.db, id).map((e) => e.action)).toEqual(['created', 'concerns_linked'])
    expect((await deputy.get(`/suggestions/${id}/edit`)).status).toBe(200)
    const list = await (await deputy.get('/suggestions')).text()
    expect(list).toContain(`suggestion-row-${id}`)
    expect(list).toContain('草稿（未编号）')
  })

  it('staff choose the lead deputy among their stations’ deputies; another station’s clerk is refused', async () => {
    const { t, office, plainClerk, clerkB } = await suggestionApp()
    const page = await (await plainClerk.get('/suggestions/new?kind=other')).text()
    expect(page).toContain('name="leadDeputy"')
    const id = await newDraft(plainClerk, { leadDeputy: '1' })
    expect(loadSuggestion(t.db, id)).toMatchObject({ leadDeputyId: 1, stationId: 1 })
    await newDraft(office, { leadDeputy: '2' })
    const before = snapshot(t.db)
    const missing = await office.post('/suggestions/new', { kind: 'other', title: 'x' })
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('请从列表中选择代表')
    expect((await clerkB.post('/suggestions/new', { kind: 'other', leadDeputy: '1' })).status).toBe(403)
    expect((await office.post('/suggestions/new', { kind: 'bogus', leadDeputy: '1' })).status).toBe(422)
    expect((await office.post('/suggestions/new', { kind: 'other', leadDeputy: '9999' })).status).toBe(422)
    expect(snapshot(t.db)).toBe(before)
    expect((await clerkB.get(`/suggestions/${id}`)).status).toBe(403)
  })

  it('saves text, numbered actions and proposed units; a save over a newer version keeps the text typed', async () => {
    const { t, deputy, plainClerk } = await suggestionApp()
    const id = await newDraft(deputy)
    const saved = await deputy.post(
      `/suggestions/${id}/edit`,
      editFields(t.db, id, {
        'action-2': '',
        'actor-2': '',
        'action-3': '每月检查一次',
        'actor-3': '区市场监管局',
        urgent: 'on',
      }),
    )
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/suggestions/${id}/edit?saved=1`)
    const s = loadSuggestion(t.db, id)!
    expect(s.actions).toEqual([
      { position: 1, text: '更换3栋电梯主机', actor: '物业公司' },
      { position: 2, text: '每月检查一次', actor: '区市场监管局' },
    ])
    expect(s.units.map((u) => [u.stage, u.unitId, u.role]).sort()).toEqual([
      ['proposed', 1, 'lead'],
      ['proposed', 2, 'assist'],
    ])
    expect(s).toMatchObject({ urgent: true, version: 1 })
    expect(eventsOf(t.db, id).at(-1)?.action).toBe('edited')
    // "再加一条" saves and comes back to the actions with room for more.
    const more = await deputy.post(`/suggestions/${id}/edit`, editFields(t.db, id, { intent: 'more' }))
    expect(more.headers.get('location')).toBe(`/suggestions/${id}/edit?saved=1#actions`)
    expect(await (await deputy.get(`/suggestions/${id}/edit`)).text()).toContain('name="action-3"')

    const stale = editFields(t.db, id)
    await plainClerk.post(
      `/suggestions/${id}/edit`,
      editFields(t.db, id, { causes: '物业公司说没有维修资金。' }),
    )
    const before = snapshot(t.db)
    const conflict = await deputy.post(`/suggestions/${id}/edit`, {
      ...stale,
      problem: '我刚写的新事实：3栋电梯本月又停了4次。',
    })
    expect(conflict.status).toBe(409)
    const html = await conflict.text()
    expect(html).toContain('我刚写的新事实：3栋电梯本月又停了4次。')
    expect(html).toContain('别人已经保存了这条建议')
    expect(snapshot(t.db)).toBe(before)
    expect(loadSuggestion(t.db, id)!.causes).toBe('物业公司说没有维修资金。')
    // Saving again from the re-rendered form (it carries the newer version) goes through.
    const version = /name="version" value="(\d+)"/.exec(html)![1]!
    const again = await deputy.post(`/suggestions/${id}/edit`, {
      ...stale,
      version,
      problem: '我刚写的新事实：3栋电梯本月又停了4次。',
    })
    expect(again.status).toBe(303)
  })

  it('refuses bad input with a localised 4xx and writes nothing', async () => {
    const { t, deputy } = await suggestionApp()
    const id = await newDraft(deputy)
    const before = snapshot(t.db)
    const bad: [Record<string, string | string[] | undefined>, number, string][] = [
      [{ kind: 'bogus' }, 422, '请改正'],
      [{ version: 'x' }, 422, '请改正'],
      [{ leadUnit: '9999' }, 422, '请从列表中选择承办单位'],
      [{ 'action-2': '', 'actor-2': '某单位' }, 422, '请也写上要做什么'],
      [{ title: '长'.repeat(500) }, 422, '请改正'],
    ]
    for (const [over, status, text] of bad) {
      const res = await deputy.post(`/suggestions/${id}/edit`, editFields(t.db, id, over))
      expect(res.status, JSON.stringify(over)).toBe(status)
      expect(await res.text(), JSON.stringify(over)).toContain(text)
    }
    expect((await deputy.post('/suggestions/9999/edit', editFields(t.db, id))).status).toBe(404)
    expect((await deputy.post(`/suggestions/${id}/concerns`, {})).status).toBe(422)
    expect((await deputy.post(`/suggestions/${id}/cosigners`, { deputy: 'x' })).status).toBe(422)
    expect((await deputy.post(`/suggestions/${id}/cosign`, { answer: 'confirm' })).status).toBe(403)
    expect(snapshot(t.db)).toBe(before)
  })

  it('links and unlinks concerns in the lead deputy’s scope, and refuses one outside it', async () => {
    const { t, clerk, clerkB, deputy } = await suggestionApp()
    const mine = await intake(clerk, t, { deputy: 1 })
    const elsewhere = await intake(clerkB, t, { deputy: 5 }, 2)
    const id = await newDraft(deputy)
    const before = snapshot(t.db)
    const refused = await deputy.post(`/suggestions/${id}/concerns`, {
      link: [String(mine.id), String(elsewhere.id)],
    })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('不在领衔代表的联系范围内')
    expect(snapshot(t.db)).toBe(before)
    expect((await deputy.post(`/suggestions/${id}/concerns`, { link: String(mine.id) })).status).toBe(303)
    expect(loadSuggestion(t.db, id)!.concerns.map((c) => c.id)).toEqual([mine.id])
    const edit = await (await deputy.get(`/suggestions/${id}/edit`)).text()
    expect(edit).toContain(`linked-concern-${mine.id}`)
    expect(edit).toContain('/suggestions/finder')
    expect((await deputy.post(`/suggestions/${id}/concerns`, { unlink: String(mine.id) })).status).toBe(303)
    expect(loadSuggestion(t.db, id)!.concerns).toEqual([])
    expect(eventsOf(t.db, id).map((e) => e.action)).toEqual([
      'created',
      'concerns_linked',
      'concerns_unlinked',
    ])
  })

  it('co-signing: the lead invites, only the invited deputy answers on their own screen, until acceptance', async () => {
    const { t, deputy, cosignerLi, cosignerZhang } = await suggestionApp()
    const id = await newDraft(deputy)
    expect((await cosignerLi.get(`/suggestions/${id}`)).status).toBe(403)
    expect((await deputy.post(`/suggestions/${id}/cosigners`, { deputy: '2' })).status).toBe(303)
    const notice = t.db.select().from(outbox).where(eq(outbox.kind, 'suggestion.cosign_invite')).all()
    expect(notice).toHaveLength(1)
    expect(notice[0]!.recipient).toMatch(/^account:\d+$/)
    expect(notice[0]!.body).toContain('陈建国')
    const before = snapshot(t.db)
    expect((await deputy.post(`/suggestions/${id}/cosigners`, { deputy: '1' })).status).toBe(422)
    expect((await cosignerZhang.post(`/suggestions/${id}/cosign`, { answer: 'confirm' })).status).toBe(403)
    expect((await deputy.post(`/suggestions/${id}/cosign`, { answer: 'confirm' })).status).toBe(403)
    expect((await cosignerLi.post(`/suggestions/${id}/edit`, editFields(t.db, id))).status).toBe(403)
    expect(snapshot(t.db)).toBe(before)

    const list = await (await cosignerLi.get('/suggestions')).text()
    expect(list).toContain(`invitation-${id}`)
    expect(list).toContain('确认联名')
    const confirmed = await cosignerLi.post(`/suggestions/${id}/cosign`, { answer: 'confirm', back: 'list' })
    expect(confirmed.headers.get('location')).toBe('/suggestions?done=answered')
    expect(loadSuggestion(t.db, id)!.cosigners.map((c) => [c.deputyId, c.state])).toEqual([[2, 'confirmed']])
    expect(await (await cosignerLi.get('/suggestions')).text()).toContain('id="suggestions-cosigned"')

    await deputy.post(`/suggestions/${id}/cosigners`, { deputy: '3' })
    expect((await cosignerZhang.post(`/suggestions/${id}/cosign`, { answer: 'decline' })).status).toBe(303)
    const detail = await (await deputy.get(`/suggestions/${id}`)).text()
    expect(detail).toContain('已确认联名')
    expect(detail).toContain('已谢绝')
    expect(eventsOf(t.db, id).map((e) => e.action)).toEqual([
      'created',
      'cosigner_invited',
      'cosigner_confirmed',
      'cosigner_invited',
      'cosigner_declined',
    ])
    // Once the street office accepts it, answers are closed.
    t.db.update(suggestions).set({ status: 'accepted' }).where(eq(suggestions.id, id)).run()
    expect((await cosignerZhang.post(`/suggestions/${id}/cosign`, { answer: 'confirm' })).status).toBe(409)
  })

  it('refuses a submission with the checklist, recording only the first attempt and the failed items', async () => {
    const { t, deputy, plainClerk } = await suggestionApp()
    const id = await newDraft(deputy)
    await deputy.post(
      `/suggestions/${id}/edit`,
      editFields(t.db, id, { leadUnit: '', assistUnits: undefined }),
    )
    const refused = await deputy.post(`/suggestions/${id}/submit`)
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('id="quality-checklist"')
    expect(html).toContain('还不能提交')
    const s = loadSuggestion(t.db, id)!
    expect(s).toMatchObject({ status: 'draft', qualityFirstPassed: false, number: null })
    const refusal = eventsOf(t.db, id).at(-1)!
    expect(refusal.action).toBe('submit_refused')
    expect(refusal.detail.failed).toEqual(['unit', 'evidence'])

    // Staff may help write but never submit; their "save and submit" only saves.
    const before = snapshot(t.db)
    expect((await plainClerk.post(`/suggestions/${id}/submit`)).status).toBe(403)
    expect(snapshot(t.db)).toBe(before)
    const helped = await plainClerk.post(
      `/suggestions/${id}/edit`,
      editFields(t.db, id, { noEvidenceReason: '代表本人在走访中发现，尚无居民反映。', intent: 'submit' }),
    )
    expect(helped.headers.get('location')).toBe(`/suggestions/${id}/edit?saved=1`)
    expect(loadSuggestion(t.db, id)!.status).toBe('draft')

    const ok = await deputy.post(
      `/suggestions/${id}/edit`,
      editFields(t.db, id, { noEvidenceReason: '代表本人在走访中发现。', intent: 'submit' }),
    )
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`/suggestions/${id}?done=submitted`)
    expect(loadSuggestion(t.db, id)).toMatchObject({
      status: 'submitted',
      year: 2026,
      number: 1,
      qualityFirstPassed: false,
    })
    expect(await (await deputy.get(`/suggestions/${id}?done=submitted`)).text()).toContain('2026-001')
    const office = t.db.select().from(outbox).where(eq(outbox.kind, 'suggestion.submitted')).all()
    expect(office.map((m) => m.recipient)).toEqual(['street-office'])
    expect(office[0]!.subject).toContain('2026-001')
    // Submitted: no more editing, and the lifecycle refuses a second submission.
    expect((await deputy.get(`/suggestions/${id}/edit`)).status).toBe(409)
    expect((await deputy.post(`/suggestions/${id}/submit`)).status).toBe(409)
  })

  it('numbers submissions in the year, and a returned suggestion keeps its number when resubmitted', async () => {
    const { t, clerk, deputy } = await suggestionApp()
    const concern = await intake(clerk, t, { deputy: 1 })
    const first = await newDraft(deputy, { concern: String(concern.id) })
    await deputy.post(`/suggestions/${first}/edit`, editFields(t.db, first, { intent: 'submit' }))
    const second = await newDraft(deputy)
    await deputy.post(
      `/suggestions/${second}/edit`,
      editFields(t.db, second, { noEvidenceReason: '代表在走访中发现的问题。' }),
    )
    expect((await deputy.post(`/suggestions/${second}/submit`)).status).toBe(303)
    expect(loadSuggestion(t.db, first)).toMatchObject({ number: 1, qualityFirstPassed: true })
    expect(loadSuggestion(t.db, second)).toMatchObject({ number: 2, year: 2026, qualityFirstPassed: true })
    // The street office returns the first (helper C's step; written here directly).
    t.db
      .update(suggestions)
      .set({ status: 'returned', returnReason: '请补充停运次数' })
      .where(eq(suggestions.id, first))
      .run()
    const edit = await (await deputy.get(`/suggestions/${first}/edit`)).text()
    expect(edit).toContain('请补充停运次数')
    expect((await deputy.post(`/suggestions/${first}/submit`)).status).toBe(303)
    expect(loadSuggestion(t.db, first)).toMatchObject({ status: 'submitted', number: 1, year: 2026 })
    const staffList = await (await clerk.get('/suggestions')).text()
    expect(staffList.indexOf('id="group-submitted"')).toBeLessThan(staffList.indexOf('id="group-drafts"'))
    expect(staffList).toContain('2026-002')
  })

  it('the lead deputy withdraws until acceptance; nobody else may', async () => {
    const { t, deputy, office, cosignerLi } = await suggestionApp()
    const id = await newDraft(deputy)
    await deputy.post(`/suggestions/${id}/cosigners`, { deputy: '2' })
    const before = snapshot(t.db)
    expect((await office.post(`/suggestions/${id}/withdraw`)).status).toBe(403)
    expect((await cosignerLi.post(`/suggestions/${id}/withdraw`)).status).toBe(403)
    expect(snapshot(t.db)).toBe(before)
    expect((await deputy.post(`/suggestions/${id}/withdraw`)).headers.get('location')).toBe(
      `/suggestions/${id}?done=withdrawn`,
    )
    expect(loadSuggestion(t.db, id)!.status).toBe('withdrawn')
    expect((await deputy.post(`/suggestions/${id}/withdraw`)).status).toBe(409)
    expect((await cosignerLi.post(`/suggestions/${id}/cosign`, { answer: 'confirm' })).status).toBe(409)
  })

  it('shows the whole suggestion to whoever may see it, and to nobody else', async () => {
    const { t, deputy, plainClerk, clerkB, cosignerZhang, office } = await suggestionApp()
    const id = await newDraft(deputy)
    await deputy.post(`/suggestions/${id}/edit`, editFields(t.db, id))
    const html = await (await plainClerk.get(`/suggestions/${id}`)).text()
    for (const part of [
      'suggestion-facts',
      'suggestion-body',
      'suggestion-evidence',
      'quality-checklist',
      'suggestion-handling',
      'suggestion-timeline',
    ])
      expect(html, part).toContain(`id="${part}"`)
    expect(html).toContain('更换3栋电梯主机')
    expect(html).toContain('（由物业公司办理）')
    expect(html).toContain(`/suggestions/${id}/edit`)
    expect(html).not.toContain(`/m/suggestions/${id}`)
    expect((await cosignerZhang.get(`/suggestions/${id}`)).status).toBe(403)
    expect((await clerkB.get(`/suggestions/${id}`)).status).toBe(403)
    expect((await office.get('/suggestions/9999')).status).toBe(404)
  })

  it('lists staff’s suggestions by group with overdue deadlines in words, and a deputy’s drafts first', async () => {
    const { t, office, plainClerk, deputy } = await suggestionApp()
    const now = t.clock.now()
    const late = seedSuggestion(
      t.db,
      { status: 'assigned', year: 2026, number: 7, dueOn: '2026-11-20', title: '逾期的建议' },
      now,
    )
    const onTime = seedSuggestion(
      t.db,
      { status: 'assigned', year: 2026, number: 8, dueOn: '2026-12-20' },
      now,
    )
    const draft = seedSuggestion(t.db, { status: 'draft', title: '还在写的建议' }, now)
    const html = await (await office.get('/suggestions')).text()
    const handling = html.slice(html.indexOf('id="group-handling"'), html.indexOf('id="group-replied"'))
    expect(handling).toContain(`suggestion-row-${late}`)
    expect(handling).toContain(`suggestion-row-${onTime}`)
    expect(handling.indexOf(`suggestion-row-${late}`)).toBeLessThan(
      handling.indexOf(`suggestion-row-${onTime}`),
    )
    expect(handling).toContain('已超期：应于2026年11月20日')
    expect(handling).toContain('2026-007')
    const plain = await (await plainClerk.get('/suggestions')).text()
    expect(plain.indexOf('id="group-drafts"')).toBeLessThan(plain.indexOf('id="group-submitted"'))
    const mine = await (await deputy.get('/suggestions')).text()
    expect(mine.indexOf(`suggestion-row-${draft}`)).toBeLessThan(mine.indexOf(`suggestion-row-${late}`))
  })
})
