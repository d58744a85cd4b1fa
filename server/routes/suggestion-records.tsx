import { type Context, Hono } from 'hono'
import { followUpSettings } from '../../db/queries/followup.ts'
import { loadSuggestionFigureRows, unitsByIds } from '../../db/queries/suggestion-figures.ts'
import { UnitsTablePage, type UnitsTableRow } from '../../views/pages/suggestions/units-table-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { spreadsheetCsv, spreadsheetNumber, spreadsheetText } from '../domain/csv/spreadsheet-cell.ts'
import { unitFigures } from '../domain/suggestion-figures.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { respond } from '../middleware/response-headers.ts'
import { figureScopeOfAccount } from '../suggestion-record-figures.ts'
import { parseWhole } from '../validation.ts'

/** The first year the units' table offers. */
const FIRST_YEAR = 2000

/**
 * The units' table for the deputies' annual review of the street's offices (基层站所评议), on
 * /records/units and as CSV. It is about public bodies, so deputies and staff both see it, each
 * over the suggestions they may see (server/suggestion-record-figures.ts).
 */
export function suggestionRecordRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const today = () => localDate(clock.now(), deps.config.defaultTimeZone)

  /** The year asked for (this year when none), or null when it makes no sense. */
  const yearOf = (c: Context<AppEnv>, thisYear: number): number | null => {
    const raw = c.req.query('year')
    if (raw === undefined || raw === '') return thisYear
    const y = parseWhole(raw)
    return y !== null && y >= FIRST_YEAR && y <= thisYear ? y : null
  }

  const table = (c: Context<AppEnv>, year: number) => {
    const account = c.get('account')!
    const scope = figureScopeOfAccount(account)
    const minSample = followUpSettings(db).minSatisfactionSample
    const figures = unitFigures(
      loadSuggestionFigureRows(db, scope),
      { from: `${year}-01-01`, to: `${year}-12-31` },
      today(),
      minSample,
    )
    const { name } = c.get('i18n')
    const names = new Map(
      unitsByIds(
        db,
        figures.map((u) => u.unitId),
      ).map((u) => [u.id, name(u)]),
    )
    const rows: UnitsTableRow[] = figures
      .map((u) => ({ ...u, name: names.get(u.unitId) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
    return { scope: scope.kind, rows, minSample }
  }

  app.get('/records/units', (c) => {
    const thisYear = Number(today().slice(0, 4))
    const asked = yearOf(c, thisYear)
    const year = asked ?? thisYear
    const b = table(c, year)
    const { t } = c.get('i18n')
    return renderPage(
      c,
      <UnitsTablePage
        year={year}
        thisYear={thisYear}
        scope={b.scope}
        rows={b.rows}
        minSample={b.minSample}
        error={asked === null ? t('suggestionRecords.units.badYear') : undefined}
      />,
      asked === null ? 422 : 200,
    )
  })

  app.get('/records/units.csv', (c) => {
    const thisYear = Number(today().slice(0, 4))
    const year = yearOf(c, thisYear)
    if (year === null) return rejectRequest(c, 422, 'suggestionRecords.units.badYear')
    const b = table(c, year)
    const lines = [UNITS_CSV_HEADER.join(',')]
    for (const r of b.rows)
      lines.push(
        [
          String(r.unitId),
          spreadsheetText(r.name),
          String(year),
          r.assigned.lead,
          r.assigned.assist,
          r.grades.total,
          r.repliesOnTime.of,
          r.repliesOnTime.count,
          spreadsheetNumber(r.repliesOnTime.share),
          r.grades.A,
          r.grades.B,
          r.grades.C,
          r.grades.D,
          r.satisfaction.sample,
          r.satisfaction.satisfied,
          r.satisfaction.basicallySatisfied,
          r.satisfaction.unsatisfied,
          spreadsheetNumber(r.satisfaction.rate),
          r.satisfaction.ranked ? 'yes' : 'no',
          r.overdueNow,
        ].join(','),
      )
    return respond(c, spreadsheetCsv(lines), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="units-${year}.csv"`,
    })
  })

  return app
}

export const UNITS_CSV_HEADER = [
  'unit_id',
  'unit',
  'year',
  'assigned_as_lead',
  'assigned_as_assist',
  'replies',
  'replies_with_due_date',
  'replies_on_time',
  'replies_on_time_share',
  'grade_a',
  'grade_b',
  'grade_c',
  'grade_d',
  'deputy_verdicts',
  'deputy_satisfied',
  'deputy_basically_satisfied',
  'deputy_unsatisfied',
  'deputy_satisfied_share',
  'deputy_satisfaction_ranked',
  'overdue_now',
]
