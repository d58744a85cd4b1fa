import type { SuggestionView } from '../../../db/queries/suggestions.ts'
import { suggestionRef } from '../../../db/queries/suggestions.ts'
import type { Account } from '../../../server/domain/account.ts'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { type HandlingForm, type HandlingOptions, HandlingPanel } from './handling-panel.tsx'
import { suggestionRefLabel, suggestionStatusLabel } from './suggestion-labels.ts'

/**
 * A suggestion's handling on a page of its own: what a refused handling step re-renders (422 with
 * what was typed, 409, 403), with the way back to the suggestion's page.
 */
export function HandlingPage(p: {
  suggestion: SuggestionView
  account: Account
  today: string
  options: HandlingOptions
  form?: HandlingForm
}) {
  const { t } = useI18n()
  const s = p.suggestion
  const ref = suggestionRefLabel(t, suggestionRef(s))
  const title = s.title || t('suggestion.untitled')
  return (
    <StaffLayout title={`${ref} ${title}`.trim()}>
      <p class="fu-back">
        <a href={`/suggestions/${s.id}`}>{title}</a>
      </p>
      <p id="suggestion-status">
        {ref ? `${ref} · ` : ''}
        {suggestionStatusLabel(t, s.status)}
      </p>
      <HandlingPanel {...p} />
    </StaffLayout>
  )
}
