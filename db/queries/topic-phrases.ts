import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { Db, Queryable, Tx } from '../client.ts'
import { DerivedCache } from '../derived-cache.ts'
import { concernPhrases, topicPhrases } from '../schema.ts'
import { recordAudit } from './audit.ts'

/** Phrase chips (topic_phrases): what a resident can tap instead of typing, per topic, in three languages. */

/** The longest phrase chip, in characters: a few words, not a description. */
export const PHRASE_MAX = 30

export type PhraseRow = typeof topicPhrases.$inferSelect
export type PhraseNames = { nameZhHans: string; nameZhHant: string; nameEn: string }
type Reader = Queryable

const order = [asc(topicPhrases.sortOrder), asc(topicPhrases.id)]

/** Every phrase of a topic, inactive ones too, for the admin list. */
export const listPhrases = (db: Reader, topicId: number): PhraseRow[] =>
  db
    .select()
    .from(topicPhrases)
    .where(eq(topicPhrases.topicId, topicId))
    .orderBy(...order)
    .all()

const activeByTopic = new DerivedCache<readonly PhraseRow[]>(['topic_phrases'] as const, {
  name: 'active phrases by topic',
})

/** The phrases a kiosk offers for a topic; kept until a phrase is written, so shared and frozen. */
export const activePhrases = (db: Reader, topicId: number): readonly PhraseRow[] =>
  activeByTopic.get(db, String(topicId), () =>
    Object.freeze(
      db
        .select()
        .from(topicPhrases)
        .where(and(eq(topicPhrases.topicId, topicId), eq(topicPhrases.active, true)))
        .orderBy(...order)
        .all(),
    ),
  )

export const findPhrase = (db: Reader, topicId: number, id: number) =>
  db
    .select()
    .from(topicPhrases)
    .where(and(eq(topicPhrases.id, id), eq(topicPhrases.topicId, topicId)))
    .get()

/**
 * Whether every id names an active phrase of this topic. An unknown, inactive or other topic's
 * phrase makes the whole choice invalid: the kiosk refuses it rather than dropping it quietly.
 */
export function arePhrasesOfTopic(db: Reader, topicId: number, ids: readonly number[]): boolean {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return true
  const found = db
    .select({ id: topicPhrases.id })
    .from(topicPhrases)
    .where(
      and(inArray(topicPhrases.id, unique), eq(topicPhrases.topicId, topicId), eq(topicPhrases.active, true)),
    )
    .all()
  return found.length === unique.length
}

export type PhraseInput = PhraseNames & { sortOrder: number; active: boolean }

/** Adds or edits a phrase of a topic, with its audit entry, in one transaction. */
export function savePhrase(
  db: Db,
  topicId: number,
  id: number | undefined,
  input: PhraseInput,
  actor: number,
  now: Date,
) {
  return db.transaction((tx) => {
    let phraseId = id
    if (phraseId === undefined)
      phraseId = tx
        .insert(topicPhrases)
        .values({ ...input, topicId, createdAt: now, updatedAt: now })
        .returning({ id: topicPhrases.id })
        .get().id
    else
      tx.update(topicPhrases)
        .set({ ...input, updatedAt: now })
        .where(and(eq(topicPhrases.id, phraseId), eq(topicPhrases.topicId, topicId)))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'topic_phrase.created' : 'topic_phrase.updated',
      entity: 'topic_phrase',
      entityId: phraseId,
      detail: { topicId, ...input },
    })
    return phraseId
  })
}

/** Records the chips a resident picked for a concern; runs inside the concern's own transaction. */
export function insertConcernPhrases(tx: Tx, concernId: number, phraseIds: readonly number[]) {
  const unique = [...new Set(phraseIds)]
  if (unique.length === 0) return
  tx.insert(concernPhrases)
    .values(unique.map((phraseId) => ({ concernId, phraseId })))
    .run()
}

/** The chips of each concern, in the topic's phrase order, with their names in three languages. */
export function phrasesOfConcerns(db: Reader, concernIds: readonly number[]): Map<number, PhraseNames[]> {
  const out = new Map<number, PhraseNames[]>()
  if (concernIds.length === 0) return out
  const rows = db
    .select({
      concernId: concernPhrases.concernId,
      nameZhHans: topicPhrases.nameZhHans,
      nameZhHant: topicPhrases.nameZhHant,
      nameEn: topicPhrases.nameEn,
    })
    .from(concernPhrases)
    .innerJoin(topicPhrases, eq(topicPhrases.id, concernPhrases.phraseId))
    .where(inArray(concernPhrases.concernId, [...new Set(concernIds)]))
    .orderBy(...order)
    .all()
  for (const { concernId, ...names } of rows) {
    const list = out.get(concernId) ?? []
    list.push(names)
    out.set(concernId, list)
  }
  return out
}

/** How many phrases (active or not) each topic has, for the admin topic list. */
export function phraseCounts(db: Reader): Map<number, number> {
  const rows = db
    .select({ topicId: topicPhrases.topicId, n: count() })
    .from(topicPhrases)
    .groupBy(topicPhrases.topicId)
    .all()
  return new Map(rows.map((r) => [r.topicId, r.n]))
}
