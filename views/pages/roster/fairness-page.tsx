import type { DutyCount, FairnessRow } from '../../../server/domain/roster/fairness.ts'
import { useI18n } from '../../i18n/index.ts'
import { type PeopleMap, PersonName, RosterShell, type StationInfo } from './roster-shell.tsx'

export type FairnessView = {
  station: StationInfo
  quarter: string
  prevQuarter: string
  nextQuarter: string
  months: readonly string[]
  rows: readonly FairnessRow[]
  gaps: DutyCount
  people: PeopleMap
}

const Counts = ({ c }: { c: DutyCount }) => (
  <>
    <td class="num">{c.slots}</td>
    <td class="num">{c.weekend}</td>
    <td class="num">{c.evening}</td>
  </>
)

/** Slots held per person per month and for the quarter, weekend and evening slots counted apart. */
export function FairnessPage(v: FairnessView) {
  const { t, dateTime } = useI18n()
  const base = `/staff/stations/${v.station.id}/roster/fairness`
  const monthName = (m: string) =>
    dateTime(new Date(`${m}-15T12:00:00Z`), 'UTC', { year: 'numeric', month: 'long' })
  const periods = [...v.months.map(monthName), t('roster.fairness.quarterTotal')]
  const sub = () => (
    <>
      <th scope="col">{t('roster.fairness.slots')}</th>
      <th scope="col">{t('roster.fairness.weekend')}</th>
      <th scope="col">{t('roster.fairness.evening')}</th>
    </>
  )
  return (
    <RosterShell station={v.station} tab="fairness" title={t('roster.fairness.title')}>
      <p>{t('roster.fairness.intro')}</p>
      <nav class="roster-pager" aria-label={t('roster.fairness.pager')}>
        <a href={`${base}?quarter=${v.prevQuarter}`} rel="prev">
          {t('roster.fairness.prev')}
        </a>
        <a href={`${base}?quarter=${v.nextQuarter}`} rel="next">
          {t('roster.fairness.next')}
        </a>
      </nav>
      <div class="table-scroll">
        <table id="roster-fairness" class="roster-fairness">
          <caption>
            {t('roster.fairness.caption', {
              quarter: t('roster.fairness.quarterName', {
                year: v.quarter.slice(0, 4),
                q: v.quarter.slice(6),
              }),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowspan={2}>
                {t('roster.col.person')}
              </th>
              {periods.map((p) => (
                <th scope="colgroup" colspan={3}>
                  {p}
                </th>
              ))}
            </tr>
            <tr>{periods.map(sub)}</tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr>
                <th scope="row">
                  <PersonName person={r.person} people={v.people} />
                </th>
                {r.months.map((c) => (
                  <Counts c={c} />
                ))}
                <Counts c={r.total} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('roster.fairness.gaps')}</th>
              <td colspan={3 * v.months.length} />
              <Counts c={v.gaps} />
            </tr>
          </tfoot>
        </table>
      </div>
    </RosterShell>
  )
}
