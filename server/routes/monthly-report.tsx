import { Hono } from 'hono'
import {
  allClosures,
  calendarsByStation,
  followUpSettings,
  loadRecordRows,
  publicExamples,
  receivedByTopic,
} from '../../db/queries/followup.ts'
import { findStation } from '../../db/queries/stations.ts'
import { suggestionRef } from '../../db/queries/suggestions.ts'
import { CoverageCountsBlock } from '../../views/pages/coverage/record-coverage.tsx'
import { MonthlyReportPage } from '../../views/pages/followup/report-page.tsx'
import { SuggestionMonthBlock } from '../../views/pages/suggestions/suggestion-figures-block.tsx'
import { renderPage } from '../../views/render.tsx'
import { coverageCounts } from '../coverage-figures.ts'
import type { AppDeps } from '../deps.ts'
import { computeRecord } from '../domain/deputy-record.ts'
import { isMonth, localDate } from '../domain/time.ts'
import { addDays, monthRange } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { recordSuggestionFigures } from '../suggestion-record-figures.ts'
import { idParam } from '../validation.ts'

/**
 * The public monthly report of a station (/reports/stations/:id/:month): open to anyone, as the
 * access table says, because it holds only counts, shares and summaries written for the public.
 */
export function monthlyReportRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  app.get('/reports/stations/:id{[0-9]+}', (c) => {
    const station = findStation(db, idParam(c) ?? 0)
    if (!station) return rejectRequest(c, 404, 'error.notFound.body')
    const month = localDate(clock.now(), station.timeZone).slice(0, 7)
    return c.redirect(
      `/reports/stations/${station.id}/${month}${c.req.query('board') ? '?board=1' : ''}`,
      302,
    )
  })

  app.get('/reports/stations/:id{[0-9]+}/:month', (c) => {
    const station = findStation(db, idParam(c) ?? 0)
    if (!station) return rejectRequest(c, 404, 'error.notFound.body')
    const month = c.req.param('month')
    const today = localDate(clock.now(), station.timeZone)
    if (!isMonth(month) || month > today.slice(0, 7)) return rejectRequest(c, 404, 'followup.error.month')
    const { first, last } = monthRange(month)
    const period = { from: first, to: last }
    const rows = loadRecordRows(db, { kind: 'station', id: station.id }, period)
    const settings = followUpSettings(db)
    const coverage = coverageCounts(
      db,
      { stationIds: [station.id] },
      { from: first, to: addDays(last, 1) },
      today,
      settings,
    )
    const record = computeRecord({
      ...rows,
      calendar: calendarsByStation(allClosures(db)),
      period,
      today,
      minSatisfactionSample: followUpSettings(db).minSatisfactionSample,
    })
    const { name } = c.get('i18n')
    const next = addDays(last, 1).slice(0, 7)
    const sg = recordSuggestionFigures(
      db,
      { kind: 'station', id: station.id },
      period,
      settings.minSatisfactionSample,
    )
    const closed = new Set(sg.figures.ids.closed)
    return renderPage(
      c,
      <MonthlyReportPage
        board={c.req.query('board') === '1'}
        coverage={<CoverageCountsBlock c={coverage} unreachedDays={settings.unreachedDays} public />}
        suggestions={
          <SuggestionMonthBlock
            f={sg.figures}
            closed={sg.rows.suggestions
              .filter((s) => closed.has(s.id))
              .map((s) => ({ id: s.id, ref: suggestionRef(s), title: s.title }))}
          />
        }
        report={{
          stationId: station.id,
          stationName: name(station),
          month,
          prevMonth: addDays(first, -1).slice(0, 7),
          nextMonth: next <= today.slice(0, 7) ? next : null,
          record,
          byTopic: receivedByTopic(db, station.id, first, last).map((x) => ({
            topic: name(x.topic),
            n: x.n,
          })),
          examples: publicExamples(db, station.id, record.concernIds.finished).map((e) => ({
            topic: name(e.topic),
            summary: e.summary,
            grade: e.grade,
          })),
        }}
      />,
    )
  })

  return app
}
