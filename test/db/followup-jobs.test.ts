import { describe, expect, it } from 'vitest'
import {
  concernDeadlinesJob,
  runConcernDeadlines,
  runConcernErasure,
} from '../../server/jobs/concern-follow-up.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { runJob } from '../../server/jobs/runner.ts'
import {
  concernOf,
  eventsOf,
  followUpApp,
  followUpOf,
  intake,
  kioskVerdict,
  ok,
  outboxOf,
  writes,
} from '../helpers/followup.ts'

const shanghai = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`)

describe('the daily deadline job', () => {
  it('marks overdue concerns and escalates each level to the street office once', async () => {
    // Wednesday 25 November: the first response is due five working days later, Wed 2 December.
    const { t, clerk } = await followUpApp('2026-11-25T02:00:00.000Z')
    const c = await intake(clerk, t)
    expect(concernOf(t.db, c.id).firstResponseDueOn).toBe('2026-12-02')

    t.clock.set(shanghai('2026-12-02', '23:59'))
    expect(runConcernDeadlines(t.deps, t.clock.now()).escalations).toBe(0)

    t.clock.set(shanghai('2026-12-03', '01:00'))
    const before = writes(t.db)
    expect(runConcernDeadlines(t.deps, t.clock.now())).toMatchObject({ overdue: 1, escalations: 1 })
    expect(runConcernDeadlines(t.deps, t.clock.now())).toMatchObject({ overdue: 1, escalations: 0 })
    expect(writes(t.db)).toEqual({
      ...before,
      events: before.events + 1,
      followUps: before.followUps + 1,
      outbox: before.outbox + 1,
    })
    const [first] = outboxOf(t.db, 'followup.escalation')
    expect(first).toMatchObject({
      recipient: 'street-office',
      dedupeKey: `followup-escalation:concern-${c.id}:first_response-2026-12-02:level-1`,
    })
    expect(first!.body).toContain(c.code.slice(0, 4))
    expect(first!.body).not.toContain('小区门口路灯不亮')
    expect(eventsOf(t.db, c.id).at(-1)).toMatchObject({
      action: 'escalated',
      actorKind: 'system',
      detail: { level: 1 },
    })
    expect(followUpOf(t.db, c.id)).toMatchObject({
      dueKind: 'first_response',
      dueOn: '2026-12-02',
      escalationLevel: 1,
    })

    // Missed days are caught up in one pass: eleven working days late is level 3, sent as 2 and 3.
    t.clock.set(shanghai('2026-12-17', '01:00'))
    expect(runConcernDeadlines(t.deps, t.clock.now()).escalations).toBe(2)
    expect(outboxOf(t.db, 'followup.escalation').map((m) => m.dedupeKey.slice(-7))).toEqual([
      'level-1',
      'level-2',
      'level-3',
    ])
    // The overdue concern shows on the station list with its level.
    const list = await (await clerk.get('/staff/stations/1/concerns')).text()
    expect(list).toContain('fu-row-overdue')
    expect(list).toContain('已提请督办（第 3 级）')
    expect(list).toContain('未办结 1 件，其中逾期 1 件')
  })

  it('starts a new count for a new deadline, and is registered with the scheduler', async () => {
    const { t, clerk, deputy } = await followUpApp('2026-11-25T02:00:00.000Z')
    const c = await intake(clerk, t)
    t.clock.set(shanghai('2026-12-03', '01:00'))
    runConcernDeadlines(t.deps, t.clock.now())
    t.clock.set(shanghai('2026-12-03'))
    await ok(deputy, t, c.id, 'refer', { unit: '2' })
    expect(followUpOf(t.db, c.id)).toMatchObject({
      dueKind: 'unit_reply',
      dueOn: '2026-12-24',
      escalationLevel: 0,
    })
    t.clock.set(shanghai('2026-12-25', '01:00'))
    runConcernDeadlines(t.deps, t.clock.now())
    expect(outboxOf(t.db, 'followup.escalation').map((m) => m.dedupeKey)).toEqual([
      `followup-escalation:concern-${c.id}:first_response-2026-12-02:level-1`,
      `followup-escalation:concern-${c.id}:unit_reply-2026-12-24:level-1`,
    ])
    expect(JOBS).toContain(concernDeadlinesJob)
    const outcomes = await runJob(t.deps, concernDeadlinesJob)
    expect(outcomes.map((o) => o.status)).toEqual(['done'])
  })
})

describe('the erasure job', () => {
  it('erases personal fields a configured time after a concern ends, keeping the concern and its figures', async () => {
    const { t, clerk, deputy, admin, kiosk, renewLogins } = await followUpApp('2026-11-25T02:00:00.000Z')
    const done = await intake(clerk, t, { residentName: '李四', phone: '13811112222', description: '噪音' })
    const open = await intake(clerk, t, { residentName: '王五', phone: '13833334444', description: '积水' })
    await ok(deputy, t, done.id, 'refer', { unit: '2' })
    await ok(deputy, t, done.id, 'relay', { reply: '已处理。' })
    expect((await kioskVerdict(kiosk, done.code, 'satisfied', '我叫李四，谢谢')).status).toBe(303)
    expect(
      (
        await admin.post('/staff/followup-settings', {
          unitReplyWorkingDays: '15',
          suggestionReplyWorkingDays: '60',
          rehandlingWorkingDays: '10',
          escalationStepWorkingDays: '5',
          eraseAfterDays: '30',
          minSatisfactionSample: '5',
          unreachedDays: '90',
          suggestionUrgentWorkingDays: '20',
          suggestionRehandlingWorkingDays: '40',
          suggestionMaxRehandlings: '1',
          suggestionFinderDays: '180',
        })
      ).status,
    ).toBe(303)

    t.clock.set(shanghai('2026-12-24'))
    runConcernErasure(t.deps, t.clock.now())
    expect(concernOf(t.db, done.id).residentName).toBe('李四')

    t.clock.set(shanghai('2026-12-26'))
    expect(runConcernErasure(t.deps, t.clock.now())).toBe('1 concern(s) cleared of personal data')
    expect(concernOf(t.db, done.id)).toMatchObject({
      residentName: null,
      callbackPhone: null,
      description: null,
      status: 'closed',
      personalDataErasedAt: shanghai('2026-12-26'),
    })
    const events = eventsOf(t.db, done.id)
    expect(events.find((e) => e.action === 'verdict')!.detail).toEqual(
      expect.objectContaining({ verdict: 'satisfied', via: 'kiosk' }),
    )
    expect(JSON.stringify(events)).not.toContain('我叫李四')
    expect(events.at(-1)).toMatchObject({ action: 'erased', actorKind: 'system' })
    // The open concern keeps its details; running again changes nothing.
    expect(concernOf(t.db, open.id).residentName).toBe('王五')
    const before = writes(t.db)
    expect(runConcernErasure(t.deps, t.clock.now())).toBe('0 concern(s) cleared of personal data')
    expect(writes(t.db)).toEqual(before)
    // The figures still count the verdict.
    await renewLogins()
    const csv = await clerk.get('/records/export.csv?scope=station&id=1&from=2026-11-01&to=2026-11-30')
    const total = (await csv.text()).trim().split('\r\n').at(-1)!.split(',')
    expect(total[0]).toBe('station')
    expect(total[17]).toBe('1')
    expect(await (await clerk.get(`/concerns/${done.id}`)).text()).toContain('个人信息已于')
  })
})
