import type { AuditRow } from '../../../db/queries/audit.ts'
import type { FieldErrors } from '../../components/form.tsx'
import { SelectField, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { AdminShell } from './admin-shell.tsx'

export type AuditFilterValues = { from: string; to: string; action: string; actor: string; entity: string }

type Props = {
  values: AuditFilterValues
  choices: { actions: string[]; entities: string[]; actors: { id: number; username: string }[] }
  rows: AuditRow[]
  timeZone: string
  errors?: FieldErrors
  olderHref?: string | undefined
  newestHref?: string | undefined
}

/** The audit log, newest first, filtered by a bounded date window, action, actor and entity. */
export function AuditPage({ values, choices, rows, timeZone, errors = {}, olderHref, newestHref }: Props) {
  const { t, dateTime } = useI18n()
  /** A chosen value stays offered even when the window holds none of it. */
  const withChosen = (list: string[], chosen: string) =>
    chosen && !list.includes(chosen) ? [chosen, ...list] : list
  return (
    <AdminShell title={t('admin.audit.title')}>
      <p class="hint">{t('admin.audit.intro')}</p>
      <form method="get" action="/admin/audit" id="audit-filters" class="filters">
        <TextField
          name="from"
          type="date"
          label="admin.audit.from"
          value={values.from}
          required
          errors={errors}
        />
        <TextField name="to" type="date" label="admin.audit.to" value={values.to} required errors={errors} />
        <SelectField
          name="action"
          label="admin.audit.action"
          value={values.action}
          placeholder={t('admin.audit.any')}
          options={withChosen(choices.actions, values.action).map((a) => ({ value: a, label: a }))}
          errors={errors}
        />
        <SelectField
          name="actor"
          label="admin.audit.actor"
          value={values.actor}
          placeholder={t('admin.audit.any')}
          options={choices.actors.map((a) => ({ value: a.id, label: a.username }))}
          errors={errors}
        />
        <SelectField
          name="entity"
          label="admin.audit.entity"
          value={values.entity}
          placeholder={t('admin.audit.any')}
          options={withChosen(choices.entities, values.entity).map((e) => ({ value: e, label: e }))}
          errors={errors}
        />
        <p class="actions">
          <button type="submit">{t('admin.audit.show')}</button>
        </p>
      </form>
      {rows.length === 0 ? (
        <p id="audit-empty">{t('admin.audit.none')}</p>
      ) : (
        <table id="audit-table">
          <caption>{t('admin.audit.caption', { from: values.from, to: values.to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.entity')}</th>
              <th scope="col">{t('admin.audit.entityId')}</th>
              <th scope="col">{t('admin.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr id={`audit-${r.id}`}>
                <td>{dateTime(r.at, timeZone, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td>{r.actorUsername ?? t('admin.audit.system')}</td>
                <td>{r.action}</td>
                <td>{r.entity}</td>
                <td>{r.entityId}</td>
                <td>
                  <code>{JSON.stringify(r.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {olderHref || newestHref ? (
        <nav class="actions" aria-label={t('admin.audit.pages')} id="audit-pages">
          {newestHref ? (
            <a class="button secondary" href={newestHref} id="audit-newest">
              {t('admin.audit.newest')}
            </a>
          ) : null}
          {olderHref ? (
            <a class="button secondary" href={olderHref} rel="next" id="audit-older">
              {t('admin.audit.older')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminShell>
  )
}
