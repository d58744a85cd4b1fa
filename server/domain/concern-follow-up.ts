import { CONCERN_STATUSES, type TriageState, VERDICTS } from '../../db/enums.ts'
import type {
  ConcernEventDetail,
  ConcernStatus,
  FollowUpDueKind,
  FollowUpSnapshot,
  Verdict,
} from '../../db/schema.ts'
import type { Account } from './account.ts'
import { allowedTransitions, checkTransition, isOpen, type TransitionCheck } from './concern-lifecycle.ts'
import { reachesDeputy } from './triage.ts'
import { addWorkingDays, isWorkingDay, type WorkingCalendar, workingDaysBetween } from './working-days.ts'

/*
 * The follow-up of a concern (DESIGN §4.4) as pure rules: which steps a person may take from a
 * status (built from the lifecycle's allowed transitions, never a second table), which deadline
 * each step sets, when a deadline is missed and how far the escalation has gone.
 */

/** Working-day deadlines and the other follow-up settings an administrator can change. */
export type FollowUpSettings = {
  /** A handling unit's reply after a referral. */
  unitReplyWorkingDays: number
  /** The units' reply to a deputy's suggestion (statutory practice: three months). */
  suggestionReplyWorkingDays: number
  /** Re-handling after the resident said 不满意. */
  rehandlingWorkingDays: number
  /** An overdue concern goes one escalation level up every this many working days. */
  escalationStepWorkingDays: number
  /** Calendar days after a concern ends before its personal fields are erased. */
  eraseAfterDays: number
  /** Below this many verdicts a satisfaction rate is shown but not ranked. */
  minSatisfactionSample: number
  /** Calendar days without a contact after which a place counts as unreached (coverage). */
  unreachedDays: number
  /** An urgent suggestion's reply (issue 18; `suggestionReplyWorkingDays` is the ordinary one). */
  suggestionUrgentWorkingDays: number
  /** The units' re-handling after the lead deputy said 不满意. */
  suggestionRehandlingWorkingDays: number
  /** How many times a suggestion may be sent back for re-handling. */
  suggestionMaxRehandlings: number
  /** How far back the suggestion finder looks for residents' concerns, in calendar days. */
  suggestionFinderDays: number
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  unitReplyWorkingDays: 15,
  suggestionReplyWorkingDays: 60,
  rehandlingWorkingDays: 10,
  escalationStepWorkingDays: 5,
  eraseAfterDays: 180,
  minSatisfactionSample: 5,
  unreachedDays: 90,
  suggestionUrgentWorkingDays: 20,
  suggestionRehandlingWorkingDays: 40,
  suggestionMaxRehandlings: 1,
  suggestionFinderDays: 180,
}

/** Escalation stops here: level 1 when overdue, 2 and 3 after one and two more steps. */
export const MAX_ESCALATION_LEVEL = 3

/** A step a person takes on a concern. Most move it to another status; some only record. */
export const STEPS = [
  'answer',
  'refer',
  'suggest',
  'out_of_scope',
  'duplicate',
  'return',
  'accept',
  'unit_reply',
  'relay',
  'verdict',
  'withdraw',
  'undo',
] as const
export type Step = (typeof STEPS)[number]

/** The step that moves a concern to `to` (closed and reopened are both the resident's verdict). */
export function stepTo(to: ConcernStatus): Step | null {
  switch (to) {
    case 'answered':
      return 'answer'
    case 'referred':
      return 'refer'
    case 'suggestion':
      return 'suggest'
    case 'out_of_scope':
      return 'out_of_scope'
    case 'duplicate':
      return 'duplicate'
    case 'received':
      return 'return'
    case 'in_progress':
      return 'accept'
    case 'replied':
      return 'relay'
    case 'closed':
    case 'reopened':
      return 'verdict'
    case 'withdrawn':
      return 'withdraw'
    // Decided by the queue (a no-show, the end of the day), never a step someone takes.
    case 'no_show_no_contact':
    // A clerk's triage of a phone concern (issue 16), outside the follow-up steps.
    case 'spam':
      return null
  }
}

/** Where a verdict takes a replied (or answered) concern: 不满意 reopens it, the others close it. */
export const verdictTarget = (v: Verdict): ConcernStatus => (v === 'unsatisfied' ? 'reopened' : 'closed')

/**
 * Whether a concern in `status` waits for the resident's verdict (replied, or answered on the
 * spot): every verdict leads somewhere from it. Once given, the concern has moved on, so a verdict
 * is given once per reply.
 */
export const awaitsVerdict = (status: ConcernStatus): boolean =>
  VERDICTS.every((v) => checkTransition(status, verdictTarget(v)).ok)

/** Every status that waits for the resident's verdict (replied, answered), for the queries. */
export const AWAITING_VERDICT: readonly ConcernStatus[] = Object.freeze(
  CONCERN_STATUSES.filter(awaitsVerdict),
)

/** Recording a unit's reply moves the concern to in_progress, or keeps it there. */
export const unitReplyTarget = (from: ConcernStatus): TransitionCheck =>
  from === 'in_progress' ? { ok: true } : checkTransition(from, 'in_progress')

/** What the deputy may do on their own concern; everything else is the clerk's or the administrator's. */
const DEPUTY_STEPS: ReadonlySet<Step> = new Set([
  'answer',
  'refer',
  'suggest',
  'out_of_scope',
  'accept',
  'relay',
  'withdraw',
])

export type ConcernScope = {
  stationId: number
  deputyId: number | null
  /** Given, a deputy sees the concern only once it reaches them (triage.ts). */
  status?: ConcernStatus
  triage?: TriageState | null
}

/**
 * Whether an account may open a concern: staff of its station, its deputy (once triage lets it
 * reach them), administrators.
 */
export function maySeeConcern(account: Account, c: ConcernScope): boolean {
  if (account.role === 'admin') return true
  if (account.role === 'staff') return account.stationIds.includes(c.stationId)
  if (c.status !== undefined && !reachesDeputy({ status: c.status, triage: c.triage ?? null })) return false
  return account.deputyId !== null && account.deputyId === c.deputyId
}

/**
 * Why an account may not take a step on a concern, or null when it may. A deputy never records the
 * resident's verdict on their own concern (nobody grades their own work): the resident gives it at
 * a kiosk, or staff of the station record it after a call-back.
 */
export function stepRefusal(
  account: Account,
  c: ConcernScope,
  step: Step,
): 'forbidden' | 'own_verdict' | null {
  if (!maySeeConcern(account, c)) return 'forbidden'
  if (step === 'undo') return account.role === 'admin' ? null : 'forbidden'
  if (account.role === 'deputy' && !DEPUTY_STEPS.has(step))
    return step === 'verdict' ? 'own_verdict' : 'forbidden'
  return null
}

/** Whether an account may take a step on a concern it can see. Only administrators undo. */
export const mayTakeStep = (account: Account, c: ConcernScope, step: Step): boolean =>
  stepRefusal(account, c, step) === null

/**
 * The steps offered on a concern in `status`, in the lifecycle's order: one per allowed
 * transition (a verdict stands for both closed and reopened), plus recording a unit's reply where
 * that is possible. Undo is offered separately.
 */
export function stepsFrom(status: ConcernStatus): Step[] {
  const steps: Step[] = []
  for (const to of allowedTransitions(status)) {
    const step = stepTo(to)
    if (step && !steps.includes(step)) steps.push(step)
  }
  if (unitReplyTarget(status).ok && status !== 'received') {
    const at = steps.indexOf('relay')
    steps.splice(at < 0 ? steps.length : at, 0, 'unit_reply')
  }
  return steps
}

/** Steps an account may take now on a concern. */
export function availableSteps(account: Account, c: ConcernScope & { status: ConcernStatus }): Step[] {
  return stepsFrom(c.status).filter((s) => mayTakeStep(account, c, s))
}

export type Due = { kind: FollowUpDueKind; on: string }

/** A concern's deadline now: its follow-up row's, else the first response while it is received. */
export function currentDue(
  c: { status: ConcernStatus; firstResponseDueOn: string },
  followUp: { dueKind: FollowUpDueKind | null; dueOn: string | null } | null,
): Due | null {
  if (followUp)
    return followUp.dueKind && followUp.dueOn ? { kind: followUp.dueKind, on: followUp.dueOn } : null
  return c.status === 'received' ? { kind: 'first_response', on: c.firstResponseDueOn } : null
}

/**
 * The deadline after a step: `undefined` keeps the current one, `null` clears it. `today` is the
 * station's local date; `stationDays` its first-response working days, which also bound how long
 * the deputy takes to pass a unit's reply on.
 */
export function dueAfterStep(
  step: Step,
  ctx: {
    today: string
    verdict?: Verdict
    dueOverride?: string | null
    stationDays: number
    settings: FollowUpSettings
    calendar: WorkingCalendar
  },
): Due | null | undefined {
  const after = (n: number) => addWorkingDays(ctx.today, n, ctx.calendar)
  switch (step) {
    case 'refer':
      return { kind: 'unit_reply', on: ctx.dueOverride || after(ctx.settings.unitReplyWorkingDays) }
    case 'suggest':
      return { kind: 'suggestion_reply', on: after(ctx.settings.suggestionReplyWorkingDays) }
    case 'return':
      return { kind: 'first_response', on: after(ctx.stationDays) }
    case 'unit_reply':
      return { kind: 'relay', on: after(ctx.stationDays) }
    case 'verdict':
      return ctx.verdict === 'unsatisfied'
        ? { kind: 'rehandling', on: after(ctx.settings.rehandlingWorkingDays) }
        : null
    case 'accept':
    case 'undo':
      return undefined
    case 'answer':
    case 'out_of_scope':
    case 'duplicate':
    case 'relay':
    case 'withdraw':
      return null
  }
}

/** Whether `today` is past a deadline (a deadline holds through its whole day). */
export const isOverdue = (due: Due | null, today: string) => due !== null && today > due.on

/** Working days past a deadline (0 on the calendar days right after it that are not working days). */
export function workingDaysOverdue(due: Due, today: string, cal: WorkingCalendar): number {
  return today > due.on ? workingDaysBetween(due.on, today, cal) : 0
}

/**
 * The escalation level an overdue deadline has reached: 1 from the day after it, one more for
 * every `step` working days past it, at most MAX_ESCALATION_LEVEL; 0 when not overdue.
 */
export function escalationLevel(due: Due | null, today: string, step: number, cal: WorkingCalendar): number {
  if (!due || !isOverdue(due, today)) return 0
  const past = workingDaysOverdue(due, today, cal)
  return Math.min(MAX_ESCALATION_LEVEL, 1 + Math.floor(past / Math.max(1, step)))
}

/** A due date a clerk typed for a referral: a real date, not before today, and a working day. */
export function checkDueOverride(on: string, today: string, cal: WorkingCalendar): 'ok' | 'past' | 'off' {
  if (on < today) return 'past'
  return isWorkingDay(on, cal) ? 'ok' : 'off'
}

export const EMPTY_FOLLOW_UP: FollowUpSnapshot = {
  masterConcernId: null,
  handlingUnitId: null,
  dueKind: null,
  dueOn: null,
  escalationLevel: 0,
  replyGrade: null,
  publicSummary: null,
}

/** The events that still count: an undone event and the undo itself cancel each other out. */
export function effectiveEvents<E extends { id: number; action: string; detail: ConcernEventDetail }>(
  events: readonly E[],
): E[] {
  const undone = new Set<number>()
  for (const e of events) if (e.action === 'undone' && e.detail.undoes) undone.add(e.detail.undoes)
  return events.filter((e) => e.action !== 'undone' && !undone.has(e.id))
}

/** Actions that change where a concern stands, so an administrator may undo the latest of them. */
const UNDOABLE = new Set(['status_changed', 'unit_replied', 'verdict', 'served'])

/**
 * The event an undo would reverse: the latest one that still counts and changed the concern's
 * status or follow-up, provided the concern is still where that event left it.
 */
export function undoCandidate<
  E extends {
    id: number
    action: string
    fromStatus: ConcernStatus | null
    toStatus: ConcernStatus
    detail: ConcernEventDetail
  },
>(events: readonly E[], status: ConcernStatus): E | null {
  const changes = effectiveEvents(events).filter(
    (e) =>
      UNDOABLE.has(e.action) &&
      e.fromStatus !== null &&
      (e.fromStatus !== e.toStatus || 'before' in e.detail),
  )
  const last = changes.at(-1)
  return last && last.toStatus === status ? last : null
}

/** Whether a status still waits for someone (re-exported for the screens). */
export { isOpen }
