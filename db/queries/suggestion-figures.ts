import { and, eq, inArray, min, or } from 'drizzle-orm'
import type {
  FigureCosigner,
  FigureReply,
  FigureRows,
  FigureSuggestion,
  FigureUnit,
} from '../../server/domain/suggestion-figures.ts'
import { FILED_SUGGESTION_STATUSES } from '../../server/domain/suggestion-lifecycle.ts'
import { localDate } from '../../server/domain/time.ts'
import type { Queryable } from '../client.ts'
import {
  handlingUnits,
  stations,
  suggestionCosigners,
  suggestionEvents,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../schema.ts'

/*
 * The rows the suggestion figures (server/domain/suggestion-figures.ts) are computed from: the
 * filed suggestions of a scope with their replies, co-signers and assigned units, each instant
 * turned into a local date in the suggestion's station's zone. Five indexed queries per scope.
 */

/** Whose suggestions: everyone's, some stations' (filed at the lead deputy's home station), one deputy's. */
export type SuggestionFigureScope =
  | { kind: 'all' }
  | { kind: 'stations'; stationIds: readonly number[] }
  /** The suggestions the deputy leads or was invited to co-sign. */
  | { kind: 'deputy'; deputyId: number }

export type FigureSuggestionRow = FigureSuggestion & {
  stationId: number
  title: string
  year: number | null
  number: number | null
}

export type SuggestionFigureRows = Omit<FigureRows, 'suggestions'> & {
  suggestions: readonly FigureSuggestionRow[]
}

function scopeCondition(db: Queryable, scope: SuggestionFigureScope) {
  const filed = inArray(suggestions.status, [...FILED_SUGGESTION_STATUSES])
  if (scope.kind === 'all') return filed
  if (scope.kind === 'stations') return and(filed, inArray(suggestions.stationId, [...scope.stationIds]))
  const cosigned = db
    .select({ id: suggestionCosigners.suggestionId })
    .from(suggestionCosigners)
    .where(eq(suggestionCosigners.deputyId, scope.deputyId))
  return and(filed, or(eq(suggestions.leadDeputyId, scope.deputyId), inArray(suggestions.id, cosigned)))
}

/** The filed suggestions of a scope with everything the figures count. */
export function loadSuggestionFigureRows(db: Queryable, scope: SuggestionFigureScope): SuggestionFigureRows {
  const where = scopeCondition(db, scope)
  const rows = db
    .select({
      id: suggestions.id,
      stationId: suggestions.stationId,
      timeZone: stations.timeZone,
      leadDeputyId: suggestions.leadDeputyId,
      status: suggestions.status,
      title: suggestions.title,
      year: suggestions.year,
      number: suggestions.number,
      submittedAt: suggestions.submittedAt,
      closedAt: suggestions.closedAt,
      verdict: suggestions.verdict,
      qualityFirstPassed: suggestions.qualityFirstPassed,
      round: suggestions.round,
      dueOn: suggestions.dueOn,
    })
    .from(suggestions)
    .innerJoin(stations, eq(stations.id, suggestions.stationId))
    .where(where)
    .all()
  if (!rows.length) return { suggestions: [], replies: [], cosigners: [], units: [] }
  const ids = rows.map((r) => r.id)
  // The first submission: `submitted_at` may be rewritten when a returned suggestion is resubmitted.
  const firstEvents = new Map(
    db
      .select({ id: suggestionEvents.suggestionId, at: min(suggestionEvents.at) })
      .from(suggestionEvents)
      .where(and(inArray(suggestionEvents.suggestionId, ids), eq(suggestionEvents.action, 'submitted')))
      .groupBy(suggestionEvents.suggestionId)
      .all()
      .map((e) => [e.id, e.at]),
  )
  const figureSuggestions: FigureSuggestionRow[] = rows.map((r) => {
    const first = [r.submittedAt, firstEvents.get(r.id) ?? null]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0]
    return {
      id: r.id,
      stationId: r.stationId,
      leadDeputyId: r.leadDeputyId,
      status: r.status,
      title: r.title,
      year: r.year,
      number: r.number,
      firstSubmittedOn: first ? localDate(first, r.timeZone) : null,
      closedOn: r.closedAt ? localDate(r.closedAt, r.timeZone) : null,
      verdict: r.verdict,
      qualityFirstPassed: r.qualityFirstPassed,
      round: r.round,
      dueOn: r.dueOn,
    }
  })
  const replies: FigureReply[] = db
    .select({
      suggestionId: suggestionReplies.suggestionId,
      unitId: suggestionReplies.unitId,
      round: suggestionReplies.round,
      grade: suggestionReplies.grade,
      repliedOn: suggestionReplies.repliedOn,
      dueOn: suggestionReplies.dueOn,
    })
    .from(suggestionReplies)
    .where(inArray(suggestionReplies.suggestionId, ids))
    .all()
  const cosigners: FigureCosigner[] = db
    .select({
      suggestionId: suggestionCosigners.suggestionId,
      deputyId: suggestionCosigners.deputyId,
      state: suggestionCosigners.state,
    })
    .from(suggestionCosigners)
    .where(inArray(suggestionCosigners.suggestionId, ids))
    .all()
  const units: FigureUnit[] = db
    .select({
      suggestionId: suggestionUnits.suggestionId,
      unitId: suggestionUnits.unitId,
      role: suggestionUnits.role,
    })
    .from(suggestionUnits)
    .where(and(inArray(suggestionUnits.suggestionId, ids), eq(suggestionUnits.stage, 'assigned')))
    .all()
  return { suggestions: figureSuggestions, replies, cosigners, units }
}

/** Handling units by id, with their names in every language (for the units' table). */
export const unitsByIds = (db: Queryable, ids: readonly number[]) =>
  ids.length
    ? db
        .select()
        .from(handlingUnits)
        .where(inArray(handlingUnits.id, [...ids]))
        .all()
    : []
