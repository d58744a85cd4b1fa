import type { TopicRow, UnitRow } from '../../../db/queries/admin-catalogue.ts'
import { PHRASE_MAX, type PhraseRow } from '../../../db/queries/topic-phrases.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
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

export function UnitListPage({ rows, notice }: { rows: UnitRow[]; notice?: string | undefined }) {
  const { t, name } = useI18n()
  return (
    <AdminShell title={t('admin.units.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/units/new" label={t('admin.units.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="units-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.field.contact')}</th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr id={`unit-${u.id}`}>
                <td>{name(u)}</td>
                <td>{u.contact}</td>
                <ActiveCell active={u.active} />
                <td>
                  <EditLink href={`/admin/units/${u.id}`} label={name(u)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

type FormProps = { id?: number; values: FormValues; errors?: FieldErrors }

export function UnitFormPage({ id, values, errors = {} }: FormProps) {
  const { t } = useI18n()
  const title = id ? t('admin.units.edit') : t('admin.units.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/units', label: t('admin.units.title') }]}>
      <EntryForm base="/admin/units" id={id} formId="unit-form" errors={errors}>
        <NameFields values={values} errors={errors} max={80} />
        <TextField
          name="contact"
          label="admin.field.contact"
          hint={t('admin.units.contactHint')}
          value={val(values, 'contact')}
          maxlength={200}
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

export function TopicListPage({
  rows,
  phraseCounts,
  notice,
}: {
  rows: TopicRow[]
  phraseCounts: Map<number, number>
  notice?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <AdminShell title={t('admin.topics.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/topics/new" label={t('admin.topics.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="topics-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.sortOrder')}</th>
              <th scope="col" lang="zh-CN">
                {t('admin.field.nameZhHans')}
              </th>
              <th scope="col" lang="zh-TW">
                {t('admin.field.nameZhHant')}
              </th>
              <th scope="col" lang="en">
                {t('admin.field.nameEn')}
              </th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('admin.phrases.column')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr id={`topic-${r.id}`}>
                <td>{r.sortOrder}</td>
                <td lang="zh-CN">{r.nameZhHans}</td>
                <td lang="zh-TW">{r.nameZhHant}</td>
                <td lang="en">{r.nameEn}</td>
                <ActiveCell active={r.active} />
                <td>
                  <a href={`/admin/topics/${r.id}/phrases`} id={`topic-${r.id}-phrases`}>
                    {t('admin.phrases.manage', { n: phraseCounts.get(r.id) ?? 0 })}
                    <span class="visually-hidden"> {r.nameZhHans}</span>
                  </a>
                </td>
                <td>
                  <EditLink href={`/admin/topics/${r.id}`} label={r.nameZhHans} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

export function TopicFormPage({ id, values, errors = {} }: FormProps) {
  const { t } = useI18n()
  const title = id ? t('admin.topics.edit') : t('admin.topics.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/topics', label: t('admin.topics.title') }]}>
      <EntryForm base="/admin/topics" id={id} formId="topic-form" errors={errors}>
        <p class="hint">{t('admin.topics.namesHint')}</p>
        <NameFields values={values} errors={errors} max={40} allRequired />
        <TextField
          name="sortOrder"
          label="admin.field.sortOrder"
          hint={t('admin.topics.sortHint')}
          value={val(values, 'sortOrder')}
          inputmode="numeric"
          maxlength={6}
          required
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

/** A topic's phrase chips in all three languages, inactive ones too. */
export function PhraseListPage({
  topic,
  rows,
  notice,
}: {
  topic: TopicRow
  rows: PhraseRow[]
  notice?: string | undefined
}) {
  const { t, name } = useI18n()
  const base = `/admin/topics/${topic.id}/phrases`
  return (
    <AdminShell
      title={t('admin.phrases.title', { topic: name(topic) })}
      trail={[{ href: '/admin/topics', label: t('admin.topics.title') }]}
    >
      <Notice text={notice} />
      <p>{t('admin.phrases.intro')}</p>
      <AddLink href={`${base}/new`} label={t('admin.phrases.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="phrases-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.sortOrder')}</th>
              <th scope="col" lang="zh-CN">
                {t('admin.field.nameZhHans')}
              </th>
              <th scope="col" lang="zh-TW">
                {t('admin.field.nameZhHant')}
              </th>
              <th scope="col" lang="en">
                {t('admin.field.nameEn')}
              </th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr id={`phrase-${r.id}`}>
                <td>{r.sortOrder}</td>
                <td lang="zh-CN">{r.nameZhHans}</td>
                <td lang="zh-TW">{r.nameZhHant}</td>
                <td lang="en">{r.nameEn}</td>
                <ActiveCell active={r.active} />
                <td>
                  <EditLink href={`${base}/${r.id}`} label={r.nameZhHans} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

export function PhraseFormPage({ topic, id, values, errors = {} }: FormProps & { topic: TopicRow }) {
  const { t, name } = useI18n()
  const base = `/admin/topics/${topic.id}/phrases`
  const title = id ? t('admin.phrases.edit') : t('admin.phrases.add')
  return (
    <AdminShell
      title={title}
      trail={[
        { href: '/admin/topics', label: t('admin.topics.title') },
        { href: base, label: t('admin.phrases.title', { topic: name(topic) }) },
      ]}
    >
      <EntryForm base={base} id={id} formId="phrase-form" errors={errors}>
        <p class="hint">{t('admin.phrases.intro')}</p>
        <NameFields values={values} errors={errors} max={PHRASE_MAX} allRequired />
        <TextField
          name="sortOrder"
          label="admin.field.sortOrder"
          hint={t('admin.topics.sortHint')}
          value={val(values, 'sortOrder')}
          inputmode="numeric"
          maxlength={6}
          required
          errors={errors}
        />
        <CheckboxField
          name="active"
          label="admin.field.active"
          hint={t('admin.phrases.activeHint')}
          checked={ticked(values, 'active')}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}
