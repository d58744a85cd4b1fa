import { useI18n } from '../i18n/index.ts'
import { CsrfField } from './form.tsx'

/**
 * The upload (or paste) form of an all-or-nothing CSV import: the places and the closures
 * imports use the same reader (server/domain/csv) and the same form.
 */
export function CsvUploadForm({
  action,
  id,
  cancelHref,
  text,
}: {
  action: string
  id: string
  cancelHref: string
  text: string
}) {
  const { t } = useI18n()
  return (
    <form method="post" action={action} enctype="multipart/form-data" id={id} novalidate>
      <CsrfField />
      <div class="field">
        <label for="f-file">
          {t('admin.csv.file')} <span class="optional">({t('form.optional')})</span>
        </label>
        <input id="f-file" name="file" type="file" accept=".csv,text/csv" />
      </div>
      <div class="field">
        <label for="f-text">
          {t('admin.csv.paste')} <span class="optional">({t('form.optional')})</span>
        </label>
        <textarea id="f-text" name="text" rows={8} spellcheck={false} class="csv-paste">
          {text}
        </textarea>
      </div>
      <div class="actions form-actions">
        <button type="submit">{t('admin.csv.submit')}</button>
        <a class="button secondary" href={cancelHref}>
          {t('form.cancel')}
        </a>
      </div>
    </form>
  )
}
