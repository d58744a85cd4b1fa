import type { Db, Queryable } from '../../db/client.ts'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import { activeUnits } from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { findStation } from '../../db/queries/stations.ts'
import {
  addSuggestionEvent,
  bumpSuggestionVersion,
  concernsInEvidenceScope,
  insertSuggestion,
  linkConcerns,
  loadSuggestion,
  moveSuggestion,
  nextSuggestionNumber,
  removeCosigner,
  type SuggestionActionInput,
  type SuggestionDraftFields,
  type SuggestionRow,
  type SuggestionUnitInput,
  type SuggestionView,
  setCosigner,
  suggestionRef,
  unlinkConcerns,
  writeSuggestionActions,
  writeSuggestionUnits,
} from '../../db/queries/suggestions.ts'
import type { T } from '../../views/i18n/index.ts'
import { type Account, canActForStation } from '../domain/account.ts'
import {
  isLeadDeputy,
  mayActAsLead,
  mayEditSuggestion,
  type SuggestionScope,
} from '../domain/suggestion-access.ts'
import { nextSuggestionStatus } from '../domain/suggestion-lifecycle.ts'
import type { QualityReport } from '../domain/suggestion-quality.ts'
import { localDate } from '../domain/time.ts'
import { deputyRecipient } from './reception-commands.ts'

/*
 * A deputy's drafting of a suggestion (issue 18): each write is one transaction that checks who
 * may write and what may be linked, then leaves an event on the suggestion's timeline.
 */

export type DraftInput = Partial<SuggestionDraftFields> & {
  actions?: SuggestionActionInput[]
  proposedUnits?: SuggestionUnitInput[]
  concernIds?: number[]
}

export type CreateDraftResult =
  | { ok: true; suggestion: SuggestionRow }
  | { ok: false; reason: 'forbidden' | 'unknown_deputy' | 'concern_out_of_scope' }

/**
 * Starts a draft led by `leadDeputyId`: a deputy drafts their own; staff of the deputy's home
 * station may start one for them (a deputy who "cannot put it into words" dictates to a clerk).
 * Every linked concern must be in the lead deputy's evidence scope, or nothing is written.
 */
export function createDraft(
  db: Db,
  by: Account,
  leadDeputyId: number,
  input: DraftInput,
  now: Date,
): CreateDraftResult {
  return db.transaction((tx): CreateDraftResult => {
    const deputy = findActiveDeputy(tx, leadDeputyId)
    if (!deputy) return { ok: false, reason: 'unknown_deputy' }
    const allowed =
      by.role === 'deputy' ? by.deputyId === leadDeputyId : canActForStation(by, deputy.homeStationId)
    if (!allowed) return { ok: false, reason: 'forbidden' }
    const concernIds = [...new Set(input.concernIds ?? [])]
    if (concernsInEvidenceScope(tx, leadDeputyId, concernIds).length !== concernIds.length)
      return { ok: false, reason: 'concern_out_of_scope' }
    const { actions, proposedUnits, concernIds: _, ...fields } = input
    const row = insertSuggestion(
      tx,
      { ...fields, stationId: deputy.homeStationId, leadDeputyId, createdByAccountId: by.id },
      now,
    )
    if (actions) writeSuggestionActions(tx, row.id, actions)
    if (proposedUnits) writeSuggestionUnits(tx, row.id, 'proposed', proposedUnits)
    const actor = { kind: 'account' as const, accountId: by.id }
    addSuggestionEvent(tx, row.id, now, { action: 'created', actor, fromStatus: null, toStatus: 'draft' })
    const linked = linkConcerns(tx, row.id, concernIds, now)
    if (linked.length > 0)
      addSuggestionEvent(tx, row.id, now, {
        action: 'concerns_linked',
        actor,
        fromStatus: 'draft',
        toStatus: 'draft',
        detail: { concernIds: linked },
      })
    return { ok: true, suggestion: row }
  }, IMMEDIATE)
}

const IMMEDIATE = { behavior: 'immediate' } as const

/** Why a drafting step was refused; nothing was written (but see `submitSuggestion`). */
export type DraftingFailure =
  | 'not_found'
  | 'forbidden'
  /** The lifecycle does not allow the step in the suggestion's status now. */
  | 'not_allowed'
  /** Someone saved a newer version since the form was opened. */
  | 'stale'
  | 'concern_out_of_scope'
  | 'unknown_unit'
  | 'unknown_deputy'
  | 'lead_as_cosigner'
  | 'not_invited'

export type DraftingResult = { ok: true } | { ok: false; reason: DraftingFailure }

export const scopeOf = (s: SuggestionView): SuggestionScope => ({
  stationId: s.stationId,
  leadDeputyId: s.leadDeputyId,
  status: s.status,
  cosignerIds: s.cosigners.map((c) => c.deputyId),
})

const actorOf = (by: Account) => ({ kind: 'account' as const, accountId: by.id })

/** Reads the suggestion inside the transaction and checks that `by` may edit it now. */
function editable(db: Queryable, by: Account, id: number): SuggestionView | DraftingFailure {
  const s = loadSuggestion(db, id)
  if (!s) return 'not_found'
  if (mayEditSuggestion(by, scopeOf(s))) return s
  return mayEditSuggestion(by, { ...scopeOf(s), status: 'draft' }) ? 'not_allowed' : 'forbidden'
}

export type DraftEdit = {
  fields: SuggestionDraftFields
  actions: SuggestionActionInput[]
  proposedUnits: SuggestionUnitInput[]
}

/**
 * Saves the draft's text, actions and proposed units over version `seenVersion`; refused as
 * 'stale' when someone saved a newer one meanwhile (the route keeps what this person typed).
 */
export function saveDraft(
  db: Db,
  by: Account,
  id: number,
  seenVersion: number,
  edit: DraftEdit,
  now: Date,
): DraftingResult {
  return db.transaction((tx): DraftingResult => {
    const s = editable(tx, by, id)
    if (typeof s === 'string') return { ok: false, reason: s }
    const units = new Set(activeUnits(tx).map((u) => u.id))
    if (edit.proposedUnits.some((u) => !units.has(u.unitId))) return { ok: false, reason: 'unknown_unit' }
    if (!bumpSuggestionVersion(tx, id, seenVersion, now)) return { ok: false, reason: 'stale' }
    moveSuggestion(tx, id, s.status, s.status, now, edit.fields)
    writeSuggestionActions(tx, id, edit.actions)
    writeSuggestionUnits(tx, id, 'proposed', edit.proposedUnits)
    addSuggestionEvent(tx, id, now, {
      action: 'edited',
      actor: actorOf(by),
      fromStatus: s.status,
      toStatus: s.status,
    })
    return { ok: true }
  }, IMMEDIATE)
}

/** Links and unlinks residents' concerns as evidence; each linked one must be in the lead deputy's scope. */
export function changeConcernLinks(
  db: Db,
  by: Account,
  id: number,
  change: { link: number[]; unlink: number[] },
  now: Date,
): DraftingResult {
  return db.transaction((tx): DraftingResult => {
    const s = editable(tx, by, id)
    if (typeof s === 'string') return { ok: false, reason: s }
    const link = [...new Set(change.link)]
    if (concernsInEvidenceScope(tx, s.leadDeputyId, link).length !== link.length)
      return { ok: false, reason: 'concern_out_of_scope' }
    const linked = linkConcerns(tx, id, link, now)
    const before = new Set(s.concerns.map((c) => c.id))
    const unlink = [...new Set(change.unlink)].filter((c) => before.has(c))
    unlinkConcerns(tx, id, unlink)
    const base = { actor: actorOf(by), fromStatus: s.status, toStatus: s.status }
    if (linked.length > 0)
      addSuggestionEvent(tx, id, now, { ...base, action: 'concerns_linked', detail: { concernIds: linked } })
    if (unlink.length > 0)
      addSuggestionEvent(tx, id, now, {
        ...base,
        action: 'concerns_unlinked',
        detail: { concernIds: unlink },
      })
    return { ok: true }
  }, IMMEDIATE)
}

/**
 * Invites a deputy to co-sign (联名), or removes an invited one. The lead cannot co-sign their own
 * suggestion; an invitation leaves an event and a notice to the invited deputy's account.
 */
export function changeCosigner(
  db: Db,
  by: Account,
  id: number,
  change: { deputyId: number; remove: boolean },
  t: T,
  now: Date,
): DraftingResult {
  return db.transaction((tx): DraftingResult => {
    const s = editable(tx, by, id)
    if (typeof s === 'string') return { ok: false, reason: s }
    const { deputyId } = change
    const base = { actor: actorOf(by), fromStatus: s.status, toStatus: s.status }
    if (change.remove) {
      if (!s.cosigners.some((c) => c.deputyId === deputyId)) return { ok: false, reason: 'not_invited' }
      removeCosigner(tx, id, deputyId)
      addSuggestionEvent(tx, id, now, { ...base, action: 'edited', detail: { deputyId } })
      return { ok: true }
    }
    if (deputyId === s.leadDeputyId) return { ok: false, reason: 'lead_as_cosigner' }
    if (!findActiveDeputy(tx, deputyId)) return { ok: false, reason: 'unknown_deputy' }
    setCosigner(tx, id, deputyId, 'invited', now)
    const event = addSuggestionEvent(tx, id, now, {
      ...base,
      action: 'cosigner_invited',
      detail: { deputyId },
    })
    const vars = { lead: s.leadDeputyName, title: s.title || t('suggestion.untitled'), id }
    enqueue(
      tx,
      {
        dedupeKey: `suggestion-cosign-invite:event-${event.id}`,
        recipient: deputyRecipient(tx, deputyId),
        kind: 'suggestion.cosign_invite',
        subject: t('suggestionDraft.notice.inviteSubject', vars),
        body: t('suggestionDraft.notice.inviteBody', vars),
        dueAt: now,
      },
      now,
    )
    return { ok: true }
  }, IMMEDIATE)
}

/**
 * An invited deputy's answer, on their own screen. Co-signers may answer until the street office
 * accepts the suggestion: while the lead may still withdraw it, it has not been accepted.
 */
export function answerCosign(
  db: Db,
  by: Account,
  id: number,
  answer: 'confirmed' | 'declined',
  now: Date,
): DraftingResult {
  return db.transaction((tx): DraftingResult => {
    const s = loadSuggestion(tx, id)
    if (!s) return { ok: false, reason: 'not_found' }
    const me = by.role === 'deputy' ? s.cosigners.find((c) => c.deputyId === by.deputyId) : undefined
    if (!me) return { ok: false, reason: isLeadDeputy(by, s) ? 'not_invited' : 'forbidden' }
    if (nextSuggestionStatus(s.status, { move: 'withdraw' }) === null)
      return { ok: false, reason: 'not_allowed' }
    setCosigner(tx, id, me.deputyId, answer, now)
    addSuggestionEvent(tx, id, now, {
      action: answer === 'confirmed' ? 'cosigner_confirmed' : 'cosigner_declined',
      actor: actorOf(by),
      fromStatus: s.status,
      toStatus: s.status,
      detail: { deputyId: me.deputyId },
    })
    return { ok: true }
  }, IMMEDIATE)
}

export type SubmitResult =
  | { ok: true; ref: string }
  | { ok: false; reason: DraftingFailure }
  | { ok: false; reason: 'quality'; report: QualityReport }

/**
 * The lead deputy submits: the quality check runs on the suggestion as stored; a passing one gets
 * its number (on the first submission only; a returned one keeps it) and goes to the street office.
 * A refusal by the checklist is the one refusal that writes: the first attempt's outcome
 * (qualityFirstPassed, for the records) and a 'submit_refused' event naming the failed items. Only
 * the signed-in lead deputy of a draft can get that far; every other refusal writes nothing.
 */
export function submitSuggestion(
  db: Db,
  by: Account,
  id: number,
  check: (s: SuggestionView) => QualityReport,
  t: T,
  now: Date,
): SubmitResult {
  return db.transaction((tx): SubmitResult => {
    const s = loadSuggestion(tx, id)
    if (!s) return { ok: false, reason: 'not_found' }
    if (!mayActAsLead(by, scopeOf(s))) return { ok: false, reason: 'forbidden' }
    const to = nextSuggestionStatus(s.status, { move: 'submit' })
    if (!to) return { ok: false, reason: 'not_allowed' }
    const report = check(s)
    const firstPassed = s.qualityFirstPassed ?? report.passed
    const actor = actorOf(by)
    if (!report.passed) {
      if (s.qualityFirstPassed === null)
        moveSuggestion(tx, id, s.status, s.status, now, { qualityFirstPassed: false })
      addSuggestionEvent(tx, id, now, {
        action: 'submit_refused',
        actor,
        fromStatus: s.status,
        toStatus: s.status,
        detail: { failed: report.items.filter((i) => i.required && !i.ok).map((i) => i.id) },
      })
      return { ok: false, reason: 'quality', report }
    }
    const station = findStation(tx, s.stationId)
    const year = s.year ?? Number(localDate(now, station?.timeZone ?? 'Asia/Shanghai').slice(0, 4))
    const number = s.number ?? nextSuggestionNumber(tx, year)
    moveSuggestion(tx, id, s.status, to, now, {
      year,
      number,
      submittedAt: now,
      qualityFirstPassed: firstPassed,
    })
    const ref = suggestionRef({ year, number }) ?? ''
    const event = addSuggestionEvent(tx, id, now, {
      action: 'submitted',
      actor,
      fromStatus: s.status,
      toStatus: to,
      detail: { number: ref },
    })
    const vars = { ref, lead: s.leadDeputyName, title: s.title, id }
    enqueue(
      tx,
      {
        dedupeKey: `suggestion-submitted:event-${event.id}`,
        recipient: 'street-office',
        kind: 'suggestion.submitted',
        subject: t('suggestionDraft.notice.submittedSubject', vars),
        body: t('suggestionDraft.notice.submittedBody', vars),
        dueAt: now,
      },
      now,
    )
    return { ok: true, ref }
  }, IMMEDIATE)
}

/** The lead deputy withdraws the suggestion, while the lifecycle allows it (until it is accepted). */
export function withdrawSuggestion(db: Db, by: Account, id: number, now: Date): DraftingResult {
  return db.transaction((tx): DraftingResult => {
    const s = loadSuggestion(tx, id)
    if (!s) return { ok: false, reason: 'not_found' }
    if (!mayActAsLead(by, scopeOf(s))) return { ok: false, reason: 'forbidden' }
    const to = nextSuggestionStatus(s.status, { move: 'withdraw' })
    if (!to) return { ok: false, reason: 'not_allowed' }
    moveSuggestion(tx, id, s.status, to, now)
    addSuggestionEvent(tx, id, now, {
      action: 'withdrawn',
      actor: actorOf(by),
      fromStatus: s.status,
      toStatus: to,
    })
    return { ok: true }
  }, IMMEDIATE)
}
