import { and, asc, eq } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { deputies, deputyDistricts, districts } from '../schema.ts'

type Names = { nameZhHans: string; nameZhHant: string; nameEn: string }

/** What a public deputy page shows of the deputy: never an account, phone or contact. */
export type PublicDeputy = {
  id: number
  name: string
  title: string
  introZhHans: string
  introZhHant: string
  introEn: string
  homeStationId: number
  districts: (Names & { id: number; stationId: number | null })[]
}

/** An active deputy with their districts, or undefined (inactive deputies have no public page). */
export function publicDeputy(db: Queryable, id: number): PublicDeputy | undefined {
  const d = db
    .select({
      id: deputies.id,
      name: deputies.name,
      title: deputies.title,
      introZhHans: deputies.introZhHans,
      introZhHant: deputies.introZhHant,
      introEn: deputies.introEn,
      homeStationId: deputies.homeStationId,
    })
    .from(deputies)
    .where(and(eq(deputies.id, id), eq(deputies.active, true)))
    .get()
  if (!d) return undefined
  const ds = db
    .select({
      id: districts.id,
      stationId: districts.stationId,
      nameZhHans: districts.nameZhHans,
      nameZhHant: districts.nameZhHant,
      nameEn: districts.nameEn,
    })
    .from(deputyDistricts)
    .innerJoin(districts, eq(districts.id, deputyDistricts.districtId))
    .where(eq(deputyDistricts.deputyId, id))
    .orderBy(asc(districts.id))
    .all()
  return { ...d, districts: ds }
}

/** Every active deputy with a title, for the public list and the posters index. */
export const activeDeputiesWithTitle = (db: Queryable) =>
  db
    .select({
      id: deputies.id,
      name: deputies.name,
      title: deputies.title,
      homeStationId: deputies.homeStationId,
    })
    .from(deputies)
    .where(eq(deputies.active, true))
    .orderBy(asc(deputies.id))
    .all()
