import { and, asc, count, desc, eq, inArray, max, min, type SQL } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { SUGGESTION_UNIT_ROLES } from '../enums.ts'
import {
  concerns,
  deputies,
  handlingUnits,
  type SuggestionStatus,
  type SuggestionUnitRole,
  stations,
  suggestionConcerns,
  suggestionCosigners,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../schema.ts'
import type { SuggestionReplyRow } from './suggestions.ts'

/*
 * Suggestions as the public list, the CSV export and the print page read them (issue 18 item 6):
 * the suggestion with its deputies, assigned units, replies and the NUMBER of residents' concerns
 * it rests on. Nothing here reads a resident's name, phone or words.
 */

export type PublicUnit = {
  unitId: number
  role: SuggestionUnitRole
  nameZhHans: string
  nameZhHant: string
  nameEn: string
}

export type PublicSuggestion = {
  id: number
  year: number | null
  number: number | null
  stationId: number
  timeZone: string
  kind: (typeof suggestions.$inferSelect)['kind']
  title: string
  problem: string
  causes: string
  noEvidenceReason: string
  status: SuggestionStatus
  urgent: boolean
  leadDeputyName: string
  /** Co-signers who confirmed, in the order they were invited. */
  cosignerNames: string[]
  /** Units the street office assigned (主办 first). */
  units: PublicUnit[]
  replies: SuggestionReplyRow[]
  dueOn: string | null
  round: number
  verdict: (typeof suggestions.$inferSelect)['verdict']
  submittedAt: Date | null
  repliedAt: Date | null
  closedAt: Date | null
  /** How many residents' concerns it is built on (a count only). */
  concernCount: number
}

export type SuggestionFilter = {
  statuses: readonly SuggestionStatus[]
  year?: number | null
  /** Only these stations (a staff member's); all when absent. */
  stationIds?: readonly number[] | null
}

function where(f: SuggestionFilter): SQL | undefined {
  return and(
    inArray(suggestions.status, [...f.statuses]),
    f.year ? eq(suggestions.year, f.year) : undefined,
    f.stationIds ? inArray(suggestions.stationId, [...f.stationIds]) : undefined,
  )
}

export const countSuggestions = (db: Queryable, f: SuggestionFilter): number =>
  db.select({ n: count() }).from(suggestions).where(where(f)).get()?.n ?? 0

/** Years that have a suggestion in `statuses`, newest first. */
export const suggestionYears = (db: Queryable, statuses: readonly SuggestionStatus[]): number[] =>
  db
    .selectDistinct({ year: suggestions.year })
    .from(suggestions)
    .where(inArray(suggestions.status, [...statuses]))
    .orderBy(desc(suggestions.year))
    .all()
    .flatMap((r) => (r.year === null ? [] : [r.year]))

/** Suggestions matching the filter, newest submission first, with everything a row shows. */
export function listPublicSuggestions(
  db: Queryable,
  f: SuggestionFilter,
  page?: { limit: number; offset: number },
): PublicSuggestion[] {
  const q = db
    .select({
      s: suggestions,
      leadDeputyName: deputies.name,
      timeZone: stations.timeZone,
    })
    .from(suggestions)
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .innerJoin(stations, eq(stations.id, suggestions.stationId))
    .where(where(f))
    .orderBy(desc(suggestions.submittedAt), desc(suggestions.id))
  const rows = page ? q.limit(page.limit).offset(page.offset).all() : q.all()
  return withDetails(db, rows)
}

/** One suggestion as the public sees it, whatever its status (the caller decides if it may show). */
export function publicSuggestion(db: Queryable, id: number): PublicSuggestion | undefined {
  const row = db
    .select({ s: suggestions, leadDeputyName: deputies.name, timeZone: stations.timeZone })
    .from(suggestions)
    .innerJoin(deputies, eq(deputies.id, suggestions.leadDeputyId))
    .innerJoin(stations, eq(stations.id, suggestions.stationId))
    .where(eq(suggestions.id, id))
    .get()
  return row ? withDetails(db, [row])[0] : undefined
}

type Row = { s: typeof suggestions.$inferSelect; leadDeputyName: string; timeZone: string }

function withDetails(db: Queryable, rows: Row[]): PublicSuggestion[] {
  const ids = rows.map((r) => r.s.id)
  if (ids.length === 0) return []
  const cosigners = db
    .select({ id: suggestionCosigners.suggestionId, name: deputies.name })
    .from(suggestionCosigners)
    .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
    .where(and(inArray(suggestionCosigners.suggestionId, ids), eq(suggestionCosigners.state, 'confirmed')))
    .orderBy(asc(suggestionCosigners.invitedAt), asc(deputies.id))
    .all()
  const units = db
    .select({
      id: suggestionUnits.suggestionId,
      unitId: suggestionUnits.unitId,
      role: suggestionUnits.role,
      nameZhHans: handlingUnits.nameZhHans,
      nameZhHant: handlingUnits.nameZhHant,
      nameEn: handlingUnits.nameEn,
    })
    .from(suggestionUnits)
    .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionUnits.unitId))
    .where(and(inArray(suggestionUnits.suggestionId, ids), eq(suggestionUnits.stage, 'assigned')))
    .orderBy(asc(handlingUnits.id))
    .all()
    // 主办 before 协办, in the enum's order (the column's text would sort 'assist' first).
    .sort((x, y) => SUGGESTION_UNIT_ROLES.indexOf(x.role) - SUGGESTION_UNIT_ROLES.indexOf(y.role))
  const replies = db
    .select()
    .from(suggestionReplies)
    .where(inArray(suggestionReplies.suggestionId, ids))
    .orderBy(asc(suggestionReplies.round), asc(suggestionReplies.repliedOn), asc(suggestionReplies.id))
    .all()
  const counts = new Map(
    db
      .select({ id: suggestionConcerns.suggestionId, n: count() })
      .from(suggestionConcerns)
      .where(inArray(suggestionConcerns.suggestionId, ids))
      .groupBy(suggestionConcerns.suggestionId)
      .all()
      .map((r) => [r.id, r.n]),
  )
  return rows.map(({ s, leadDeputyName, timeZone }) => ({
    id: s.id,
    year: s.year,
    number: s.number,
    stationId: s.stationId,
    timeZone,
    kind: s.kind,
    title: s.title,
    problem: s.problem,
    causes: s.causes,
    noEvidenceReason: s.noEvidenceReason,
    status: s.status,
    urgent: s.urgent,
    leadDeputyName,
    cosignerNames: cosigners.filter((c) => c.id === s.id).map((c) => c.name),
    units: units.filter((u) => u.id === s.id).map(({ id: _, ...u }) => u),
    replies: replies.filter((r) => r.suggestionId === s.id),
    dueOn: s.dueOn,
    round: s.round,
    verdict: s.verdict,
    submittedAt: s.submittedAt,
    repliedAt: s.repliedAt,
    closedAt: s.closedAt,
    concernCount: counts.get(s.id) ?? 0,
  }))
}

/** Number and date span (local dates received) of the concerns a suggestion rests on. */
export function evidenceSpan(
  db: Queryable,
  id: number,
): { count: number; from: string | null; to: string | null } {
  const r = db
    .select({ n: count(), from: min(concerns.receivedOn), to: max(concerns.receivedOn) })
    .from(suggestionConcerns)
    .innerJoin(concerns, eq(concerns.id, suggestionConcerns.concernId))
    .where(eq(suggestionConcerns.suggestionId, id))
    .get()
  return { count: r?.n ?? 0, from: r?.from ?? null, to: r?.to ?? null }
}
