import type { FollowUpSettings } from '../../../server/domain/concern-follow-up.ts'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { FollowUpStyles } from './parts.tsx'

const FIELDS: [keyof FollowUpSettings, MessageKey, MessageKey][] = [
  ['unitReplyWorkingDays', 'followup.settings.unitReply', 'followup.settings.workingDaysHint'],
  ['suggestionReplyWorkingDays', 'followup.settings.suggestionReply', 'followup.settings.workingDaysHint'],
  ['rehandlingWorkingDays', 'followup.settings.rehandling', 'followup.settings.workingDaysHint'],
  ['escalationStepWorkingDays', 'followup.settings.escalationStep', 'followup.settings.escalationHint'],
  ['eraseAfterDays', 'followup.settings.eraseAfter', 'followup.settings.eraseHint'],
  ['minSatisfactionSample', 'followup.settings.minSample', 'followup.settings.minSampleHint'],
  ['unreachedDays', 'coverage.settings.unreachedDays', 'coverage.settings.unreachedDaysHint'],
  ['suggestionUrgentWorkingDays', 'suggestion.settings.urgent', 'followup.settings.workingDaysHint'],
  ['suggestionRehandlingWorkingDays', 'suggestion.settings.rehandling', 'followup.settings.workingDaysHint'],
  [
    'suggestionMaxRehandlings',
    'suggestion.settings.maxRehandlings',
    'suggestion.settings.maxRehandlingsHint',
  ],
  ['suggestionFinderDays', 'suggestion.settings.finderDays', 'suggestion.settings.finderDaysHint'],
]

/** The follow-up deadlines and retention, for administrators. */
export function FollowUpSettingsPage({
  values,
  errors = {},
  saved,
}: {
  values: Record<keyof FollowUpSettings, string | number>
  errors?: FieldErrors
  saved?: boolean
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('followup.settings.title')}>
      <FollowUpStyles />
      {saved ? (
        <p class="notice notice-ok" role="status" id="settings-saved">
          {t('form.saved')}
        </p>
      ) : null}
      <p>{t('followup.settings.intro')}</p>
      <form method="post" action="/staff/followup-settings" id="followup-settings" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        {FIELDS.map(([name, label, hint]) => (
          <TextField
            name={name}
            label={label}
            hint={t(hint)}
            required
            type="number"
            inputmode="numeric"
            value={values[name]}
            errors={errors}
          />
        ))}
        <button type="submit" id="settings-submit">
          {t('followup.settings.save')}
        </button>
      </form>
    </StaffLayout>
  )
}
