import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { NOTIFY_CHANNELS, ROLES } from '../../../db/enums.ts'
import {
  createAccount,
  deputyAccountTaken,
  findAccountRow,
  LastAdminError,
  listAccounts,
  updateAccount,
  usernameTaken,
} from '../../../db/queries/admin-accounts.ts'
import { findDeputy, listDeputies } from '../../../db/queries/admin-deputies.ts'
import { listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { T } from '../../../views/i18n/index.ts'
import { AccountFormPage, AccountListPage } from '../../../views/pages/admin/account-pages.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import { USERNAME_PATTERN } from '../../domain/account.ts'
import { checkNotifySettings } from '../../domain/notify-settings.ts'
import { hashPassword, sha256 } from '../../domain/secrets.ts'
import type { AppEnv } from '../../env.ts'
import { wakeStreams } from '../../events/sse.ts'
import { readCookie, SESSION_COOKIE } from '../../middleware/cookies.ts'
import { f, newPasswordField, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

const password = newPasswordField()
const accountFields = {
  username: z.string().trim().min(1).max(64).regex(USERNAME_PATTERN, 'admin.accounts.usernameFormat'),
  displayName: f.text(40),
  role: z.enum(ROLES, { message: 'error.unknownChoice' }),
  stationIds: f.ids(),
  deputyId: f.optionalId(),
  streetOffice: f.checkbox(),
  phone: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v ?? ''),
  notifyChannel: z.enum(NOTIFY_CHANNELS, { message: 'error.unknownChoice' }).optional().default('webhook'),
}
const createForm = z.object({ ...accountFields, password, mustChangePassword: f.checkbox() })
const editForm = z.object({
  ...accountFields,
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(password.optional()),
  active: f.checkbox(),
  mustChangePassword: f.checkbox(),
})

export function accountRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    renderPage(
      c,
      <AccountListPage
        rows={listAccounts(db)}
        stations={listStations(db)}
        deputies={listDeputies(db)}
        notice={savedNotice(c)}
      />,
    ),
  )

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => {
    // A password is never sent back into the page.
    const { password: _pw, ...shown } = values
    return (
      <AccountFormPage
        id={id}
        values={shown}
        errors={errors}
        stations={listStations(db)}
        deputies={listDeputies(db)}
      />
    )
  }

  /** Checks what the schema cannot: references, the role's own fields, and a free username. */
  const checkReferences = (
    t: T,
    data: {
      username: string
      role: string
      stationIds: number[]
      deputyId?: number | undefined
      phone: string
      notifyChannel: (typeof NOTIFY_CHANNELS)[number]
    },
    id?: number,
  ): FieldErrors => {
    const errors: FieldErrors = {}
    const notify = checkNotifySettings(data.phone, data.notifyChannel)
    if (!notify.ok) errors[notify.field] = t(notify.error)
    if (usernameTaken(db, data.username, id)) errors.username = t('admin.accounts.usernameTaken')
    if (data.role === 'staff') {
      const known = new Set(listStations(db).map((s) => s.id))
      if (data.stationIds.some((s) => !known.has(s))) errors.stationIds = t('error.unknownChoice')
    }
    if (data.role === 'deputy') {
      if (data.deputyId === undefined) errors.deputyId = t('admin.accounts.deputyRequired')
      else if (!findDeputy(db, data.deputyId)) errors.deputyId = t('error.unknownChoice')
      else if (deputyAccountTaken(db, data.deputyId, id)) errors.deputyId = t('admin.accounts.deputyTaken')
    }
    return errors
  }

  /** Only staff keep a station scope and only deputy accounts a deputy. */
  const roleFields = (data: {
    role: (typeof ROLES)[number]
    stationIds: number[]
    deputyId?: number | undefined
    streetOffice: boolean
  }) => ({
    role: data.role,
    stationIds: data.role === 'staff' ? data.stationIds : [],
    deputyId: data.role === 'deputy' ? (data.deputyId ?? null) : null,
    streetOffice: data.role === 'staff' && data.streetOffice,
  })

  /** Checked by checkReferences before this is called. */
  const notifyFields = (data: { phone: string; notifyChannel: (typeof NOTIFY_CHANNELS)[number] }) => {
    const checked = checkNotifySettings(data.phone, data.notifyChannel)
    return checked.ok ? checked.settings : {}
  }

  app.get('/new', (c) => renderPage(c, form({ role: 'staff', notifyChannel: 'webhook' })))

  app.post('/', async (c) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(createForm, body, t)
    const errors = parsed.ok ? checkReferences(t, parsed.data) : parsed.errors
    if (!parsed.ok || Object.keys(errors).length > 0)
      return renderPage(c, form(formValues(body), errors), 422)
    const { username, displayName, mustChangePassword } = parsed.data
    const passwordHash = await hashPassword(parsed.data.password)
    const written = tryUnique(() =>
      createAccount(
        db,
        {
          username,
          displayName,
          passwordHash,
          mustChangePassword,
          ...roleFields(parsed.data),
          ...notifyFields(parsed.data),
        },
        actorId(c),
        clock.now(),
      ),
    )
    if (!written.ok)
      return renderPage(c, form(formValues(body), { username: t('admin.accounts.usernameTaken') }), 422)
    return c.redirect('/admin/accounts?saved=created', 303)
  })

  app.get('/:id{[0-9]+}', (c) => {
    const a = findAccountRow(db, idParam(c) ?? 0)
    if (!a) return c.notFound()
    const values: FormValues = {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      stationIds: a.stationIds.map(String),
      deputyId: a.deputyId ? String(a.deputyId) : '',
      streetOffice: a.streetOffice ? 'on' : '',
      active: a.active ? 'on' : '',
      mustChangePassword: a.mustChangePassword ? 'on' : '',
      phone: a.phone,
      notifyChannel: a.notifyChannel,
    }
    return renderPage(c, form(values, {}, a.id))
  })

  app.post('/:id{[0-9]+}', async (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const a = findAccountRow(db, idParam(c) ?? 0)
    if (!a) return c.notFound()
    const body = await readForm(c)
    const again = (errors: FieldErrors) => renderPage(c, form(formValues(body), errors, a.id), 422)
    const parsed = parseForm(editForm, body, t)
    if (!parsed.ok) return again(parsed.errors)
    const errors = checkReferences(t, parsed.data, a.id)
    const self = a.id === actorId(c)
    if (self && !parsed.data.active) errors.active = t('admin.accounts.cannotDeactivateSelf')
    if (Object.keys(errors).length > 0) return again(errors)
    const { username, displayName, active, mustChangePassword } = parsed.data
    const passwordHash = parsed.data.password ? await hashPassword(parsed.data.password) : undefined
    const sid = readCookie(c, SESSION_COOKIE)
    try {
      const written = tryUnique(() =>
        updateAccount(
          db,
          a.id,
          {
            username,
            displayName,
            active,
            passwordHash,
            mustChangePassword,
            ...roleFields(parsed.data),
            ...notifyFields(parsed.data),
          },
          actorId(c),
          clock.now(),
          self && sid ? sha256(sid) : undefined,
        ),
      )
      if (!written.ok) return again({ username: t('admin.accounts.usernameTaken') })
      // Disabled, re-roled or moved to other stations: open consoles ask again.
      wakeStreams(db)
    } catch (err) {
      if (err instanceof LastAdminError) return again({ role: t('admin.accounts.lastAdmin') })
      throw err
    }
    // Someone who just gave up their own admin role can no longer see the admin screens.
    if (self && parsed.data.role !== 'admin') return c.redirect('/', 303)
    return c.redirect('/admin/accounts?saved=updated', 303)
  })

  return app
}
