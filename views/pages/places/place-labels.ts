import type { PlaceKind, PlaceSector, VisitKind, VisitStatus } from '../../../db/enums.ts'
import type { MessageKey, T } from '../../i18n/index.ts'

const KIND: Record<PlaceKind, MessageKey> = {
  community: 'place.kind.community',
  village: 'place.kind.village',
  estate: 'place.kind.estate',
  firm: 'place.kind.firm',
  school: 'place.kind.school',
  market: 'place.kind.market',
  other: 'place.kind.other',
}
const SECTOR: Record<PlaceSector, MessageKey> = {
  furniture: 'place.sector.furniture',
  home_textiles: 'place.sector.home_textiles',
  fine_chemicals: 'place.sector.fine_chemicals',
  small_appliances: 'place.sector.small_appliances',
  nursery_plants: 'place.sector.nursery_plants',
  other: 'place.sector.other',
}
const VISIT_KIND: Record<VisitKind, MessageKey> = {
  home_visits: 'visit.kind.home_visits',
  firm_forum: 'visit.kind.firm_forum',
  school: 'visit.kind.school',
  reception_at_place: 'visit.kind.reception_at_place',
}
const VISIT_STATUS: Record<VisitStatus, MessageKey> = {
  planned: 'visit.status.planned',
  held: 'visit.status.held',
  cancelled: 'visit.status.cancelled',
}

/** Localised labels of the places register's and the visits' enum values; keys are never shown. */
export const placeKindLabel = (t: T, k: PlaceKind) => t(KIND[k])
export const placeSectorLabel = (t: T, s: PlaceSector) => t(SECTOR[s])
export const visitKindLabel = (t: T, k: VisitKind) => t(VISIT_KIND[k])
export const visitStatusLabel = (t: T, s: VisitStatus) => t(VISIT_STATUS[s])
