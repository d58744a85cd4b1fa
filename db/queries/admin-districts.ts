import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { districts } from '../schema.ts'
import { recordAudit } from './audit.ts'

export type DistrictRow = typeof districts.$inferSelect

export const listDistricts = (db: Db): DistrictRow[] =>
  db.select().from(districts).orderBy(asc(districts.id)).all()

export const findDistrict = (db: Db, id: number) =>
  db.select().from(districts).where(eq(districts.id, id)).get()

export type DistrictInput = {
  nameZhHans: string
  nameZhHant: string
  nameEn: string
  stationId: number
  /** The street of the serving station; a district's name is unique within its street. */
  streetId: number
}

export function createDistrict(db: Db, input: DistrictInput, actor: number, now: Date) {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(districts)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: districts.id })
      .get()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'district.created',
      entity: 'district',
      entityId: id,
      detail: input,
    })
    return id
  })
}

export function updateDistrict(db: Db, id: number, input: DistrictInput, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.update(districts)
      .set({ ...input, updatedAt: now })
      .where(eq(districts.id, id))
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'district.updated',
      entity: 'district',
      entityId: id,
      detail: input,
    })
  })
}
