import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { accounts, type CosignState, deputies, suggestionCosigners, suggestions } from '../schema.ts'
import type { SuggestionRow } from './suggestions.ts'

/*
 * The suggestions lists (issue 18 item 1): a deputy's own and co-signed ones, a station's for its
 * staff. Rows carry the lead deputy's name; the screens group them by status.
 */

export type SuggestionListRow = SuggestionRow & { leadDeputyName: string }
export type CosignListRow = SuggestionListRow & { cosignState: CosignState }

const listColumns = { s: suggestions, leadDeputyName: deputies.name }
const flatten = (r: { s: SuggestionRow; leadDeputyName: string }): SuggestionListRow => ({
  ...r.s,
  leadDeputyName: r.leadDeputyName,
})

/** Suggestions a deputy leads, newest change first. */
export const suggestionsLedBy = (db: Queryable, deputyId: number): SuggestionListRow[] =>
  db
    .select(listColumns)
    .from(suggestions)
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .where(eq(suggestions.leadDeputyId, deputyId))
    .orderBy(desc(suggestions.updatedAt), desc(suggestions.id))
    .all()
    .map(flatten)

/** Suggestions a deputy was invited to co-sign (led by someone else), with their answer. */
export const suggestionsCosignedBy = (db: Queryable, deputyId: number): CosignListRow[] =>
  db
    .select({ ...listColumns, cosignState: suggestionCosigners.state })
    .from(suggestionCosigners)
    .innerJoin(suggestions, eq(suggestions.id, suggestionCosigners.suggestionId))
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .where(and(eq(suggestionCosigners.deputyId, deputyId), ne(suggestions.leadDeputyId, deputyId)))
    .orderBy(desc(suggestions.updatedAt), desc(suggestions.id))
    .all()
    .map((r) => ({ ...flatten(r), cosignState: r.cosignState }))

/** Suggestions filed at these stations (all when `stationIds` is undefined), newest change first. */
export const suggestionsOfStations = (
  db: Queryable,
  stationIds: readonly number[] | undefined,
): SuggestionListRow[] =>
  stationIds && stationIds.length === 0
    ? []
    : db
        .select(listColumns)
        .from(suggestions)
        .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
        .where(stationIds ? inArray(suggestions.stationId, [...stationIds]) : undefined)
        .orderBy(desc(suggestions.updatedAt), desc(suggestions.id))
        .all()
        .map(flatten)

/** Active deputies other than `exceptId`, by name: whom a lead deputy may invite to co-sign. */
export const cosignCandidates = (db: Queryable, exceptId: number) =>
  db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.active, true), ne(deputies.id, exceptId)))
    .orderBy(deputies.id)
    .all()

/** Display names of accounts by id (the actors on a suggestion's timeline). */
export const accountNamesById = (db: Queryable, ids: readonly number[]): Map<number, string> =>
  new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: accounts.id, name: accounts.displayName })
          .from(accounts)
          .where(inArray(accounts.id, [...new Set(ids)]))
          .all()
          .map((a) => [a.id, a.name]),
  )
