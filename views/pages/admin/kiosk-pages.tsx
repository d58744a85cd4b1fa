import { type KioskRow, kioskState } from '../../../db/queries/admin-kiosks.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { useI18n } from '../../i18n/index.ts'
import {
  AddLink,
  AdminShell,
  EditLink,
  EntryForm,
  type FormValues,
  Notice,
  ticked,
  val,
} from './admin-shell.tsx'

function KioskStateText({ kiosk, now }: { kiosk: KioskRow; now: Date }) {
  const { t } = useI18n()
  switch (kioskState(kiosk, now)) {
    case 'paired':
      return <>{t('admin.kiosks.state.paired')}</>
    case 'pending':
      return <>{t('admin.kiosks.state.pending')}</>
    case 'revoked':
      return <>{t('admin.kiosks.state.revoked')}</>
    case 'unpaired':
      return <>{t('admin.kiosks.state.unpaired')}</>
  }
}

type ListProps = { rows: KioskRow[]; stations: StationRow[]; now: Date; notice?: string | undefined }

export function KioskListPage({ rows, stations, now, notice }: ListProps) {
  const { t, name, dateTime } = useI18n()
  const stationById = new Map(stations.map((s) => [s.id, s]))
  return (
    <AdminShell title={t('admin.kiosks.title')}>
      <Notice text={notice} />
      <p class="hint">{t('admin.kiosks.intro')}</p>
      <AddLink href="/admin/kiosks/new" label={t('admin.kiosks.add')} />
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <table id="kiosks-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.label')}</th>
              <th scope="col">{t('admin.field.station')}</th>
              <th scope="col">{t('admin.field.status')}</th>
              <th scope="col">{t('admin.kiosks.pairedAt')}</th>
              <th scope="col">{t('admin.kiosks.lastSeen')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => {
              const station = stationById.get(k.stationId)
              const tz = station?.timeZone ?? 'Asia/Shanghai'
              const state = kioskState(k, now)
              return (
                <tr id={`kiosk-${k.id}`}>
                  <td>{k.label}</td>
                  <td>{station ? `${station.code} · ${name(station)}` : ''}</td>
                  <td class={`kiosk-state-${state}`}>
                    <KioskStateText kiosk={k} now={now} />
                  </td>
                  <td>{k.pairedAt && state === 'paired' ? dateTime(k.pairedAt, tz) : '—'}</td>
                  <td>{k.lastSeenAt ? dateTime(k.lastSeenAt, tz) : t('admin.kiosks.neverSeen')}</td>
                  <td>
                    <div class="actions">
                      <EditLink href={`/admin/kiosks/${k.id}`} label={k.label} />
                      <PostButton
                        action={`/admin/kiosks/${k.id}/pairing-code`}
                        label={state === 'paired' ? t('admin.kiosks.repair') : t('admin.kiosks.issueCode')}
                        name={k.label}
                        buttonClass="link-button"
                        formClass="inline-form"
                      />
                      {state === 'revoked' ? null : (
                        <PostButton
                          action={`/admin/kiosks/${k.id}/revoke`}
                          label={t('admin.kiosks.revoke')}
                          name={k.label}
                          buttonClass="link-button danger-link"
                          formClass="inline-form"
                        />
                      )}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </AdminShell>
  )
}

type FormProps = { id?: number; values: FormValues; errors?: FieldErrors; stations: StationRow[] }

export function KioskFormPage({ id, values, errors = {}, stations }: FormProps) {
  const { t, name } = useI18n()
  const title = id ? t('admin.kiosks.edit') : t('admin.kiosks.add')
  return (
    <AdminShell title={title} trail={[{ href: '/admin/kiosks', label: t('admin.kiosks.title') }]}>
      <EntryForm base="/admin/kiosks" id={id} formId="kiosk-form" errors={errors}>
        <SelectField
          name="stationId"
          label="admin.field.station"
          value={val(values, 'stationId')}
          required
          placeholder={t('admin.choose')}
          options={stations.map((s) => ({ value: s.id, label: `${s.code} · ${name(s)}` }))}
          errors={errors}
        />
        <TextField
          name="label"
          label="admin.field.label"
          hint={t('admin.kiosks.labelHint')}
          value={val(values, 'label')}
          required
          maxlength={60}
          errors={errors}
        />
        <CheckboxField
          name="hasReceiptPrinter"
          label="admin.field.hasReceiptPrinter"
          hint={t('admin.kiosks.printerHint')}
          checked={ticked(values, 'hasReceiptPrinter')}
          errors={errors}
        />
        <CheckboxField
          name="voiceAnnouncements"
          label="admin.field.voiceAnnouncements"
          hint={t('admin.kiosks.voiceHint')}
          checked={ticked(values, 'voiceAnnouncements')}
          errors={errors}
        />
      </EntryForm>
    </AdminShell>
  )
}

type CodeProps = { kiosk: KioskRow; stationName: string; code: string; expires: string; url: string }

/** The one time a pairing code is shown; it is stored only as a hash. */
export function KioskPairingCodePage({ kiosk, stationName, code, expires, url }: CodeProps) {
  const { t } = useI18n()
  return (
    <AdminShell
      title={t('admin.kiosks.codeTitle')}
      trail={[{ href: '/admin/kiosks', label: t('admin.kiosks.title') }]}
    >
      <section class="pairing-code" id="pairing-code" aria-labelledby="pairing-code-for">
        <h2 id="pairing-code-for">
          {t('admin.kiosks.codeFor', { label: kiosk.label, station: stationName })}
        </h2>
        <p class="code" id="pairing-code-value">
          {code}
        </p>
        <p>{t('admin.kiosks.codeExpires', { time: expires })}</p>
        <p>{t('admin.kiosks.codeUrlIntro')}</p>
        <p class="pairing-url">
          <code id="pairing-url">{url}</code>
        </p>
        <p class="notice">{t('admin.kiosks.codeOnce')}</p>
      </section>
      <p>
        <a class="button" href="/admin/kiosks">
          {t('admin.kiosks.backToList')}
        </a>
      </p>
    </AdminShell>
  )
}
