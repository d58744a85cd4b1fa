import { PLACE_KINDS } from '../../../db/enums.ts'
import { type DeputyRow, MAX_INTRO } from '../../../db/queries/admin-deputies.ts'
import type { DistrictRow } from '../../../db/queries/admin-districts.ts'
import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import { CheckboxField, CheckboxGroup } from '../../components/checkbox-field.tsx'
import { type FieldErrors, SelectField, TextAreaField, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { placeKindLabel } from '../places/place-labels.ts'
import {
  ActiveCell,
  AddLink,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  Notice,
  ticked,
  val,
  vals,
} from './admin-shell.tsx'
import { DeputyPublicLinks } from './deputy-public-links.tsx'

type ListProps = {
  rows: DeputyRow[]
  stations: StationRow[]
  districts: DistrictRow[]
  notice?: string | undefined
}

export function DeputyListPage({ rows, stations, districts, notice }: ListProps) {
  const { t, name } = useI18n()
  const stationById = new Map(stations.map((s) => [s.id, s]))
  const districtById = new Map(districts.map((d) => [d.id, d]))
  return (
    <AdminShell title={t('admin.deputies.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/deputies/new" label={t('admin.deputies.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="deputies-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.personName')}</th>
              <th scope="col">{t('admin.field.deputyTitle')}</th>
              <th scope="col">{t('admin.deputies.homeStation')}</th>
              <th scope="col">{t('admin.deputies.districts')}</th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const home = stationById.get(d.homeStationId)
              return (
                <tr id={`deputy-${d.id}`}>
                  <td>{d.name}</td>
                  <td>{d.title}</td>
                  <td>{home ? `${home.code} · ${name(home)}` : ''}</td>
                  <td>
                    {d.districtIds
                      .map((id) => districtById.get(id))
                      .filter((x) => x !== undefined)
                      .map((x) => name(x))
                      .join('、')}
                  </td>
                  <ActiveCell active={d.active} />
                  <td>
                    <EditLink href={`/admin/deputies/${d.id}`} label={d.name} />
                    <DeputyPublicLinks id={d.id} name={d.name} />
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

type FormProps = {
  id?: number
  values: FormValues
  errors?: FieldErrors
  stations: StationRow[]
  districts: DistrictRow[]
  places: PlaceWithDistrict[]
}

export function DeputyFormPage({ id, values, errors = {}, stations, districts, places }: FormProps) {
  const { t, name } = useI18n()
  // Any place may be a deputy's work unit or home: grouped by kind, each with its district.
  const placeGroups = PLACE_KINDS.map((k) => ({
    label: placeKindLabel(t, k),
    options: places
      .filter((p) => p.kind === k)
      .map((p) => ({ value: p.id, label: `${name(p)} · ${name(p.district)}` })),
  })).filter((g) => g.options.length > 0)
  const title = id ? t('admin.deputies.edit') : t('admin.deputies.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/deputies', label: t('admin.deputies.title') }]}>
      <EntryForm base="/admin/deputies" id={id} formId="deputy-form" errors={errors}>
        <TextField
          name="name"
          label="admin.field.personName"
          value={val(values, 'name')}
          required
          maxlength={40}
          errors={errors}
        />
        <TextField
          name="title"
          label="admin.field.deputyTitle"
          hint={t('admin.deputies.titleHint')}
          value={val(values, 'title')}
          maxlength={100}
          errors={errors}
        />
        <SelectField
          name="homeStationId"
          label="admin.deputies.homeStation"
          value={val(values, 'homeStationId')}
          required
          placeholder={t('admin.choose')}
          options={stations.map((s) => ({ value: s.id, label: `${s.code} · ${name(s)}` }))}
          errors={errors}
        />
        <CheckboxGroup
          name="districtIds"
          legend="admin.deputies.districts"
          options={districts.map((d) => ({ value: d.id, label: name(d) }))}
          values={vals(values, 'districtIds')}
          emptyText={t('admin.deputies.noDistricts')}
          errors={errors}
        />
        <fieldset class="check-set" id="deputy-intro">
          <legend>{t('admin.deputies.intro.legend')}</legend>
          <p class="hint" id="deputy-intro-note">
            {t('admin.deputies.intro.note', { max: MAX_INTRO })}
          </p>
          <TextAreaField
            name="introZhHans"
            label="admin.deputies.intro.zhHans"
            value={val(values, 'introZhHans')}
            maxlength={MAX_INTRO}
            errors={errors}
          />
          <TextAreaField
            name="introZhHant"
            label="admin.deputies.intro.zhHant"
            value={val(values, 'introZhHant')}
            maxlength={MAX_INTRO}
            errors={errors}
          />
          <TextAreaField
            name="introEn"
            label="admin.deputies.intro.en"
            value={val(values, 'introEn')}
            maxlength={MAX_INTRO}
            errors={errors}
          />
        </fieldset>
        <SelectField
          name="workUnitPlaceId"
          label="admin.deputies.workUnit"
          hint={t('admin.deputies.placeHint')}
          value={val(values, 'workUnitPlaceId')}
          placeholder={t('admin.deputies.noPlace')}
          options={[]}
          groups={placeGroups}
          errors={errors}
        />
        <SelectField
          name="homePlaceId"
          label="admin.deputies.homePlace"
          hint={t('admin.deputies.placeHint')}
          value={val(values, 'homePlaceId')}
          placeholder={t('admin.deputies.noPlace')}
          options={[]}
          groups={placeGroups}
          errors={errors}
        />
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
