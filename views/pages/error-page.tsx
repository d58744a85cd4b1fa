import { type MessageKey, useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'

export type ErrorInfo = { title: MessageKey; body: MessageKey; vars?: Record<string, string> }

/** The message alone, as an htmx swap target or inside a page. */
export function ErrorMessage({ info }: { info: ErrorInfo }) {
  const { t } = useI18n()
  return (
    <div id="error-message" class="notice notice-error" role="alert">
      <h2>{t(info.title)}</h2>
      <p>{t(info.body, info.vars)}</p>
    </div>
  )
}

export function ErrorPage({ info }: { info: ErrorInfo }) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t(info.title)}>
      <ErrorMessage info={info} />
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </StaffLayout>
  )
}
