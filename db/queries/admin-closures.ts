import { and, asc, eq, like } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { type ClosureKind, closures } from '../schema.ts'
import { recordAudit } from './audit.ts'

export type ClosureRow = typeof closures.$inferSelect

/** Closures of one calendar year, by date; `stationId` 0 means every station. */
export const listClosures = (db: Db, year: number): ClosureRow[] =>
  db
    .select()
    .from(closures)
    .where(like(closures.date, `${year}-%`))
    .orderBy(asc(closures.date), asc(closures.stationId))
    .all()

export const findClosure = (db: Db, id: number) => db.select().from(closures).where(eq(closures.id, id)).get()

export type ClosureInput = { date: string; kind: ClosureKind; name: string; stationId: number }

/** Creates or updates one closure with an audit entry; a second entry for the same day and station fails on the unique index. */
export function saveClosure(db: Db, id: number | undefined, input: ClosureInput, actor: number, now: Date) {
  return db.transaction((tx) => {
    let closureId = id
    if (closureId === undefined)
      closureId = tx
        .insert(closures)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning({ id: closures.id })
        .get().id
    else
      tx.update(closures)
        .set({ ...input, updatedAt: now })
        .where(eq(closures.id, closureId))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'closure.created' : 'closure.updated',
      entity: 'closure',
      entityId: closureId,
      detail: input,
    })
    return closureId
  })
}

export function deleteClosure(db: Db, row: ClosureRow, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.delete(closures).where(eq(closures.id, row.id)).run()
    const { date, kind, name, stationId } = row
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'closure.deleted',
      entity: 'closure',
      entityId: row.id,
      detail: { date, kind, name, stationId },
    })
  })
}

/**
 * Writes imported closures in one transaction: a day (and station) that already has an entry is
 * updated to the file's kind and name, any other is added. One audit entry lists what changed.
 */
export function importClosures(db: Db, rows: ClosureInput[], actor: number, now: Date) {
  return db.transaction((tx) => {
    const added: string[] = []
    const updated: string[] = []
    for (const r of rows) {
      const existing = tx
        .select()
        .from(closures)
        .where(and(eq(closures.date, r.date), eq(closures.stationId, r.stationId)))
        .get()
      if (existing) {
        tx.update(closures)
          .set({ kind: r.kind, name: r.name, updatedAt: now })
          .where(eq(closures.id, existing.id))
          .run()
        updated.push(r.date)
      } else {
        tx.insert(closures)
          .values({ ...r, createdAt: now, updatedAt: now })
          .run()
        added.push(r.date)
      }
    }
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'closure.imported',
      entity: 'closure',
      detail: { added, updated },
    })
    return { added: added.length, updated: updated.length }
  })
}
