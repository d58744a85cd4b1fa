import { CsrfField, ErrorSummary, type FieldErrors } from '../components/form.tsx'
import { NotifyFields } from '../components/notify-fields.tsx'
import { useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'

type Props = { phone: string; notifyChannel: string; errors?: FieldErrors; notice?: string | undefined }

/** /me/notifications: a staff member or deputy sets their own mobile and where notices go. */
export function NotifySettingsPage({ phone, notifyChannel, errors = {}, notice }: Props) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('notify.title')}>
      {notice ? (
        <p class="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <p id="notify-intro">{t('notify.intro')}</p>
      <form method="post" action="/me/notifications" id="notify-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <NotifyFields phone={phone} notifyChannel={notifyChannel} errors={errors} />
        <button type="submit">{t('notify.submit')}</button>
      </form>
    </StaffLayout>
  )
}
