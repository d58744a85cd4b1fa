import type { SwapStatus } from '../../../server/domain/roster/swaps.ts'
import type { PersonKey } from '../../../server/domain/roster/types.ts'
import { CsrfField, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { useI18n } from '../../i18n/index.ts'
import { CheckGroup, type FormValues, many, one } from './roster-form.tsx'
import {
  FormProblem,
  type PeopleMap,
  PersonName,
  RosterShell,
  SavedNotice,
  type SlotNames,
  type StationInfo,
  useDateLabel,
  useListJoin,
  useSlotName,
} from './roster-shell.tsx'

type Candidate = { key: PersonKey; name: string; kind: 'account' | 'deputy' }

function usePersonOptions(candidates: readonly Candidate[]) {
  const { t } = useI18n()
  return candidates.map((p) => ({
    value: p.key,
    label: p.kind === 'deputy' ? t('roster.person.deputy', { name: p.name }) : p.name,
  }))
}

export type OverridesView = {
  station: StationInfo
  overrides: readonly { id: number; from: string; to: string; codes: readonly string[]; person: PersonKey }[]
  defs: readonly SlotNames[]
  people: PeopleMap
  candidates: readonly Candidate[]
  values: FormValues
  errors?: FieldErrors
  problem?: string
  notice?: string
}

/** A clerk's overrides: who holds which slots of a date range, above every other rule. */
export function OverridesPage(v: OverridesView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const slotName = useSlotName(v.defs)
  const listJoin = useListJoin()
  const base = `/staff/stations/${v.station.id}/roster`
  const errors = v.errors ?? {}
  const codes = [...new Set(v.defs.map((d) => d.code))]
  return (
    <RosterShell station={v.station} tab="overrides" title={t('roster.overrides.title')}>
      <SavedNotice text={v.notice} />
      <p>{t('roster.overrides.intro')}</p>
      {v.overrides.length === 0 ? (
        <p>{t('roster.overrides.none')}</p>
      ) : (
        <table id="roster-overrides">
          <thead>
            <tr>
              <th scope="col">{t('roster.col.dates')}</th>
              <th scope="col">{t('roster.col.slot')}</th>
              <th scope="col">{t('roster.col.person')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {v.overrides.map((o) => (
              <tr>
                <td>
                  {o.from === o.to
                    ? dateLabel(o.from)
                    : t('roster.range', { from: dateLabel(o.from), to: dateLabel(o.to) })}
                </td>
                <td>{o.codes.length ? listJoin(o.codes.map(slotName)) : t('roster.allSlots')}</td>
                <td>
                  <PersonName person={o.person} people={v.people} />
                </td>
                <td>
                  <PostButton
                    action={`${base}/overrides/${o.id}/remove`}
                    label={t('roster.overrides.remove')}
                    name={dateLabel(o.from)}
                    buttonClass="button danger"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="override-form-title">{t('roster.overrides.add')}</h2>
      <form
        method="post"
        action={`${base}/overrides`}
        id="roster-override-form"
        aria-labelledby="override-form-title"
      >
        <CsrfField />
        <FormProblem text={v.problem} />
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
        <CheckGroup
          name="slotCodes"
          legend="roster.overrides.slots"
          hint={t('roster.overrides.slotsHint')}
          options={codes.map((c) => ({ value: c, label: slotName(c) }))}
          checked={many(v.values, 'slotCodes')}
          errors={errors}
        />
        <SelectField
          name="person"
          label="roster.field.person"
          value={one(v.values, 'person')}
          options={usePersonOptions(v.candidates)}
          placeholder={t('roster.field.choose')}
          errors={errors}
          required
        />
        <button type="submit">{t('roster.overrides.save')}</button>
      </form>
    </RosterShell>
  )
}

export type AbsencesView = {
  station: StationInfo
  absences: readonly { id: number; person: PersonKey; fromDate: string; toDate: string }[]
  people: PeopleMap
  candidates: readonly Candidate[]
  values: FormValues
  errors?: FieldErrors
  notice?: string
}

/** Who is away when; their slots go to the next person in the rotation, or show as gaps once published. */
export function AbsencesPage(v: AbsencesView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const base = `/staff/stations/${v.station.id}/roster`
  const errors = v.errors ?? {}
  return (
    <RosterShell station={v.station} tab="absences" title={t('roster.absences.title')}>
      <SavedNotice text={v.notice} />
      <p>{t('roster.absences.intro')}</p>
      {v.absences.length === 0 ? (
        <p>{t('roster.absences.none')}</p>
      ) : (
        <table id="roster-absences">
          <thead>
            <tr>
              <th scope="col">{t('roster.col.person')}</th>
              <th scope="col">{t('roster.col.dates')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {v.absences.map((a) => (
              <tr>
                <td>
                  <PersonName person={a.person} people={v.people} />
                </td>
                <td>{t('roster.range', { from: dateLabel(a.fromDate), to: dateLabel(a.toDate) })}</td>
                <td>
                  <PostButton
                    action={`${base}/absences/${a.id}/cancel`}
                    label={t('roster.absences.cancel')}
                    name={dateLabel(a.fromDate)}
                    buttonClass="button secondary"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="absence-form-title">{t('roster.absences.add')}</h2>
      <form
        method="post"
        action={`${base}/absences`}
        id="roster-absence-form"
        aria-labelledby="absence-form-title"
      >
        <CsrfField />
        <ErrorSummary errors={errors} />
        <SelectField
          name="person"
          label="roster.field.person"
          value={one(v.values, 'person')}
          options={usePersonOptions(v.candidates)}
          placeholder={t('roster.field.choose')}
          errors={errors}
          required
        />
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
    </RosterShell>
  )
}

/** The label of a swap status, one literal key each. */
export function SwapStatusLabel({ status }: { status: SwapStatus }) {
  const { t } = useI18n()
  const label = {
    open: () => t('roster.swap.status.open'),
    taken: () => t('roster.swap.status.taken'),
    approved: () => t('roster.swap.status.approved'),
    declined: () => t('roster.swap.status.declined'),
    cancelled: () => t('roster.swap.status.cancelled'),
    expired: () => t('roster.swap.status.expired'),
  }[status]()
  return <span class={`tag tag-swap-${status}`}>{label}</span>
}

export type SwapsView = {
  station: StationInfo
  swaps: readonly {
    id: number
    date: string
    slotCode: string
    from: PersonKey
    to: PersonKey | null
    status: SwapStatus
  }[]
  defs: readonly SlotNames[]
  people: PeopleMap
  /** The viewer's own roster keys: a swap they are part of is approved by someone else. */
  viewer: readonly PersonKey[]
  notice?: string
  problem?: string
}

/** Swap requests at a station; a clerk approves or declines the ones someone has taken. */
export function SwapsPage(v: SwapsView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const slotName = useSlotName(v.defs)
  const base = `/staff/stations/${v.station.id}/roster`
  const isParty = (s: { from: PersonKey; to: PersonKey | null }) =>
    v.viewer.includes(s.from) || (s.to !== null && v.viewer.includes(s.to))
  return (
    <RosterShell station={v.station} tab="swaps" title={t('roster.swaps.title')}>
      <SavedNotice text={v.notice} />
      <FormProblem text={v.problem} />
      <p>{t('roster.swaps.intro')}</p>
      {v.swaps.length === 0 ? (
        <p>{t('roster.swaps.none')}</p>
      ) : (
        <table id="roster-swaps">
          <thead>
            <tr>
              <th scope="col">{t('roster.col.date')}</th>
              <th scope="col">{t('roster.col.slot')}</th>
              <th scope="col">{t('roster.swaps.from')}</th>
              <th scope="col">{t('roster.swaps.to')}</th>
              <th scope="col">{t('roster.col.status')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {v.swaps.map((s) => (
              <tr id={`swap-${s.id}`}>
                <td>{dateLabel(s.date)}</td>
                <td>{slotName(s.slotCode)}</td>
                <td>
                  <PersonName person={s.from} people={v.people} />
                </td>
                <td>{s.to ? <PersonName person={s.to} people={v.people} /> : '—'}</td>
                <td>
                  <SwapStatusLabel status={s.status} />
                </td>
                <td>
                  {s.status === 'taken' ? (
                    <div class="actions">
                      {isParty(s) ? (
                        <p id={`swap-${s.id}-own`}>{t('roster.swaps.ownSwap')}</p>
                      ) : (
                        <form method="post" action={`${base}/swaps/${s.id}/approve`}>
                          <CsrfField />
                          <button type="submit">
                            {t('roster.swaps.approve')}
                            <span class="visually-hidden"> {dateLabel(s.date)}</span>
                          </button>
                        </form>
                      )}
                      <PostButton
                        action={`${base}/swaps/${s.id}/decline`}
                        label={t('roster.swaps.decline')}
                        name={dateLabel(s.date)}
                        buttonClass="button secondary"
                      />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </RosterShell>
  )
}
