import type { QualityReport } from '../../server/domain/suggestion-quality.ts'

/**
 * The quality checklist of a suggestion, each item with its reason (issue 18 item 3).
 * PLACEHOLDER by the lead: helper Q implements it (stable id `quality-checklist`).
 */
export function QualityChecklist(_props: { report: QualityReport }) {
  return <section id="quality-checklist" />
}
