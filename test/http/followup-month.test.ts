import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { closures, concerns, queueTickets, receptionSessions } from '../../db/schema.ts'
import { runConcernDeadlines } from '../../server/jobs/concern-follow-up.ts'
import {
  concernOf,
  followUpApp,
  followUpOf,
  intake,
  kioskVerdict,
  ok,
  outboxOf,
} from '../helpers/followup.ts'
import { markPresent, slipCode, submitDropIn } from '../helpers/queue.ts'
import type { TestClient } from '../helpers/test-app.ts'

/*
 * A scripted month at station A (東湖, closed on Wed 9 December, with Sat 12 December a make-up
 * working day), with the first-response deadline at the station's 5 working days, the unit's
 * reply at 5 and re-handling at 3 (set through the settings form). Deputy 1 (陈建国) receives
 * walk-ins on the 2nd and 16th, concerns come in by phone, are referred, returned, replied,
 * rated, reopened, linked as duplicates, undone and left to go overdue; the daily deadline job
 * runs at 01:00 every day. Every figure of his December record is then checked against numbers
 * worked out by hand below.
 *
 * Concerns (deputy 1 unless said; wd = working days; first response in wd after receipt):
 *  C0  phone 20 Nov; referred 23 Nov (unit due 30 Nov); reply A 1 Dec (late); relayed 2 Dec;
 *      call-back verdict 满意 3 Dec → closed, NOT in time.
 *  C1  walk-in 2 Dec, answered at the console → answered; first response 0.
 *  C2  walk-in 2 Dec, follow-up; referred 4 Dec (due Sat 12 Dec, a make-up day) → 2 wd; reply A
 *      10 Dec (relay due 16 Dec); relayed 11 Dec; kiosk 满意 14 Dec → closed in time.
 *  C3  walk-in 2 Dec, follow-up; referred 3 Dec → 1 wd; RETURNED 7 Dec (first response due
 *      14 Dec); referred again 8 Dec (due 15 Dec); overdue 16 Dec (level 1); reply B 17 Dec;
 *      relayed 18 Dec; call-back 不满意 21 Dec → REOPENED (re-handling due 24 Dec); started
 *      23 Dec; relayed 24 Dec; kiosk 基本满意 28 Dec → closed, NOT in time.
 *  W4  walk-in 2 Dec served by deputy 2 (answered) — the station's, not deputy 1's.
 *  C4  phone 3 Dec; answered 7 Dec → 2 wd; in time (a public summary is written).
 *  C5  phone 4 Dec; formal suggestion the same day → 0; still open on 31 Dec.
 *  C6  phone 7 Dec (due 14 Dec); never touched → waiting; escalated 15, 21, 28 Dec (levels 1–3).
 *  C7  phone 1 Dec; referred the same day → 0 (due 8 Dec); never replied: escalated 9 Dec (the
 *      closed day: 0 wd late, level 1), 15 Dec (level 2), 22 Dec (level 3); no update for 30 days.
 *  C8  phone 11 Dec, linked as a DUPLICATE of C9 the same day.
 *  C9  phone 10 Dec; referred the same day → 0; reply A 15 Dec; relayed 16 Dec (3 residents
 *      told); kiosk 满意 18 Dec → closed in time.
 *  C10 phone 14 Dec for deputy 2, linked as a duplicate of C9.
 *  C11 walk-in 16 Dec, answered at the console → 0.
 *  C12 walk-in 16 Dec, follow-up; out of scope 17 Dec (litigation) → 1 wd; in time.
 *  C13 walk-in 16 Dec with a phone, called but no-show; withdrawn 18 Dec.
 *  C14 phone 21 Dec; answered by mistake and UNDONE by an administrator the same day; referred
 *      22 Dec → 1 wd; reply C 28 Dec; relayed 29 Dec; kiosk 满意 30 Dec → closed in time.
 * Reception sessions of deputy 1: 2, 10, 16, 23, 30 Dec (and one cancelled on the 9th); he is
 * marked present on 2, 4, 16 and 23 Dec.
 */

/** Shanghai wall-clock time on a date as the UTC instant the clock is set to. */
const shanghai = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`)

describe('a month of station life', () => {
  it('yields a deputy record whose every figure matches the hand count', async () => {
    const { t, clerk, deputy, admin, kiosk, renewLogins } = await followUpApp('2026-11-20T02:00:00.000Z')
    const at = (date: string, time?: string) => t.clock.set(shanghai(date, time))
    const now = () => t.clock.now()

    // Settings: the unit replies within 5 working days, re-handling takes 3.
    const saved = await admin.post('/staff/followup-settings', {
      unitReplyWorkingDays: '5',
      suggestionReplyWorkingDays: '60',
      rehandlingWorkingDays: '3',
      escalationStepWorkingDays: '5',
      eraseAfterDays: '180',
      minSatisfactionSample: '5',
      unreachedDays: '90',
      suggestionUrgentWorkingDays: '20',
      suggestionRehandlingWorkingDays: '40',
      suggestionMaxRehandlings: '1',
      suggestionFinderDays: '180',
    })
    expect(saved.status).toBe(303)
    const stamp = { createdAt: now(), updatedAt: now() }
    t.db
      .insert(closures)
      .values([
        { date: '2026-12-09', kind: 'station_closed', stationId: 1, name: '站点检修', ...stamp },
        { date: '2026-12-12', kind: 'workday', stationId: 0, name: '调休上班', ...stamp },
      ])
      .run()
    for (const [date, status] of [
      ['2026-12-02', 'scheduled'],
      ['2026-12-09', 'cancelled'],
      ['2026-12-10', 'scheduled'],
      ['2026-12-16', 'scheduled'],
      ['2026-12-23', 'scheduled'],
      ['2026-12-30', 'scheduled'],
    ] as const)
      t.db
        .insert(receptionSessions)
        .values({
          deputyId: 1,
          stationId: 1,
          date,
          startTime: '09:00',
          endTime: '11:00',
          startsAt: shanghai(date, '09:00'),
          endsAt: shanghai(date, '11:00'),
          slotMinutes: 30,
          capacityPerSlot: 1,
          status,
          ...stamp,
        })
        .run()

    const c: Record<string, { id: number; code: string }> = {}
    const phone = (name: string, f: Parameters<typeof intake>[2]) =>
      intake(clerk, t, f).then((r) => {
        c[name] = r
      })

    /** Walk-ins at the kiosk, then called and finished at the consoles in arrival order. */
    const walkIns = async (names: string[], topics: number[], phones: Record<string, string> = {}) => {
      for (const [i, name] of names.entries()) {
        const phone = phones[name]
        const { res } = await submitDropIn(kiosk, phone ? { mode: 'phone', phone } : {}, topics[i])
        const code = slipCode(res)
        c[name] = { id: t.db.select().from(concerns).where(eq(concerns.trackingCode, code)).get()!.id, code }
      }
    }
    const ticketOf = (name: string) =>
      t.db.select().from(queueTickets).where(eq(queueTickets.concernId, c[name]!.id)).get()!
    const serve = async (who: TestClient, deputyId: number, name: string, outcome: string) => {
      expect((await who.post(`/console/1/${deputyId}/call`)).status).toBe(303)
      expect(ticketOf(name).status).toBe('called')
      const path = `/console/1/${deputyId}/tickets/${ticketOf(name).id}`
      const res =
        outcome === 'no_show'
          ? await who.post(`${path}/no-show`)
          : await who.post(`${path}/serve`, { outcome, note: '' })
      expect(res.status).toBe(303)
    }

    // ── November: C0 ─────────────────────────────────────────────────────────────────────────
    at('2026-11-20')
    await phone('C0', { topic: 1, phone: '13900000000', residentName: '赵大' })
    at('2026-11-23')
    await ok(deputy, t, c.C0!.id, 'refer', { unit: '2' })
    expect(followUpOf(t.db, c.C0!.id)).toMatchObject({ dueKind: 'unit_reply', dueOn: '2026-11-30' })

    const days: Record<string, () => Promise<void>> = {
      '2026-12-01': async () => {
        await ok(clerk, t, c.C0!.id, 'unit_reply', { grade: 'A', unitReply: '已安排维修' })
        await phone('C7', { topic: 2 })
        await ok(deputy, t, c.C7!.id, 'refer', { unit: '3' })
        expect(followUpOf(t.db, c.C7!.id)?.dueOn).toBe('2026-12-08')
      },
      '2026-12-02': async () => {
        await ok(deputy, t, c.C0!.id, 'relay', { reply: '维修已安排，本周完成。' })
        markPresent(t, 1, [1, 2])
        await walkIns(['C1', 'C2', 'C3', 'W4'], [1, 2, 2, 3])
        expect(concernOf(t.db, c.C1!.id).firstResponseDueOn).toBe('2026-12-10') // the 9th is closed
        await serve(deputy, 1, 'C1', 'answered')
        await serve(deputy, 1, 'C2', 'follow_up')
        await serve(deputy, 1, 'C3', 'follow_up')
        await serve(clerk, 2, 'W4', 'answered')
      },
      '2026-12-03': async () => {
        // The resident of C0 says on the phone they are satisfied.
        await ok(clerk, t, c.C0!.id, 'verdict', { verdict: 'satisfied' })
        await ok(deputy, t, c.C3!.id, 'refer', { unit: '3' })
        await phone('C4', { topic: 1 })
      },
      '2026-12-04': async () => {
        markPresent(t, 1, [1])
        await ok(deputy, t, c.C2!.id, 'refer', { unit: '2' })
        expect(followUpOf(t.db, c.C2!.id)?.dueOn).toBe('2026-12-12') // the make-up Saturday
        await phone('C5', { topic: 4 })
        await ok(deputy, t, c.C5!.id, 'suggest', { note: '关于增设社区养老服务点的建议' })
      },
      '2026-12-07': async () => {
        await ok(clerk, t, c.C3!.id, 'return', { note: '不属本单位职责' })
        expect(concernOf(t.db, c.C3!.id).status).toBe('received')
        expect(followUpOf(t.db, c.C3!.id)).toMatchObject({ dueKind: 'first_response', dueOn: '2026-12-14' })
        await ok(deputy, t, c.C4!.id, 'answer', { reply: '已联系物业，下周更换门禁。' })
        await phone('C6', { topic: 3 })
      },
      '2026-12-08': async () => {
        await ok(deputy, t, c.C3!.id, 'refer', { unit: '4' })
        expect(followUpOf(t.db, c.C3!.id)?.dueOn).toBe('2026-12-15')
      },
      '2026-12-10': async () => {
        await ok(clerk, t, c.C2!.id, 'unit_reply', { grade: 'A', unitReply: '已清理' })
        await phone('C9', { topic: 5, phone: '13700000009' })
        await ok(deputy, t, c.C9!.id, 'refer', { unit: '2' })
      },
      '2026-12-11': async () => {
        await ok(deputy, t, c.C2!.id, 'relay', { reply: '垃圾已清理完毕。' })
        await phone('C8', { topic: 5, phone: '13700000008' })
        await ok(clerk, t, c.C8!.id, 'duplicate', { master: c.C9!.code })
      },
      '2026-12-14': async () => {
        expect((await kioskVerdict(kiosk, c.C2!.code, 'satisfied')).status).toBe(303)
        await phone('C10', { topic: 5, deputy: 2 })
        await ok(clerk, t, c.C10!.id, 'duplicate', { master: c.C9!.code })
      },
      '2026-12-15': async () => {
        await ok(clerk, t, c.C9!.id, 'unit_reply', { grade: 'A', unitReply: '路灯已修复' })
      },
      '2026-12-16': async () => {
        await ok(deputy, t, c.C9!.id, 'relay', { reply: '路灯已修复。' })
        markPresent(t, 1, [1])
        // C13 left a phone: a no-show that can be called back stays open (issue 15).
        await walkIns(['C11', 'C12', 'C13'], [1, 6, 1], { C13: '13900000013' })
        await serve(deputy, 1, 'C11', 'answered')
        await serve(deputy, 1, 'C12', 'follow_up')
        await serve(deputy, 1, 'C13', 'no_show')
      },
      '2026-12-17': async () => {
        await ok(clerk, t, c.C3!.id, 'unit_reply', { grade: 'B', unitReply: '正在协调施工' })
        await ok(deputy, t, c.C12!.id, 'out_of_scope', { rightChannel: 'litigation' })
      },
      '2026-12-18': async () => {
        await ok(deputy, t, c.C3!.id, 'relay', { reply: '施工单位正在协调，月底前完成。' })
        expect((await kioskVerdict(kiosk, c.C9!.code, 'satisfied')).status).toBe(303)
        await ok(clerk, t, c.C13!.id, 'withdraw', { note: '群众来电撤回' })
      },
      '2026-12-21': async () => {
        await ok(clerk, t, c.C3!.id, 'verdict', { verdict: 'unsatisfied', comment: '还没修好' })
        expect(followUpOf(t.db, c.C3!.id)).toMatchObject({ dueKind: 'rehandling', dueOn: '2026-12-24' })
        await phone('C14', { topic: 3 })
        await ok(deputy, t, c.C14!.id, 'answer', { reply: '已答复' })
        await ok(admin, t, c.C14!.id, 'undo', { note: '代表误点了答复' })
        expect(concernOf(t.db, c.C14!.id).status).toBe('received')
      },
      '2026-12-22': async () => {
        await ok(deputy, t, c.C14!.id, 'refer', { unit: '2' })
      },
      '2026-12-23': async () => {
        markPresent(t, 1, [1])
        await ok(deputy, t, c.C3!.id, 'accept', { note: '再次督促施工单位' })
        expect(followUpOf(t.db, c.C3!.id)?.dueOn).toBe('2026-12-24')
      },
      '2026-12-24': async () => {
        await ok(deputy, t, c.C3!.id, 'relay', { reply: '施工已完成。' })
      },
      '2026-12-28': async () => {
        expect((await kioskVerdict(kiosk, c.C3!.code, 'basically_satisfied')).status).toBe(303)
        await ok(clerk, t, c.C14!.id, 'unit_reply', { grade: 'C', unitReply: '列入明年计划' })
      },
      '2026-12-29': async () => {
        await ok(deputy, t, c.C14!.id, 'relay', { reply: '已列入明年改造计划。' })
      },
      '2026-12-30': async () => {
        expect((await kioskVerdict(kiosk, c.C14!.code, 'satisfied')).status).toBe(303)
      },
    }

    for (let d = 1; d <= 31; d++) {
      const date = `2026-12-${String(d).padStart(2, '0')}`
      at(date, '01:00')
      runConcernDeadlines(t.deps, now())
      at(date)
      if (d === 15) await renewLogins()
      await days[date]?.()
    }

    // A public summary for the monthly report, written by the clerk.
    expect(
      (await clerk.post(`/concerns/${c.C4!.id}/summary`, { summary: '小区门禁损坏，已协调物业更换。' }))
        .status,
    ).toBe(303)

    // ── The story as it ended ────────────────────────────────────────────────────────────────
    const status = (n: string) => concernOf(t.db, c[n]!.id).status
    expect(
      Object.fromEntries(
        ['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14'].map(
          (n) => [n, status(n)],
        ),
      ),
    ).toEqual({
      C0: 'closed',
      C1: 'answered',
      C2: 'closed',
      C3: 'closed',
      C4: 'answered',
      C5: 'suggestion',
      C6: 'received',
      C7: 'referred',
      C8: 'duplicate',
      C9: 'closed',
      C10: 'duplicate',
      C11: 'answered',
      C12: 'out_of_scope',
      C13: 'withdrawn',
      C14: 'closed',
    })
    // Escalations: C0 once (1 Dec), C3 once (16 Dec), C6 and C7 three levels each.
    const escalations = outboxOf(t.db, 'followup.escalation')
    expect(escalations.map((m) => m.dedupeKey).sort()).toEqual(
      [
        `followup-escalation:concern-${c.C0!.id}:unit_reply-2026-11-30:level-1`,
        `followup-escalation:concern-${c.C3!.id}:unit_reply-2026-12-15:level-1`,
        `followup-escalation:concern-${c.C6!.id}:first_response-2026-12-14:level-1`,
        `followup-escalation:concern-${c.C6!.id}:first_response-2026-12-14:level-2`,
        `followup-escalation:concern-${c.C6!.id}:first_response-2026-12-14:level-3`,
        `followup-escalation:concern-${c.C7!.id}:unit_reply-2026-12-08:level-1`,
        `followup-escalation:concern-${c.C7!.id}:unit_reply-2026-12-08:level-2`,
        `followup-escalation:concern-${c.C7!.id}:unit_reply-2026-12-08:level-3`,
      ].sort(),
    )
    expect(escalations.every((m) => m.recipient === 'street-office')).toBe(true)
    expect(
      new Date(
        escalations.find((m) => m.dedupeKey.endsWith(`${c.C7!.id}:unit_reply-2026-12-08:level-1`))!.createdAt,
      ),
    ).toEqual(shanghai('2026-12-09', '01:00'))
    // Replies told: C0, C2, C3 twice, C9 with its two duplicates, C14.
    expect(
      outboxOf(t.db, 'followup.replied')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(['C0', 'C2', 'C3', 'C3', 'C9', 'C8', 'C10', 'C14'].map((n) => `concern:${c[n]!.id}`).sort())

    // ── The record, as of 4 January ──────────────────────────────────────────────────────────
    at('2027-01-04')
    runConcernDeadlines(t.deps, now())
    expect(outboxOf(t.db, 'followup.escalation')).toHaveLength(8 + 0) // nothing new for C6/C7: level 3 is the top
    const csv = await deputy.get('/records/export.csv?scope=deputy&id=1&from=2026-12-01&to=2026-12-31')
    expect(csv.status).toBe(200)
    const [row] = parse((await csv.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[]
    expect(row).toEqual({
      scope: 'deputy',
      id: '1',
      name: '陈建国',
      from: '2026-12-01',
      to: '2026-12-31',
      as_of: '2026-12-31',
      receptions_scheduled: '5', // 2, 10, 16, 23, 30 Dec (the 9th was cancelled)
      reception_days_held: '4', // present 2, 4, 16, 23 Dec
      scheduled_days_held: '3', // 2, 16, 23 Dec
      residents_received: '5', // C1, C2, C3 on the 2nd; C11, C12 on the 16th (C13 did not come)
      concerns_received: '13', // C1–C9, C11–C14
      median_working_days_to_first_response: '0.5', // 0,0,0,0,0,1,1,1,2,2
      first_responses: '10',
      awaiting_first_response: '1', // C6
      finished: '9', // C0, C1, C2, C3, C4, C9, C11, C12, C14
      finished_within_deadline: '7', // all but C0 and C3
      share_within_deadline: String(Math.round((7 / 9) * 10000) / 10000),
      verdicts: '6', // C0, C2, C3 twice, C9, C14
      satisfied: '4',
      basically_satisfied: '1',
      unsatisfied: '1',
      satisfaction_rate: String(Math.round((5 / 6) * 10000) / 10000),
      ranked: 'yes',
      rank: '',
      judged_concerns: '5', // C0, C2, C3, C9, C14
      reopened_concerns: '1', // C3
      reopen_rate: '0.2',
      open_concerns: '3', // C5, C6, C7
      open_without_update_30_days: '1', // C7, untouched since 1 Dec
      stale_share: String(Math.round((1 / 3) * 10000) / 10000),
      concerns_to_suggestions: '1', // C5
      no_show_no_contact: '0',
      // Coverage (issue 17): district 1 has 5 places; this month no concern names a place, no visit.
      coverage_places: '5',
      coverage_places_reached: '0',
      coverage_places_unreached: '5',
      coverage_contacts: '0',
      visits_planned: '0',
      visits_held: '0',
      visits_cancelled: '0',
      contacts_share_top_place: '',
      contacts_share_own_places: '',
      // Deputies' suggestions (issue 18): none in this fixture; shares are empty with n = 0.
      suggestions_led: '0',
      suggestions_cosigned: '0',
      quality_first_pass: '0',
      quality_first_pass_n: '0',
      quality_first_pass_share: '',
      suggestion_replies: '0',
      suggestion_grade_a: '0',
      suggestion_grade_b: '0',
      suggestion_grade_c: '0',
      suggestion_grade_d: '0',
      replies_on_time: '0',
      replies_on_time_n: '0',
      replies_on_time_share: '',
      deputy_verdict_satisfied: '0',
      deputy_verdict_basically_satisfied: '0',
      deputy_verdict_unsatisfied: '0',
      deputy_satisfied_n: '0',
      deputy_satisfied_share: '',
      suggestions_rehandled: '0',
    })

    // The same figures on the page, with the chart.
    const page = await (await deputy.get('/records/deputies/1?from=2026-12-01&to=2026-12-31')).text()
    expect(page).toContain('<svg id="chart-weekly"')
    expect(page).toMatch(
      /id="fig-satisfaction"><strong>83%<\/strong><span>样本 6 件：满意 4，基本满意 1，不满意 1/,
    )
    expect(page).toMatch(/id="fig-first-response"><strong>0.5 个工作日<\/strong>/)
    expect(page).toMatch(/id="fig-in-time"><strong>78%<\/strong><span>办结 9 件，其中按期 7 件/)

    // Station A's record: deputy 1 is the only one with enough verdicts to rank.
    const station = await clerk.get('/records/export.csv?scope=station&id=1&from=2026-12-01&to=2026-12-31')
    const stationRows = parse((await station.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[]
    expect(stationRows.find((r) => r.scope === 'deputy' && r.id === '1')).toMatchObject({
      rank: '1',
      ranked: 'yes',
    })
    expect(stationRows.find((r) => r.scope === 'deputy' && r.id === '2')).toMatchObject({
      rank: '',
      ranked: 'no',
      residents_received: '1', // W4
      concerns_received: '2', // W4 and C10
    })
    expect(stationRows.at(-1)).toMatchObject({
      scope: 'station',
      concerns_received: '15',
      residents_received: '6',
      finished: '10', // deputy 1's nine and W4
      finished_within_deadline: '8',
      verdicts: '6',
      median_working_days_to_first_response: '0', // deputy 1's ten and W4's 0
    })

    // The public monthly report: counts by topic, shares with their sample, no personal data.
    const report = await t.client().get('/reports/stations/1/2026-12')
    expect(report.status).toBe(200)
    const html = await report.text()
    expect(html).toMatch(/id="report-received"><strong>15<\/strong>/)
    expect(html).toMatch(/id="report-finished"><strong>10<\/strong><span>按期 80%/)
    expect(html).toMatch(/id="report-satisfaction"><strong>83%<\/strong><span>共 6 件评价/)
    const topicRows = [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td><\/tr>/g)].map(
      (m) => [m[1], Number(m[2])],
    )
    expect(topicRows).toEqual([
      ['住房与物业', 4],
      ['道路交通', 3],
      ['环境卫生', 3],
      ['医疗卫生', 3],
      ['社会保障', 1],
      ['教育与托育', 1],
    ])
    expect(html).toContain('小区门禁损坏，已协调物业更换。')
    for (const secret of ['赵大', '13900000000', '13700000009', '小区门口路灯不亮', '还没修好'])
      expect(html).not.toContain(secret)

    // The master counts three residents.
    const master = await (await clerk.get(`/concerns/${c.C9!.id}`)).text()
    expect(master).toContain('3 位群众')
  })
})
