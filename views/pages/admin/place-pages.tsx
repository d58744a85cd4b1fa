import { PLACE_KINDS, PLACE_SECTORS } from '../../../db/enums.ts'
import type { DistrictRow } from '../../../db/queries/admin-districts.ts'
import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import { MAX_PLACE_ADDRESS, MAX_PLACE_NAME } from '../../../server/domain/place-rules.ts'
import { CsvUploadForm } from '../../components/csv-upload-form.tsx'
import { CsrfField, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { type T, useI18n } from '../../i18n/index.ts'
import { placeKindLabel, placeSectorLabel } from '../places/place-labels.ts'
import {
  ActiveCell,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  NameFields,
  Notice,
  val,
} from './admin-shell.tsx'

export type PlaceListFilter = { districtId: string; kind: string; q: string }

type ListProps = {
  rows: PlaceWithDistrict[]
  total: number
  filter: PlaceListFilter
  districts: DistrictRow[]
  notice?: string | undefined
}

/** The size hints a place has, in words: "户数 1200 · 3500 人". */
function sizeText(t: T, p: PlaceWithDistrict) {
  const parts: string[] = []
  if (p.households !== null) parts.push(t('admin.places.sizeHint.households', { n: p.households }))
  if (p.residents !== null) parts.push(t('admin.places.sizeHint.residents', { n: p.residents }))
  if (p.employees !== null) parts.push(t('admin.places.sizeHint.employees', { n: p.employees }))
  if (p.students !== null) parts.push(t('admin.places.sizeHint.students', { n: p.students }))
  return parts.join(' · ')
}

const kindOptions = (t: T) => PLACE_KINDS.map((k) => ({ value: k, label: placeKindLabel(t, k) }))

export function PlaceListPage({ rows, total, filter, districts, notice }: ListProps) {
  const { t, name } = useI18n()
  return (
    <AdminShell title={t('admin.places.title')}>
      <Notice text={notice} />
      <p class="hint">{t('admin.places.intro')}</p>
      <p class="actions">
        <a class="button" href="/admin/places/new" id="admin-add">
          {t('admin.places.add')}
        </a>
        <a class="button secondary" href="/admin/places/import" id="places-import-link">
          {t('admin.places.import')}
        </a>
      </p>
      <search>
        <form
          method="get"
          action="/admin/places"
          id="place-filters"
          class="filters inline-fields"
          aria-label={t('admin.places.filters')}
        >
          <SelectField
            name="district"
            label="admin.places.district"
            value={filter.districtId}
            placeholder={t('admin.places.anyDistrict')}
            options={districts.map((d) => ({ value: d.id, label: name(d) }))}
          />
          <SelectField
            name="kind"
            label="admin.places.kind"
            value={filter.kind}
            placeholder={t('admin.places.anyKind')}
            options={kindOptions(t)}
          />
          <TextField
            name="q"
            type="search"
            label="admin.places.search"
            value={filter.q}
            maxlength={MAX_PLACE_NAME}
          />
          <p class="actions">
            <button type="submit">{t('admin.places.show')}</button>
          </p>
        </form>
      </search>
      <p id="places-count" role="status">
        {rows.length < total
          ? t('admin.places.shown', { shown: rows.length, total })
          : t('admin.places.count', { n: total })}
      </p>
      {rows.length === 0 ? (
        <p id="places-empty">{t('admin.places.none')}</p>
      ) : (
        <table id="places-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.places.kind')}</th>
              <th scope="col">{t('admin.places.district')}</th>
              <th scope="col">{t('admin.places.size')}</th>
              <th scope="col">{t('admin.field.address')}</th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr id={`place-${p.id}`}>
                <td>{name(p)}</td>
                <td>
                  {placeKindLabel(t, p.kind)}
                  {p.sector ? ` · ${placeSectorLabel(t, p.sector)}` : ''}
                </td>
                <td>{name(p.district)}</td>
                <td>{sizeText(t, p)}</td>
                <td>{p.address}</td>
                <ActiveCell active={p.active} />
                <td class="row-actions">
                  <EditLink href={`/admin/places/${p.id}`} label={name(p)} />
                  <a href={`/staff/posters/place/${p.id}`} class="row-link" id={`place-poster-${p.id}`}>
                    {t('posters.open')}
                  </a>
                  <ActiveButton id={p.id} active={p.active} label={name(p)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

/** Deactivate (or reactivate) a place: one button, never a delete. */
function ActiveButton({ id, active, label }: { id: number; active: boolean; label: string }) {
  const { t } = useI18n()
  return (
    <PostButton
      action={`/admin/places/${id}/${active ? 'deactivate' : 'reactivate'}`}
      label={active ? t('admin.places.deactivate') : t('admin.places.reactivate')}
      name={label}
      buttonClass="secondary"
      formClass="inline-form"
    />
  )
}

type FormProps = {
  id?: number
  active?: boolean
  values: FormValues
  errors?: FieldErrors
  districts: DistrictRow[]
}

export function PlaceFormPage({ id, active = true, values, errors = {}, districts }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.places.edit') : t('admin.places.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/places', label: t('admin.places.title') }]}>
      <EntryForm base="/admin/places" id={id} formId="place-form" errors={errors}>
        <p class="hint">{t('admin.places.nameHint')}</p>
        <NameFields values={values} errors={errors} max={MAX_PLACE_NAME} />
        <SelectField
          name="kind"
          label="admin.places.kind"
          value={val(values, 'kind')}
          required
          placeholder={t('admin.choose')}
          options={kindOptions(t)}
          errors={errors}
        />
        <SelectField
          name="districtId"
          label="admin.places.district"
          value={val(values, 'districtId')}
          required
          placeholder={t('admin.choose')}
          options={districts.map((d) => ({ value: d.id, label: name(d) }))}
          errors={errors}
        />
        <SelectField
          name="sector"
          label="admin.places.sector"
          hint={t('admin.places.sectorHint')}
          value={val(values, 'sector')}
          placeholder={t('admin.places.noSector')}
          options={PLACE_SECTORS.map((s) => ({ value: s, label: placeSectorLabel(t, s) }))}
          errors={errors}
        />
        <TextField
          name="address"
          label="admin.field.address"
          value={val(values, 'address')}
          maxlength={MAX_PLACE_ADDRESS}
          errors={errors}
        />
        <fieldset class="check-set" id="place-size">
          <legend>{t('admin.places.sizeLegend')}</legend>
          <div class="inline-fields">
            {(['households', 'residents', 'employees', 'students'] as const).map((k) => (
              <TextField
                name={k}
                label={SIZE_LABEL[k]}
                value={val(values, k)}
                inputmode="numeric"
                maxlength={8}
                errors={errors}
              />
            ))}
          </div>
        </fieldset>
        <fieldset class="check-set" id="place-position">
          <legend>{t('admin.places.position')}</legend>
          <p class="hint">{t('admin.places.positionHint')}</p>
          <div class="inline-fields">
            <TextField
              name="latitude"
              label="admin.places.latitude"
              value={val(values, 'latitude')}
              inputmode="decimal"
              maxlength={16}
              errors={errors}
            />
            <TextField
              name="longitude"
              label="admin.places.longitude"
              value={val(values, 'longitude')}
              inputmode="decimal"
              maxlength={16}
              errors={errors}
            />
          </div>
        </fieldset>
      </EntryForm>
      {id ? (
        <section aria-labelledby="place-state" id="place-state-section">
          <h2 id="place-state">{t('admin.field.status')}</h2>
          <p>{active ? t('admin.active') : t('admin.inactive')}</p>
          <p class="hint">{t('admin.places.neverDeleted')}</p>
          <ActiveButton id={id} active={active} label={val(values, 'nameZhHans')} />
        </section>
      ) : null}
    </AdminShell>
  )
}

const SIZE_LABEL = {
  households: 'admin.places.households',
  residents: 'admin.places.residents',
  employees: 'admin.places.employees',
  students: 'admin.places.students',
} as const

export type PlaceLineError = { line: number; column?: string; message: string }

const SHOWN_ERRORS = 500

type ImportProps = { text?: string; errors?: PlaceLineError[]; formError?: string }

/** CSV upload (or paste) of places: every bad line listed with its column, nothing written. */
export function PlaceImportPage({ text = '', errors = [], formError }: ImportProps) {
  const { t } = useI18n()
  return (
    <AdminShell
      title={t('admin.places.import')}
      trail={[{ href: '/admin/places', label: t('admin.places.title') }]}
    >
      {formError || errors.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <p>{formError ?? t('admin.csv.nothingWritten')}</p>
        </div>
      ) : null}
      {errors.length ? (
        <table id="csv-errors">
          <caption>{t('admin.placesCsv.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.placesCsv.line')}</th>
              <th scope="col">{t('admin.placesCsv.column')}</th>
              <th scope="col">{t('admin.placesCsv.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN_ERRORS).map((e) => (
              <tr>
                <td>{e.line}</td>
                <td>{e.column ?? ''}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {errors.length > SHOWN_ERRORS ? (
        <p id="csv-more-errors">{t('admin.placesCsv.moreErrors', { n: errors.length - SHOWN_ERRORS })}</p>
      ) : null}
      <section aria-labelledby="csv-format">
        <h2 id="csv-format">{t('admin.csv.formatTitle')}</h2>
        <p>{t('admin.placesCsv.formatBody')}</p>
        <pre class="sample" id="csv-sample">
          {
            '名称,类型,选区,行业,地址,户数,员工数,纬度,经度\n东湖社区,社区,第一选区,,东湖路 1 号,3200,,30.2741,120.1551\n锦丰家纺有限公司,企业,第二选区,家纺,工业园 8 号,,420,,\n'
          }
        </pre>
        <p>{t('admin.placesCsv.duplicates')}</p>
      </section>
      <CsvUploadForm
        action="/admin/places/import"
        id="place-import-form"
        cancelHref="/admin/places"
        text={text}
      />
    </AdminShell>
  )
}
