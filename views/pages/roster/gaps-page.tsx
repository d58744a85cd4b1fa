import type { RosterSlot } from '../../../server/domain/roster/types.ts'
import { useI18n } from '../../i18n/index.ts'
import {
  type PeopleMap,
  PersonName,
  RosterShell,
  type SlotNames,
  type StationInfo,
  useDateLabel,
  useSlotName,
} from './roster-shell.tsx'

export type GapsView = {
  station: StationInfo
  from: string
  to: string
  gaps: readonly RosterSlot[]
  defs: readonly SlotNames[]
  people: PeopleMap
}

/** Why nobody is there: no rotation covers the slot, everyone was away, or the holder is away. */
function GapReason({ slot, people }: { slot: RosterSlot; people: PeopleMap }) {
  const { t } = useI18n()
  if (slot.absent && slot.person)
    return (
      <>
        <PersonName person={slot.person} people={people} /> {t('roster.gap.absent')}
      </>
    )
  if (slot.ruleId === null && slot.source === 'none') return <>{t('roster.gap.noRotation')}</>
  return <>{t('roster.gap.nobodyFree')}</>
}

/** Slots with nobody from today to the end of the publishing horizon, with a way to fill each. */
export function GapsPage(v: GapsView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const slotName = useSlotName(v.defs)
  const base = `/staff/stations/${v.station.id}/roster`
  return (
    <RosterShell station={v.station} tab="gaps" title={t('roster.gaps.title')}>
      <p>{t('roster.gaps.intro', { from: dateLabel(v.from), to: dateLabel(v.to) })}</p>
      {v.gaps.length === 0 ? (
        <p class="notice notice-ok" id="roster-no-gaps">
          {t('roster.gaps.none')}
        </p>
      ) : (
        <table id="roster-gaps">
          <caption class="visually-hidden">{t('roster.gaps.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.col.date')}</th>
              <th scope="col">{t('roster.col.slot')}</th>
              <th scope="col">{t('roster.col.reason')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {v.gaps.map((s) => (
              <tr data-slot={s.key}>
                <td>{dateLabel(s.date)}</td>
                <td>
                  {slotName(s.code)} {s.start}–{s.end}
                </td>
                <td>
                  <GapReason slot={s} people={v.people} />
                </td>
                <td>
                  <a
                    class="row-action"
                    href={`${base}/overrides?from=${s.date}&code=${encodeURIComponent(s.code)}`}
                  >
                    {t('roster.gaps.fill')}
                    <span class="visually-hidden">
                      {' '}
                      {dateLabel(s.date)} {slotName(s.code)}
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </RosterShell>
  )
}
