import type { VisitAction } from '../../../server/domain/visit-rules.ts'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { VisitStyles } from './visit-assets.tsx'

export const VISIT_SUMMARY_MAX = 1000
export const VISIT_REASON_MAX = 200
export const PEOPLE_MET_MAX = 10_000

export type VisitFacts = {
  id: number
  title: string
  when: string
  kind: string
  status: string
  deputies: string
  note: string
  peopleMet: number | null
  summary: string | null
  cancelReason: string | null
}

export type VisitConcernItem = { id: number; code: string; rawCode: string; status: string; at: string }
export type VisitHistoryItem = { at: string; action: string; actor: string }

export type VisitLogValues = { peopleMet?: string; summary?: string; reason?: string }

type Props = {
  visit: VisitFacts
  actions: VisitAction[]
  back: string
  /** The acting account is not one of the deputies going: a clerk logging for them. */
  onBehalfOf: string | null
  concerns: VisitConcernItem[]
  history: VisitHistoryItem[]
  values?: VisitLogValues
  errors?: FieldErrors
  notice?: string
  refusal?: string
}

/**
 * One visit: what, when, who; its log and cancel forms while they apply; the concerns recorded
 * at it (each with a printable slip); and who did what to it (the audit trail).
 */
export function VisitPage(p: Props) {
  const { t } = useI18n()
  const v = p.visit
  const errors = p.errors ?? {}
  const values = p.values ?? {}
  const can = (a: VisitAction) => p.actions.includes(a)
  return (
    <StaffLayout title={v.title}>
      <VisitStyles />
      <p>
        <a href={p.back}>{t('visit.page.back')}</a>
      </p>
      {p.notice ? (
        <p class="notice notice-ok" role="status" id="visit-notice">
          {p.notice}
        </p>
      ) : null}
      {p.refusal ? (
        <p class="notice notice-error" role="alert" id="visit-refusal">
          {p.refusal}
        </p>
      ) : null}
      <dl class="visit-facts" id="visit-facts">
        <dt>{t('visit.page.when')}</dt>
        <dd>{v.when}</dd>
        <dt>{t('visit.page.kind')}</dt>
        <dd>{v.kind}</dd>
        <dt>{t('visit.page.deputies')}</dt>
        <dd>{v.deputies}</dd>
        <dt>{t('visit.page.status')}</dt>
        <dd id="visit-status">{v.status}</dd>
        {v.note ? (
          <>
            <dt>{t('visit.page.note')}</dt>
            <dd>{v.note}</dd>
          </>
        ) : null}
        {v.peopleMet !== null ? (
          <>
            <dt>{t('visit.page.peopleMet')}</dt>
            <dd id="visit-people-met">{t('visit.page.peopleMetN', { n: v.peopleMet })}</dd>
          </>
        ) : null}
        {v.summary ? (
          <>
            <dt>{t('visit.page.summary')}</dt>
            <dd>{v.summary}</dd>
          </>
        ) : null}
        {v.cancelReason ? (
          <>
            <dt>{t('visit.page.cancelReason')}</dt>
            <dd id="visit-cancel-reason">{v.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <div class="visit-actions">
        {can('addConcern') ? (
          <a class="button visit-big-button" href={`/visits/${v.id}/concerns`} id="visit-add-concern">
            {t('visit.action.addConcern')}
          </a>
        ) : null}
        {can('edit') ? (
          <a class="button" href={`/visits/${v.id}/edit`} id="visit-edit">
            {t('visit.action.edit')}
          </a>
        ) : null}
        {can('undo') ? (
          <form method="post" action={`/visits/${v.id}/undo`} class="inline-form">
            <CsrfField />
            <button type="submit" class="link-button" id="visit-undo">
              {t('visit.action.undo')}
            </button>
          </form>
        ) : null}
      </div>
      {can('log') ? (
        <section class="visit-panel" aria-labelledby="visit-log-h">
          <h2 id="visit-log-h">{t('visit.log.heading')}</h2>
          {p.onBehalfOf ? (
            <p class="hint" id="visit-on-behalf">
              {t('visit.log.onBehalf', { names: p.onBehalfOf })}
            </p>
          ) : null}
          <form method="post" action={`/visits/${v.id}/log`} id="visit-log-form" novalidate>
            <ErrorSummary errors={errors} />
            <CsrfField />
            <TextField
              name="peopleMet"
              label="visit.log.peopleMet"
              inputmode="numeric"
              required
              value={values.peopleMet ?? (v.peopleMet === null ? '' : String(v.peopleMet))}
              hint={t('visit.log.peopleMetHint')}
              maxlength={5}
              errors={errors}
            />
            <div class={errors.summary ? 'field has-error' : 'field'}>
              <label for="f-summary">{t('visit.log.summary')}</label>
              {errors.summary ? (
                <p class="error" id="e-summary">
                  {errors.summary}
                </p>
              ) : null}
              <textarea
                id="f-summary"
                name="summary"
                rows={4}
                required
                maxlength={VISIT_SUMMARY_MAX}
                aria-invalid={errors.summary ? 'true' : undefined}
                aria-describedby={errors.summary ? 'e-summary' : undefined}
              >
                {values.summary ?? v.summary ?? ''}
              </textarea>
            </div>
            <button type="submit" class="visit-big-button" id="visit-log-submit">
              {t('visit.log.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {can('cancel') ? (
        <section class="visit-panel" aria-labelledby="visit-cancel-h">
          <h2 id="visit-cancel-h">{t('visit.cancel.heading')}</h2>
          <form method="post" action={`/visits/${v.id}/cancel`} id="visit-cancel-form" novalidate>
            <TextField
              name="reason"
              label="visit.cancel.reason"
              required
              value={values.reason}
              maxlength={VISIT_REASON_MAX}
              errors={errors}
            />
            <CsrfField />
            <button type="submit" id="visit-cancel-submit">
              {t('visit.cancel.submit')}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="visit-concerns-h" id="visit-concerns">
        <h2 id="visit-concerns-h">
          {t('visit.page.concerns')} ({p.concerns.length})
        </h2>
        {p.concerns.length === 0 ? (
          <p>{t('visit.page.noConcerns')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('visit.page.code')}</th>
                  <th scope="col">{t('visit.page.concernStatus')}</th>
                  <th scope="col">{t('visit.page.when')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('visit.page.print')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.concerns.map((c) => (
                  <tr>
                    <td>
                      <a href={`/concerns/${c.id}`}>{c.code}</a>
                    </td>
                    <td>{c.status}</td>
                    <td>{c.at}</td>
                    <td>
                      <a href={`/visits/${v.id}/slip/${c.rawCode}`}>
                        {t('visit.page.print')}
                        <span class="visually-hidden"> {c.code}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="visit-history-h" id="visit-history">
        <h2 id="visit-history-h">{t('visit.page.history')}</h2>
        <ul>
          {p.history.map((h) => (
            <li>
              {h.at} · {h.action} · {h.actor}
            </li>
          ))}
        </ul>
      </section>
    </StaffLayout>
  )
}
