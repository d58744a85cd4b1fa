import { TRIAGE_RULES } from '../../../db/enums.ts'
import type { StreetRow } from '../../../db/queries/admin-stations.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { LOCALE_LABELS, LOCALES } from '../../i18n/locales.ts'
import {
  ActiveCell,
  AddLink,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  NameFields,
  Notice,
  ticked,
  val,
} from './admin-shell.tsx'

export function StationListPage({ rows, notice }: { rows: StationRow[]; notice?: string | undefined }) {
  const { t, name } = useI18n()
  return (
    <AdminShell title={t('admin.stations.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/stations/new" label={t('admin.stations.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="stations-table">
          <caption class="visually-hidden">{t('admin.stations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.field.code')}</th>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.address')}</th>
              <th scope="col">{t('admin.field.timeZone')}</th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr id={`station-${s.id}`}>
                <td>{s.code}</td>
                <td>{name(s)}</td>
                <td>{s.address}</td>
                <td>{s.timeZone}</td>
                <ActiveCell active={s.active} />
                <td>
                  <EditLink href={`/admin/stations/${s.id}`} label={s.code} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

type FormProps = {
  /** The station being edited; absent on the create form. */
  id?: number
  values: FormValues
  errors?: FieldErrors
  streets: StreetRow[]
}

export function StationFormPage({ id, values, errors = {}, streets }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.stations.edit') : t('admin.stations.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/stations', label: t('admin.stations.title') }]}>
      <EntryForm base="/admin/stations" id={id} formId="station-form" errors={errors}>
        <TextField
          name="code"
          label="admin.field.code"
          hint={t('admin.stations.codeHint')}
          value={val(values, 'code')}
          required
          maxlength={3}
          autocomplete="off"
          errors={errors}
        />
        <NameFields values={values} errors={errors} max={80} />
        <TextField
          name="address"
          label="admin.field.address"
          value={val(values, 'address')}
          maxlength={200}
          errors={errors}
        />
        <TextField
          name="timeZone"
          label="admin.field.timeZone"
          hint={t('admin.stations.timeZoneHint')}
          value={val(values, 'timeZone')}
          required
          maxlength={64}
          autocomplete="off"
          errors={errors}
        />
        <TextField
          name="phone"
          label="admin.field.stationPhone"
          hint={t('admin.stations.phoneHint')}
          value={val(values, 'phone')}
          type="tel"
          maxlength={40}
          errors={errors}
        />
        <TextField
          name="openingHoursZhHans"
          label="admin.field.openingHoursZhHans"
          hint={t('admin.stations.openingHoursHint')}
          value={val(values, 'openingHoursZhHans')}
          maxlength={120}
          errors={errors}
        />
        <TextField
          name="openingHoursZhHant"
          label="admin.field.openingHoursZhHant"
          value={val(values, 'openingHoursZhHant')}
          maxlength={120}
          errors={errors}
        />
        <TextField
          name="openingHoursEn"
          label="admin.field.openingHoursEn"
          value={val(values, 'openingHoursEn')}
          maxlength={120}
          errors={errors}
        />
        <SelectField
          name="defaultLocale"
          label="admin.field.defaultLocale"
          hint={t('admin.stations.defaultsHint')}
          value={val(values, 'defaultLocale')}
          required
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
          errors={errors}
        />
        <CheckboxField
          name="defaultLargeText"
          label="admin.field.defaultLargeText"
          checked={ticked(values, 'defaultLargeText')}
          errors={errors}
        />
        <SelectField
          name="phoneTriage"
          label="triage.rule.label"
          value={val(values, 'phoneTriage')}
          required
          options={TRIAGE_RULES.map((r) => ({
            value: r,
            label: t(r === 'immediate' ? 'triage.rule.immediate' : 'triage.rule.after_review'),
          }))}
          errors={errors}
        />
        {streets.length === 0 ? (
          <TextField
            name="streetName"
            label="admin.field.streetName"
            hint={t('admin.stations.streetHint')}
            value={val(values, 'streetName')}
            required
            maxlength={80}
            errors={errors}
          />
        ) : streets.length > 1 ? (
          <SelectField
            name="streetId"
            label="admin.field.street"
            value={val(values, 'streetId')}
            required
            options={streets.map((s) => ({ value: s.id, label: name(s) }))}
            errors={errors}
          />
        ) : null}
        <CheckboxField
          name="active"
          label="admin.field.active"
          checked={ticked(values, 'active')}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}
