import type { DistrictRow } from '../../../db/queries/admin-districts.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import { type FieldErrors, SelectField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import {
  AddLink,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  NameFields,
  Notice,
  val,
} from './admin-shell.tsx'

type ListProps = { rows: DistrictRow[]; stations: StationRow[]; notice?: string | undefined }

export function DistrictListPage({ rows, stations, notice }: ListProps) {
  const { t, name } = useI18n()
  const stationById = new Map(stations.map((s) => [s.id, s]))
  return (
    <AdminShell title={t('admin.districts.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/districts/new" label={t('admin.districts.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="districts-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.station')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const station = d.stationId ? stationById.get(d.stationId) : undefined
              return (
                <tr id={`district-${d.id}`}>
                  <td>{name(d)}</td>
                  <td>{station ? `${station.code} · ${name(station)}` : t('admin.districts.noStation')}</td>
                  <td>
                    <EditLink href={`/admin/districts/${d.id}`} label={name(d)} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

type FormProps = { id?: number; values: FormValues; errors?: FieldErrors; stations: StationRow[] }

export function DistrictFormPage({ id, values, errors = {}, stations }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.districts.edit') : t('admin.districts.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/districts', label: t('admin.districts.title') }]}>
      <EntryForm base="/admin/districts" id={id} formId="district-form" errors={errors}>
        <NameFields values={values} errors={errors} max={60} />
        <SelectField
          name="stationId"
          label="admin.districts.servedBy"
          value={val(values, 'stationId')}
          required
          placeholder={t('admin.choose')}
          options={stations.map((s) => ({ value: s.id, label: `${s.code} · ${name(s)}` }))}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}
