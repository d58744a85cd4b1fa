import type { SwapStatus } from '../../../server/domain/roster/swaps.ts'
import type { PersonKey, RosterSlot } from '../../../server/domain/roster/types.ts'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { SwapStatusLabel } from './change-pages.tsx'
import { SlotTags } from './month-page.tsx'
import { type FormValues, one } from './roster-form.tsx'
import { FormProblem, type PeopleMap, PersonName, SavedNotice, useDateLabel } from './roster-shell.tsx'

export type MyDuty = {
  stationId: number
  stationName: string
  slotName: string
  slot: RosterSlot
  /** This slot's live swap request, if there is one. */
  swap: { id: number; status: SwapStatus } | null
}

export type OpenSwap = {
  id: number
  stationName: string
  slotName: string
  date: string
  start: string
  end: string
  from: PersonKey
}

export type MySwap = OpenSwap & { status: SwapStatus; to: PersonKey | null; requestedByMe: boolean }

export type MyDutyView = {
  duties: readonly MyDuty[]
  openSwaps: readonly OpenSwap[]
  mySwaps: readonly MySwap[]
  absences: readonly { id: number; fromDate: string; toDate: string }[]
  /** Stations whose roster this account may manage (staff and admins). */
  stations: readonly { id: number; name: string }[]
  people: PeopleMap
  until: string
  values: FormValues
  errors?: FieldErrors
  problem?: string
  notice?: string
}

/** A person's own duty across stations: ask someone to take a slot, take someone's, say when away. */
export function MyDutyPage(v: MyDutyView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const errors = v.errors ?? {}
  return (
    <StaffLayout title={t('roster.my.title')}>
      <SavedNotice text={v.notice} />
      <FormProblem text={v.problem} />
      <section aria-labelledby="my-duties-title" class="roster-section">
        <h2 id="my-duties-title">{t('roster.my.upcoming', { date: dateLabel(v.until) })}</h2>
        {v.duties.length === 0 ? (
          <p id="my-duties-none">{t('roster.my.none')}</p>
        ) : (
          <table id="my-duties">
            <thead>
              <tr>
                <th scope="col">{t('roster.col.date')}</th>
                <th scope="col">{t('roster.col.station')}</th>
                <th scope="col">{t('roster.col.slot')}</th>
                <th scope="col">{t('roster.col.status')}</th>
                <th scope="col">{t('form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {v.duties.map((d) => (
                <tr data-slot={d.slot.key}>
                  <td>{dateLabel(d.slot.date)}</td>
                  <td>{d.stationName}</td>
                  <td>
                    {d.slotName} {d.slot.start}–{d.slot.end}
                  </td>
                  <td>
                    <SlotTags slot={d.slot} today={d.slot.date} />
                    {d.swap ? <SwapStatusLabel status={d.swap.status} /> : null}
                  </td>
                  <td>
                    {d.swap ? (
                      <PostButton
                        action={`/me/duty/swaps/${d.swap.id}/cancel`}
                        label={t('roster.my.cancelRequest')}
                        name={dateLabel(d.slot.date)}
                        buttonClass="button secondary"
                      />
                    ) : d.slot.published ? (
                      <form method="post" action="/me/duty/swaps">
                        <CsrfField />
                        <input type="hidden" name="stationId" value={String(d.stationId)} />
                        <input type="hidden" name="date" value={d.slot.date} />
                        <input type="hidden" name="code" value={d.slot.code} />
                        <button type="submit">
                          {t('roster.my.askSwap')}
                          <span class="visually-hidden">
                            {' '}
                            {dateLabel(d.slot.date)} {d.slotName}
                          </span>
                        </button>
                      </form>
                    ) : (
                      <span class="hint">{t('roster.my.notYetPublished')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="open-swaps-title" class="roster-section">
        <h2 id="open-swaps-title">{t('roster.my.openSwaps')}</h2>
        {v.openSwaps.length === 0 ? (
          <p>{t('roster.my.noOpenSwaps')}</p>
        ) : (
          <table id="open-swaps">
            <thead>
              <tr>
                <th scope="col">{t('roster.col.date')}</th>
                <th scope="col">{t('roster.col.station')}</th>
                <th scope="col">{t('roster.col.slot')}</th>
                <th scope="col">{t('roster.swaps.from')}</th>
                <th scope="col">{t('form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {v.openSwaps.map((s) => (
                <tr id={`open-swap-${s.id}`}>
                  <td>{dateLabel(s.date)}</td>
                  <td>{s.stationName}</td>
                  <td>
                    {s.slotName} {s.start}–{s.end}
                  </td>
                  <td>
                    <PersonName person={s.from} people={v.people} />
                  </td>
                  <td>
                    <form method="post" action={`/me/duty/swaps/${s.id}/take`}>
                      <CsrfField />
                      <button type="submit">
                        {t('roster.my.take')}
                        <span class="visually-hidden">
                          {' '}
                          {dateLabel(s.date)} {s.slotName}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {v.mySwaps.length ? (
        <section aria-labelledby="my-swaps-title" class="roster-section">
          <h2 id="my-swaps-title">{t('roster.my.mySwaps')}</h2>
          <table id="my-swaps">
            <thead>
              <tr>
                <th scope="col">{t('roster.col.date')}</th>
                <th scope="col">{t('roster.col.slot')}</th>
                <th scope="col">{t('roster.swaps.from')}</th>
                <th scope="col">{t('roster.swaps.to')}</th>
                <th scope="col">{t('roster.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {v.mySwaps.map((s) => (
                <tr>
                  <td>{dateLabel(s.date)}</td>
                  <td>
                    {s.stationName} · {s.slotName}
                  </td>
                  <td>
                    <PersonName person={s.from} people={v.people} />
                  </td>
                  <td>{s.to ? <PersonName person={s.to} people={v.people} /> : '—'}</td>
                  <td>
                    <SwapStatusLabel status={s.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {v.stations.length ? (
        <nav aria-labelledby="station-rosters-title" class="roster-section">
          <h2 id="station-rosters-title">{t('roster.my.stationRosters')}</h2>
          <ul class="cards" id="station-rosters">
            {v.stations.map((s) => (
              <li>
                <a href={`/staff/stations/${s.id}/roster`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="my-absences-title" class="roster-section">
        <h2 id="my-absences-title">{t('roster.my.absences')}</h2>
        <p>{t('roster.my.absencesIntro')}</p>
        {v.absences.length ? (
          <ul id="my-absences">
            {v.absences.map((a) => (
              <li>
                {t('roster.range', { from: dateLabel(a.fromDate), to: dateLabel(a.toDate) })}{' '}
                <PostButton
                  action={`/me/duty/absences/${a.id}/cancel`}
                  label={t('roster.absences.cancel')}
                  name={dateLabel(a.fromDate)}
                  buttonClass="button secondary"
                  formClass="inline-form"
                />
              </li>
            ))}
          </ul>
        ) : null}
        <form method="post" action="/me/duty/absences" id="my-absence-form">
          <CsrfField />
          <ErrorSummary errors={errors} />
          <TextField
            name="from"
            label="roster.field.from"
            type="date"
            value={one(v.values, 'from')}
            errors={errors}
            required
          />
          <TextField
            name="to"
            label="roster.field.to"
            type="date"
            value={one(v.values, 'to')}
            errors={errors}
            required
          />
          <button type="submit">{t('roster.absences.save')}</button>
        </form>
      </section>
    </StaffLayout>
  )
}
