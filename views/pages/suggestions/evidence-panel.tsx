import type { SuggestionView } from '../../../db/queries/suggestions.ts'

/**
 * A draft's evidence from residents (issue 18 item 2): number of residents, places, first and last
 * dates, the residents' own words without personal data, satisfaction history of the linked concerns.
 * PLACEHOLDER by the lead: helper F implements it (stable id `suggestion-evidence`).
 */
export function EvidencePanel(_props: { suggestion: SuggestionView }) {
  return <section id="suggestion-evidence" />
}
