import type { SuggestionEventAction } from '../../../db/enums.ts'
import type { SuggestionEvidence } from '../../../db/queries/suggestion-finder.ts'
import type { SuggestionEventRow, SuggestionView } from '../../../db/queries/suggestions.ts'
import type { Account } from '../../../server/domain/account.ts'
import type { QualityReport } from '../../../server/domain/suggestion-quality.ts'
import { PostButton } from '../../components/post-button.tsx'
import { QualityChecklist } from '../../components/quality-checklist.tsx'
import { type MessageKey, type T, useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { formatLocalDate } from '../track/concern-labels.ts'
import { Cosigners, LinkedConcerns } from './edit-page.tsx'
import { EvidencePanel } from './evidence-panel.tsx'
import { type HandlingForm, type HandlingOptions, HandlingPanel } from './handling-panel.tsx'
import { CosignButtons } from './list-page.tsx'
import {
  suggestionKindLabel,
  suggestionRefLabel,
  suggestionStatusLabel,
  unitRoleLabel,
} from './suggestion-labels.ts'
import {
  type SuggestionDue,
  SuggestionDueText,
  SuggestionNotice,
  SuggestionStyles,
} from './suggestion-parts.tsx'

const EVENT: Record<SuggestionEventAction, MessageKey> = {
  created: 'suggestionDraft.event.created',
  edited: 'suggestionDraft.event.edited',
  concerns_linked: 'suggestionDraft.event.concerns_linked',
  concerns_unlinked: 'suggestionDraft.event.concerns_unlinked',
  cosigner_invited: 'suggestionDraft.event.cosigner_invited',
  cosigner_confirmed: 'suggestionDraft.event.cosigner_confirmed',
  cosigner_declined: 'suggestionDraft.event.cosigner_declined',
  submit_refused: 'suggestionDraft.event.submit_refused',
  submitted: 'suggestionDraft.event.submitted',
  returned: 'suggestionDraft.event.returned',
  accepted: 'suggestionDraft.event.accepted',
  assigned: 'suggestionDraft.event.assigned',
  unit_replied: 'suggestionDraft.event.unit_replied',
  replied: 'suggestionDraft.event.replied',
  verdict: 'suggestionDraft.event.verdict',
  rehandling: 'suggestionDraft.event.rehandling',
  closed: 'suggestionDraft.event.closed',
  withdrawn: 'suggestionDraft.event.withdrawn',
  escalated: 'suggestionDraft.event.escalated',
}

/** A timeline event in words; the names of deputies it mentions come from `deputyNames`. */
export function suggestionEventText(t: T, e: SuggestionEventRow, deputyNames: Map<number, string>): string {
  const d = e.detail
  return t(EVENT[e.action], {
    n: d.concernIds?.length ?? 0,
    deputy: d.deputyId ? (deputyNames.get(d.deputyId) ?? '') : '',
    ref: d.number ?? '',
    level: d.level ?? 0,
  })
}

export type DetailPageProps = {
  evidence?: SuggestionEvidence
  handlingOptions?: HandlingOptions
  handlingForm?: HandlingForm
  handlingNotice?: string
  suggestion: SuggestionView
  ref: string | null
  account: Account
  today: string
  timeZone: string
  events: SuggestionEventRow[]
  actorNames: Map<number, string>
  deputyNames: Map<number, string>
  due: SuggestionDue
  /** Present while the suggestion can still be edited (the checklist is shown then). */
  report: QualityReport | null
  mayEdit: boolean
  mayLead: boolean
  /** The signed-in deputy is invited and may still answer. */
  mayAnswerCosign: boolean
  mayWithdraw: boolean
  filed: boolean
  notice?: string | undefined
  message?: string | undefined
}

/** Everything about one suggestion, for whoever may see it, with the steps they may take. */
export function SuggestionDetailPage(p: DetailPageProps) {
  const { t, name, dateTime } = useI18n()
  const s = p.suggestion
  const ref = p.ref
  const title = s.title || t('suggestion.untitled')
  // loadSuggestion lists 主办 before 协办.
  const units = (stage: 'proposed' | 'assigned') => s.units.filter((u) => u.stage === stage)
  const unitList = (stage: 'proposed' | 'assigned', id: string) =>
    units(stage).length === 0 ? (
      <dd id={id}>{t('suggestionDraft.detail.none')}</dd>
    ) : (
      <dd id={id}>
        <ul class="fu-inline-list">
          {units(stage).map((u) => (
            <li>
              <strong>{unitRoleLabel(t, u.role)}</strong> {name(u)}
            </li>
          ))}
        </ul>
      </dd>
    )
  return (
    <StaffLayout title={title}>
      <SuggestionStyles />
      <p class="fu-back">
        <a href="/suggestions">{t('suggestionDraft.detail.back')}</a>
      </p>
      <SuggestionNotice text={p.notice} id="suggestion-notice" />
      {p.message ? (
        <p class="notice notice-error" role="alert" id="suggestion-error" tabindex={-1}>
          {p.message}
        </p>
      ) : null}
      <p class="sg-ref" id="suggestion-ref">
        {ref ? suggestionRefLabel(t, ref) : t('suggestionDraft.list.noRef')} ·{' '}
        <strong id="suggestion-status">{suggestionStatusLabel(t, s.status)}</strong>
      </p>
      {p.mayAnswerCosign ? (
        <div class="notice" id="cosign-ask">
          <p>{t('suggestionDraft.cosign.askYou', { lead: s.leadDeputyName })}</p>
          <CosignButtons id={s.id} title={title} back="detail" />
        </div>
      ) : null}
      <ul class="sg-links" id="suggestion-actions">
        {p.mayEdit ? (
          <li>
            <a class="button" href={`/suggestions/${s.id}/edit`} id="edit-suggestion">
              {t('suggestionDraft.detail.edit')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`/suggestions/${s.id}/print`} id="print-suggestion">
            {t('suggestionDraft.detail.print')}
          </a>
        </li>
        {p.filed ? (
          <li>
            <a href={`/m/suggestions/${s.id}`} id="public-suggestion">
              {t('suggestionDraft.detail.publicPage')}
            </a>
          </li>
        ) : null}
      </ul>
      {s.status === 'returned' && s.returnReason ? (
        <p class="notice notice-error" id="return-reason">
          <strong>{t('suggestionDraft.detail.returnReason')}</strong> {s.returnReason}
        </p>
      ) : null}
      <section aria-labelledby="facts-title" id="suggestion-facts">
        <h2 id="facts-title">{t('suggestionDraft.detail.facts')}</h2>
        <dl class="fu-facts">
          <dt>{t('suggestion.field.kind')}</dt>
          <dd id="suggestion-kind">{suggestionKindLabel(t, s.kind)}</dd>
          <dt>{t('suggestion.field.leadDeputy')}</dt>
          <dd id="suggestion-lead">{s.leadDeputyName}</dd>
          <dt>{t('suggestionDraft.detail.urgency')}</dt>
          <dd id="suggestion-urgent">
            {s.urgent ? t('suggestionDraft.detail.urgent') : t('suggestionDraft.detail.notUrgent')}
          </dd>
          {s.submittedAt ? (
            <>
              <dt>{t('suggestion.field.submittedAt')}</dt>
              <dd id="suggestion-submitted">{dateTime(s.submittedAt, p.timeZone, { dateStyle: 'long' })}</dd>
            </>
          ) : null}
          <dt>{t('suggestionDraft.detail.proposedUnits')}</dt>
          {unitList('proposed', 'proposed-units')}
          {units('assigned').length > 0 ? (
            <>
              <dt>{t('suggestionDraft.detail.assignedUnits')}</dt>
              {unitList('assigned', 'assigned-units')}
            </>
          ) : null}
          {p.due ? (
            <>
              <dt>{t('suggestion.field.dueOn')}</dt>
              <dd id="suggestion-due">
                <SuggestionDueText due={p.due} />
              </dd>
            </>
          ) : s.dueOn ? (
            <>
              <dt>{t('suggestion.field.dueOn')}</dt>
              <dd id="suggestion-due">{formatLocalDate(dateTime, s.dueOn)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="body-title" id="suggestion-body">
        <h2 id="body-title">{t('suggestionDraft.detail.body')}</h2>
        <h3>{t('suggestion.field.problem')}</h3>
        <p class="sg-text" id="suggestion-problem">
          {s.problem || '—'}
        </p>
        <h3>{t('suggestion.field.causes')}</h3>
        <p class="sg-text" id="suggestion-causes">
          {s.causes || '—'}
        </p>
        <h3>{t('suggestion.field.actions')}</h3>
        {s.actions.length === 0 ? (
          <p>—</p>
        ) : (
          <ol id="suggestion-action-list" class="sg-action-list">
            {s.actions.map((a) => (
              <li>
                {a.text}
                {a.actor ? (
                  <span class="sg-actor"> {t('suggestionDraft.detail.byActor', { actor: a.actor })}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {s.noEvidenceReason ? (
          <>
            <h3>{t('suggestion.field.noEvidenceReason')}</h3>
            <p class="sg-text" id="suggestion-no-evidence">
              {s.noEvidenceReason}
            </p>
          </>
        ) : null}
      </section>
      <Cosigners suggestion={s} deputies={[]} editable={false} />
      <LinkedConcerns suggestion={s} editable={false} />
      <EvidencePanel suggestion={s} evidence={p.evidence} />
      {p.report ? (
        <section aria-labelledby="check-title" id="suggestion-check">
          <h2 id="check-title">{t('suggestionDraft.submit.title')}</h2>
          <p>{t('suggestionDraft.submit.intro')}</p>
          <QualityChecklist report={p.report} />
          {p.mayLead ? (
            <PostButton
              action={`/suggestions/${s.id}/submit`}
              label={t('suggestionDraft.submit.button')}
              name={title}
              buttonClass="button"
              formClass="sg-submit"
            />
          ) : (
            <p class="hint">{t('suggestionDraft.submit.leadOnly')}</p>
          )}
        </section>
      ) : null}
      <HandlingPanel
        suggestion={s}
        account={p.account}
        today={p.today}
        options={p.handlingOptions}
        form={p.handlingForm}
        notice={p.handlingNotice}
      />
      <section aria-labelledby="timeline-title" id="suggestion-timeline">
        <h2 id="timeline-title">{t('suggestionDraft.detail.timeline')}</h2>
        <ol class="fu-timeline">
          {p.events.map((e) => (
            <li id={`suggestion-event-${e.id}`}>
              <p class="fu-event-head">
                <time datetime={e.at.toISOString()}>{dateTime(e.at, p.timeZone)}</time> ·{' '}
                <strong>{suggestionEventText(t, e, p.deputyNames)}</strong> ·{' '}
                {e.actorAccountId ? (p.actorNames.get(e.actorAccountId) ?? '') : t('followup.actor.system')}
              </p>
              {e.note ? <p>{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {p.mayWithdraw ? (
        <PostButton
          action={`/suggestions/${s.id}/withdraw`}
          label={t('suggestionDraft.withdraw.button')}
          name={title}
          buttonClass="button danger"
          formClass="sg-withdraw"
        />
      ) : null}
    </StaffLayout>
  )
}
