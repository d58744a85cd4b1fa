import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { deputies, deputyDistricts } from '../schema.ts'
import { recordAudit } from './audit.ts'

export type DeputyRow = typeof deputies.$inferSelect & { districtIds: number[] }

function districtIdsByDeputy(db: Db) {
  const map = new Map<number, number[]>()
  for (const r of db.select().from(deputyDistricts).orderBy(asc(deputyDistricts.districtId)).all())
    map.set(r.deputyId, [...(map.get(r.deputyId) ?? []), r.districtId])
  return map
}

export function listDeputies(db: Db): DeputyRow[] {
  const ids = districtIdsByDeputy(db)
  return db
    .select()
    .from(deputies)
    .orderBy(asc(deputies.id))
    .all()
    .map((d) => ({ ...d, districtIds: ids.get(d.id) ?? [] }))
}

export function findDeputy(db: Db, id: number): DeputyRow | undefined {
  const row = db.select().from(deputies).where(eq(deputies.id, id)).get()
  if (!row) return undefined
  const districtIds = db
    .select({ id: deputyDistricts.districtId })
    .from(deputyDistricts)
    .where(eq(deputyDistricts.deputyId, id))
    .all()
    .map((r) => r.id)
  return { ...row, districtIds }
}

/** The public introduction per language: a few sentences on the deputy's page. */
export const MAX_INTRO = 500

export type DeputyInput = {
  name: string
  homeStationId: number
  title: string
  active: boolean
  districtIds: number[]
  introZhHans: string
  introZhHant: string
  introEn: string
  workUnitPlaceId: number | null
  homePlaceId: number | null
}

/** Creates or updates a deputy and replaces their districts, with an audit entry, in one transaction. */
export function saveDeputy(db: Db, id: number | undefined, input: DeputyInput, actor: number, now: Date) {
  const { districtIds, ...fields } = input
  return db.transaction((tx) => {
    let deputyId: number
    if (id === undefined) {
      deputyId = tx
        .insert(deputies)
        .values({ ...fields, createdAt: now, updatedAt: now })
        .returning({ id: deputies.id })
        .get().id
    } else {
      deputyId = id
      tx.update(deputies)
        .set({ ...fields, updatedAt: now })
        .where(eq(deputies.id, id))
        .run()
      tx.delete(deputyDistricts).where(eq(deputyDistricts.deputyId, id)).run()
    }
    for (const districtId of new Set(districtIds))
      tx.insert(deputyDistricts).values({ deputyId, districtId }).run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'deputy.created' : 'deputy.updated',
      entity: 'deputy',
      entityId: deputyId,
      detail: { ...input },
    })
    return deputyId
  })
}
