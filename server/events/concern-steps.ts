import { and, eq } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/client.ts'
import { type Actor, addConcernEvent, type ConcernRow, calendarFor } from '../../db/queries/concerns.ts'
import {
  duplicatesOf,
  findConcernByCode,
  findFollowUp,
  followUpSettings,
  latestReply,
  moveConcern,
  snapshotOf,
  stateOf,
  timelineOf,
  writeFollowUp,
} from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { queueSettings } from '../../db/queries/queue-presence.ts'
import {
  type ConcernEventAction,
  type ConcernEventDetail,
  type ConcernStatus,
  concerns,
  handlingUnits,
  type ReplyGrade,
  stations,
  type Verdict,
  type VerdictChannel,
} from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { Locale } from '../../views/i18n/locales.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import type { Account } from '../domain/account.ts'
import { canActForStation } from '../domain/account.ts'
import {
  checkDueOverride,
  type Due,
  dueAfterStep,
  maySeeConcern,
  type Step,
  stepRefusal,
  undoCandidate,
  unitReplyTarget,
  verdictTarget,
} from '../domain/concern-follow-up.ts'
import { checkTransition } from '../domain/concern-lifecycle.ts'
import { localDate } from '../domain/time.ts'
import { smsReplyNotice } from './resident-sms.ts'

/** Channels a resident is pointed to when a concern is not for the deputies (DESIGN §4.4). */
export const RIGHT_CHANNELS = [
  'litigation',
  'arbitration',
  'administrative_review',
  'petition',
  'other',
] as const
export type RightChannel = (typeof RIGHT_CHANNELS)[number]

/** What a person submits for one step; the step decides which fields matter. */
export type StepInput =
  | { step: 'answer'; reply: string; note: string }
  | { step: 'refer'; unitId: number; dueOn: string | null; note: string }
  | { step: 'suggest'; note: string }
  | { step: 'out_of_scope'; rightChannel: RightChannel | null; note: string }
  | { step: 'duplicate'; masterCode: string; note: string }
  | { step: 'return'; note: string }
  | { step: 'accept'; note: string }
  | { step: 'unit_reply'; grade: ReplyGrade; unitReply: string; note: string }
  | { step: 'relay'; reply: string; note: string }
  | { step: 'verdict'; verdict: Verdict; comment: string; via: VerdictChannel; note: string }
  | { step: 'withdraw'; note: string }
  | { step: 'undo'; note: string }

export type StepRequest = {
  concernId: number
  /**
   * A signed-in person; a paired kiosk, or the resident themselves on the slip's phone page or on
   * the deputy's device right after the visit (these only give the resident's verdict; the
   * on-the-spot screen names the account whose device it was).
   */
  by:
    | { account: Account }
    | { kioskId: number }
    | { resident: 'phone' | 'on_the_spot'; hostAccountId?: number }
  /** The status the person's screen showed; a step on a concern that moved since is refused. */
  seenStatus?: ConcernStatus
  input: StepInput
}

export type StepFailure =
  | 'not_found'
  | 'forbidden'
  | 'not_allowed'
  | 'changed'
  | 'needs_channel'
  | 'unknown_unit'
  | 'unknown_master'
  | 'self_master'
  | 'master_forbidden'
  | 'due_past'
  | 'due_off'
  | 'nothing_to_undo'
  | 'own_verdict'

export type StepResult =
  | { ok: true; concern: ConcernRow; eventId: number; due: Due | null }
  | { ok: false; reason: StepFailure }

const TARGET: Record<Exclude<Step, 'unit_reply' | 'verdict' | 'undo'>, ConcernStatus> = {
  answer: 'answered',
  refer: 'referred',
  suggest: 'suggestion',
  out_of_scope: 'out_of_scope',
  duplicate: 'duplicate',
  return: 'received',
  accept: 'in_progress',
  relay: 'replied',
  withdraw: 'withdrawn',
}

const fail = (reason: StepFailure): StepResult => ({ ok: false, reason })
const DAY_MS = 86_400_000

type StepDeps = { db: Db; locale: Locale }

/**
 * Takes one follow-up step on a concern: checks who may take it and that the lifecycle allows it
 * from the status the concern is in (server/domain/concern-lifecycle.ts), then moves the concern,
 * sets its deadline, writes its timeline event (with the state before, for an undo) and queues
 * any notices — all in one transaction, so a refused step writes nothing.
 */
export function takeStep(deps: StepDeps, req: StepRequest, now: Date): StepResult {
  const { db } = deps
  return db.transaction((tx): StepResult => {
    const concern = tx.select().from(concerns).where(eq(concerns.id, req.concernId)).get()
    if (!concern) return fail('not_found')
    const input = req.input
    const by = req.by
    const actor: Actor =
      'account' in by
        ? { kind: 'account', accountId: by.account.id }
        : 'resident' in by
          ? { kind: 'resident', accountId: by.hostAccountId ?? null }
          : { kind: 'kiosk' }
    if ('account' in by) {
      if (!maySeeConcern(by.account, concern)) return fail('not_found')
      const refusal = stepRefusal(by.account, concern, input.step)
      if (refusal) return fail(refusal)
    } else if (input.step !== 'verdict' || input.via !== ('resident' in by ? by.resident : 'kiosk')) {
      return fail('forbidden')
    }
    if (req.seenStatus && req.seenStatus !== concern.status) return fail('changed')
    if (input.step === 'undo') return undo(tx, concern, actor, input.note, now)

    const station = tx.select().from(stations).where(eq(stations.id, concern.stationId)).get()!
    const today = localDate(now, station.timeZone)
    const calendar = calendarFor(tx, station.id, today)
    const from = concern.status
    const row = findFollowUp(tx, concern.id)
    const state = stateOf(row)
    const detail: ConcernEventDetail = { before: snapshotOf(row) }
    let action: ConcernEventAction = 'status_changed'
    let to: ConcernStatus
    let master: ConcernRow | undefined

    switch (input.step) {
      case 'unit_reply': {
        if (!unitReplyTarget(from).ok) return fail('not_allowed')
        to = 'in_progress'
        action = 'unit_replied'
        state.replyGrade = input.grade
        Object.assign(detail, { grade: input.grade, unitReply: input.unitReply })
        break
      }
      case 'verdict': {
        to = verdictTarget(input.verdict)
        if (!checkTransition(from, to).ok) return fail('not_allowed')
        action = 'verdict'
        Object.assign(detail, { verdict: input.verdict, via: input.via })
        if (input.comment) detail.comment = input.comment
        break
      }
      default: {
        to = TARGET[input.step]
        const check = checkTransition(from, to, {
          channelNamed: input.step === 'out_of_scope' && input.rightChannel !== null,
        })
        if (!check.ok) return fail(check.reason)
      }
    }

    if (input.step === 'refer') {
      const unit = tx
        .select()
        .from(handlingUnits)
        .where(and(eq(handlingUnits.id, input.unitId), eq(handlingUnits.active, true)))
        .get()
      if (!unit) return fail('unknown_unit')
      if (input.dueOn) {
        const due = checkDueOverride(input.dueOn, today, calendar)
        if (due !== 'ok') return fail(due === 'past' ? 'due_past' : 'due_off')
      }
      state.handlingUnitId = unit.id
      detail.unitId = unit.id
    }
    if (input.step === 'out_of_scope' && input.rightChannel) detail.rightChannel = input.rightChannel
    if (input.step === 'answer' || input.step === 'relay') detail.reply = input.reply
    if (input.step === 'duplicate') {
      master = findConcernByCode(tx, input.masterCode)
      // Link to the root: a master that is itself a duplicate hands over to its own master.
      const rootId = master && findFollowUp(tx, master.id)?.masterConcernId
      if (master?.status === 'duplicate' && rootId)
        master = tx.select().from(concerns).where(eq(concerns.id, rootId)).get()
      if (!master) return fail('unknown_master')
      if (master.id === concern.id) return fail('self_master')
      if ('account' in req.by && !canActForStation(req.by.account, master.stationId))
        return fail('master_forbidden')
      state.masterConcernId = master.id
      detail.masterId = master.id
    }

    const due = dueAfterStep(input.step, {
      today,
      verdict: input.step === 'verdict' ? input.verdict : undefined,
      dueOverride: input.step === 'refer' ? input.dueOn : null,
      stationDays: queueSettings(tx, station.id).firstResponseWorkingDays,
      settings: followUpSettings(tx),
      calendar,
    })
    if (due !== undefined) {
      state.dueKind = due?.kind ?? null
      state.dueOn = due?.on ?? null
      state.escalationLevel = 0
      detail.due = due
    }

    if (from !== to) {
      if (!moveConcern(tx, concern.id, from, to, now)) return fail('changed')
    } else {
      tx.update(concerns).set({ updatedAt: now }).where(eq(concerns.id, concern.id)).run()
    }
    writeFollowUp(tx, concern.id, state, now)
    const event = addConcernEvent(tx, concern.id, now, {
      action,
      actor,
      fromStatus: from,
      toStatus: to,
      note: input.note,
      detail,
    })

    const t = makeI18n(deps.locale).t
    if (master) {
      addConcernEvent(tx, master.id, now, {
        action: 'duplicate_linked',
        actor,
        fromStatus: master.status,
        toStatus: master.status,
        detail: { duplicateId: concern.id },
      })
      // Joining a master that already has a reply: this resident hears of it now.
      if (latestReply(tx, master.id)) notifyReplied(tx, t, [concern], event.id, now)
    }
    if (input.step === 'relay')
      notifyReplied(tx, t, [concern, ...duplicatesOf(tx, concern.id)], event.id, now)

    const after = tx.select().from(concerns).where(eq(concerns.id, concern.id)).get()!
    return { ok: true, concern: after, eventId: event.id, due: due === undefined ? null : due }
  }, IMMEDIATE)
}

const IMMEDIATE = { behavior: 'immediate' } as const

/** Reverses the latest change still in force, leaving an 'undone' event rather than deleting it. */
function undo(tx: Queryable, concern: ConcernRow, actor: Actor, note: string, now: Date): StepResult {
  const target = undoCandidate(timelineOf(tx, concern.id), concern.status)
  if (!target?.fromStatus) return fail('nothing_to_undo')
  if (
    target.fromStatus !== concern.status &&
    !moveConcern(tx, concern.id, concern.status, target.fromStatus, now)
  )
    return fail('changed')
  if ('before' in target.detail) writeFollowUp(tx, concern.id, target.detail.before ?? null, now)
  const event = addConcernEvent(tx, concern.id, now, {
    action: 'undone',
    actor,
    fromStatus: concern.status,
    toStatus: target.fromStatus,
    note,
    detail: { undoes: target.id },
  })
  const after = tx.select().from(concerns).where(eq(concerns.id, concern.id)).get()!
  return { ok: true, concern: after, eventId: event.id, due: null }
}

/** Tells each resident of a concern (a master and its duplicates) that a reply is waiting. */
export function notifyReplied(
  tx: Queryable,
  t: ReturnType<typeof makeI18n>['t'],
  linked: { id: number; trackingCode: string }[],
  eventId: number,
  now: Date,
) {
  for (const c of linked) {
    enqueue(
      tx,
      {
        dedupeKey: `followup-replied:concern-${c.id}:event-${eventId}`,
        recipient: `concern:${c.id}`,
        kind: 'followup.replied',
        subject: t('followup.notice.repliedSubject'),
        body: t('followup.notice.repliedBody', { code: formatTrackingCode(c.trackingCode) }),
        dueAt: now,
        expiresAt: new Date(now.getTime() + 14 * DAY_MS),
      },
      now,
    )
    smsReplyNotice(tx, c.id, eventId, now)
  }
}

/** Sets the summary a clerk writes for the public monthly report (no event: it changes no state). */
export function setPublicSummary(db: Db, concernId: number, summary: string, now: Date) {
  db.transaction((tx) => {
    const state = stateOf(findFollowUp(tx, concernId))
    writeFollowUp(tx, concernId, { ...state, publicSummary: summary || null }, now)
  })
}
