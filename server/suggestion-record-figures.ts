import type { Queryable } from '../db/client.ts'
import { type RecordScope, scopeStations } from '../db/queries/followup.ts'
import {
  loadSuggestionFigureRows,
  type SuggestionFigureRows,
  type SuggestionFigureScope,
} from '../db/queries/suggestion-figures.ts'
import type { Account } from './domain/account.ts'
import { isStreetOffice } from './domain/suggestion-access.ts'
import { type Period, type SuggestionFigures, suggestionFigures } from './domain/suggestion-figures.ts'

/*
 * Suggestion figures read from the database and computed by server/domain/suggestion-figures.ts,
 * in one place for the deputy record, the monthly report and the units' table. Never inside the
 * record's DerivedCache: the suggestion tables are not versioned, so they are read on each request
 * (a street files a few hundred suggestions a year; five indexed queries).
 */

/** A record's scope as the suggestions see it: a deputy's own, or those filed at some stations. */
export function figureScopeOfRecord(db: Queryable, scope: RecordScope): SuggestionFigureScope {
  if (scope.kind === 'deputy') return { kind: 'deputy', deputyId: scope.id }
  return { kind: 'stations', stationIds: scopeStations(db, scope) ?? [] }
}

/**
 * Whose suggestions an account's units' table counts: the street office and administrators all,
 * other staff their stations', a deputy those they lead or were asked to co-sign.
 */
export function figureScopeOfAccount(account: Account): SuggestionFigureScope {
  if (isStreetOffice(account)) return { kind: 'all' }
  if (account.role === 'deputy') return { kind: 'deputy', deputyId: account.deputyId ?? 0 }
  return { kind: 'stations', stationIds: account.stationIds }
}

export type RecordSuggestionFigures = {
  figures: SuggestionFigures
  /** For a station's or a street's record: each of the given deputies over the same rows. */
  byDeputy: Map<number, SuggestionFigures>
  rows: SuggestionFigureRows
}

/** The 代表建议 figures of a record's scope, and of each deputy listed on it. */
export function recordSuggestionFigures(
  db: Queryable,
  scope: RecordScope,
  period: Period,
  minSample: number,
  deputyIds: readonly number[] = [],
): RecordSuggestionFigures {
  const rows = loadSuggestionFigureRows(db, figureScopeOfRecord(db, scope))
  const figures = suggestionFigures(rows, period, minSample, scope.kind === 'deputy' ? scope.id : undefined)
  const byDeputy = new Map(deputyIds.map((id) => [id, suggestionFigures(rows, period, minSample, id)]))
  return { figures, byDeputy, rows }
}
