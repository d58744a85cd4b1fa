import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { calendarFor } from '../../db/queries/concerns.ts'
import {
  concerns,
  outbox,
  suggestionEvents,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../../db/schema.ts'
import { addWorkingDays } from '../../server/domain/working-days.ts'
import { runConcernDeadlines } from '../../server/jobs/concern-follow-up.ts'
import { concernOf, eventsOf, followUpOf, intake, kioskVerdict, ok, outboxOf } from '../helpers/followup.ts'
import { rows } from '../helpers/queue.ts'
import { seedSuggestion, suggestionApp } from '../helpers/suggestions.ts'

type App = Awaited<ReturnType<typeof suggestionApp>>

const suggestionOf = (db: Db, id: number) =>
  db.select().from(suggestions).where(eq(suggestions.id, id)).get()!

/** Everything a handling step may write, for "nothing written" checks. */
const snapshot = (db: Db, id: number) => ({
  suggestion: JSON.stringify(suggestionOf(db, id)),
  events: rows(db, 'suggestion_events'),
  replies: rows(db, 'suggestion_replies'),
  units: JSON.stringify(db.select().from(suggestionUnits).all()),
  concerns: JSON.stringify(db.select({ id: concerns.id, s: concerns.status }).from(concerns).all()),
  concernEvents: rows(db, 'concern_events'),
  followUps: rows(db, 'concern_follow_ups'),
  outbox: rows(db, 'outbox'),
})

/** Three residents' concerns about one lift: two open (one with a phone and SMS consent), one answered. */
async function linkedConcerns(app: App) {
  const { t, clerk, deputy } = app
  const a = await intake(clerk, t, {
    residentName: '王大妈',
    phone: '13812345678',
    description: '3栋电梯又停了',
  })
  const b = await intake(clerk, t, { description: '电梯经常停运' })
  const done = await intake(clerk, t, { description: '电梯按钮坏了' })
  await ok(deputy, t, done.id, 'answer', { reply: '按钮已修好。' })
  t.db.update(concerns).set({ smsConsent: true }).where(eq(concerns.id, a.id)).run()
  return { a, b, done }
}

function submitted(app: App, concernIds: number[], extra: Parameters<typeof seedSuggestion>[1] = {}) {
  return seedSuggestion(
    app.t.db,
    {
      status: 'submitted',
      year: 2026,
      number: 17,
      concernIds,
      proposed: [{ unitId: 1, role: 'lead' }],
      ...extra,
    },
    app.t.clock.now(),
  )
}

const today = '2026-11-25'
const workingDaysAfter = (app: App, n: number) => addWorkingDays(today, n, calendarFor(app.t.db, 1, today))

describe('the street office accepts or returns a submitted suggestion', () => {
  it('accepting moves received linked concerns to "suggestion" and stops their own deadlines', async () => {
    const app = await suggestionApp()
    const { t, office } = app
    const { a, b, done } = await linkedConcerns(app)
    const id = submitted(app, [a.id, b.id, done.id])

    const res = await office.post(`/suggestions/${id}/accept`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/suggestions/${id}?done=accept#suggestion-handling`)
    const s = suggestionOf(t.db, id)
    expect(s.status).toBe('accepted')
    expect(s.acceptedAt).not.toBeNull()
    for (const c of [a, b]) {
      expect(concernOf(t.db, c.id).status).toBe('suggestion')
      expect(followUpOf(t.db, c.id)).toMatchObject({ dueKind: null, dueOn: null })
      expect(eventsOf(t.db, c.id).at(-1)).toMatchObject({
        action: 'status_changed',
        fromStatus: 'received',
        toStatus: 'suggestion',
        note: '已并入代表建议第2026-017号办理',
      })
    }
    expect(concernOf(t.db, done.id).status).toBe('answered')

    // Months later the concerns' own deadline pass finds nothing to escalate: the suggestion carries them.
    t.clock.set('2027-03-01T02:00:00.000Z')
    expect(runConcernDeadlines(t.deps, t.clock.now()).escalations).toBe(0)
  })

  it('only the street office may accept; a clerk outside it and the deputy get 403 and nothing is written', async () => {
    const app = await suggestionApp()
    const id = submitted(app, [])
    const before = snapshot(app.t.db, id)
    for (const who of [app.plainClerk, app.deputy, app.clerkB]) {
      const res = await who.post(`/suggestions/${id}/accept`, {})
      expect(res.status).toBe(403)
    }
    const res = await app.plainClerk.post(`/suggestions/${id}/accept`, {})
    expect(await res.text()).toContain('只有街道人大工委的工作人员可以办理')
    expect(snapshot(app.t.db, id)).toEqual(before)
    // Accepting twice: the lifecycle refuses (409), localised.
    expect((await app.office.post(`/suggestions/${id}/accept`, {})).status).toBe(303)
    const again = await app.office.post(`/suggestions/${id}/accept`, {})
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('建议现在的状态不能进行这一步')
  })

  it('returning needs a reason, keeps it and tells the lead deputy', async () => {
    const app = await suggestionApp()
    const { t, office } = app
    const id = submitted(app, [])
    const before = snapshot(t.db, id)
    const empty = await office.post(`/suggestions/${id}/return`, { returnReason: '  ' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('id="form-return"')
    expect(snapshot(t.db, id)).toEqual(before)

    const res = await office.post(`/suggestions/${id}/return`, { returnReason: '请补充停运次数的来源。' })
    expect(res.status).toBe(303)
    expect(suggestionOf(t.db, id)).toMatchObject({
      status: 'returned',
      returnReason: '请补充停运次数的来源。',
    })
    const [notice] = outboxOf(t.db, 'suggestion.returned')
    expect(notice?.recipient).toMatch(/^account:\d+$/)
    expect(notice?.body).toContain('请补充停运次数的来源。')
  })
})

describe('assigning units sets the deadline in working days', () => {
  it('ordinary, urgent and an explicit date; a past or non-working date and an unknown unit are refused', async () => {
    const app = await suggestionApp()
    const { t, office } = app
    const ordinary = submitted(app, [], { status: 'accepted', number: 1 })
    const urgent = submitted(app, [], { status: 'accepted', number: 2 })
    const fixed = submitted(app, [], { status: 'accepted', number: 3 })

    expect(
      (await office.post(`/suggestions/${ordinary}/assign`, { leadUnit: '1', assistUnits: '2' })).status,
    ).toBe(303)
    expect(suggestionOf(t.db, ordinary)).toMatchObject({
      status: 'assigned',
      dueOn: workingDaysAfter(app, 60),
    })
    const units = t.db.select().from(suggestionUnits).where(eq(suggestionUnits.suggestionId, ordinary)).all()
    expect(units.filter((u) => u.stage === 'assigned').map((u) => [u.unitId, u.role])).toEqual([
      [1, 'lead'],
      [2, 'assist'],
    ])

    expect((await office.post(`/suggestions/${urgent}/assign`, { leadUnit: '1', urgent: 'on' })).status).toBe(
      303,
    )
    expect(suggestionOf(t.db, urgent)).toMatchObject({ dueOn: workingDaysAfter(app, 20), urgent: true })

    const before = snapshot(t.db, fixed)
    for (const [fields, text] of [
      [{ leadUnit: '1', dueOn: '2026-11-20' }, '期限不能早于今天。'],
      [{ leadUnit: '1', dueOn: '2026-11-28' }, '期限须是工作日。'],
      [{ leadUnit: '999' }, '请选择有效的承办单位。'],
      [{ leadUnit: '' }, 'id="form-assign"'],
      [{ leadUnit: '1', dueOn: '2026-02-30' }, 'id="form-assign"'],
    ] as const) {
      const res = await office.post(`/suggestions/${fixed}/assign`, fields)
      expect(res.status).toBe(422)
      expect(await res.text()).toContain(text)
    }
    expect(snapshot(t.db, fixed)).toEqual(before)
    expect(
      (await office.post(`/suggestions/${fixed}/assign`, { leadUnit: '2', dueOn: '2026-12-01' })).status,
    ).toBe(303)
    expect(suggestionOf(t.db, fixed).dueOn).toBe('2026-12-01')
  })
})

async function assigned(app: App) {
  const c = await linkedConcerns(app)
  const id = submitted(app, [c.a.id, c.b.id, c.done.id])
  expect((await app.office.post(`/suggestions/${id}/accept`, {})).status).toBe(303)
  expect(
    (await app.office.post(`/suggestions/${id}/assign`, { leadUnit: '1', assistUnits: '2' })).status,
  ).toBe(303)
  return { id, ...c }
}

const reply = (
  app: App,
  id: number,
  unit: string,
  grade: string,
  text = '已列入维修计划。',
  repliedOn = today,
) => app.office.post(`/suggestions/${id}/reply`, { unit, grade, replyText: text, repliedOn })

const replyNotices = (db: Db, concernId: number) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, `concern:${concernId}`), eq(outbox.kind, 'followup.replied')))
    .all()

describe("the units' replies, the relay to residents and the lead deputy's verdict", () => {
  it('replies B and A → replied and relayed once; 不满意 → re-handling; second 不满意 → closed', async () => {
    const app = await suggestionApp()
    const { t, office, deputy } = app
    const { id, a, b, done } = await assigned(app)

    expect((await reply(app, id, '1', 'B', '已安排检修，下月完成。')).status).toBe(303)
    expect(suggestionOf(t.db, id).status).toBe('assigned')
    expect(concernOf(t.db, a.id).status).toBe('suggestion')
    expect((await reply(app, id, '2', 'A', '已更换主机。')).status).toBe(303)
    const s = suggestionOf(t.db, id)
    expect(s.status).toBe('replied')
    expect(s.repliedAt).not.toBeNull()

    for (const c of [a, b]) {
      expect(concernOf(t.db, c.id).status).toBe('replied')
      const relay = eventsOf(t.db, c.id).at(-1)!
      expect(relay.detail.reply).toContain('您反映的问题已由代表写入代表建议第2026-017号，承办单位答复：')
      expect(relay.detail.reply).toContain('已安排检修，下月完成。')
      expect(relay.detail.reply).toContain('已更换主机。')
      expect(replyNotices(t.db, c.id)).toHaveLength(1)
    }
    expect(concernOf(t.db, done.id).status).toBe('answered')
    expect(replyNotices(t.db, done.id)).toHaveLength(0)
    expect(outboxOf(t.db, 'concern.reply').map((m) => m.recipient)).toEqual([`concern:${a.id}`])

    // The resident reads the relayed reply and may rate it on the tracking page and at the kiosk.
    const track = await (await t.client().get(`/track/${a.code}`)).text()
    expect(track).toContain('已更换主机。')
    expect(track).toContain('id="track-verdict-form"')
    expect(track).not.toContain('王大妈')
    const kioskPage = await (await app.kiosk.get(`/kiosk/progress/${a.code}`)).text()
    expect(kioskPage).toContain('id="verdict-satisfied"')

    // Only the lead deputy gives the verdict.
    for (const who of [office, app.cosignerLi]) {
      expect((await who.post(`/suggestions/${id}/verdict`, { verdict: 'unsatisfied' })).status).toBe(403)
    }
    const res = await deputy.post(`/suggestions/${id}/verdict`, {
      verdict: 'unsatisfied',
      verdictNote: '没有根治',
    })
    expect(res.status).toBe(303)
    expect(suggestionOf(t.db, id)).toMatchObject({
      status: 'rehandling',
      round: 1,
      verdict: 'unsatisfied',
      dueOn: workingDaysAfter(app, 40),
      escalationLevel: 0,
    })
    expect(outboxOf(t.db, 'suggestion.rehandling').map((m) => m.recipient)).toEqual([
      'street-office',
      'unit:1',
      'unit:2',
    ])

    // Both the tracking page and the staff's concern page show the suggestion's progress, in
    // public words only on the tracking page (no deputy's remark, no staff names).
    const progress = await (await t.client().get(`/track/${a.code}`)).text()
    for (const text of [
      '代表建议办理进度',
      '建议第2026-017号',
      '街道人大工委受理',
      '承办单位已答复',
      '代表要求重新办理',
    ])
      expect(progress).toContain(text)
    for (const secret of ['没有根治', '王大妈', '13812345678']) expect(progress).not.toContain(secret)
    const staffPage = await (await office.get(`/concerns/${a.id}`)).text()
    expect(staffPage).toContain(`href="/suggestions/${id}"`)
    expect(staffPage).toContain('交承办单位办理')

    // Resident b reopened their concern meanwhile; resident a did not.
    expect((await kioskVerdict(app.kiosk, b.code, 'unsatisfied')).status).toBe(303)
    expect((await reply(app, id, '1', 'A', '主机已全部更换。')).status).toBe(303)
    expect((await reply(app, id, '2', 'A')).status).toBe(303)
    expect(suggestionOf(t.db, id).status).toBe('replied')
    expect(replyNotices(t.db, a.id)).toHaveLength(1)
    expect(replyNotices(t.db, b.id)).toHaveLength(2)
    expect(concernOf(t.db, b.id).status).toBe('replied')

    // Re-handlings used up: 不满意 now closes it.
    expect((await deputy.post(`/suggestions/${id}/verdict`, { verdict: 'unsatisfied' })).status).toBe(303)
    const closed = suggestionOf(t.db, id)
    expect(closed).toMatchObject({ status: 'closed', verdict: 'unsatisfied' })
    expect(closed.closedAt).not.toBeNull()
    const verdicts = t.db
      .select()
      .from(suggestionEvents)
      .where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.action, 'verdict')))
      .all()
    expect(verdicts.map((e) => [e.toStatus, e.detail.verdict])).toEqual([
      ['rehandling', 'unsatisfied'],
      ['closed', 'unsatisfied'],
    ])
  })

  it('满意 closes it at once', async () => {
    const app = await suggestionApp()
    const id = submitted(app, [], {
      status: 'replied',
      assigned: [{ unitId: 1, role: 'lead' }],
      replies: [{ unitId: 1, grade: 'A', repliedOn: today }],
    })
    expect((await app.deputy.post(`/suggestions/${id}/verdict`, { verdict: 'sure' })).status).toBe(422)
    expect((await app.deputy.post(`/suggestions/${id}/verdict`, { verdict: 'satisfied' })).status).toBe(303)
    expect(suggestionOf(app.t.db, id)).toMatchObject({ status: 'closed', verdict: 'satisfied', round: 0 })
    expect((await app.deputy.post(`/suggestions/${id}/verdict`, { verdict: 'satisfied' })).status).toBe(409)
  })

  it('refuses a wrong unit, a duplicate reply, a future date and a bad grade, writing nothing', async () => {
    const app = await suggestionApp()
    const { t } = app
    const { id } = await assigned(app)
    expect((await reply(app, id, '1', 'B')).status).toBe(303)
    const before = snapshot(t.db, id)
    const cases: [Promise<Response>, number, string][] = [
      [reply(app, id, '3', 'A'), 422, '这个单位没有承办本建议。'],
      [reply(app, id, '1', 'A'), 409, '这个单位本轮已有答复。'],
      [reply(app, id, '2', 'A', '已处理', '2026-11-26'), 422, '答复日期不能晚于今天。'],
      [reply(app, id, '2', 'E'), 422, '请选择办理结果等级'],
      [reply(app, id, '2', 'A', ''), 422, 'id="form-reply"'],
      [reply(app, id, '2', 'A', '请拨打 138 1234 5678'), 422, '公开的内容里不能有电话号码。'],
      [
        app.plainClerk.post(`/suggestions/${id}/reply`, {
          unit: '2',
          grade: 'A',
          replyText: 'x',
          repliedOn: today,
        }),
        403,
        '',
      ],
    ]
    for (const [res, status, text] of cases) {
      const r = await res
      expect(r.status).toBe(status)
      expect(await r.text()).toContain(text)
    }
    expect(snapshot(t.db, id)).toEqual(before)
    expect(t.db.select().from(suggestionReplies).all()).toHaveLength(1)
    // The 422 keeps what was typed.
    const kept = await reply(app, id, '2', 'A', '已处理，请拨打 138 1234 5678')
    expect(await kept.text()).toContain('已处理，请拨打 138 1234 5678')
  })

  it('refuses re-assigning once a unit has replied', async () => {
    const app = await suggestionApp()
    const { id } = await assigned(app)
    expect((await reply(app, id, '1', 'B')).status).toBe(303)
    const res = await app.office.post(`/suggestions/${id}/assign`, { leadUnit: '3' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('已有单位答复，不能再重新交办。')
  })
})
