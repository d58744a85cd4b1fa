import { CsrfField, Field, type FieldErrors } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { AdminShell, Notice } from './admin-shell.tsx'

/** /admin/deputies/:id/photo: the current photo, an upload form and a remove button. */
export function DeputyPhotoPage(p: {
  id: number
  name: string
  photoUrl: string | null
  error?: string | undefined
  notice?: string | undefined
}) {
  const { t } = useI18n()
  const errors: FieldErrors = p.error ? { photo: p.error } : {}
  return (
    <AdminShell
      title={t('photo.title', { name: p.name })}
      trail={[{ href: '/admin/deputies', label: t('admin.deputies.title') }]}
    >
      <Notice text={p.notice} />
      <h2>{t('photo.current')}</h2>
      {p.photoUrl ? (
        <p>
          <img
            src={p.photoUrl}
            alt={t('pub.deputy.photoAlt', { name: p.name })}
            width="160"
            height="160"
            id="photo-current"
          />
        </p>
      ) : (
        <p id="photo-none">{t('photo.none')}</p>
      )}
      <form
        method="post"
        action={`/admin/deputies/${p.id}/photo`}
        enctype="multipart/form-data"
        id="photo-form"
        novalidate
      >
        <CsrfField />
        <Field name="photo" label="photo.file" hint={t('photo.hint')} errors={errors} required>
          <input
            id="f-photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            aria-describedby={[p.error ? 'e-photo' : '', 'h-photo'].filter(Boolean).join(' ')}
            aria-invalid={p.error ? 'true' : undefined}
          />
        </Field>
        <div class="actions form-actions">
          <button type="submit" id="photo-upload">
            {t('photo.upload')}
          </button>
        </div>
      </form>
      {p.photoUrl ? (
        <form method="post" action={`/admin/deputies/${p.id}/photo/remove`} class="inline-form">
          <CsrfField />
          <button type="submit" class="button danger" id="photo-remove">
            {t('photo.remove')}
          </button>
        </form>
      ) : null}
      <p>
        <a href={`/m/deputy/${p.id}`} id="photo-public-page">
          {t('posters.publicPage')}
        </a>
      </p>
    </AdminShell>
  )
}
