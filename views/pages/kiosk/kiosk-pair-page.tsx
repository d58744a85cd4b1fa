import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'

/** Shown on any device that is not paired: the only kiosk screen it can reach. */
export function KioskPairPage({ code, errors = {} }: { code?: string; errors?: FieldErrors }) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('kiosk.pair.title')} idle={false} callStaff={false}>
      <h1>{t('kiosk.pair.title')}</h1>
      <p class="lead">{t('kiosk.pair.intro')}</p>
      <form method="post" action="/kiosk/pair" id="pair-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <TextField
          name="code"
          label="kiosk.pair.code"
          value={code}
          required
          autocomplete="off"
          maxlength={20}
          errors={errors}
        />
        <button type="submit" class="kiosk-button primary">
          {t('kiosk.pair.submit')}
        </button>
      </form>
    </KioskLayout>
  )
}
