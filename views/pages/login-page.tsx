import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../components/form.tsx'
import { useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'

type Props = { username?: string; next: string; errors?: FieldErrors; notice?: string }

export function LoginPage({ username, next, errors = {}, notice }: Props) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('login.title')}>
      {notice ? (
        <p class="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <form method="post" action="/login" id="login-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="username"
          label="login.username"
          value={username}
          required
          autocomplete="username"
          errors={errors}
        />
        <TextField
          name="password"
          label="login.password"
          type="password"
          required
          autocomplete="current-password"
          errors={errors}
        />
        <button type="submit">{t('login.submit')}</button>
      </form>
    </StaffLayout>
  )
}
