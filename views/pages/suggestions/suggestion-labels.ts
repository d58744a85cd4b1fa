import type { CosignState, SuggestionKind, SuggestionStatus, SuggestionUnitRole } from '../../../db/enums.ts'
import type { MessageKey, T } from '../../i18n/index.ts'

const STATUS: Record<SuggestionStatus, MessageKey> = {
  draft: 'suggestion.status.draft',
  submitted: 'suggestion.status.submitted',
  returned: 'suggestion.status.returned',
  accepted: 'suggestion.status.accepted',
  assigned: 'suggestion.status.assigned',
  replied: 'suggestion.status.replied',
  rehandling: 'suggestion.status.rehandling',
  closed: 'suggestion.status.closed',
  withdrawn: 'suggestion.status.withdrawn',
}
const KIND: Record<SuggestionKind, MessageKey> = {
  infrastructure: 'suggestion.kind.infrastructure',
  traffic: 'suggestion.kind.traffic',
  environment: 'suggestion.kind.environment',
  social_security: 'suggestion.kind.social_security',
  business: 'suggestion.kind.business',
  other: 'suggestion.kind.other',
}
const ROLE: Record<SuggestionUnitRole, MessageKey> = {
  lead: 'suggestion.unitRole.lead',
  assist: 'suggestion.unitRole.assist',
}
const COSIGN: Record<CosignState, MessageKey> = {
  invited: 'suggestion.cosign.invited',
  confirmed: 'suggestion.cosign.confirmed',
  declined: 'suggestion.cosign.declined',
}

export const suggestionStatusLabel = (t: T, s: SuggestionStatus) => t(STATUS[s])
export const suggestionKindLabel = (t: T, k: SuggestionKind) => t(KIND[k])
export const unitRoleLabel = (t: T, r: SuggestionUnitRole) => t(ROLE[r])
export const cosignStateLabel = (t: T, s: CosignState) => t(COSIGN[s])

/** "建议第2026-017号", or the untitled/draft wording before a number is given. */
export const suggestionRefLabel = (t: T, ref: string | null) => (ref ? t('suggestion.ref', { ref }) : '')
