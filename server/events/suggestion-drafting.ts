import type { Db } from '../../db/client.ts'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import {
  addSuggestionEvent,
  concernsInEvidenceScope,
  insertSuggestion,
  linkConcerns,
  type SuggestionActionInput,
  type SuggestionDraftFields,
  type SuggestionRow,
  type SuggestionUnitInput,
  writeSuggestionActions,
  writeSuggestionUnits,
} from '../../db/queries/suggestions.ts'
import { type Account, canActForStation } from '../domain/account.ts'

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
