import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import {
  type CosignState,
  concerns,
  deputies,
  deputyDistricts,
  districts,
  handlingUnits,
  places,
  type SuggestionEventAction,
  type SuggestionEventDetail,
  type SuggestionKind,
  type SuggestionStatus,
  type SuggestionUnitRole,
  type SuggestionUnitStage,
  suggestionActions,
  suggestionConcerns,
  suggestionCosigners,
  suggestionEvents,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../schema.ts'
import { type Actor, countsForDeputy } from './concerns.ts'

/*
 * The one home of a suggestion's rows (issue 18): its record, numbered actions, units, co-signers,
 * linked concerns, replies and timeline. Commands (server/events/suggestion-*.ts) write through
 * these inside their transactions; screens read `loadSuggestion`.
 */

export type SuggestionRow = typeof suggestions.$inferSelect
export type SuggestionEventRow = typeof suggestionEvents.$inferSelect
export type SuggestionReplyRow = typeof suggestionReplies.$inferSelect

export type SuggestionActionInput = { text: string; actor: string }
export type SuggestionUnitInput = { unitId: number; role: SuggestionUnitRole }

/** The fields a deputy writes in a draft. */
export type SuggestionDraftFields = {
  kind: SuggestionKind
  title: string
  problem: string
  causes: string
  noEvidenceReason: string
  urgent: boolean
}

export const findSuggestion = (db: Queryable, id: number): SuggestionRow | undefined =>
  db.select().from(suggestions).where(eq(suggestions.id, id)).get()

/** A new draft led by `leadDeputyId`, filed at `stationId` (the lead deputy's home station). */
export function insertSuggestion(
  db: Queryable,
  input: Partial<SuggestionDraftFields> & {
    stationId: number
    leadDeputyId: number
    createdByAccountId: number | null
  },
  now: Date,
): SuggestionRow {
  return db
    .insert(suggestions)
    .values({ ...input, status: 'draft', createdAt: now, updatedAt: now })
    .returning()
    .get()
}

/**
 * Moves a suggestion from `from` to `to` with other columns, only if it is still in `from`
 * (a concurrent step wins, this one writes nothing). Returns whether it moved.
 */
export function moveSuggestion(
  db: Queryable,
  id: number,
  from: SuggestionStatus,
  to: SuggestionStatus,
  now: Date,
  set: Partial<typeof suggestions.$inferInsert> = {},
): boolean {
  const r = db
    .update(suggestions)
    .set({ ...set, status: to, updatedAt: now })
    .where(and(eq(suggestions.id, id), eq(suggestions.status, from)))
    .run()
  return r.changes === 1
}

export type NewSuggestionEvent = {
  action: SuggestionEventAction
  actor: Actor
  fromStatus: SuggestionStatus | null
  toStatus: SuggestionStatus
  note?: string
  detail?: SuggestionEventDetail
}

export function addSuggestionEvent(
  db: Queryable,
  suggestionId: number,
  at: Date,
  e: NewSuggestionEvent,
): SuggestionEventRow {
  return db
    .insert(suggestionEvents)
    .values({
      suggestionId,
      at,
      action: e.action,
      actorKind: e.actor.kind,
      actorAccountId: e.actor.accountId ?? null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note ?? '',
      detail: e.detail ?? {},
    })
    .returning()
    .get()
}

export const suggestionTimeline = (db: Queryable, id: number): SuggestionEventRow[] =>
  db
    .select()
    .from(suggestionEvents)
    .where(eq(suggestionEvents.suggestionId, id))
    .orderBy(asc(suggestionEvents.at), asc(suggestionEvents.id))
    .all()

/** Replaces the numbered actions (positions 1..n in the given order). */
export function writeSuggestionActions(db: Queryable, id: number, actions: readonly SuggestionActionInput[]) {
  db.delete(suggestionActions).where(eq(suggestionActions.suggestionId, id)).run()
  actions.forEach((a, i) => {
    db.insert(suggestionActions)
      .values({ suggestionId: id, position: i + 1, text: a.text, actor: a.actor })
      .run()
  })
}

/** Replaces the units of one stage (the deputy's proposal, or the office's assignment). */
export function writeSuggestionUnits(
  db: Queryable,
  id: number,
  stage: SuggestionUnitStage,
  units: readonly SuggestionUnitInput[],
) {
  db.delete(suggestionUnits)
    .where(and(eq(suggestionUnits.suggestionId, id), eq(suggestionUnits.stage, stage)))
    .run()
  const seen = new Set<number>()
  for (const u of units) {
    if (seen.has(u.unitId)) continue
    seen.add(u.unitId)
    db.insert(suggestionUnits).values({ suggestionId: id, stage, unitId: u.unitId, role: u.role }).run()
  }
}

/** Links concerns as evidence (already linked ones are kept); returns the ids newly linked. */
export function linkConcerns(db: Queryable, id: number, concernIds: readonly number[], now: Date): number[] {
  const added: number[] = []
  for (const concernId of new Set(concernIds)) {
    const r = db
      .insert(suggestionConcerns)
      .values({ suggestionId: id, concernId, linkedAt: now })
      .onConflictDoNothing()
      .run()
    if (r.changes === 1) added.push(concernId)
  }
  return added
}

export function unlinkConcerns(db: Queryable, id: number, concernIds: readonly number[]): number {
  if (concernIds.length === 0) return 0
  return db
    .delete(suggestionConcerns)
    .where(
      and(eq(suggestionConcerns.suggestionId, id), inArray(suggestionConcerns.concernId, [...concernIds])),
    )
    .run().changes
}

export const linkedConcernIds = (db: Queryable, id: number): number[] =>
  db
    .select({ id: suggestionConcerns.concernId })
    .from(suggestionConcerns)
    .where(eq(suggestionConcerns.suggestionId, id))
    .all()
    .map((r) => r.id)

/** Suggestions a concern is evidence for (for its timeline). */
export const suggestionsOfConcern = (db: Queryable, concernId: number): SuggestionRow[] =>
  db
    .select({ s: suggestions })
    .from(suggestionConcerns)
    .innerJoin(suggestions, eq(suggestions.id, suggestionConcerns.suggestionId))
    .where(eq(suggestionConcerns.concernId, concernId))
    .all()
    .map((r) => r.s)

/** Invites a co-signer, or sets their answer. */
export function setCosigner(db: Queryable, id: number, deputyId: number, state: CosignState, now: Date) {
  db.insert(suggestionCosigners)
    .values({
      suggestionId: id,
      deputyId,
      state,
      invitedAt: now,
      answeredAt: state === 'invited' ? null : now,
    })
    .onConflictDoUpdate({
      target: [suggestionCosigners.suggestionId, suggestionCosigners.deputyId],
      set: { state, answeredAt: state === 'invited' ? null : now },
    })
    .run()
}

export function removeCosigner(db: Queryable, id: number, deputyId: number) {
  db.delete(suggestionCosigners)
    .where(and(eq(suggestionCosigners.suggestionId, id), eq(suggestionCosigners.deputyId, deputyId)))
    .run()
}

/** Bumps the version after an edit; false when someone saved a newer version meanwhile. */
export function bumpSuggestionVersion(db: Queryable, id: number, seenVersion: number, now: Date): boolean {
  return (
    db
      .update(suggestions)
      .set({ version: sql`${suggestions.version} + 1`, updatedAt: now })
      .where(and(eq(suggestions.id, id), eq(suggestions.version, seenVersion)))
      .run().changes === 1
  )
}

/** The next number in a year (建议第 N 号); call inside the submitting write transaction. */
export function nextSuggestionNumber(db: Queryable, year: number): number {
  const row = db
    .select({ n: sql<number>`coalesce(max(${suggestions.number}), 0)` })
    .from(suggestions)
    .where(eq(suggestions.year, year))
    .get()
  return (row?.n ?? 0) + 1
}

/** "2026-017": a suggestion's public reference, or null before its first submission. */
export const suggestionRef = (s: { year: number | null; number: number | null }) =>
  s.year && s.number ? `${s.year}-${String(s.number).padStart(3, '0')}` : null

export type SuggestionUnitView = {
  unitId: number
  role: SuggestionUnitRole
  stage: SuggestionUnitStage
  nameZhHans: string
  nameZhHant: string
  nameEn: string
}
export type CosignerView = { deputyId: number; name: string; state: CosignState; answeredAt: Date | null }
export type LinkedConcernView = typeof concerns.$inferSelect & { linkedAt: Date }

/** Everything a suggestion's screens show, read in one place. */
export type SuggestionView = SuggestionRow & {
  leadDeputyName: string
  actions: { position: number; text: string; actor: string }[]
  units: SuggestionUnitView[]
  cosigners: CosignerView[]
  concerns: LinkedConcernView[]
  replies: SuggestionReplyRow[]
}

/** 具体建议: the numbered actions, each with who should act. */
export const suggestionActionList = (db: Queryable, id: number) =>
  db
    .select({
      position: suggestionActions.position,
      text: suggestionActions.text,
      actor: suggestionActions.actor,
    })
    .from(suggestionActions)
    .where(eq(suggestionActions.suggestionId, id))
    .orderBy(asc(suggestionActions.position))
    .all()

export function loadSuggestion(db: Queryable, id: number): SuggestionView | undefined {
  const s = findSuggestion(db, id)
  if (!s) return undefined
  const lead = db.select({ name: deputies.name }).from(deputies).where(eq(deputies.id, s.leadDeputyId)).get()
  return {
    ...s,
    leadDeputyName: lead?.name ?? '',
    actions: suggestionActionList(db, id),
    units: db
      .select({
        unitId: suggestionUnits.unitId,
        role: suggestionUnits.role,
        stage: suggestionUnits.stage,
        nameZhHans: handlingUnits.nameZhHans,
        nameZhHant: handlingUnits.nameZhHant,
        nameEn: handlingUnits.nameEn,
      })
      .from(suggestionUnits)
      .innerJoin(handlingUnits, eq(handlingUnits.id, suggestionUnits.unitId))
      .where(eq(suggestionUnits.suggestionId, id))
      // 主办 before 协办, whatever the words sort as.
      .orderBy(asc(suggestionUnits.stage), sql`${suggestionUnits.role} <> 'lead'`, asc(handlingUnits.id))
      .all(),
    cosigners: db
      .select({
        deputyId: suggestionCosigners.deputyId,
        name: deputies.name,
        state: suggestionCosigners.state,
        answeredAt: suggestionCosigners.answeredAt,
      })
      .from(suggestionCosigners)
      .innerJoin(deputies, eq(deputies.id, suggestionCosigners.deputyId))
      .where(eq(suggestionCosigners.suggestionId, id))
      .orderBy(asc(suggestionCosigners.invitedAt), asc(deputies.id))
      .all(),
    concerns: db
      .select({ c: concerns, linkedAt: suggestionConcerns.linkedAt })
      .from(suggestionConcerns)
      .innerJoin(concerns, eq(concerns.id, suggestionConcerns.concernId))
      .where(eq(suggestionConcerns.suggestionId, id))
      .orderBy(asc(concerns.receivedOn), asc(concerns.id))
      .all()
      .map((r) => ({ ...r.c, linkedAt: r.linkedAt })),
    replies: db
      .select()
      .from(suggestionReplies)
      .where(eq(suggestionReplies.suggestionId, id))
      .orderBy(asc(suggestionReplies.round), asc(suggestionReplies.id))
      .all(),
  }
}

/**
 * The concerns a suggestion led by `deputyId` may be built on: ones that reach a deputy (not spam,
 * not waiting for triage) and are the deputy's own, or were raised about a place in one of the
 * deputy's districts, or at a station serving one of them. The finder looks here; linking checks it.
 */
export function deputyEvidenceScope(deputyId: number) {
  const districtIds = sql`(select ${deputyDistricts.districtId} from ${deputyDistricts} where ${deputyDistricts.deputyId} = ${deputyId})`
  return and(
    countsForDeputy,
    or(
      eq(concerns.deputyId, deputyId),
      sql`${concerns.placeId} in (select ${places.id} from ${places} where ${places.districtId} in ${districtIds})`,
      sql`${concerns.stationId} in (select ${districts.stationId} from ${districts} where ${districts.id} in ${districtIds})`,
    ),
  )!
}

/** Of the given concern ids, those within the deputy's evidence scope. */
export function concernsInEvidenceScope(
  db: Queryable,
  deputyId: number,
  concernIds: readonly number[],
): number[] {
  if (concernIds.length === 0) return []
  return db
    .select({ id: concerns.id })
    .from(concerns)
    .where(and(inArray(concerns.id, [...new Set(concernIds)]), deputyEvidenceScope(deputyId)))
    .all()
    .map((r) => r.id)
}
