import { and, asc, count, eq, gte, inArray } from 'drizzle-orm'
import { OPEN_STATUSES } from '../../server/domain/concern-lifecycle.ts'
import { duplicateText } from '../../server/domain/phone-guard.ts'
import type { Queryable } from '../client.ts'
import { concerns, deputies, deputyDistricts, districts } from '../schema.ts'
import { addConcernEvent, type ConcernRow } from './concerns.ts'

/** A district as residents' phone pages show it, with the station whose room serves it. */
export type PublicDistrict = {
  id: number
  stationId: number | null
  nameZhHans: string
  nameZhHant: string
  nameEn: string
}
export type PublicDeputy = { id: number; name: string; title: string }

const districtColumns = {
  id: districts.id,
  stationId: districts.stationId,
  nameZhHans: districts.nameZhHans,
  nameZhHant: districts.nameZhHant,
  nameEn: districts.nameEn,
}

export const findDistrict = (db: Queryable, id: number): PublicDistrict | undefined =>
  db.select(districtColumns).from(districts).where(eq(districts.id, id)).get()

/** A district's active deputies, by id: public facts only (name and title). */
export const deputiesOfDistrict = (db: Queryable, districtId: number): PublicDeputy[] =>
  db
    .select({ id: deputies.id, name: deputies.name, title: deputies.title })
    .from(deputyDistricts)
    .innerJoin(deputies, eq(deputies.id, deputyDistricts.deputyId))
    .where(and(eq(deputyDistricts.districtId, districtId), eq(deputies.active, true)))
    .orderBy(asc(deputies.id))
    .all()

/** The districts an active deputy serves, by id. */
export const districtsOfDeputy = (db: Queryable, deputyId: number): PublicDistrict[] =>
  db
    .select(districtColumns)
    .from(deputyDistricts)
    .innerJoin(districts, eq(districts.id, deputyDistricts.districtId))
    .innerJoin(deputies, eq(deputies.id, deputyDistricts.deputyId))
    .where(and(eq(deputyDistricts.deputyId, deputyId), eq(deputies.active, true)))
    .orderBy(asc(districts.id))
    .all()

/**
 * "Any deputy of my district" (decision 0034): the district's active deputy with the fewest open
 * concerns, the lowest id among equals, so the work spreads and the choice is repeatable.
 */
export function leastBusyDeputy(db: Queryable, districtId: number): PublicDeputy | undefined {
  const list = deputiesOfDistrict(db, districtId)
  if (list.length === 0) return undefined
  const open = new Map(
    db
      .select({ deputyId: concerns.deputyId, n: count() })
      .from(concerns)
      .where(
        and(
          inArray(
            concerns.deputyId,
            list.map((d) => d.id),
          ),
          inArray(concerns.status, [...OPEN_STATUSES]),
        ),
      )
      .groupBy(concerns.deputyId)
      .all()
      .map((r) => [r.deputyId, r.n]),
  )
  return [...list].sort((a, b) => (open.get(a.id) ?? 0) - (open.get(b.id) ?? 0) || a.id - b.id)[0]
}

/**
 * A phone concern with the same text from the same phone at the same station since `since`
 * (the resident sent it twice, or a script resends it): the earliest such, if any.
 */
export function findPhoneDuplicate(
  db: Queryable,
  q: { stationId: number; phone: string; description: string; since: Date },
): ConcernRow | undefined {
  const text = duplicateText(q.description)
  return db
    .select()
    .from(concerns)
    .where(
      and(
        eq(concerns.stationId, q.stationId),
        eq(concerns.channel, 'phone_web'),
        eq(concerns.callbackPhone, q.phone),
        gte(concerns.createdAt, q.since),
      ),
    )
    .orderBy(asc(concerns.id))
    .all()
    .find((c) => c.description !== null && duplicateText(c.description) === text)
}

/** Notes on the first concern's timeline that the same concern was sent again and merged into it. */
export function recordResubmission(db: Queryable, concern: ConcernRow, now: Date) {
  addConcernEvent(db, concern.id, now, {
    action: 'duplicate_linked',
    actor: { kind: 'resident' },
    fromStatus: concern.status,
    toStatus: concern.status,
    detail: { resubmitted: true },
  })
}
