import type { ClosureRow } from '../../../db/queries/admin-closures.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import { CLOSURE_KINDS, type ClosureKind } from '../../../db/schema.ts'
import { CsvUploadForm } from '../../components/csv-upload-form.tsx'
import { CsrfField, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { type T, useI18n } from '../../i18n/index.ts'
import { AdminShell, EditLink, EntryForm, type FormValues, Notice, val } from './admin-shell.tsx'

export function closureKindLabel(t: T, kind: ClosureKind) {
  switch (kind) {
    case 'holiday':
      return t('admin.closureKind.holiday')
    case 'workday':
      return t('admin.closureKind.workday')
    case 'station_closed':
      return t('admin.closureKind.stationClosed')
  }
}

type ListProps = { year: number; rows: ClosureRow[]; stations: StationRow[]; notice?: string | undefined }

export function ClosureListPage({ year, rows, stations, notice }: ListProps) {
  const { t, name } = useI18n()
  const stationById = new Map(stations.map((s) => [s.id, s]))
  return (
    <AdminShell title={t('admin.closures.title')}>
      <Notice text={notice} />
      <p class="hint">{t('admin.closures.intro')}</p>
      <p class="actions">
        <a class="button" href="/admin/closures/new" id="admin-add">
          {t('admin.closures.add')}
        </a>
        <a class="button secondary" href="/admin/closures/import" id="closures-import-link">
          {t('admin.closures.import')}
        </a>
      </p>
      <nav class="actions year-nav" aria-label={t('admin.closures.yearNav')} id="closures-years">
        <a class="button secondary" href={`/admin/closures?year=${year - 1}`} rel="prev">
          {t('admin.closures.yearLink', { year: year - 1 })}
        </a>
        <h2 id="closures-year">{t('admin.closures.yearHeading', { year })}</h2>
        <a class="button secondary" href={`/admin/closures?year=${year + 1}`} rel="next">
          {t('admin.closures.yearLink', { year: year + 1 })}
        </a>
      </nav>
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="closures-table" aria-labelledby="closures-year">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.date')}</th>
              <th scope="col">{t('admin.field.kind')}</th>
              <th scope="col">{t('admin.field.closureName')}</th>
              <th scope="col">{t('admin.field.station')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const station = stationById.get(r.stationId)
              return (
                <tr id={`closure-${r.id}`}>
                  <td>{r.date}</td>
                  <td>{closureKindLabel(t, r.kind)}</td>
                  <td>{r.name}</td>
                  <td>{station ? `${station.code} · ${name(station)}` : t('admin.closures.allStations')}</td>
                  <td>
                    <div class="actions">
                      <EditLink href={`/admin/closures/${r.id}`} label={r.date} />
                      <PostButton
                        action={`/admin/closures/${r.id}/delete`}
                        label={t('form.delete')}
                        name={r.date}
                        buttonClass="link-button danger-link"
                        formClass="inline-form"
                      />
                    </div>
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

export function ClosureFormPage({ id, values, errors = {}, stations }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.closures.edit') : t('admin.closures.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/closures', label: t('admin.closures.title') }]}>
      <EntryForm base="/admin/closures" id={id} formId="closure-form" errors={errors}>
        <TextField
          name="date"
          type="date"
          label="admin.field.date"
          hint={t('admin.closures.dateHint')}
          value={val(values, 'date')}
          required
          errors={errors}
        />
        <SelectField
          name="kind"
          label="admin.field.kind"
          value={val(values, 'kind')}
          required
          options={CLOSURE_KINDS.map((k) => ({ value: k, label: closureKindLabel(t, k) }))}
          errors={errors}
        />
        <SelectField
          name="stationId"
          label="admin.field.station"
          hint={t('admin.closures.stationHint')}
          value={val(values, 'stationId')}
          placeholder={t('admin.closures.allStations')}
          options={stations.map((s) => ({ value: s.id, label: `${s.code} · ${name(s)}` }))}
          errors={errors}
        />
        <TextField
          name="name"
          label="admin.field.closureName"
          hint={t('admin.closures.nameHint')}
          value={val(values, 'name')}
          required
          maxlength={60}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}

export type ImportLineError = { line: number; message: string }

type ImportProps = { text?: string; errors?: ImportLineError[]; formError?: string }

/** CSV upload (or paste) of holidays and make-up working days, with every line's problem listed. */
export function ClosureImportPage({ text = '', errors = [], formError }: ImportProps) {
  const { t } = useI18n()
  return (
    <AdminShell
      title={t('admin.closures.import')}
      trail={[{ href: '/admin/closures', label: t('admin.closures.title') }]}
    >
      {formError || errors.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <p>{formError ?? t('admin.csv.nothingWritten')}</p>
          {errors.length ? (
            <ul id="csv-errors">
              {errors.map((e) => (
                <li>{t('admin.csv.lineError', { line: e.line, message: e.message })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="csv-format">
        <h2 id="csv-format">{t('admin.csv.formatTitle')}</h2>
        <p>{t('admin.csv.formatBody')}</p>
        <pre class="sample" id="csv-sample">
          {
            'date,kind,name,station_code\n2026-10-01,holiday,国庆节,\n2026-10-10,workday,国庆节调休上班,\n2026-11-20,station_closed,设备检修,B\n'
          }
        </pre>
        <p>{t('admin.csv.duplicates')}</p>
      </section>
      <CsvUploadForm
        action="/admin/closures/import"
        id="closure-import-form"
        cancelHref="/admin/closures"
        text={text}
      />
    </AdminShell>
  )
}
