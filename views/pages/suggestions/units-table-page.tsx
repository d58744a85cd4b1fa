import { GRADE_ORDER, type UnitFigures } from '../../../server/domain/suggestion-figures.ts'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { gradeLabel, percent } from '../followup/labels.ts'
import { FollowUpStyles } from '../followup/parts.tsx'
import { unitRoleLabel } from './suggestion-labels.ts'

export type UnitsTableRow = UnitFigures & { name: string }

/** Whose suggestions the table counts, said on the page. */
export type UnitsTableScope = 'all' | 'stations' | 'deputy'

export type UnitsTableProps = {
  year: number
  thisYear: number
  scope: UnitsTableScope
  rows: UnitsTableRow[]
  minSample: number
  error?: string
}

/**
 * The units' table for the deputies' annual review of the street's offices (基层站所评议): one
 * plain row per handling unit, every figure with its n, and what each column means underneath.
 */
export function UnitsTablePage(p: UnitsTableProps) {
  const { t } = useI18n()
  const scopeText =
    p.scope === 'all'
      ? t('suggestionRecords.units.scopeAll')
      : p.scope === 'stations'
        ? t('suggestionRecords.units.scopeStations')
        : t('suggestionRecords.units.scopeDeputy')
  return (
    <StaffLayout title={t('suggestionRecords.units.title')}>
      <FollowUpStyles />
      {p.error ? (
        <p class="notice notice-error" role="alert" id="units-error">
          {p.error}
        </p>
      ) : null}
      <p>{t('suggestionRecords.units.intro')}</p>
      <form method="get" action="/records/units" class="fu-filter" id="units-year">
        <div class="field">
          <label for="u-year">{t('suggestionRecords.units.year')}</label>
          <input
            type="number"
            id="u-year"
            name="year"
            value={String(p.year)}
            min="2000"
            max={String(p.thisYear)}
            required
          />
        </div>
        <button type="submit">{t('suggestionRecords.units.show')}</button>
      </form>
      <ul class="actions fu-quick">
        <li>
          <a href={`/records/units.csv?year=${p.year}`} id="units-csv" download>
            {t('suggestionRecords.units.csv')}
          </a>
        </li>
      </ul>
      <p id="units-scope">{scopeText}</p>
      {p.rows.length === 0 ? (
        <p id="units-none">{t('suggestionRecords.units.none')}</p>
      ) : (
        // Focusable, so a keyboard can scroll a table wider than the screen.
        <section class="table-scroll" tabindex={0} aria-labelledby="units-caption">
          <table class="fu-table" id="units-table">
            <caption id="units-caption">{t('suggestionRecords.units.caption', { year: p.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('suggestionRecords.units.colUnit')}</th>
                <th scope="col">{unitRoleLabel(t, 'lead')}</th>
                <th scope="col">{unitRoleLabel(t, 'assist')}</th>
                <th scope="col">{t('suggestionRecords.units.colReplies')}</th>
                <th scope="col">{t('suggestionRecords.onTime')}</th>
                {GRADE_ORDER.map((g) => (
                  <th scope="col" title={gradeLabel(t, g)}>
                    {t('suggestionRecords.units.colGrade', { grade: g })}
                  </th>
                ))}
                <th scope="col">{t('suggestionRecords.units.colOverdue')}</th>
                {/* Last: the one column that wraps (followup.css), so the table fits a desk screen. */}
                <th scope="col">{t('suggestion.field.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr id={`unit-row-${r.unitId}`}>
                  <th scope="row">{r.name}</th>
                  <td>{r.assigned.lead}</td>
                  <td>{r.assigned.assist}</td>
                  <td>{r.grades.total}</td>
                  <td>
                    {t('suggestionRecords.units.shareValue', {
                      share: percent(r.repliesOnTime.share),
                      n: r.repliesOnTime.count,
                      of: r.repliesOnTime.of,
                    })}
                  </td>
                  {GRADE_ORDER.map((g) => (
                    <td>{r.grades[g]}</td>
                  ))}
                  <td>{r.overdueNow}</td>
                  <td>
                    {t('suggestionRecords.units.satisfactionValue', {
                      rate: percent(r.satisfaction.rate),
                      n: r.satisfaction.sample,
                      a: r.satisfaction.satisfied,
                      b: r.satisfaction.basicallySatisfied,
                      c: r.satisfaction.unsatisfied,
                    })}
                    {r.satisfaction.ranked ? null : (
                      <>
                        {' '}
                        <span class="fu-badge" title={t('followup.record.smallSample', { min: p.minSample })}>
                          {t('followup.record.unranked')}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="units-explain-title" id="units-explain">
        <h2 id="units-explain-title">{t('suggestionRecords.units.explain')}</h2>
        <dl>
          <dt>
            {unitRoleLabel(t, 'lead')} / {unitRoleLabel(t, 'assist')}
          </dt>
          <dd>{t('suggestionRecords.units.explainAssigned')}</dd>
          <dt>{t('suggestionRecords.units.colReplies')}</dt>
          <dd>{t('suggestionRecords.units.explainReplies')}</dd>
          <dt>{t('suggestionRecords.onTime')}</dt>
          <dd>{t('suggestionRecords.units.explainOnTime')}</dd>
          <dt>{t('suggestion.field.grade')}</dt>
          <dd>{t('suggestionRecords.units.explainGrades')}</dd>
          <dt>{t('suggestionRecords.units.colOverdue')}</dt>
          <dd>{t('suggestionRecords.units.explainOverdue')}</dd>
          <dt>{t('suggestion.field.verdict')}</dt>
          <dd>{t('suggestionRecords.units.explainSatisfaction', { min: p.minSample })}</dd>
        </dl>
      </section>
    </StaffLayout>
  )
}
