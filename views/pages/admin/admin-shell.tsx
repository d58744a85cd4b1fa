import type { Child } from 'hono/jsx'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'

/** Submitted (or stored) form values as strings, for filling a form in again. */
export type FormValues = Record<string, string | string[] | undefined>

export const val = (values: FormValues, key: string) => {
  const v = values[key]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}
export const vals = (values: FormValues, key: string) => {
  const v = values[key]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}
export const ticked = (values: FormValues, key: string) => {
  const v = val(values, key)
  return v === 'on' || v === '1' || v === 'true'
}

export type Crumb = { href: string; label: string }

/** Page frame for administration: the staff layout with a trail back to the admin index. */
export function AdminShell({
  title,
  trail = [],
  children,
}: {
  title: string
  trail?: Crumb[]
  children: Child
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={title}>
      <nav aria-label={t('admin.breadcrumb')} class="breadcrumb" id="admin-breadcrumb">
        <ol>
          <li>
            <a href="/admin">{t('admin.title')}</a>
          </li>
          {trail.map((c) => (
            <li>
              <a href={c.href}>{c.label}</a>
            </li>
          ))}
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      {children}
    </StaffLayout>
  )
}

/** A confirmation after a change, announced politely to screen readers. */
export const Notice = ({ text }: { text?: string | undefined }) =>
  text ? (
    <p class="notice notice-ok" role="status" id="admin-notice">
      {text}
    </p>
  ) : null

/** The three language columns of a name; zh-Hans always required, the others when `allRequired`. */
export function NameFields({
  values,
  errors,
  allRequired = false,
  max,
}: {
  values: FormValues
  errors: FieldErrors
  allRequired?: boolean
  max: number
}) {
  return (
    <>
      <TextField
        name="nameZhHans"
        label="admin.field.nameZhHans"
        value={val(values, 'nameZhHans')}
        required
        maxlength={max}
        errors={errors}
      />
      <TextField
        name="nameZhHant"
        label="admin.field.nameZhHant"
        value={val(values, 'nameZhHant')}
        required={allRequired}
        maxlength={max}
        errors={errors}
      />
      <TextField
        name="nameEn"
        label="admin.field.nameEn"
        value={val(values, 'nameEn')}
        required={allRequired}
        maxlength={max}
        errors={errors}
      />
    </>
  )
}

/** Yes/No for an active flag, in words rather than colour alone. */
export function ActiveCell({ active }: { active: boolean }) {
  const { t } = useI18n()
  return <td class={active ? 'state-on' : 'state-off'}>{active ? t('admin.active') : t('admin.inactive')}</td>
}

/**
 * The create/edit form of one admin area: posts to `base` (create) or `base/id` (edit), lists every
 * error first, carries the CSRF token, and ends with submit and cancel.
 */
export function EntryForm({
  base,
  id,
  formId,
  errors,
  children,
}: {
  base: string
  id?: number | undefined
  formId: string
  errors: FieldErrors
  children: Child
}) {
  return (
    <form method="post" action={id ? `${base}/${id}` : base} id={formId} novalidate>
      <ErrorSummary errors={errors} />
      <CsrfField />
      {children}
      <FormActions cancelHref={base} creating={!id} />
    </form>
  )
}

/** The edit link of a table row, naming the row for screen readers. */
export function EditLink({ href, label }: { href: string; label: string }) {
  const { t } = useI18n()
  return (
    <a href={href} class="row-link">
      {t('form.edit')}
      <span class="visually-hidden"> {label}</span>
    </a>
  )
}

/** Submit ("add" on a create form, "save" on an edit form) and cancel, at the foot of every admin form. */
function FormActions({ cancelHref, creating = false }: { cancelHref: string; creating?: boolean }) {
  const { t } = useI18n()
  return (
    <div class="actions form-actions">
      <button type="submit">{creating ? t('form.add') : t('form.save')}</button>
      <a class="button secondary" href={cancelHref}>
        {t('form.cancel')}
      </a>
    </div>
  )
}

/** The link above a list that opens its create form. */
export function AddLink({ href, label }: { href: string; label: string }) {
  return (
    <p class="actions">
      <a class="button" href={href} id="admin-add">
        {label}
      </a>
    </p>
  )
}
