import type { PlaceKind, PlaceSector } from '../../db/enums.ts'

export const MAX_PLACE_NAME = 60
export const MAX_PLACE_ADDRESS = 200
/** Size hints above this are typing mistakes, not places (a large town has some 10^5 residents). */
export const MAX_PLACE_COUNT = 10_000_000
export const LATITUDE_RANGE = [-90, 90] as const
export const LONGITUDE_RANGE = [-180, 180] as const

export type PlaceShapeProblem = 'sectorOnlyForFirms' | 'latitudeWithoutLongitude' | 'longitudeWithoutLatitude'

/**
 * What a place's fields must agree on beyond each field's own range: only a firm has a trade
 * (sector), and a position is given whole (latitude and longitude together) or not at all.
 * Shared by the admin form and the import, so both refuse the same places.
 */
export function placeShapeProblems(p: {
  kind: PlaceKind
  sector: PlaceSector | null
  latitude: number | null
  longitude: number | null
}): { field: 'sector' | 'latitude' | 'longitude'; problem: PlaceShapeProblem }[] {
  const out: { field: 'sector' | 'latitude' | 'longitude'; problem: PlaceShapeProblem }[] = []
  if (p.sector !== null && p.kind !== 'firm') out.push({ field: 'sector', problem: 'sectorOnlyForFirms' })
  if (p.latitude !== null && p.longitude === null)
    out.push({ field: 'longitude', problem: 'latitudeWithoutLongitude' })
  if (p.longitude !== null && p.latitude === null)
    out.push({ field: 'latitude', problem: 'longitudeWithoutLatitude' })
  return out
}
