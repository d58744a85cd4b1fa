import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { handlingUnits, topics } from '../schema.ts'
import { recordAudit } from './audit.ts'

/** Handling units (承办单位) and concern topics: small lists with names in three languages. */

export type UnitRow = typeof handlingUnits.$inferSelect
export type TopicRow = typeof topics.$inferSelect

export const listUnits = (db: Db): UnitRow[] =>
  db.select().from(handlingUnits).orderBy(asc(handlingUnits.id)).all()
export const findUnit = (db: Db, id: number) =>
  db.select().from(handlingUnits).where(eq(handlingUnits.id, id)).get()

export type UnitInput = {
  nameZhHans: string
  nameZhHant: string
  nameEn: string
  contact: string
  active: boolean
}

export function saveUnit(db: Db, id: number | undefined, input: UnitInput, actor: number, now: Date) {
  return db.transaction((tx) => {
    let unitId = id
    if (unitId === undefined)
      unitId = tx
        .insert(handlingUnits)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning({ id: handlingUnits.id })
        .get().id
    else
      tx.update(handlingUnits)
        .set({ ...input, updatedAt: now })
        .where(eq(handlingUnits.id, unitId))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'handling_unit.created' : 'handling_unit.updated',
      entity: 'handling_unit',
      entityId: unitId,
      detail: input,
    })
    return unitId
  })
}

export const listTopics = (db: Db): TopicRow[] =>
  db.select().from(topics).orderBy(asc(topics.sortOrder), asc(topics.id)).all()
export const findTopic = (db: Db, id: number) => db.select().from(topics).where(eq(topics.id, id)).get()

export type TopicInput = {
  nameZhHans: string
  nameZhHant: string
  nameEn: string
  sortOrder: number
  active: boolean
}

export function saveTopic(db: Db, id: number | undefined, input: TopicInput, actor: number, now: Date) {
  return db.transaction((tx) => {
    let topicId = id
    if (topicId === undefined)
      topicId = tx
        .insert(topics)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning({ id: topics.id })
        .get().id
    else
      tx.update(topics)
        .set({ ...input, updatedAt: now })
        .where(eq(topics.id, topicId))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'topic.created' : 'topic.updated',
      entity: 'topic',
      entityId: topicId,
      detail: input,
    })
    return topicId
  })
}
