import { useI18n } from '../i18n/index.ts'
import { type FieldErrors, SelectField, TextField } from './form.tsx'

/** The own mobile and notice channel of an account, on /me/notifications and the admin account form. */
export function NotifyFields({
  phone,
  notifyChannel,
  errors,
}: {
  phone: string
  notifyChannel: string
  errors: FieldErrors
}) {
  const { t } = useI18n()
  return (
    <>
      <TextField
        name="phone"
        label="notify.phone"
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        maxlength={20}
        hint={t('notify.phoneHint')}
        value={phone}
        errors={errors}
      />
      <SelectField
        name="notifyChannel"
        label="notify.channel"
        required
        value={notifyChannel || 'webhook'}
        options={[
          { value: 'webhook', label: t('notify.channel.webhook') },
          { value: 'sms', label: t('notify.channel.sms') },
        ]}
        errors={errors}
      />
    </>
  )
}
