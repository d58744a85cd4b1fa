import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import { CONCERN_CHANNELS, type ConcernChannel } from '../../../db/schema.ts'
import { CsrfField, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { IntakeResidentFields } from '../../components/intake-resident-fields.tsx'
import { type PlaceOptions, PlaceSelectField } from '../../components/place-select.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { channelLabel } from '../track/concern-labels.ts'

/** Channels a clerk records for someone else; 'kiosk' is the resident's own. */
export const INTAKE_CHANNELS = CONCERN_CHANNELS.filter(
  (c): c is Exclude<ConcernChannel, 'kiosk'> => c !== 'kiosk',
)

export type IntakeValues = {
  channel?: string
  topic?: string
  deputy?: string
  description?: string
  residentName?: string
  phone?: string
  place?: string
}

type Props = {
  stationId: number
  stationName: string
  topics: TopicRow[]
  deputies: { id: number; name: string; ownDistrict: boolean }[]
  places: PlaceOptions
  values?: IntakeValues
  errors?: FieldErrors
  done?: { code: string; deputyName: string; dueOn: string }
}

/** Intake of a concern that came by phone, WeChat, letter or a visit, into a deputy's backlog. */
export function IntakePage({
  stationId,
  stationName,
  topics,
  deputies,
  places,
  values = {},
  errors = {},
  done,
}: Props) {
  const { t, name } = useI18n()
  return (
    <StaffLayout title={t('queue.intake.title', { station: stationName })}>
      <QueueStyles />
      {done ? (
        <p class="notice notice-ok" role="status" id="intake-done">
          {t('queue.intake.done', { code: done.code, name: done.deputyName, date: done.dueOn })}
        </p>
      ) : null}
      <p>
        <a href={`/staff/stations/${stationId}/today`}>{t('queue.intake.backToDay')}</a>
      </p>
      <form method="post" action={`/staff/stations/${stationId}/intake`} id="intake-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <SelectField
          name="channel"
          label="queue.intake.channel"
          required
          value={values.channel ?? 'phone'}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
          errors={errors}
        />
        <SelectField
          name="topic"
          label="queue.intake.topic"
          required
          value={values.topic}
          placeholder={t('queue.intake.choose')}
          options={topics.map((tp) => ({ value: tp.id, label: name(tp) }))}
          errors={errors}
        />
        <SelectField
          name="deputy"
          label="queue.intake.deputy"
          required
          value={values.deputy}
          placeholder={t('queue.intake.choose')}
          hint={t('queue.intake.deputyHint')}
          options={deputies.map((d) => ({
            value: d.id,
            label: d.ownDistrict ? t('queue.intake.districtDeputy', { name: d.name }) : d.name,
          }))}
          errors={errors}
        />
        <PlaceSelectField places={places} value={values.place} errors={errors} />
        <IntakeResidentFields values={values} errors={errors} rows={6} />
        <button type="submit" id="intake-submit">
          {t('queue.intake.submit')}
        </button>
      </form>
    </StaffLayout>
  )
}
