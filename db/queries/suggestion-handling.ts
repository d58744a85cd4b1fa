import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { FILED_SUGGESTION_STATUSES, isWithUnits } from '../../server/domain/suggestion-lifecycle.ts'
import type { Queryable } from '../client.ts'
import { SUGGESTION_STATUSES } from '../enums.ts'
import {
  type ReplyGrade,
  type SuggestionStatus,
  suggestionConcerns,
  suggestionEvents,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../schema.ts'
import type { SuggestionReplyRow, SuggestionRow } from './suggestions.ts'

/*
 * The street office's side of a suggestion (issue 18 items 4–5): the units' replies of a round,
 * the suggestions waiting on units (for the deadline job), and the public part of a suggestion's
 * timeline that a linked concern's pages show.
 */

const WITH_UNITS: SuggestionStatus[] = SUGGESTION_STATUSES.filter(isWithUnits)

/** Units the office assigned (lead first). */
export const assignedUnitIds = (db: Queryable, id: number): number[] =>
  db
    .select({ unitId: suggestionUnits.unitId })
    .from(suggestionUnits)
    .where(and(eq(suggestionUnits.suggestionId, id), eq(suggestionUnits.stage, 'assigned')))
    .orderBy(desc(suggestionUnits.role), asc(suggestionUnits.unitId)) // 'lead' sorts after 'assist'
    .all()
    .map((r) => r.unitId)

export const repliesOfRound = (db: Queryable, id: number, round: number): SuggestionReplyRow[] =>
  db
    .select()
    .from(suggestionReplies)
    .where(and(eq(suggestionReplies.suggestionId, id), eq(suggestionReplies.round, round)))
    .orderBy(asc(suggestionReplies.id))
    .all()

export type NewSuggestionReply = {
  suggestionId: number
  unitId: number
  round: number
  grade: ReplyGrade
  text: string
  repliedOn: string
  dueOn: string | null
  recordedByAccountId: number | null
}

/** Records one unit's reply; false when that unit already replied in the round (unique index). */
export function insertSuggestionReply(db: Queryable, r: NewSuggestionReply, now: Date): boolean {
  return (
    db
      .insert(suggestionReplies)
      .values({ ...r, recordedAt: now })
      .onConflictDoNothing()
      .run().changes === 1
  )
}

/** Suggestions waiting for the units' replies, with a deadline (the deadline job's work). */
export const suggestionsWithUnits = (db: Queryable): SuggestionRow[] =>
  db
    .select()
    .from(suggestions)
    .where(inArray(suggestions.status, WITH_UNITS))
    .orderBy(asc(suggestions.id))
    .all()
    .filter((s) => s.dueOn !== null)

/** A step of a suggestion that residents may see on their concern's pages. */
export type PublicProgressStep = 'submitted' | 'accepted' | 'assigned' | 'replied' | 'rehandling' | 'closed'
export type SuggestionProgress = {
  id: number
  year: number | null
  number: number | null
  status: SuggestionStatus
  steps: { step: PublicProgressStep; at: Date }[]
}

/**
 * The suggestions a concern is evidence for, each with the steps residents may see (when it was
 * submitted, accepted, assigned, replied, sent back for re-handling, closed) — never a note, a
 * name or a reason. Only suggestions the street office has (FILED statuses) show.
 */
export function suggestionProgressOfConcern(db: Queryable, concernId: number): SuggestionProgress[] {
  const rows = db
    .select({
      id: suggestions.id,
      year: suggestions.year,
      number: suggestions.number,
      status: suggestions.status,
    })
    .from(suggestionConcerns)
    .innerJoin(suggestions, eq(suggestions.id, suggestionConcerns.suggestionId))
    .where(
      and(
        eq(suggestionConcerns.concernId, concernId),
        inArray(suggestions.status, [...FILED_SUGGESTION_STATUSES]),
      ),
    )
    .orderBy(asc(suggestions.id))
    .all()
  if (rows.length === 0) return []
  const events = db
    .select({
      suggestionId: suggestionEvents.suggestionId,
      action: suggestionEvents.action,
      toStatus: suggestionEvents.toStatus,
      at: suggestionEvents.at,
    })
    .from(suggestionEvents)
    .where(
      inArray(
        suggestionEvents.suggestionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(suggestionEvents.at), asc(suggestionEvents.id))
    .all()
  return rows.map((r) => ({
    ...r,
    steps: events.flatMap((e): SuggestionProgress['steps'] => {
      if (e.suggestionId !== r.id) return []
      const step = publicStep(e.action, e.toStatus)
      return step ? [{ step, at: e.at }] : []
    }),
  }))
}

function publicStep(action: string, to: SuggestionStatus): PublicProgressStep | null {
  switch (action) {
    case 'submitted':
    case 'accepted':
    case 'assigned':
    case 'replied':
      return action
    case 'verdict':
      return to === 'rehandling' ? 'rehandling' : 'closed'
    default:
      return null
  }
}
