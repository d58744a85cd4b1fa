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

export type MonthView = {
  station: StationInfo
  month: string
  prevMonth: string
  nextMonth: string
  /** Weeks of the grid, Monday first; null for days outside the month. */
  weeks: (string | null)[][]
  slots: readonly RosterSlot[]
  closures: ReadonlyMap<string, { kind: string; name: string }>
  defs: readonly SlotNames[]
  people: PeopleMap
  publishedThrough: string | null
  today: string
}

/** Why a slot is marked: the highest precedence that decided it, or that nobody holds it. */
export function SlotTags({ slot, today }: { slot: RosterSlot; today: string }) {
  const { t } = useI18n()
  const tags: [string, string][] = []
  if (slot.source === 'override') tags.push(['override', t('roster.tag.override')])
  if (slot.source === 'swap') tags.push(['swap', t('roster.tag.swap')])
  if (slot.source === 'substitute') tags.push(['substitute', t('roster.tag.substitute')])
  // Gaps and absences are flagged ahead of time; a past day only says who was there.
  const ahead = slot.date >= today
  if (slot.absent && ahead) tags.push(['absent', t('roster.tag.absent')])
  if (slot.gap && ahead) tags.push(['gap', t('roster.tag.gap')])
  if (!slot.published && slot.date >= today) tags.push(['draft', t('roster.tag.draft')])
  return (
    <>
      {tags.map(([kind, label]) => (
        <span class={`tag tag-${kind}`}>{label}</span>
      ))}
    </>
  )
}

/** The month grid of one station: every open slot and who holds it; prints on one A4 page. */
export function MonthPage(v: MonthView) {
  const { t, dateTime } = useI18n()
  const dateLabel = useDateLabel()
  const slotName = useSlotName(v.defs)
  const base = `/staff/stations/${v.station.id}/roster`
  const monthTitle = dateTime(new Date(`${v.month}-15T12:00:00Z`), 'UTC', { year: 'numeric', month: 'long' })
  const byDate = new Map<string, RosterSlot[]>()
  for (const s of v.slots) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s])
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) =>
    dateTime(new Date(Date.UTC(2026, 10, 22 + d, 12)), 'UTC', { weekday: 'short' }),
  )
  return (
    <RosterShell station={v.station} tab="month" title={t('roster.month.title')}>
      <div class="roster-month-head">
        <p class="roster-published" id="roster-published">
          {v.publishedThrough
            ? t('roster.published.through', { date: dateLabel(v.publishedThrough) })
            : t('roster.published.never')}
        </p>
        <nav class="roster-pager no-print" aria-label={t('roster.month.pager')}>
          <a href={`${base}?month=${v.prevMonth}`} rel="prev">
            {t('roster.month.prev')}
          </a>
          <a href={`${base}?month=${v.nextMonth}`} rel="next">
            {t('roster.month.next')}
          </a>
        </nav>
      </div>
      <p class="hint no-print">{t('roster.month.printHint')}</p>
      <table class="roster-month" id="roster-month">
        <caption>{t('roster.month.caption', { month: monthTitle, station: v.station.name })}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th scope="col">{w}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.weeks.map((week) => (
            <tr>
              {week.map((date) => {
                if (!date) return <td class="roster-day outside" />
                const closure = v.closures.get(date)
                const slots = byDate.get(date) ?? []
                const cls = [
                  'roster-day',
                  date === v.today ? 'today' : '',
                  closure?.kind === 'workday' ? 'makeup' : '',
                ]
                return (
                  <td class={cls.filter(Boolean).join(' ')} id={`day-${date}`}>
                    <p class="roster-date">
                      <span aria-hidden="true">{Number(date.slice(8))}</span>
                      <span class="visually-hidden">{dateLabel(date)}</span>
                      {date === v.today ? <span class="tag tag-today">{t('roster.today')}</span> : null}
                    </p>
                    {closure ? (
                      <p class="roster-closure">
                        {closure.kind === 'workday'
                          ? t('roster.closure.workday', { name: closure.name })
                          : t('roster.closure.closed', { name: closure.name })}
                      </p>
                    ) : null}
                    {slots.length ? (
                      <ul class="roster-slots">
                        {slots.map((s) => (
                          <li
                            class={s.gap && s.date >= v.today ? 'roster-slot gap' : 'roster-slot'}
                            data-slot={s.key}
                          >
                            <span class="slot-name">{slotName(s.code)}</span>{' '}
                            <span class="slot-time">
                              {s.start}–{s.end}
                            </span>{' '}
                            <span class="slot-person">
                              <PersonName person={s.person} people={v.people} />
                            </span>{' '}
                            <SlotTags slot={s} today={v.today} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section class="roster-legend" aria-labelledby="legend-title">
        <h2 id="legend-title">{t('roster.legend.title')}</h2>
        <dl>
          <dt>
            <span class="tag tag-override">{t('roster.tag.override')}</span>
          </dt>
          <dd>{t('roster.legend.override')}</dd>
          <dt>
            <span class="tag tag-swap">{t('roster.tag.swap')}</span>
          </dt>
          <dd>{t('roster.legend.swap')}</dd>
          <dt>
            <span class="tag tag-substitute">{t('roster.tag.substitute')}</span>
          </dt>
          <dd>{t('roster.legend.substitute')}</dd>
          <dt>
            <span class="tag tag-absent">{t('roster.tag.absent')}</span>
          </dt>
          <dd>{t('roster.legend.absent')}</dd>
          <dt>
            <span class="tag tag-gap">{t('roster.tag.gap')}</span>
          </dt>
          <dd>{t('roster.legend.gap')}</dd>
          <dt>
            <span class="tag tag-draft">{t('roster.tag.draft')}</span>
          </dt>
          <dd>{t('roster.legend.draft')}</dd>
        </dl>
      </section>
    </RosterShell>
  )
}
