import { describe, expect, it } from 'vitest'
import { insertAccount } from '../../db/queries/accounts.ts'
import { PROGRESS_LOOKUPS_PER_WINDOW } from '../../server/routes/kiosk-progress.tsx'
import {
  concernOf,
  eventsOf,
  followUpApp,
  followUpOf,
  intake,
  kioskVerdict,
  ok,
  outboxOf,
  step,
  writes,
} from '../helpers/followup.ts'
import { cachedHash } from '../helpers/test-app.ts'

/** A concern referred, replied by its unit and passed on to the resident: waiting for a verdict. */
async function repliedConcern(app: Awaited<ReturnType<typeof followUpApp>>, phone = '13812345678') {
  const { t, clerk, deputy } = app
  const c = await intake(clerk, t, { residentName: '张三丰', phone, description: '楼道堆放杂物' })
  await ok(deputy, t, c.id, 'refer', { unit: '2' })
  await ok(clerk, t, c.id, 'unit_reply', { grade: 'A', unitReply: '已清理' })
  await ok(deputy, t, c.id, 'relay', { reply: '楼道杂物已清理。' })
  return c
}

describe('follow-up steps refuse bad input and write nothing', () => {
  it('refuses a step the lifecycle does not allow from the current status (409, localised)', async () => {
    const { t, clerk, deputy } = await followUpApp()
    const c = await intake(clerk, t)
    await ok(deputy, t, c.id, 'refer', { unit: '2' })
    const before = writes(t.db)
    const res = await step(deputy, t, c.id, 'answer', { reply: '已答复' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('这件诉求当前的状态不能进行这一步。')
    expect(writes(t.db)).toEqual(before)
    expect(concernOf(t.db, c.id).status).toBe('referred')

    // In English too, and a closed concern offers nothing at all.
    await clerk.get('/lang/en?next=/')
    const again = await step(clerk, t, c.id, 'verdict', { verdict: 'satisfied' })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('This step is not possible from the concern’s current status.')
    expect(writes(t.db)).toEqual(before)
    expect((await clerk.post(`/concerns/${c.id}/steps/fly`, {})).status).toBe(404)
  })

  it('refuses a step on a concern that moved since the screen was drawn', async () => {
    const { t, clerk, deputy } = await followUpApp()
    const c = await intake(clerk, t)
    const before = writes(t.db)
    const res = await deputy.post(`/concerns/${c.id}/steps/refer`, { seen: 'referred', unit: '2' })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('这件诉求刚被他人更新')
    expect(writes(t.db)).toEqual(before)
  })

  it('refuses a reply grade outside A–D, missing fields and phone numbers in public text (422)', async () => {
    const { t, clerk, deputy } = await followUpApp()
    const c = await intake(clerk, t)
    await ok(deputy, t, c.id, 'refer', { unit: '2' })
    const before = writes(t.db)
    for (const grade of ['E', 'a', '', 'AB']) {
      const res = await step(clerk, t, c.id, 'unit_reply', { grade, unitReply: '已处理' })
      expect(res.status).toBe(422)
      expect(await res.text()).toContain('请选择办理结果等级：A、B、C 或 D。')
    }
    expect((await step(clerk, t, c.id, 'unit_reply', { grade: 'A', unitReply: '' })).status).toBe(422)
    const phone = await step(deputy, t, c.id, 'relay', { reply: '请拨打 138 1234 5678 联系' })
    expect(phone.status).toBe(422)
    expect(await phone.text()).toContain('公开的内容里不能有电话号码。')
    expect(writes(t.db)).toEqual(before)
  })

  it('refuses out-of-scope without a channel, unknown units and masters, and bad due dates', async () => {
    const { t, clerk, deputy } = await followUpApp('2026-11-25T02:00:00.000Z')
    const c = await intake(clerk, t)
    const other = await intake(clerk, t)
    const before = writes(t.db)
    expect((await step(deputy, t, c.id, 'out_of_scope', { rightChannel: '' })).status).toBe(422)
    expect((await step(deputy, t, c.id, 'refer', { unit: '999' })).status).toBe(422)
    const past = await step(deputy, t, c.id, 'refer', { unit: '2', dueOn: '2026-11-24' })
    expect(past.status).toBe(422)
    expect(await past.text()).toContain('期限不能早于今天。')
    const weekend = await step(deputy, t, c.id, 'refer', { unit: '2', dueOn: '2026-11-28' })
    expect(weekend.status).toBe(422)
    expect((await step(deputy, t, c.id, 'refer', { unit: '2', dueOn: '2026-02-30' })).status).toBe(422)
    expect((await step(clerk, t, c.id, 'duplicate', { master: 'ZZZZ-ZZZZ' })).status).toBe(422)
    expect((await step(clerk, t, c.id, 'duplicate', { master: c.code })).status).toBe(422)
    expect(writes(t.db)).toEqual(before)
    // A due date a clerk picks is kept.
    await ok(deputy, t, other.id, 'refer', { unit: '2', dueOn: '2026-12-01' })
    expect(followUpOf(t.db, other.id)).toMatchObject({
      dueKind: 'unit_reply',
      dueOn: '2026-12-01',
      handlingUnitId: 2,
    })
  })
})

describe("the resident's verdict", () => {
  it('is given at the kiosk once; a verdict before the reply or a second one is refused', async () => {
    const app = await followUpApp()
    const { t, clerk, kiosk } = app
    const waiting = await intake(clerk, t)
    let before = writes(t.db)
    const early = await kioskVerdict(kiosk, waiting.code, 'satisfied')
    expect(early.status).toBe(409)
    expect(await early.text()).toContain('只有已答复、尚未评价的诉求可以评价')
    expect(writes(t.db)).toEqual(before)

    const c = await repliedConcern(app)
    const page = await kiosk.get(`/kiosk/progress/${c.code}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('楼道杂物已清理。')
    expect(html).toContain('A 类：已解决')
    expect(html).toContain('id="verdict-satisfied"')
    for (const secret of ['张三丰', '13812345678', '138****5678', '楼道堆放杂物'])
      expect(html).not.toContain(secret)

    // The public tracking page from the slip's QR code shows the reply too, and nothing personal.
    const track = await (await t.client().get(`/track/${c.code}`)).text()
    expect(track).toContain('楼道杂物已清理。')
    // …and takes the verdict there too (issue 15), instead of sending the resident to a kiosk.
    expect(track).toContain('id="track-verdict-form"')
    for (const secret of ['张三丰', '13812345678', '楼道堆放杂物', '已清理<'])
      expect(track).not.toContain(secret)

    const bad = await kioskVerdict(kiosk, c.code, 'great')
    expect(bad.status).toBe(422)
    const res = await kioskVerdict(kiosk, c.code, 'satisfied', '谢谢代表')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/kiosk/progress/${c.code}?rated=satisfied`)
    expect(concernOf(t.db, c.id).status).toBe('closed')
    const verdict = eventsOf(t.db, c.id).at(-1)!
    expect(verdict).toMatchObject({
      action: 'verdict',
      actorKind: 'kiosk',
      fromStatus: 'replied',
      toStatus: 'closed',
    })
    expect(verdict.detail).toMatchObject({ verdict: 'satisfied', via: 'kiosk', comment: '谢谢代表' })

    before = writes(t.db)
    expect((await kioskVerdict(kiosk, c.code, 'unsatisfied')).status).toBe(409)
    expect((await step(clerk, t, c.id, 'verdict', { verdict: 'unsatisfied' })).status).toBe(409)
    expect(writes(t.db)).toEqual(before)
    const thanks = await (await kiosk.get(`/kiosk/progress/${c.code}?rated=satisfied`)).text()
    expect(thanks).toContain('谢谢您的评价：满意。')
    expect(thanks).not.toContain('id="verdict-form"')
  })

  it('不满意 reopens the concern with a new deadline', async () => {
    const app = await followUpApp('2026-11-25T02:00:00.000Z')
    const { t, kiosk } = app
    const c = await repliedConcern(app)
    expect((await kioskVerdict(kiosk, c.code, 'unsatisfied')).status).toBe(303)
    expect(concernOf(t.db, c.id).status).toBe('reopened')
    // 10 working days from Wed 25 November.
    expect(followUpOf(t.db, c.id)).toMatchObject({ dueKind: 'rehandling', dueOn: '2026-12-09' })
    const page = await (await kiosk.get(`/kiosk/progress/${c.code}?rated=unsatisfied`)).text()
    expect(page).toContain('我们会重新办理')
  })

  it('refuses unknown tracking codes (404) and limits look-ups per kiosk (429)', async () => {
    const { t, kiosk, clerk } = await followUpApp()
    const c = await intake(clerk, t)
    const unknown = await kiosk.post('/kiosk/progress', { code: 'ZZZZ-ZZZZ' })
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('没有这个查询码，请核对后再试。')
    expect((await kiosk.get('/kiosk/progress/ZZZZZZZZ')).status).toBe(404)
    expect((await kiosk.post('/kiosk/progress', { code: '<script>' })).status).toBe(404)
    const found = await kiosk.post('/kiosk/progress', {
      code: c.code.toLowerCase().replace(/^(....)/, '$1-'),
    })
    expect(found.status).toBe(303)
    expect(found.headers.get('location')).toBe(`/kiosk/progress/${c.code}`)
    let status = 0
    for (let i = 0; i < PROGRESS_LOOKUPS_PER_WINDOW; i++)
      status = (await kiosk.get(`/kiosk/progress/${c.code}`)).status
    expect(status).toBe(429)
    const limited = await kiosk.post('/kiosk/progress', { code: c.code })
    expect(limited.status).toBe(429)
    expect(await limited.text()).toContain('查询次数过多')
    // The window passes.
    t.clock.advance(11 * 60_000)
    expect((await kiosk.get(`/kiosk/progress/${c.code}`)).status).toBe(200)
  })

  it('is offered on the kiosk start screen, and the kiosk pages need a paired device', async () => {
    const { t, kiosk } = await followUpApp()
    const start = await (await kiosk.get('/kiosk')).text()
    expect(start).toContain('id="action-progress"')
    expect(start).toContain('查询进度')
    const stranger = t.client()
    const res = await stranger.get('/kiosk/progress')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/kiosk/pair')
  })
})

describe('duplicates and joint concerns', () => {
  it('links concerns to a master, counts the residents and tells all of them when it is replied', async () => {
    const app = await followUpApp()
    const { t, clerk, deputy, kiosk } = app
    const master = await intake(clerk, t, { phone: '13800000001' })
    const dup1 = await intake(clerk, t, { phone: '13800000002' })
    const dup2 = await intake(clerk, t, { deputy: 2 })
    // The master of a duplicate is followed to its own master.
    await ok(clerk, t, dup1.id, 'duplicate', { master: master.code })
    await ok(clerk, t, dup2.id, 'duplicate', { master: dup1.code })
    expect(followUpOf(t.db, dup2.id)?.masterConcernId).toBe(master.id)
    expect(eventsOf(t.db, master.id).filter((e) => e.action === 'duplicate_linked')).toHaveLength(2)
    expect(await (await clerk.get(`/concerns/${master.id}`)).text()).toContain('3 位群众')
    const list = await (await clerk.get('/staff/stations/1/concerns')).text()
    expect(list).toContain('3 人反映')

    await ok(deputy, t, master.id, 'refer', { unit: '2' })
    await ok(deputy, t, master.id, 'relay', { reply: '已统一答复。' })
    expect(
      outboxOf(t.db, 'followup.replied')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual([master.id, dup1.id, dup2.id].map((id) => `concern:${id}`).sort())
    // A duplicate's code shows the master's progress and reply, but the verdict is the master's.
    const page = await (await kiosk.get(`/kiosk/progress/${dup1.code}`)).text()
    expect(page).toContain('已统一答复。')
    expect(page).toContain('已合并办理')
    expect(page).not.toContain('id="verdict-form"')
    expect((await kioskVerdict(kiosk, dup1.code, 'satisfied')).status).toBe(409)

    // A resident linked after the reply hears of it at once.
    const late = await intake(clerk, t)
    await ok(clerk, t, late.id, 'duplicate', { master: master.code })
    expect(outboxOf(t.db, 'followup.replied').some((m) => m.recipient === `concern:${late.id}`)).toBe(true)
  })
})

describe('undo', () => {
  it('lets an administrator reverse the latest change with a trace, and nobody else', async () => {
    const { t, clerk, deputy, admin } = await followUpApp()
    const c = await intake(clerk, t)
    await ok(deputy, t, c.id, 'refer', { unit: '2' })
    const dueBefore = followUpOf(t.db, c.id)
    await ok(clerk, t, c.id, 'unit_reply', { grade: 'B', unitReply: '处理中' })
    const before = writes(t.db)
    expect((await step(clerk, t, c.id, 'undo', { note: '录错了' })).status).toBe(403)
    expect((await step(deputy, t, c.id, 'undo', { note: '录错了' })).status).toBe(403)
    expect((await step(admin, t, c.id, 'undo', { note: '' })).status).toBe(422)
    expect(writes(t.db)).toEqual(before)

    const page = await (await admin.get(`/concerns/${c.id}`)).text()
    expect(page).toContain('id="undo-target"')
    await ok(admin, t, c.id, 'undo', { note: '录错了单位的答复' })
    expect(concernOf(t.db, c.id).status).toBe('referred')
    expect(followUpOf(t.db, c.id)).toMatchObject({
      dueKind: dueBefore!.dueKind,
      dueOn: dueBefore!.dueOn,
      replyGrade: null,
    })
    const events = eventsOf(t.db, c.id)
    const replied = events.find((e) => e.action === 'unit_replied')!
    expect(events.at(-1)).toMatchObject({
      action: 'undone',
      fromStatus: 'in_progress',
      toStatus: 'referred',
      note: '录错了单位的答复',
    })
    expect(events.at(-1)!.detail.undoes).toBe(replied.id)
    expect((await admin.get(`/concerns/${c.id}`)).status).toBe(200)
    // The undone step shows struck through; undoing again reverses the referral.
    expect(await (await clerk.get(`/concerns/${c.id}`)).text()).toContain('此步骤已被撤销')
    await ok(admin, t, c.id, 'undo', { note: '转错了单位' })
    expect(concernOf(t.db, c.id).status).toBe('received')
    expect(followUpOf(t.db, c.id)).toBeUndefined()
    const nothing = await step(admin, t, c.id, 'undo', { note: '再撤' })
    expect(nothing.status).toBe(409)
    expect(await nothing.text()).toContain('没有可以撤销的步骤。')
  })
})

describe('who sees and does what', () => {
  it('scopes staff to their stations and deputies to their own concerns, masking personal data', async () => {
    const { t, clerk, clerkB, deputy, admin } = await followUpApp()
    const c = await intake(clerk, t, {
      residentName: '王小明',
      phone: '13912345678',
      description: '噪音扰民',
    })
    const mine = await (await clerk.get(`/concerns/${c.id}`)).text()
    expect(mine).toContain('13912345678')
    expect(mine).toContain('噪音扰民')
    const forDeputy = await (await deputy.get(`/concerns/${c.id}`)).text()
    expect(forDeputy).toContain('13912345678')
    const forAdmin = await (await admin.get(`/concerns/${c.id}`)).text()
    expect(forAdmin).toContain('139****5678')
    expect(forAdmin).toContain('王*')
    expect(forAdmin).not.toContain('王**')
    expect(forAdmin).not.toContain('13912345678')
    expect(forAdmin).not.toContain('噪音扰民')

    const before = writes(t.db)
    expect((await clerkB.get(`/concerns/${c.id}`)).status).toBe(403)
    expect((await clerkB.get('/staff/stations/1/concerns')).status).toBe(403)
    expect((await clerkB.get('/staff/stations/1/callbacks')).status).toBe(403)
    expect((await step(clerkB, t, c.id, 'refer', { unit: '2' })).status).toBe(403)
    // Another deputy sees nothing of it; the assigned deputy cannot act as the clerk.
    const other = insertAccount(
      t.db,
      {
        username: 'deputy2',
        displayName: '李秀英',
        role: 'deputy',
        deputyId: 2,
        passwordHash: await cachedHash('pw-deputy-two'),
      },
      t.clock.now(),
    )
    expect(other).toBeGreaterThan(0)
    const deputy2 = await t.client().login('deputy2', 'pw-deputy-two')
    expect((await deputy2.get(`/concerns/${c.id}`)).status).toBe(403)
    expect((await deputy2.get('/records/deputies/1')).status).toBe(403)
    expect((await deputy2.get('/staff/stations/1/concerns')).status).toBe(403)
    expect((await step(deputy, t, c.id, 'duplicate', { master: c.code })).status).toBe(403)
    expect(writes(t.db)).toEqual(before)
    const steps = await (await deputy.get(`/concerns/${c.id}`)).text()
    expect(steps).toContain('id="form-refer"')
    expect(steps).not.toContain('id="form-duplicate"')
    expect(steps).not.toContain('id="form-undo"')

    // Anonymous visitors are sent to log in; the monthly report is public.
    const anon = t.client()
    expect((await anon.get(`/concerns/${c.id}`)).status).toBe(302)
    expect((await anon.get('/records')).status).toBe(302)
    expect((await anon.get('/reports/stations/1/2026-11')).status).toBe(200)
    expect((await anon.get('/reports/stations/1/2099-01')).status).toBe(404)
    expect((await anon.get('/reports/stations/99/2026-11')).status).toBe(404)
  })

  it('shows the call-back phone in full only to the station’s clerks', async () => {
    const app = await followUpApp()
    const { clerk, admin } = app
    const c = await repliedConcern(app, '13512345678')
    const list = await (await clerk.get('/staff/stations/1/callbacks')).text()
    expect(list).toContain(`id="callback-${c.id}"`)
    expect(list).toContain('13512345678')
    const masked = await (await admin.get('/staff/stations/1/callbacks')).text()
    expect(masked).toContain('135****5678')
    expect(masked).not.toContain('13512345678')
    const res = await clerk.post(`/concerns/${c.id}/steps/verdict`, {
      seen: 'replied',
      verdict: 'basically_satisfied',
      back: '/staff/stations/1/callbacks',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/staff/stations/1/callbacks?done=${c.id}`)
    expect(eventsOf(app.t.db, c.id).at(-1)!.detail).toMatchObject({
      verdict: 'basically_satisfied',
      via: 'callback',
    })
    expect(await (await clerk.get('/staff/stations/1/callbacks')).text()).not.toContain(
      `id="callback-${c.id}"`,
    )
  })

  it("refuses the deputy's verdict on their own concern, naming who records it, and writes nothing", async () => {
    const app = await followUpApp()
    const { t, deputy } = app
    const c = await repliedConcern(app)
    const page = await (await deputy.get(`/concerns/${c.id}`)).text()
    expect(page).not.toContain('id="form-verdict"')
    const before = writes(t.db)
    const res = await step(deputy, t, c.id, 'verdict', { verdict: 'satisfied' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('群众在自助终端凭查询码评价，或由本站工作人员回访后录入')
    deputy.cookies.set('lang', 'en')
    const en = await step(deputy, t, c.id, 'verdict', { verdict: 'unsatisfied' })
    expect(en.status).toBe(403)
    expect(await en.text()).toContain('staff of the station record it after a call-back')
    expect(writes(t.db)).toEqual(before)
    expect(concernOf(t.db, c.id).status).toBe('replied')
  })

  it('keeps the settings to administrators and checks them', async () => {
    const { clerk, admin } = await followUpApp()
    expect((await clerk.get('/staff/followup-settings')).status).toBe(403)
    const bad = await admin.post('/staff/followup-settings', {
      unitReplyWorkingDays: '0',
      suggestionReplyWorkingDays: 'x',
      rehandlingWorkingDays: '10',
      escalationStepWorkingDays: '5',
      eraseAfterDays: '10',
      minSatisfactionSample: '5',
      unreachedDays: '90',
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('超出允许的范围。')
  })

  it('refuses a nonsense record period with a localised 422 and shows this month instead', async () => {
    const { deputy } = await followUpApp()
    const res = await deputy.get('/records/deputies/1?from=2026-12-31&to=2026-01-01')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('时间段无效')
    expect(
      (await deputy.get('/records/export.csv?scope=deputy&id=1&from=2026-13-01&to=2026-12-01')).status,
    ).toBe(422)
  })
})
