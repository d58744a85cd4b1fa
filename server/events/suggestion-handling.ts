import type { Db, Queryable } from '../../db/client.ts'
import { type Actor, addConcernEvent, calendarFor } from '../../db/queries/concerns.ts'
import {
  activeUnits,
  duplicatesOf,
  findFollowUp,
  followUpSettings,
  moveConcern,
  snapshotOf,
  stateOf,
  stationById,
  writeFollowUp,
} from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { recipientOf } from '../../db/queries/roster.ts'
import {
  assignedUnitIds,
  insertSuggestionReply,
  repliesOfRound,
} from '../../db/queries/suggestion-handling.ts'
import {
  addSuggestionEvent,
  findSuggestion,
  loadSuggestion,
  moveSuggestion,
  type SuggestionRow,
  suggestionRef,
  writeSuggestionUnits,
} from '../../db/queries/suggestions.ts'
import type { ReplyGrade, SuggestionStatus, Verdict } from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { Locale } from '../../views/i18n/locales.ts'
import type { Account } from '../domain/account.ts'
import { checkDueOverride } from '../domain/concern-follow-up.ts'
import { checkTransition, isOpen } from '../domain/concern-lifecycle.ts'
import { isLeadDeputy, mayHandleSuggestion } from '../domain/suggestion-access.ts'
import { nextSuggestionStatus, type SuggestionMove } from '../domain/suggestion-lifecycle.ts'
import { localDate } from '../domain/time.ts'
import { addWorkingDays, type WorkingCalendar } from '../domain/working-days.ts'
import { notifyReplied } from './concern-steps.ts'

/*
 * The street office's and the lead deputy's steps on a submitted suggestion (issue 18 items 4–5;
 * docs/decisions/0041). Each is one IMMEDIATE transaction that re-reads the suggestion, asks who
 * may act (suggestion-access.ts) and where the lifecycle goes (suggestion-lifecycle.ts), then
 * writes with a conditional move and an event: a refused step writes nothing. The linked concerns
 * follow: they join the suggestion when it is accepted (their own deadlines stop: the
 * suggestion's carries them) and get its reply when every unit has replied, each resident told
 * once through the concern's own reply notice.
 */

export type HandlingFailure =
  | 'not_found'
  | 'forbidden'
  | 'not_allowed'
  | 'changed'
  | 'unknown_unit'
  | 'not_assigned_unit'
  | 'already_replied'
  | 'replies_started'
  | 'reply_future'
  | 'due_past'
  | 'due_off'

export type HandlingResult = { ok: true; suggestion: SuggestionRow } | { ok: false; reason: HandlingFailure }

/** `locale` is the fallback language of notices when a station names none. */
export type HandlingDeps = { db: Db; locale: Locale }

export type AssignInput = {
  leadUnitId: number
  assistUnitIds: number[]
  urgent: boolean
  /** An explicit deadline (a working day, not past); null: today + the setting's working days. */
  dueOn: string | null
}

export type ReplyInput = { unitId: number; grade: ReplyGrade; text: string; repliedOn: string }
export type VerdictInput = { verdict: Verdict; note: string }

const IMMEDIATE = { behavior: 'immediate' } as const
const DAY_MS = 86_400_000
const fail = (reason: HandlingFailure): HandlingResult => ({ ok: false, reason })

type Ctx = {
  tx: Queryable
  s: SuggestionRow
  actor: Actor
  today: string
  calendar: WorkingCalendar
  t: ReturnType<typeof makeI18n>['t']
  name: ReturnType<typeof makeI18n>['name']
  ref: string
}

/**
 * Runs one step: re-reads the suggestion, checks the person (`who`) and the lifecycle move, and
 * hands the step the context with the lifecycle's target; the step returns a failure or nothing.
 */
function step(
  deps: HandlingDeps,
  account: Account,
  id: number,
  who: 'office' | 'lead',
  move: (s: SuggestionRow, tx: Queryable) => SuggestionMove,
  run: (ctx: Ctx, to: SuggestionStatus) => HandlingFailure | undefined,
  now: Date,
): HandlingResult {
  try {
    return deps.db.transaction((tx): HandlingResult => {
      const s = findSuggestion(tx, id)
      if (!s) return fail('not_found')
      const allowed =
        who === 'office' ? mayHandleSuggestion(account, { ...s, cosignerIds: [] }) : isLeadDeputy(account, s)
      if (!allowed) return fail('forbidden')
      const to = nextSuggestionStatus(s.status, move(s, tx))
      if (to === null) return fail('not_allowed')
      const station = stationById(tx, s.stationId)
      const today = localDate(now, station?.timeZone ?? 'Asia/Shanghai')
      const { t, name } = makeI18n(station?.defaultLocale ?? deps.locale)
      const ctx: Ctx = {
        tx,
        s,
        actor: { kind: 'account', accountId: account.id },
        today,
        calendar: calendarFor(tx, s.stationId, today),
        t,
        name,
        ref: suggestionRef(s) ?? String(s.id),
      }
      const failure = run(ctx, to)
      // Thrown, so that the transaction rolls back whatever the step wrote before it failed.
      if (failure) throw new StepRefused(failure)
      return { ok: true, suggestion: findSuggestion(tx, id)! }
    }, IMMEDIATE)
  } catch (e) {
    if (e instanceof StepRefused) return fail(e.reason)
    throw e
  }
}

class StepRefused extends Error {
  constructor(readonly reason: HandlingFailure) {
    super(reason)
  }
}

/** The street office accepts a submitted suggestion; its linked concerns join it. */
export function acceptSuggestion(deps: HandlingDeps, account: Account, id: number, now: Date) {
  return step(
    deps,
    account,
    id,
    'office',
    () => ({ move: 'accept' }),
    (ctx, to) => {
      const { tx, s } = ctx
      if (!moveSuggestion(tx, s.id, s.status, to, now, { acceptedAt: now })) return 'changed'
      addSuggestionEvent(tx, s.id, now, {
        action: 'accepted',
        actor: ctx.actor,
        fromStatus: s.status,
        toStatus: to,
      })
      joinLinkedConcerns(ctx, now)
    },
    now,
  )
}

/**
 * Each received linked concern moves to 'suggestion'; every open one stops its own deadline (the
 * suggestion's deadline carries it, so nothing escalates twice). Ended concerns stay as they are.
 */
function joinLinkedConcerns(ctx: Ctx, now: Date) {
  const { tx } = ctx
  const view = loadSuggestion(tx, ctx.s.id)!
  for (const c of view.concerns) {
    if (!isOpen(c.status)) continue
    const row = findFollowUp(tx, c.id)
    const state = { ...stateOf(row), dueKind: null, dueOn: null, escalationLevel: 0 }
    if (checkTransition(c.status, 'suggestion').ok && c.status === 'received') {
      if (!moveConcern(tx, c.id, c.status, 'suggestion', now)) continue
      addConcernEvent(tx, c.id, now, {
        action: 'status_changed',
        actor: ctx.actor,
        fromStatus: c.status,
        toStatus: 'suggestion',
        note: ctx.t('suggestionHandling.concern.joined', { ref: ctx.ref }),
        detail: { before: snapshotOf(row), due: null },
      })
    }
    writeFollowUp(tx, c.id, state, now)
  }
}

/** The street office returns a submitted suggestion to its lead deputy with a reason. */
export function returnSuggestion(
  deps: HandlingDeps,
  account: Account,
  id: number,
  reason: string,
  now: Date,
) {
  return step(
    deps,
    account,
    id,
    'office',
    () => ({ move: 'return' }),
    (ctx, to) => {
      const { tx, s, t } = ctx
      if (!moveSuggestion(tx, s.id, s.status, to, now, { returnReason: reason })) return 'changed'
      const event = addSuggestionEvent(tx, s.id, now, {
        action: 'returned',
        actor: ctx.actor,
        fromStatus: s.status,
        toStatus: to,
        note: reason,
      })
      enqueue(
        tx,
        {
          dedupeKey: `suggestion-returned:suggestion-${s.id}:event-${event.id}`,
          recipient: recipientOf(tx, `deputy:${s.leadDeputyId}`),
          kind: 'suggestion.returned',
          subject: t('suggestionHandling.notice.returnedSubject', { ref: ctx.ref }),
          body: t('suggestionHandling.notice.returnedBody', { ref: ctx.ref, title: s.title, reason }),
          dueAt: now,
          expiresAt: new Date(now.getTime() + 30 * DAY_MS),
        },
        now,
      )
    },
    now,
  )
}

/** The deadline an assignment sets: the date given, or today + the setting's working days. */
export function assignmentDue(
  settings: { suggestionReplyWorkingDays: number; suggestionUrgentWorkingDays: number },
  urgent: boolean,
  today: string,
  cal: WorkingCalendar,
) {
  return addWorkingDays(
    today,
    urgent ? settings.suggestionUrgentWorkingDays : settings.suggestionReplyWorkingDays,
    cal,
  )
}

/**
 * The street office assigns the units (one lead, any assisting) with a deadline. While assigned
 * it may assign again (another unit, a corrected date) until the first unit has replied.
 */
export function assignSuggestion(
  deps: HandlingDeps,
  account: Account,
  id: number,
  input: AssignInput,
  now: Date,
) {
  return step(
    deps,
    account,
    id,
    'office',
    () => ({ move: 'assign' }),
    (ctx, to) => {
      const { tx, s } = ctx
      const active = new Set(activeUnits(tx).map((u) => u.id))
      const assist = [...new Set(input.assistUnitIds)].filter((u) => u !== input.leadUnitId)
      if (![input.leadUnitId, ...assist].every((u) => active.has(u))) return 'unknown_unit'
      if (s.status === 'assigned' && repliesOfRound(tx, s.id, s.round).length > 0) return 'replies_started'
      let dueOn = assignmentDue(followUpSettings(tx), input.urgent, ctx.today, ctx.calendar)
      if (input.dueOn) {
        const check = checkDueOverride(input.dueOn, ctx.today, ctx.calendar)
        if (check !== 'ok') return check === 'past' ? 'due_past' : 'due_off'
        dueOn = input.dueOn
      }
      const set = {
        dueOn,
        urgent: input.urgent,
        escalationLevel: 0,
        ...(s.assignedAt ? {} : { assignedAt: now }),
      }
      if (!moveSuggestion(tx, s.id, s.status, to, now, set)) return 'changed'
      writeSuggestionUnits(tx, s.id, 'assigned', [
        { unitId: input.leadUnitId, role: 'lead' },
        ...assist.map((unitId) => ({ unitId, role: 'assist' as const })),
      ])
      addSuggestionEvent(tx, s.id, now, {
        action: 'assigned',
        actor: ctx.actor,
        fromStatus: s.status,
        toStatus: to,
        detail: { unitId: input.leadUnitId, unitIds: [input.leadUnitId, ...assist], dueOn, round: s.round },
      })
    },
    now,
  )
}

/**
 * The office records one assigned unit's reply in the current round (one per unit per round: a
 * second is refused — a correction is a new round's business, or the administrator's). When
 * every assigned unit has replied the suggestion is replied and the reply goes to its residents.
 */
export function recordUnitReply(
  deps: HandlingDeps,
  account: Account,
  id: number,
  input: ReplyInput,
  now: Date,
) {
  let failure: HandlingFailure | undefined
  const result = step(
    deps,
    account,
    id,
    'office',
    (s, tx) => {
      const units = assignedUnitIds(tx, s.id)
      const replied = new Set(repliesOfRound(tx, s.id, s.round).map((r) => r.unitId))
      if (!units.includes(input.unitId)) failure = 'not_assigned_unit'
      else if (replied.has(input.unitId)) failure = 'already_replied'
      replied.add(input.unitId)
      return { move: 'reply', allReplied: units.length > 0 && units.every((u) => replied.has(u)) }
    },
    (ctx, to) => {
      const { tx, s } = ctx
      if (failure) return failure
      if (input.repliedOn > ctx.today) return 'reply_future'
      const inserted = insertSuggestionReply(
        tx,
        {
          suggestionId: s.id,
          unitId: input.unitId,
          round: s.round,
          grade: input.grade,
          text: input.text,
          repliedOn: input.repliedOn,
          dueOn: s.dueOn,
          recordedByAccountId: ctx.actor.accountId ?? null,
        },
        now,
      )
      if (!inserted) return 'already_replied'
      const set = to === 'replied' ? { repliedAt: now } : {}
      if (!moveSuggestion(tx, s.id, s.status, to, now, set)) return 'changed'
      addSuggestionEvent(tx, s.id, now, {
        action: 'unit_replied',
        actor: ctx.actor,
        fromStatus: s.status,
        toStatus: s.status,
        detail: { unitId: input.unitId, grade: input.grade, round: s.round },
      })
      if (to === 'replied') {
        addSuggestionEvent(tx, s.id, now, {
          action: 'replied',
          actor: { kind: 'system' },
          fromStatus: s.status,
          toStatus: to,
          detail: { round: s.round },
        })
        relayToResidents(ctx, now)
      }
    },
    now,
  )
  return result
}

/**
 * Passes the units' replies of the round on to every open linked concern that may take a reply:
 * each moves to 'replied' with the words the resident reads, and its resident (and those of its
 * duplicates) is told through the concern's own reply notice. A concern already replied or ended
 * is left alone, so nobody hears twice unless they reopened their concern.
 */
function relayToResidents(ctx: Ctx, now: Date) {
  const { tx, s, t, name } = ctx
  const view = loadSuggestion(tx, s.id)!
  const unitName = new Map(view.units.filter((u) => u.stage === 'assigned').map((u) => [u.unitId, name(u)]))
  const replies = repliesOfRound(tx, s.id, s.round)
    .map((r) => t('suggestionHandling.relay.unit', { unit: unitName.get(r.unitId) ?? '', text: r.text }))
    .join('\n')
  const reply = t('suggestionHandling.relay.text', { ref: ctx.ref, replies })
  for (const c of view.concerns) {
    if (!isOpen(c.status) || !checkTransition(c.status, 'replied').ok) continue
    if (!moveConcern(tx, c.id, c.status, 'replied', now)) continue
    const row = findFollowUp(tx, c.id)
    writeFollowUp(tx, c.id, { ...stateOf(row), dueKind: null, dueOn: null, escalationLevel: 0 }, now)
    const event = addConcernEvent(tx, c.id, now, {
      action: 'status_changed',
      actor: { kind: 'system' },
      fromStatus: c.status,
      toStatus: 'replied',
      note: t('suggestionHandling.concern.relayed', { ref: ctx.ref }),
      detail: { before: snapshotOf(row), due: null, reply },
    })
    notifyReplied(tx, t, [c, ...duplicatesOf(tx, c.id)], event.id, now)
  }
}

/**
 * The lead deputy's verdict on the handling: 满意 / 基本满意 close it; 不满意 sends it back to
 * the units for re-handling with a new deadline while re-handlings are left, else closes it.
 */
export function giveSuggestionVerdict(
  deps: HandlingDeps,
  account: Account,
  id: number,
  input: VerdictInput,
  now: Date,
) {
  let max = 0
  return step(
    deps,
    account,
    id,
    'lead',
    (s, tx) => {
      max = followUpSettings(tx).suggestionMaxRehandlings
      return { move: 'verdict', verdict: input.verdict, rehandlingsUsed: s.round, maxRehandlings: max }
    },
    (ctx, to) => {
      const { tx, s, t } = ctx
      const rehandling = to === 'rehandling'
      const dueOn = rehandling
        ? addWorkingDays(ctx.today, followUpSettings(tx).suggestionRehandlingWorkingDays, ctx.calendar)
        : s.dueOn
      const set = rehandling
        ? { verdict: input.verdict, round: s.round + 1, dueOn, escalationLevel: 0 }
        : { verdict: input.verdict, closedAt: now }
      if (!moveSuggestion(tx, s.id, s.status, to, now, set)) return 'changed'
      addSuggestionEvent(tx, s.id, now, {
        action: 'verdict',
        actor: ctx.actor,
        fromStatus: s.status,
        toStatus: to,
        note: input.note,
        detail: { verdict: input.verdict, round: s.round, ...(rehandling ? { dueOn } : {}) },
      })
      if (!rehandling) return
      const vars = { ref: ctx.ref, title: s.title, due: dueOn ?? '' }
      for (const recipient of ['street-office', ...assignedUnitIds(tx, s.id).map((u) => `unit:${u}`)])
        enqueue(
          tx,
          {
            dedupeKey: `suggestion-rehandling:suggestion-${s.id}:round-${s.round + 1}:${recipient}`,
            recipient,
            kind: 'suggestion.rehandling',
            subject: t('suggestionHandling.notice.rehandlingSubject', vars),
            body: t('suggestionHandling.notice.rehandlingBody', vars),
            dueAt: now,
          },
          now,
        )
    },
    now,
  )
}
