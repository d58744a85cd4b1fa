import type { SuggestionStatus } from '../../db/enums.ts'
import { type Account, canActForStation } from './account.ts'
import { isEditableSuggestion } from './suggestion-lifecycle.ts'

/*
 * Who may do what with a suggestion (issue 18): deputies draft and co-sign; staff of the street's
 * people's congress office (accounts.street_office) review, assign and record the units' replies
 * for the stations they act for; the lead deputy alone submits, withdraws and gives the verdict.
 * Other staff of the station read, and may help a deputy write a draft.
 */

export type SuggestionScope = {
  stationId: number
  leadDeputyId: number
  status: SuggestionStatus
  /** Deputies invited to co-sign (whatever their answer). */
  cosignerIds: readonly number[]
}

export const isStreetOffice = (a: Account) =>
  a.role === 'admin' || (a.role === 'staff' && a.streetOffice === true)

export const isLeadDeputy = (a: Account, s: Pick<SuggestionScope, 'leadDeputyId'>) =>
  a.role === 'deputy' && a.deputyId !== null && a.deputyId === s.leadDeputyId

export const isCosigner = (a: Account, s: Pick<SuggestionScope, 'cosignerIds'>) =>
  a.role === 'deputy' && a.deputyId !== null && s.cosignerIds.includes(a.deputyId)

export function maySeeSuggestion(a: Account, s: SuggestionScope): boolean {
  if (a.role === 'admin') return true
  if (a.role === 'staff') return canActForStation(a, s.stationId)
  return isLeadDeputy(a, s) || isCosigner(a, s)
}

/** Change the text, evidence, units and co-signers of a draft or a returned suggestion. */
export const mayEditSuggestion = (a: Account, s: SuggestionScope) =>
  isEditableSuggestion(s.status) && (isLeadDeputy(a, s) || (a.role !== 'deputy' && maySeeSuggestion(a, s)))

/** Submit and withdraw carry the lead deputy's name: only they take those steps. */
export const mayActAsLead = (a: Account, s: SuggestionScope) => isLeadDeputy(a, s)

/** Accept, return, assign, record a unit's reply: the street office acting for the station. */
export const mayHandleSuggestion = (a: Account, s: SuggestionScope) =>
  isStreetOffice(a) && canActForStation(a, s.stationId)
