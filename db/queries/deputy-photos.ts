import { eq, inArray } from 'drizzle-orm'
import type { Db, Queryable } from '../client.ts'
import { deputyPhotos } from '../schema.ts'
import { recordAudit } from './audit.ts'

export type DeputyPhotoRow = typeof deputyPhotos.$inferSelect
export type DeputyPhotoInput = Pick<DeputyPhotoRow, 'contentType' | 'bytes' | 'width' | 'height' | 'etag'>

export const findDeputyPhoto = (db: Queryable, deputyId: number): DeputyPhotoRow | undefined =>
  db.select().from(deputyPhotos).where(eq(deputyPhotos.deputyId, deputyId)).get()

/** The ETag of each deputy's photo, for URLs that change when the photo does. */
export function photoEtags(db: Queryable, deputyIds: readonly number[]): Map<number, string> {
  if (deputyIds.length === 0) return new Map()
  return new Map(
    db
      .select({ id: deputyPhotos.deputyId, etag: deputyPhotos.etag })
      .from(deputyPhotos)
      .where(inArray(deputyPhotos.deputyId, [...deputyIds]))
      .all()
      .map((r) => [r.id, r.etag]),
  )
}

/** Stores (or replaces) a deputy's photo with an audit entry, in one transaction. */
export function saveDeputyPhoto(db: Db, deputyId: number, photo: DeputyPhotoInput, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.insert(deputyPhotos)
      .values({ deputyId, ...photo, updatedAt: now })
      .onConflictDoUpdate({ target: deputyPhotos.deputyId, set: { ...photo, updatedAt: now } })
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'deputy.photo.saved',
      entity: 'deputy',
      entityId: deputyId,
      detail: { width: photo.width, height: photo.height, bytes: photo.bytes.length, etag: photo.etag },
    })
  })
}

/** Removes a deputy's photo with an audit entry; false when there was none. */
export function removeDeputyPhoto(db: Db, deputyId: number, actor: number, now: Date): boolean {
  return db.transaction((tx) => {
    const gone = tx.delete(deputyPhotos).where(eq(deputyPhotos.deputyId, deputyId)).run().changes > 0
    if (gone)
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'deputy.photo.removed',
        entity: 'deputy',
        entityId: deputyId,
      })
    return gone
  })
}
