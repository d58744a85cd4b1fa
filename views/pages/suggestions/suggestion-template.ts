import type { SuggestionKind } from '../../../db/enums.ts'
import type { MessageKey, T } from '../../i18n/index.ts'

export type SuggestionTemplate = {
  title: string
  problem: string
  causes: string
  actions: { text: string; actor: string }[]
}

type TemplateKeys = {
  title: MessageKey
  problem: MessageKey
  causes: MessageKey
  actions: [text: MessageKey, actor: MessageKey][]
}

/**
 * The five commonest kinds (issue 18 item 3). 【…】 marks what the deputy replaces with facts; the
 * quality check's template_filled item refuses a submission while any is left.
 */
const TEMPLATES: Record<Exclude<SuggestionKind, 'other'>, TemplateKeys> = {
  infrastructure: {
    title: 'suggestion.template.infrastructure.title',
    problem: 'suggestion.template.infrastructure.problem',
    causes: 'suggestion.template.infrastructure.causes',
    actions: [
      ['suggestion.template.infrastructure.action1', 'suggestion.template.infrastructure.actor1'],
      ['suggestion.template.infrastructure.action2', 'suggestion.template.infrastructure.actor2'],
      ['suggestion.template.infrastructure.action3', 'suggestion.template.infrastructure.actor3'],
    ],
  },
  traffic: {
    title: 'suggestion.template.traffic.title',
    problem: 'suggestion.template.traffic.problem',
    causes: 'suggestion.template.traffic.causes',
    actions: [
      ['suggestion.template.traffic.action1', 'suggestion.template.traffic.actor1'],
      ['suggestion.template.traffic.action2', 'suggestion.template.traffic.actor2'],
    ],
  },
  environment: {
    title: 'suggestion.template.environment.title',
    problem: 'suggestion.template.environment.problem',
    causes: 'suggestion.template.environment.causes',
    actions: [
      ['suggestion.template.environment.action1', 'suggestion.template.environment.actor1'],
      ['suggestion.template.environment.action2', 'suggestion.template.environment.actor2'],
      ['suggestion.template.environment.action3', 'suggestion.template.environment.actor3'],
    ],
  },
  social_security: {
    title: 'suggestion.template.social_security.title',
    problem: 'suggestion.template.social_security.problem',
    causes: 'suggestion.template.social_security.causes',
    actions: [
      ['suggestion.template.social_security.action1', 'suggestion.template.social_security.actor1'],
      ['suggestion.template.social_security.action2', 'suggestion.template.social_security.actor2'],
    ],
  },
  business: {
    title: 'suggestion.template.business.title',
    problem: 'suggestion.template.business.problem',
    causes: 'suggestion.template.business.causes',
    actions: [
      ['suggestion.template.business.action1', 'suggestion.template.business.actor1'],
      ['suggestion.template.business.action2', 'suggestion.template.business.actor2'],
    ],
  },
}

/** The kinds that have a template (all but "other", which starts blank). */
export const TEMPLATE_KINDS = Object.keys(TEMPLATES) as Exclude<SuggestionKind, 'other'>[]

/**
 * The template of a kind of suggestion, in the reader's language (issue 18 item 3); "other" is
 * blank. `/suggestions/new?kind=` fills the new draft's fields with it.
 */
export function suggestionTemplate(t: T, kind: SuggestionKind): SuggestionTemplate {
  if (kind === 'other') return { title: '', problem: '', causes: '', actions: [] }
  const k = TEMPLATES[kind]
  return {
    title: t(k.title),
    problem: t(k.problem),
    causes: t(k.causes),
    actions: k.actions.map(([text, actor]) => ({ text: t(text), actor: t(actor) })),
  }
}
