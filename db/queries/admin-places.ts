import { eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { places } from '../schema.ts'
import { recordAudit } from './audit.ts'
import { insertPlace, type PlaceInput, type PlaceRow } from './places.ts'

/** Every field an administrator sets on a place (the form and the import write the same). */
export type PlaceFields = Required<PlaceInput>

/** Creates or updates one place with an audit entry; a second place of the same name in a district fails on the unique index. */
export function savePlace(db: Db, id: number | undefined, input: PlaceFields, actor: number, now: Date) {
  return db.transaction((tx) => {
    let placeId = id
    if (placeId === undefined) placeId = insertPlace(tx, input, now).id
    else
      tx.update(places)
        .set({ ...input, updatedAt: now })
        .where(eq(places.id, placeId))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'place.created' : 'place.updated',
      entity: 'place',
      entityId: placeId,
      detail: input,
    })
    return placeId
  })
}

/**
 * Takes a place out of residents' lists, or back. Places are never deleted: visits, concerns and
 * bookings refer to them, and coverage counts what happened there.
 */
export function setPlaceActive(db: Db, row: PlaceRow, active: boolean, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.update(places).set({ active, updatedAt: now }).where(eq(places.id, row.id)).run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: active ? 'place.reactivated' : 'place.deactivated',
      entity: 'place',
      entityId: row.id,
      detail: { nameZhHans: row.nameZhHans, districtId: row.districtId },
    })
  })
}

/** Writes every row of a checked import in one transaction, with one audit entry: all or nothing. */
export function importPlaces(db: Db, rows: PlaceFields[], actor: number, now: Date) {
  return db.transaction((tx) => {
    const ids = rows.map((r) => insertPlace(tx, r, now).id)
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'place.imported',
      entity: 'place',
      detail: { count: ids.length, firstId: ids[0] ?? null, lastId: ids.at(-1) ?? null },
    })
    return ids.length
  })
}
