import type { NotifyChannel } from '../../db/enums.ts'
import { normalizePhone } from './masking.ts'
import { isMobile } from './sms-kinds.ts'

export type NotifySettings = { phone: string; notifyChannel: NotifyChannel }
export type NotifyCheck =
  | { ok: true; settings: NotifySettings }
  | { ok: false; field: 'phone'; error: 'notify.phoneInvalid' | 'notify.phoneNeeded' }

/**
 * A staff member's or deputy's own phone and notice channel (issue 16): the phone is blank or a
 * mainland mobile (normalised as everywhere else); SMS can only be chosen with one.
 */
export function checkNotifySettings(phoneInput: string, notifyChannel: NotifyChannel): NotifyCheck {
  const typed = phoneInput.trim()
  let phone = ''
  if (typed !== '') {
    const checked = normalizePhone(typed)
    if (!checked.ok || !isMobile(checked.phone))
      return { ok: false, field: 'phone', error: 'notify.phoneInvalid' }
    phone = checked.phone
  }
  if (notifyChannel === 'sms' && phone === '')
    return { ok: false, field: 'phone', error: 'notify.phoneNeeded' }
  return { ok: true, settings: { phone, notifyChannel } }
}
