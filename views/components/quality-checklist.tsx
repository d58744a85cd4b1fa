import {
  SUGGESTION_LIMITS as L,
  type QualityItem,
  type QualityItemId,
  type QualityReport,
} from '../../server/domain/suggestion-quality.ts'
import { type MessageKey, type T, useI18n } from '../i18n/index.ts'

const LABEL: Record<QualityItemId, MessageKey> = {
  one_matter: 'suggestion.quality.item.one_matter',
  facts: 'suggestion.quality.item.facts',
  concrete_action: 'suggestion.quality.item.concrete_action',
  unit: 'suggestion.quality.item.unit',
  evidence: 'suggestion.quality.item.evidence',
  length: 'suggestion.quality.item.length',
  template_filled: 'suggestion.quality.item.template_filled',
  one_topic: 'suggestion.quality.item.one_topic',
  each_action_concrete: 'suggestion.quality.item.each_action_concrete',
  causes: 'suggestion.quality.item.causes',
  dates: 'suggestion.quality.item.dates',
  cosigners_answered: 'suggestion.quality.item.cosigners_answered',
}

type State = 'ok' | 'fail' | 'warn'
const stateOf = (i: QualityItem): State => (i.ok ? 'ok' : i.required ? 'fail' : 'warn')
const STATE_WORD: Record<State, MessageKey> = {
  ok: 'suggestion.quality.state.ok',
  fail: 'suggestion.quality.state.fail',
  warn: 'suggestion.quality.state.warn',
}
/** A sign beside the word, so the state is never told by colour alone. */
const STATE_ICON: Record<State, string> = { ok: '✓', fail: '✗', warn: '!' }

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)])
const num = (v: unknown) => (typeof v === 'number' ? v : 0)
const str = (v: unknown) => (typeof v === 'string' ? v : '')

/** Lines about each proposal that is not concrete: vague words only, no object, nobody named. */
function actionLines(t: T, sep: string, d: NonNullable<QualityItem['detail']>): string[] {
  return list(d.failing).flatMap((n) => {
    const action = t('suggestion.quality.actionNumber', { n })
    const lacks = list(d[`action${n}`])
    const vague = list(d[`vague${n}`])
    return [
      ...(lacks.includes('verb')
        ? [
            vague.length
              ? t('suggestion.quality.vagueFound', { action, words: vague.join(sep) })
              : t('suggestion.quality.noVerb', { action }),
          ]
        : []),
      ...(lacks.includes('object') ? [t('suggestion.quality.noObject', { action })] : []),
      ...(lacks.includes('actor') ? [t('suggestion.quality.noActor', { action })] : []),
    ]
  })
}

/** One line per part out of its bounds, with its length and the bounds. */
function lengthLines(t: T, d: NonNullable<QualityItem['detail']>): string[] {
  return Object.entries(d).map(([key, value]) => {
    const length = num(value)
    const n = key.replace(/\D/g, '')
    if (key === 'actions')
      return t('suggestion.quality.countOf', {
        field: t('suggestion.quality.actionCount'),
        length,
        max: L.actionsMax,
      })
    const [field, min, max] = key.startsWith('action')
      ? [t('suggestion.quality.actionNumber', { n }), L.actionMin, L.actionMax]
      : key.startsWith('actor')
        ? [t('suggestion.quality.actorOf', { n }), 0, L.actorMax]
        : key === 'title'
          ? [t('suggestion.field.title'), L.titleMin, L.titleMax]
          : key === 'problem'
            ? [t('suggestion.field.problem'), L.problemMin, L.problemMax]
            : key === 'causes'
              ? [t('suggestion.field.causes'), 0, L.causesMax]
              : [t('suggestion.field.noEvidenceReason'), 0, L.noEvidenceReasonMax]
    return t('suggestion.quality.lengthOf', { field, length, min, max })
  })
}

/** The reason of an item in the reader's language, and the lines of its detail. */
function reasonOf(t: T, sep: string, item: QualityItem): { reason: string[]; lines: string[] } {
  const d = item.detail ?? {}
  const only = (...reason: string[]) => ({ reason, lines: [] })
  switch (item.id) {
    case 'one_matter':
      return item.ok
        ? only(t('suggestion.quality.ok.one_matter'))
        : only(t('suggestion.quality.fail.one_matter', { parts: list(d.parts).join(sep) }))
    case 'facts':
      return item.ok
        ? only(t('suggestion.quality.ok.facts', { number: str(d.number), place: str(d.place) }))
        : only(
            ...(d.noNumber ? [t('suggestion.quality.fail.factsNumber')] : []),
            ...(d.noPlace ? [t('suggestion.quality.fail.factsPlace')] : []),
          )
    case 'concrete_action':
    case 'each_action_concrete':
      if (item.ok)
        return only(
          item.id === 'concrete_action'
            ? t('suggestion.quality.ok.concrete_action', { n: num(d.n) })
            : t('suggestion.quality.ok.each_action_concrete'),
        )
      if (d.none) return only(t('suggestion.quality.fail.noActions'))
      return {
        reason: [
          item.id === 'concrete_action'
            ? t('suggestion.quality.fail.noConcreteAction')
            : t('suggestion.quality.fail.each_action_concrete'),
        ],
        lines: actionLines(t, sep, d),
      }
    case 'unit':
      return only(t(item.ok ? 'suggestion.quality.ok.unit' : 'suggestion.quality.fail.unit'))
    case 'evidence':
      return item.ok
        ? only(
            d.linked
              ? t('suggestion.quality.ok.evidenceLinked', { n: num(d.linked) })
              : t('suggestion.quality.ok.evidenceReason'),
          )
        : only(t('suggestion.quality.fail.evidence', { min: num(d.min) }))
    case 'length':
      return item.ok
        ? only(t('suggestion.quality.ok.length'))
        : { reason: [t('suggestion.quality.fail.length')], lines: lengthLines(t, d) }
    case 'template_filled':
      return item.ok
        ? only(t('suggestion.quality.ok.template_filled'))
        : only(t('suggestion.quality.fail.template_filled', { left: list(d.left).slice(0, 6).join(sep) }))
    case 'one_topic':
      return only(
        item.ok
          ? t('suggestion.quality.ok.one_topic')
          : t('suggestion.quality.fail.one_topic', { n: num(d.n) }),
      )
    case 'causes':
      return only(t(item.ok ? 'suggestion.quality.ok.causes' : 'suggestion.quality.fail.causes'))
    case 'dates':
      return only(
        item.ok
          ? t('suggestion.quality.ok.dates', { date: str(d.date) })
          : t('suggestion.quality.fail.dates'),
      )
    case 'cosigners_answered':
      return only(
        item.ok
          ? t('suggestion.quality.ok.cosigners_answered')
          : t('suggestion.quality.fail.cosigners_answered', { n: num(d.n) }),
      )
  }
}

/** `brief`: the reason without its lines (they are already shown under another item). */
function ChecklistRow({ item, brief = false }: { item: QualityItem; brief?: boolean }) {
  const { t, locale } = useI18n()
  const state = stateOf(item)
  const { reason, lines: all } = reasonOf(t, locale === 'en' ? ', ' : '、', item)
  const lines = brief ? [] : all
  return (
    <li id={`quality-item-${item.id}`} class={`quality-item quality-${state}`}>
      <span class="quality-icon" aria-hidden="true">
        {STATE_ICON[state]}
      </span>
      <div class="quality-body">
        <p class="quality-line">
          <strong class="quality-state">{t(STATE_WORD[state])}</strong>
          <span class="quality-kind">
            {t(item.required ? 'suggestion.quality.required' : 'suggestion.quality.optional')}
          </span>
          <span class="quality-label">{t(LABEL[item.id])}</span>
        </p>
        {reason.map((r) => (
          <p class="quality-reason">{r}</p>
        ))}
        {lines.length ? (
          <ul class="quality-details">
            {lines.map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  )
}

/**
 * The quality checklist of a suggestion, each item with its state in words and a sign, whether it
 * is required, and its reason with what was found (issue 18 item 3). Rows have stable ids
 * `quality-item-<id>`; the whole is `#quality-checklist`, the same inside a page or alone for htmx.
 */
export function QualityChecklist({ report }: { report: QualityReport }) {
  const { t } = useI18n()
  const required = report.items.filter((i) => i.required)
  const optional = report.items.filter((i) => !i.required)
  const unmet = required.filter((i) => !i.ok).length
  // When no proposal is concrete, the required item already lists what each one lacks.
  const actionsListed = report.items.some((i) => i.id === 'concrete_action' && !i.ok)
  return (
    <section id="quality-checklist" class="quality-checklist" aria-labelledby="quality-checklist-heading">
      <link rel="stylesheet" href="/static/quality-checklist.css" />
      <h2 id="quality-checklist-heading">{t('suggestion.quality.heading')}</h2>
      <p class="quality-intro">{t('suggestion.quality.intro')}</p>
      <p class={`quality-summary quality-summary-${report.passed ? 'ok' : 'fail'}`}>
        <span class="quality-icon" aria-hidden="true">
          {STATE_ICON[report.passed ? 'ok' : 'fail']}
        </span>
        {report.passed ? t('suggestion.quality.passed') : t('suggestion.quality.failed', { n: unmet })}
      </p>
      <h3 id="quality-required-heading">{t('suggestion.quality.requiredHeading')}</h3>
      <ul class="quality-items" aria-labelledby="quality-required-heading">
        {required.map((item) => (
          <ChecklistRow item={item} />
        ))}
      </ul>
      {optional.length ? (
        <>
          <h3 id="quality-optional-heading">{t('suggestion.quality.optionalHeading')}</h3>
          <ul class="quality-items" aria-labelledby="quality-optional-heading">
            {optional.map((item) => (
              <ChecklistRow item={item} brief={actionsListed && item.id === 'each_action_concrete'} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
