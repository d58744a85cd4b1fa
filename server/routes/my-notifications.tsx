import { Hono } from 'hono'
import { z } from 'zod'
import { NOTIFY_CHANNELS } from '../../db/enums.ts'
import { findNotifySettings, setNotifySettings } from '../../db/queries/accounts.ts'
import { NotifySettingsPage } from '../../views/pages/notify-settings-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { checkNotifySettings } from '../domain/notify-settings.ts'
import type { AppEnv } from '../env.ts'
import { readForm } from '../middleware/form-body.ts'
import { parseForm } from '../validation.ts'

export const notifyForm = z.object({
  phone: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v ?? ''),
  notifyChannel: z.enum(NOTIFY_CHANNELS, { message: 'error.unknownChoice' }),
})

/** /me/notifications: every signed-in staff member or deputy sets their mobile and notice channel. */
export function myNotificationsRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/me/notifications', (c) => {
    const account = c.get('account')!
    const s = findNotifySettings(db, account.id) ?? { phone: '', notifyChannel: 'webhook' }
    const notice = c.req.query('done') ? c.get('i18n').t('notify.saved') : undefined
    return renderPage(c, <NotifySettingsPage {...s} notice={notice} />)
  })

  app.post('/me/notifications', async (c) => {
    const { t } = c.get('i18n')
    const account = c.get('account')!
    const body = await readForm(c)
    const typed = typeof body.phone === 'string' ? body.phone : ''
    const chosen = typeof body.notifyChannel === 'string' ? body.notifyChannel : 'webhook'
    const again = (errors: Record<string, string>) =>
      renderPage(c, <NotifySettingsPage phone={typed} notifyChannel={chosen} errors={errors} />, 422)
    const parsed = parseForm(notifyForm, body, t)
    if (!parsed.ok) return again(parsed.errors)
    const checked = checkNotifySettings(parsed.data.phone, parsed.data.notifyChannel)
    if (!checked.ok) return again({ [checked.field]: t(checked.error) })
    setNotifySettings(db, account.id, checked.settings, account.id, clock.now())
    return c.redirect('/me/notifications?done=1', 303)
  })

  return app
}
