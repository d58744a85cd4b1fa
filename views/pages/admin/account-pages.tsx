import type { AccountListRow } from '../../../db/queries/admin-accounts.ts'
import type { DeputyRow } from '../../../db/queries/admin-deputies.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import type { Role } from '../../../db/schema.ts'
import { CheckboxField, CheckboxGroup } from '../../components/checkbox-field.tsx'
import { type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { NotifyFields } from '../../components/notify-fields.tsx'
import { type T, useI18n } from '../../i18n/index.ts'
import {
  ActiveCell,
  AddLink,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  Notice,
  ticked,
  val,
  vals,
} from './admin-shell.tsx'

export function roleLabel(t: T, role: Role) {
  switch (role) {
    case 'admin':
      return t('role.admin')
    case 'staff':
      return t('role.staff')
    case 'deputy':
      return t('role.deputy')
  }
}

type ListProps = {
  rows: AccountListRow[]
  stations: StationRow[]
  deputies: DeputyRow[]
  notice?: string | undefined
}

export function AccountListPage({ rows, stations, deputies, notice }: ListProps) {
  const { t } = useI18n()
  const codes = new Map(stations.map((s) => [s.id, s.code]))
  const deputyNames = new Map(deputies.map((d) => [d.id, d.name]))
  return (
    <AdminShell title={t('admin.accounts.title')}>
      <Notice text={notice} />
      <AddLink href="/admin/accounts/new" label={t('admin.accounts.add')} />
      <table id="accounts-table">
        <thead>
          <tr>
            <th scope="col">{t('login.username')}</th>
            <th scope="col">{t('admin.field.displayName')}</th>
            <th scope="col">{t('admin.field.role')}</th>
            <th scope="col">{t('admin.accounts.scope')}</th>
            <th scope="col">{t('admin.field.status')}</th>
            <th scope="col">{t('form.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr id={`account-${a.id}`}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{roleLabel(t, a.role)}</td>
              <td>
                {a.role === 'staff'
                  ? (a.stationIds.map((id) => codes.get(id) ?? '').join('、') ||
                      t('admin.accounts.noStations')) +
                    (a.streetOffice ? ` · ${t('suggestionHandling.admin.streetOfficeTag')}` : '')
                  : a.role === 'deputy'
                    ? (deputyNames.get(a.deputyId ?? 0) ?? '')
                    : t('admin.accounts.allStations')}
              </td>
              <ActiveCell active={a.active} />
              <td>
                <EditLink href={`/admin/accounts/${a.id}`} label={a.username} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminShell>
  )
}

type FormProps = {
  id?: number
  values: FormValues
  errors?: FieldErrors
  stations: StationRow[]
  deputies: DeputyRow[]
}

export function AccountFormPage({ id, values, errors = {}, stations, deputies }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.accounts.edit') : t('admin.accounts.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/accounts', label: t('admin.accounts.title') }]}>
      <EntryForm base="/admin/accounts" id={id} formId="account-form" errors={errors}>
        <TextField
          name="username"
          label="login.username"
          hint={t('admin.accounts.usernameHint')}
          value={val(values, 'username')}
          required
          maxlength={64}
          autocomplete="off"
          errors={errors}
        />
        <TextField
          name="displayName"
          label="admin.field.displayName"
          value={val(values, 'displayName')}
          required
          maxlength={40}
          errors={errors}
        />
        <SelectField
          name="role"
          label="admin.field.role"
          value={val(values, 'role')}
          required
          options={(['staff', 'deputy', 'admin'] as const).map((r) => ({ value: r, label: roleLabel(t, r) }))}
          errors={errors}
        />
        <CheckboxGroup
          name="stationIds"
          legend="admin.accounts.stations"
          hint={t('admin.accounts.stationsHint')}
          options={stations.map((s) => ({ value: s.id, label: `${s.code} · ${name(s)}` }))}
          values={vals(values, 'stationIds')}
          errors={errors}
        />
        <CheckboxField
          name="streetOffice"
          label="suggestionHandling.admin.streetOffice"
          hint={t('suggestionHandling.admin.streetOfficeHint')}
          checked={ticked(values, 'streetOffice')}
          errors={errors}
        />
        <SelectField
          name="deputyId"
          label="admin.accounts.deputy"
          hint={t('admin.accounts.deputyHint')}
          value={val(values, 'deputyId')}
          placeholder={t('admin.accounts.noDeputy')}
          options={deputies.map((d) => ({ value: d.id, label: d.name }))}
          errors={errors}
        />
        <NotifyFields
          phone={val(values, 'phone')}
          notifyChannel={val(values, 'notifyChannel')}
          errors={errors}
        />
        <TextField
          name="password"
          type="password"
          label={id ? 'admin.accounts.newPassword' : 'login.password'}
          hint={id ? t('admin.accounts.newPasswordHint') : t('admin.accounts.passwordHint')}
          required={!id}
          autocomplete="new-password"
          maxlength={256}
          errors={errors}
        />
        {id ? (
          <CheckboxField
            name="active"
            label="admin.field.active"
            hint={t('admin.accounts.activeHint')}
            checked={ticked(values, 'active')}
            errors={errors}
          />
        ) : null}
        <CheckboxField
          name="mustChangePassword"
          label="admin.accounts.mustChangePassword"
          hint={t('admin.accounts.mustChangePasswordHint')}
          checked={ticked(values, 'mustChangePassword')}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}
