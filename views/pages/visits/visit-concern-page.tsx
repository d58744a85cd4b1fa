import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { CsrfField, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { IntakeResidentFields } from '../../components/intake-resident-fields.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { VisitStyles } from './visit-assets.tsx'

export type VisitConcernValues = {
  topic?: string
  deputy?: string
  description?: string
  residentName?: string
  phone?: string
  smsConsent?: boolean
}

type Props = {
  visitId: number
  title: string
  facts: string
  topics: TopicRow[]
  deputies: { id: number; name: string }[]
  values?: VisitConcernValues
  errors?: FieldErrors
  done?: { code: string; rawCode: string }
}

/**
 * One concern raised at a visit, in one step: the clerk intake's fields with the channel (visit),
 * the place and the deputy already set; each submission is its own concern with its own code.
 */
export function VisitConcernPage({
  visitId,
  title,
  facts,
  topics,
  deputies,
  values = {},
  errors = {},
  done,
}: Props) {
  const { t, name } = useI18n()
  return (
    <StaffLayout title={title}>
      <VisitStyles />
      {done ? (
        <p class="notice notice-ok" role="status" id="visit-concern-done">
          {t('visit.concern.done', { code: done.code })}{' '}
          <a href={`/visits/${visitId}/slip/${done.rawCode}`} id="visit-concern-slip">
            {t('visit.page.print')}
          </a>
        </p>
      ) : null}
      <p>
        <a href={`/visits/${visitId}`}>{facts}</a>
      </p>
      <p class="hint">{t('visit.concern.intro')}</p>
      <form method="post" action={`/visits/${visitId}/concerns`} id="visit-concern-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <SelectField
          name="topic"
          label="queue.intake.topic"
          required
          value={values.topic}
          placeholder={t('queue.intake.choose')}
          options={topics.map((tp) => ({ value: tp.id, label: name(tp) }))}
          errors={errors}
        />
        {deputies.length > 1 ? (
          <SelectField
            name="deputy"
            label="queue.intake.deputy"
            required
            value={values.deputy ?? String(deputies[0]!.id)}
            options={deputies.map((d) => ({ value: d.id, label: d.name }))}
            errors={errors}
          />
        ) : (
          <input type="hidden" name="deputy" value={String(deputies[0]?.id ?? '')} />
        )}
        <IntakeResidentFields values={values} errors={errors} rows={5} />
        <CheckboxField
          name="smsConsent"
          label="visit.concern.smsConsent"
          checked={values.smsConsent ?? false}
          errors={errors}
        />
        <button type="submit" class="visit-big-button" id="visit-concern-submit">
          {t('visit.concern.submit')}
        </button>
      </form>
    </StaffLayout>
  )
}
