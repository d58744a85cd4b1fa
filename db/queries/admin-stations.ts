import { asc, eq } from 'drizzle-orm'
import type { Locale } from '../../views/i18n/locales.ts'
import type { Db } from '../client.ts'
import type { TriageRule } from '../enums.ts'
import { stations, streets } from '../schema.ts'
import { recordAudit } from './audit.ts'

export type StreetRow = typeof streets.$inferSelect

export const listStreets = (db: Db): StreetRow[] => db.select().from(streets).orderBy(asc(streets.id)).all()

export type StationInput = {
  code: string
  nameZhHans: string
  nameZhHant: string
  nameEn: string
  address: string
  timeZone: string
  phone: string
  openingHoursZhHans: string
  openingHoursZhHant: string
  openingHoursEn: string
  defaultLocale?: Locale | undefined
  defaultLargeText: boolean
  /** Phone concerns reach the deputy at once or after a clerk's triage (issue 16). */
  phoneTriage?: TriageRule | undefined
  active: boolean
}

/** Where a new station belongs: an existing street, or a new one named here (first station). */
export type StreetChoice = { streetId: number } | { newStreetName: string }

/** Creates a station (and, for the very first one, its street) with an audit entry; returns its id. */
export function createStation(db: Db, input: StationInput, street: StreetChoice, actor: number, now: Date) {
  return db.transaction((tx) => {
    let streetId: number
    if ('streetId' in street) streetId = street.streetId
    else {
      streetId = tx
        .insert(streets)
        .values({ nameZhHans: street.newStreetName, createdAt: now, updatedAt: now })
        .returning({ id: streets.id })
        .get().id
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'street.created',
        entity: 'street',
        entityId: streetId,
        detail: { nameZhHans: street.newStreetName },
      })
    }
    const { id } = tx
      .insert(stations)
      .values({ ...input, streetId, createdAt: now, updatedAt: now })
      .returning({ id: stations.id })
      .get()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'station.created',
      entity: 'station',
      entityId: id,
      detail: { ...input, streetId },
    })
    return id
  })
}

export function updateStation(
  db: Db,
  id: number,
  input: StationInput & { streetId?: number },
  actor: number,
  now: Date,
) {
  db.transaction((tx) => {
    tx.update(stations)
      .set({ ...input, updatedAt: now })
      .where(eq(stations.id, id))
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'station.updated',
      entity: 'station',
      entityId: id,
      detail: input,
    })
  })
}
