import type { SuggestionView } from '../../db/queries/suggestions.ts'

/*
 * The quality check before a suggestion is submitted (issue 18 item 3): a checklist with reasons,
 * not a score. Required items refuse a submission; optional ones warn.
 * PLACEHOLDER by the lead: helper Q replaces this file with the full rules (one matter, facts,
 * concrete actions against the vague-word lists of every language, templates left unfilled…).
 */

export const QUALITY_ITEMS = [
  'one_matter',
  'facts',
  'concrete_action',
  'unit',
  'evidence',
  'length',
  'template_filled',
  'causes',
  'dates',
  'cosigners_answered',
] as const
export type QualityItemId = (typeof QUALITY_ITEMS)[number]

export type QualityInput = {
  title: string
  problem: string
  causes: string
  actions: readonly { text: string; actor: string }[]
  proposedUnitCount: number
  linkedConcernCount: number
  /** Distinct topics among the linked concerns. */
  linkedTopicCount: number
  noEvidenceReason: string
  /** Co-signers invited who have not answered yet. */
  pendingCosigners: number
  /** Names of the places in the register (any language), to recognise a place in the text. */
  placeNames: readonly string[]
}

/** Words that say nothing checkable, and verbs of concrete action, in every interface language. */
export type QualityLexicon = { vague: readonly string[]; verbs: readonly string[] }

export type QualityItem = {
  id: QualityItemId
  required: boolean
  ok: boolean
  /** Values the reason shows (e.g. the vague words found, a length). */
  detail?: Record<string, string | number>
}
export type QualityReport = { items: QualityItem[]; passed: boolean }

export function qualityInputOf(s: SuggestionView, placeNames: readonly string[]): QualityInput {
  return {
    title: s.title,
    problem: s.problem,
    causes: s.causes,
    actions: s.actions,
    proposedUnitCount: s.units.filter((u) => u.stage === 'proposed').length,
    linkedConcernCount: s.concerns.length,
    linkedTopicCount: new Set(s.concerns.map((c) => c.topicId)).size,
    noEvidenceReason: s.noEvidenceReason,
    pendingCosigners: s.cosigners.filter((c) => c.state === 'invited').length,
    placeNames,
  }
}

export function checkSuggestionQuality(input: QualityInput, _lexicon: QualityLexicon): QualityReport {
  const items: QualityItem[] = [
    { id: 'unit', required: true, ok: input.proposedUnitCount > 0 },
    {
      id: 'evidence',
      required: true,
      ok: input.linkedConcernCount > 0 || input.noEvidenceReason.trim().length > 0,
    },
    { id: 'concrete_action', required: true, ok: input.actions.some((a) => a.text.trim().length > 0) },
  ]
  return { items, passed: items.every((i) => !i.required || i.ok) }
}

/** Bounds of a suggestion's fields (the form's maxlength and the length item). PLACEHOLDER values. */
export const SUGGESTION_LIMITS = {
  titleMin: 6,
  titleMax: 60,
  problemMin: 30,
  problemMax: 2000,
  causesMax: 2000,
  actionMin: 4,
  actionMax: 300,
  actorMax: 60,
  actionsMax: 10,
  noEvidenceReasonMax: 500,
} as const

/** The vague words and action verbs of every language. PLACEHOLDER: Q builds it from the messages. */
export const suggestionLexicon = (): QualityLexicon => ({ vague: [], verbs: [] })
