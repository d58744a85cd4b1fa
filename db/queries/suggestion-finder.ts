import { and, asc, eq, gte, inArray, or, sql } from 'drizzle-orm'
import { effectiveEvents } from '../../server/domain/concern-follow-up.ts'
import { isOpen, OPEN_STATUSES } from '../../server/domain/concern-lifecycle.ts'
import { hidePhones } from '../../server/domain/masking.ts'
import {
  type EvidenceConcern,
  type EvidenceVerdict,
  evidenceConcerns,
  type FinderConcern,
  residentKeyOf,
  residentWords,
} from '../../server/domain/suggestion-finder.ts'
import { OPEN_SUGGESTION_STATUSES } from '../../server/domain/suggestion-lifecycle.ts'
import type { Queryable } from '../client.ts'
import {
  type ConcernStatus,
  concernEvents,
  concernPhrases,
  concerns,
  deputies,
  places,
  suggestionConcerns,
  suggestions,
  topicPhrases,
  topics,
} from '../schema.ts'
import { deputyEvidenceScope, type LinkedConcernView } from './suggestions.ts'

/*
 * What the suggestion finder and a suggestion's evidence panel read (issue 18 item 2). Concerns
 * already linked to a suggestion still in play are left out of the finder: they are that
 * suggestion's evidence; once it is closed or withdrawn they may gather again.
 */

type Names = { nameZhHans: string; nameZhHant: string; nameEn: string }

export type FinderCandidate = FinderConcern & { status: ConcernStatus; words: string }

/** A concern is in a suggestion still in play (draft to replied, or re-handling). */
const inOpenSuggestion = sql`exists (select 1 from ${suggestionConcerns} join ${suggestions} on ${suggestions.id} = ${suggestionConcerns.suggestionId} where ${suggestionConcerns.concernId} = ${concerns.id} and ${inArray(suggestions.status, [...OPEN_SUGGESTION_STATUSES])})`

/**
 * The finder's candidates for a deputy: concerns in the deputy's evidence scope that are open
 * (any age) or were received on or after `since`, and are not evidence of a suggestion in play.
 */
export function finderCandidates(db: Queryable, deputyId: number, since: string): FinderCandidate[] {
  const rows = db
    .select({
      id: concerns.id,
      topicId: concerns.topicId,
      placeId: concerns.placeId,
      receivedOn: concerns.receivedOn,
      description: concerns.description,
      callbackPhone: concerns.callbackPhone,
      status: concerns.status,
    })
    .from(concerns)
    .where(
      and(
        deputyEvidenceScope(deputyId),
        or(inArray(concerns.status, [...OPEN_STATUSES]), gte(concerns.receivedOn, since)),
        sql`not ${inOpenSuggestion}`,
      ),
    )
    .orderBy(asc(concerns.id))
    .all()
  const phrases = phrasesOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    topicId: r.topicId,
    placeId: r.placeId,
    receivedOn: r.receivedOn,
    text: r.description ?? '',
    phrases: phrases.get(r.id) ?? [],
    open: isOpen(r.status),
    residentKey: residentKeyOf(r),
    status: r.status,
    words: residentWords(r.description ?? '', hidePhones),
  }))
}

/** The zh-Hans names of the phrase chips each concern carries (the finder compares in one script). */
function phrasesOf(db: Queryable, ids: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (let i = 0; i < ids.length; i += 500)
    for (const r of db
      .select({ concernId: concernPhrases.concernId, name: topicPhrases.nameZhHans })
      .from(concernPhrases)
      .innerJoin(topicPhrases, eq(topicPhrases.id, concernPhrases.phraseId))
      .where(inArray(concernPhrases.concernId, ids.slice(i, i + 500)))
      .all())
      out.set(r.concernId, [...(out.get(r.concernId) ?? []), r.name])
  return out
}

/** Names of topics and places by id, for the finder's cards and the evidence panel. */
export function topicAndPlaceNames(db: Queryable, topicIds: readonly number[], placeIds: readonly number[]) {
  const topicRows =
    topicIds.length === 0
      ? []
      : db
          .select({
            id: topics.id,
            nameZhHans: topics.nameZhHans,
            nameZhHant: topics.nameZhHant,
            nameEn: topics.nameEn,
          })
          .from(topics)
          .where(inArray(topics.id, [...new Set(topicIds)]))
          .all()
  const placeRows =
    placeIds.length === 0
      ? []
      : db
          .select({
            id: places.id,
            nameZhHans: places.nameZhHans,
            nameZhHant: places.nameZhHant,
            nameEn: places.nameEn,
          })
          .from(places)
          .where(inArray(places.id, [...new Set(placeIds)]))
          .all()
  return {
    topics: new Map<number, Names>(topicRows.map((r) => [r.id, r])),
    places: new Map<number, Names>(placeRows.map((r) => [r.id, r])),
  }
}

/**
 * Every verdict residents gave on the concerns that still counts (an administrator's undo takes
 * one back, as on the concern's page: concern-follow-up's effectiveEvents).
 */
export function concernVerdicts(db: Queryable, ids: readonly number[]): EvidenceVerdict[] {
  const out: EvidenceVerdict[] = []
  for (let i = 0; i < ids.length; i += 500) {
    const events = db
      .select({
        id: concernEvents.id,
        concernId: concernEvents.concernId,
        action: concernEvents.action,
        detail: concernEvents.detail,
      })
      .from(concernEvents)
      .where(
        and(
          inArray(concernEvents.concernId, ids.slice(i, i + 500)),
          inArray(concernEvents.action, ['verdict', 'undone']),
        ),
      )
      .orderBy(asc(concernEvents.at), asc(concernEvents.id))
      .all()
    for (const e of effectiveEvents(events))
      if (e.action === 'verdict' && e.detail.verdict)
        out.push({ concernId: e.concernId, verdict: e.detail.verdict })
  }
  return out
}

/** What the evidence panel needs beyond the suggestion: the linked concerns' places and verdicts. */
export type SuggestionEvidence = {
  concerns: (EvidenceConcern & { words: string })[]
  verdicts: EvidenceVerdict[]
  placeNames: Map<number, Names>
}

/** Reads a suggestion's evidence from its linked concerns (loadSuggestion's `concerns`). */
export function suggestionEvidence(db: Queryable, linked: readonly LinkedConcernView[]): SuggestionEvidence {
  const ids = linked.map((c) => c.id)
  const placeIds = linked.flatMap((c) => (c.placeId === null ? [] : [c.placeId]))
  return {
    concerns: evidenceConcerns(linked),
    verdicts: concernVerdicts(db, ids),
    placeNames: topicAndPlaceNames(db, [], placeIds).places,
  }
}

/** Active deputies whose home is one of the stations: whom a station's staff may run the finder for. */
export function finderDeputies(db: Queryable, stationIds: readonly number[] | null) {
  return db
    .select({ id: deputies.id, name: deputies.name, homeStationId: deputies.homeStationId })
    .from(deputies)
    .where(
      and(
        eq(deputies.active, true),
        stationIds === null ? undefined : inArray(deputies.homeStationId, [...stationIds]),
      ),
    )
    .orderBy(asc(deputies.id))
    .all()
}
