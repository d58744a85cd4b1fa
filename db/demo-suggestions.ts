import { eq } from 'drizzle-orm'
import { localDate } from '../server/domain/time.ts'
import { addWorkingDays } from '../server/domain/working-days.ts'
import type { Queryable } from './client.ts'
import type { ReplyGrade, SuggestionKind, SuggestionStatus, Verdict } from './enums.ts'
import { type Actor, calendarFor, insertConcern } from './queries/concerns.ts'
import {
  addSuggestionEvent,
  insertSuggestion,
  linkConcerns,
  moveSuggestion,
  nextSuggestionNumber,
  setCosigner,
  writeSuggestionActions,
  writeSuggestionUnits,
} from './queries/suggestions.ts'
import {
  accounts,
  deputies,
  handlingUnits,
  places,
  suggestionReplies,
  suggestions,
  topics,
} from './schema.ts'

/*
 * The demo's deputies' suggestions (issue 18), so the first day shows each stage: one closed with
 * replies graded A and B and a 满意 verdict, one with the units and a due date, one replied and
 * waiting for the deputy's verdict, one draft. Each rests on a few residents' concerns written
 * without a name or phone, as a kiosk records them anonymously.
 */

type DemoSuggestion = {
  lead: string
  cosigners: string[]
  kind: SuggestionKind
  topic: string
  place: string
  title: string
  problem: string
  causes: string
  actions: [string, string][]
  units: [string, 'lead' | 'assist'][]
  /** The residents' words, one concern each, received this many days ago. */
  concerns: [number, string][]
  /** Days ago it was submitted (none: a draft). */
  submittedDaysAgo?: number
  replies?: { unit: string; grade: ReplyGrade; daysAgo: number; text: string }[]
  verdict?: Verdict
  closedDaysAgo?: number
}

const DEMO_SUGGESTIONS: DemoSuggestion[] = [
  {
    lead: '陈建国',
    cosigners: ['李秀英'],
    kind: 'infrastructure',
    topic: '住房与物业',
    place: '东湖社区',
    title: '关于尽快更换东湖社区3栋老旧电梯的建议',
    problem:
      '东湖社区3栋共18层、72户，电梯使用已满20年。今年以来电梯停运11次，最长一次停运4天，其中有行动不便的老人被困家中。已有4位居民到联络站反映。',
    causes: '电梯主机和控制柜老化，维保单位只做应急维修；维修资金申请程序长，业主委员会尚未成立。',
    actions: [
      ['对3栋电梯进行安全评估，评估不合格的在三个月内更换主机和控制柜', '住房和城乡建设局'],
      ['协助业主申请使用住宅专项维修资金，每月在社区公告栏公布进度', '街道办事处'],
    ],
    units: [
      ['住房和城乡建设局', 'lead'],
      ['街道办事处', 'assist'],
    ],
    concerns: [
      [170, '3栋电梯又停了，老人上下楼很困难'],
      [160, '电梯经常困人，希望尽快维修'],
      [150, '电梯停运好几天，没人管'],
      [140, '电梯太旧了，能不能换新的'],
    ],
    submittedDaysAgo: 130,
    replies: [
      {
        unit: '住房和城乡建设局',
        grade: 'A',
        daysAgo: 75,
        text: '经安全评估，已于九月底更换3栋电梯主机和控制柜，并完成验收。',
      },
      {
        unit: '街道办事处',
        grade: 'B',
        daysAgo: 72,
        text: '已协助业主提交维修资金申请，进度每月在社区公告栏公布。',
      },
    ],
    verdict: 'satisfied',
    closedDaysAgo: 60,
  },
  {
    lead: '李秀英',
    cosigners: ['陈建国'],
    kind: 'environment',
    topic: '环境卫生',
    place: '南苑社区',
    title: '关于整治南苑社区周边工厂夜间噪声的建议',
    problem:
      '南苑社区东侧两家工厂夜间22时后仍在开机生产，居民测得夜间噪声约65分贝，超过居住区夜间标准。近两个月有3位居民反映晚上无法入睡。',
    causes: '工厂赶订单延长生产时间；厂区与住宅之间没有隔音设施；夜间执法检查少。',
    actions: [
      ['对两家工厂夜间噪声进行监测，超标的责令限期整改', '生态环境分局'],
      ['在工厂与住宅之间加装隔音屏障', '街道城管执法中队'],
    ],
    units: [
      ['生态环境分局', 'lead'],
      ['街道城管执法中队', 'assist'],
    ],
    concerns: [
      [50, '晚上工厂机器声音太大，睡不着'],
      [40, '夜里十一点多还有噪声'],
      [35, '希望管管工厂夜里开工的噪声'],
    ],
    submittedDaysAgo: 25,
  },
  {
    lead: '陈建国',
    cosigners: ['张伟'],
    kind: 'traffic',
    topic: '道路交通',
    place: '东湖社区',
    title: '关于在东湖路小学门口增设人行横道和信号灯的建议',
    problem:
      '东湖路小学门口路段车速快，上学放学时段每小时过往车辆约600辆，没有人行横道和信号灯。今年发生两起学生过马路时的剐蹭事故。',
    causes: '道路改造时没有同步设置过街设施；学校门口没有限速标志。',
    actions: [
      ['在学校门口增设人行横道和按钮式信号灯', '交警中队'],
      ['上学放学时段安排人员在路口值守', '街道办事处'],
    ],
    units: [
      ['交警中队', 'lead'],
      ['街道办事处', 'assist'],
    ],
    concerns: [
      [100, '学校门口车太快，孩子过马路很危险'],
      [90, '希望学校门口装红绿灯'],
    ],
    submittedDaysAgo: 85,
    replies: [
      { unit: '交警中队', grade: 'B', daysAgo: 20, text: '已完成人行横道施划，信号灯列入下月施工计划。' },
      { unit: '街道办事处', grade: 'A', daysAgo: 18, text: '已安排志愿者在上学放学时段值守路口。' },
    ],
  },
  {
    lead: '陈建国',
    cosigners: [],
    kind: 'social_security',
    topic: '养老服务',
    place: '南苑社区',
    title: '关于在南苑社区增设老年助餐点的建议',
    problem: '南苑社区60岁以上老人约420人，其中独居老人56人，附近没有老年食堂，最近的助餐点步行需要25分钟。',
    causes: '',
    actions: [['利用社区服务中心一楼闲置用房开设老年助餐点', '街道办事处']],
    units: [['街道办事处', 'lead']],
    concerns: [[20, '附近没有老年食堂，老人吃饭不方便']],
  },
]

const idBy = <T extends { id: number }>(rows: T[], key: (r: T) => string) => {
  const m = new Map(rows.map((r) => [key(r), r.id]))
  return (name: string) => {
    const id = m.get(name)
    if (id === undefined) throw new Error(`demo suggestion: unknown ${name}`)
    return id
  }
}

/**
 * Writes the demo's suggestions, their residents' concerns and timelines. Call inside a write
 * transaction on the demo database; does nothing when any suggestion exists already.
 */
export function seedDemoSuggestions(tx: Queryable, now: Date) {
  if (tx.select({ id: suggestions.id }).from(suggestions).limit(1).get()) return
  const deputy = idBy(tx.select().from(deputies).all(), (d) => d.name)
  const unit = idBy(tx.select().from(handlingUnits).all(), (u) => u.nameZhHans)
  const topic = idBy(tx.select().from(topics).all(), (u) => u.nameZhHans)
  const place = idBy(tx.select().from(places).all(), (p) => p.nameZhHans)
  const clerk = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, 'clerk')).get()
  const office: Actor = { kind: 'account', accountId: clerk?.id ?? null }
  const deputyOf = (name: string): Actor => {
    const a = tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.deputyId, deputy(name)))
      .get()
    return a ? { kind: 'account', accountId: a.id } : { kind: 'system' }
  }
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000)

  for (const d of DEMO_SUGGESTIONS) {
    const leadId = deputy(d.lead)
    const home = tx.select().from(deputies).where(eq(deputies.id, leadId)).get()!
    const stationId = home.homeStationId!
    const timeZone = 'Asia/Shanghai'
    const concernIds = d.concerns.map(
      ([daysAgo, words]) =>
        insertConcern(
          tx,
          {
            stationId,
            topicId: topic(d.topic),
            channel: 'kiosk',
            deputyId: leadId,
            description: words,
            receivedOn: localDate(ago(daysAgo), timeZone),
            placeId: place(d.place),
            actor: { kind: 'kiosk' },
          },
          ago(daysAgo),
        ).id,
    )
    const firstDay = Math.max(...d.concerns.map(([n]) => n)) - 5
    const created = ago(d.submittedDaysAgo ? d.submittedDaysAgo + 3 : firstDay)
    const lead = deputyOf(d.lead)
    const s = insertSuggestion(
      tx,
      {
        stationId,
        leadDeputyId: leadId,
        createdByAccountId: lead.accountId ?? null,
        kind: d.kind,
        title: d.title,
        problem: d.problem,
        causes: d.causes,
        noEvidenceReason: '',
        urgent: false,
      },
      created,
    )
    writeSuggestionActions(
      tx,
      s.id,
      d.actions.map(([text, actor]) => ({ text, actor })),
    )
    const units = d.units.map(([name, role]) => ({ unitId: unit(name), role }))
    writeSuggestionUnits(tx, s.id, 'proposed', units)
    const event = (at: Date, e: Parameters<typeof addSuggestionEvent>[3]) =>
      addSuggestionEvent(tx, s.id, at, e)
    event(created, { action: 'created', actor: lead, fromStatus: null, toStatus: 'draft' })
    linkConcerns(tx, s.id, concernIds, created)
    event(created, {
      action: 'concerns_linked',
      actor: lead,
      fromStatus: 'draft',
      toStatus: 'draft',
      detail: { concernIds },
    })
    for (const name of d.cosigners) {
      setCosigner(tx, s.id, deputy(name), 'confirmed', created)
      event(created, {
        action: 'cosigner_confirmed',
        actor: deputyOf(name),
        fromStatus: 'draft',
        toStatus: 'draft',
        detail: { deputyId: deputy(name) },
      })
    }
    if (d.submittedDaysAgo === undefined) continue

    let status: SuggestionStatus = 'draft'
    const step = (
      to: SuggestionStatus,
      at: Date,
      actor: Actor,
      e: Partial<Parameters<typeof event>[1]>,
      set = {},
    ) => {
      if (!moveSuggestion(tx, s.id, status, to, at, set))
        throw new Error(`demo suggestion: ${status} → ${to}`)
      event(at, { action: e.action ?? 'submitted', actor, fromStatus: status, toStatus: to, ...e })
      status = to
    }
    const submitted = ago(d.submittedDaysAgo)
    const year = Number(localDate(submitted, timeZone).slice(0, 4))
    const number = nextSuggestionNumber(tx, year)
    step(
      'submitted',
      submitted,
      lead,
      { action: 'submitted', detail: { number: `${year}-${String(number).padStart(3, '0')}` } },
      { year, number, submittedAt: submitted, qualityFirstPassed: true },
    )
    const accepted = ago(d.submittedDaysAgo - 2)
    step('accepted', accepted, office, { action: 'accepted' }, { acceptedAt: accepted })
    const assigned = ago(d.submittedDaysAgo - 3)
    const assignedOn = localDate(assigned, timeZone)
    const dueOn = addWorkingDays(assignedOn, 60, calendarFor(tx, stationId, assignedOn))
    writeSuggestionUnits(tx, s.id, 'assigned', units)
    step(
      'assigned',
      assigned,
      office,
      { action: 'assigned', detail: { unitIds: units.map((u) => u.unitId), dueOn } },
      { assignedAt: assigned, dueOn },
    )
    const replies = d.replies ?? []
    for (const [i, r] of replies.entries()) {
      const at = ago(r.daysAgo)
      const repliedOn = localDate(at, timeZone)
      tx.insert(suggestionReplies)
        .values({
          suggestionId: s.id,
          unitId: unit(r.unit),
          round: 0,
          grade: r.grade,
          text: r.text,
          repliedOn,
          dueOn,
          recordedByAccountId: office.accountId ?? null,
          recordedAt: at,
        })
        .run()
      const last = i === replies.length - 1 && replies.length === units.length
      event(at, {
        action: 'unit_replied',
        actor: office,
        fromStatus: status,
        toStatus: status,
        detail: { unitId: unit(r.unit), grade: r.grade, round: 0 },
      })
      if (last) step('replied', at, office, { action: 'replied' }, { repliedAt: at })
    }
    if (d.verdict && d.closedDaysAgo !== undefined) {
      const closed = ago(d.closedDaysAgo)
      event(closed, {
        action: 'verdict',
        actor: lead,
        fromStatus: 'replied',
        toStatus: 'closed',
        detail: { verdict: d.verdict },
      })
      step('closed', closed, lead, { action: 'closed' }, { verdict: d.verdict, closedAt: closed })
    }
  }
}
