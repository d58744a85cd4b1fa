import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form.tsx'
import { useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'

type Props = { errors?: FieldErrors; notice?: string; mustChange?: boolean }

/** /me/password: the owner changes their own password; the current one is required. */
export function PasswordPage({ errors = {}, notice, mustChange }: Props) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('password.title')}>
      {notice ? (
        <p class="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {mustChange ? (
        <p class="notice" id="must-change-password">
          {t('password.mustChange')}
        </p>
      ) : null}
      <form method="post" action="/me/password" id="password-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <TextField
          name="current"
          label="password.current"
          type="password"
          required
          autocomplete="current-password"
          errors={errors}
        />
        <TextField
          name="password"
          label="password.new"
          type="password"
          required
          autocomplete="new-password"
          hint={t('password.rules')}
          errors={errors}
        />
        <TextField
          name="confirm"
          label="password.confirm"
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <button type="submit">{t('password.submit')}</button>
      </form>
    </StaffLayout>
  )
}
