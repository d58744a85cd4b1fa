import { type Context, Hono } from 'hono'
import { DerivedCache } from '../../db/derived-cache.ts'
import {
  allClosures,
  calendarsByStation,
  deputiesOfStations,
  deputyById,
  deputyNames,
  followUpSettings,
  loadRecordRows,
  type RecordRows,
  type RecordScope,
  rowsOfDeputy,
  scopeStations,
  stationById,
  stationIdsOfStreet,
  streetById,
  streetsByIds,
} from '../../db/queries/followup.ts'
import { listStations } from '../../db/queries/stations.ts'
import type { I18n } from '../../views/i18n/index.ts'
import { CoverageCountsBlock } from '../../views/pages/coverage/record-coverage.tsx'
import { RecordPage, type RecordRow, RecordsIndexPage } from '../../views/pages/followup/record-page.tsx'
import { SuggestionRecordBlock } from '../../views/pages/suggestions/suggestion-figures-block.tsx'
import { renderPage } from '../../views/render.tsx'
import { type CoverageCounts, coverageCounts } from '../coverage-figures.ts'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { spreadsheetCsv, spreadsheetNumber, spreadsheetText } from '../domain/csv/spreadsheet-cell.ts'
import { computeRecord, type DeputyRecord, rankBySatisfaction } from '../domain/deputy-record.ts'
import type { SuggestionFigures } from '../domain/suggestion-figures.ts'
import { isRealDate, localDate, MAX_WINDOW_DAYS } from '../domain/time.ts'
import { addDays, daysBetween, monthRange } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { respond } from '../middleware/response-headers.ts'
import { recordSuggestionFigures } from '../suggestion-record-figures.ts'
import { idParam, parseId } from '../validation.ts'

/** A record covers at most a year and a day, so a page stays quick to compute. */

type Period = { from: string; to: string }

/** The period asked for, the current month when none; an error key when it makes no sense. */
export function parsePeriod(
  query: { from?: string; to?: string },
  today: string,
): { period: Period; error?: 'followup.error.period' } {
  const { first, last } = monthRange(today.slice(0, 7))
  const fallback = { from: first, to: last }
  if (!query.from && !query.to) return { period: fallback }
  const { from = '', to = '' } = query
  if (!isRealDate(from) || !isRealDate(to) || from > to || daysBetween(from, to) > MAX_WINDOW_DAYS)
    return { period: fallback, error: 'followup.error.period' }
  return { period: { from, to } }
}

/** Staff see their stations' records and those stations' deputies; deputies their own. */
function mayOpen(db: AppDeps['db'], account: Account, scope: RecordScope): boolean {
  if (account.role === 'admin') return true
  if (account.role === 'deputy') return scope.kind === 'deputy' && scope.id === account.deputyId
  if (scope.kind === 'station') return account.stationIds.includes(scope.id)
  if (scope.kind === 'street') {
    return stationIdsOfStreet(db, scope.id).some((id) => account.stationIds.includes(id))
  }
  return deputiesOfStations(db, account.stationIds).some((d) => d.id === scope.id)
}

/** What a record counts: concerns, their events and tickets, over stations, streets and the calendar. */
const RECORD_TABLES = [
  'streets',
  'stations',
  'deputies',
  'closures',
  'settings',
  'station_presence',
  'reception_sessions',
  'concerns',
  'concern_events',
  'queue_tickets',
  // Coverage of places (issue 17) joins the record.
  'districts',
  'deputy_districts',
  'places',
  'visits',
  'visit_deputies',
  'reception_bookings',
] as const

/**
 * Computed records by scope, period, date and language, kept until a concern, event, ticket or
 * schedule row one of them reads is written. Reading a record runs a dozen queries over a
 * deputy's whole history; managers and deputies open the same few records again and again.
 */
const computed = new DerivedCache<ComputedRecord | null>(RECORD_TABLES, {
  name: 'computed records',
  max: 500,
})

type ComputedRecord = {
  info: { name: string; deputies: ReturnType<typeof deputiesOfStations> | null }
  record: DeputyRecord
  perDeputy: RecordRow[] | undefined
  minSample: number
  coverage: CoverageCounts
  /** Per deputy of a station or street, by deputy id. */
  deputyCoverage: Map<number, CoverageCounts>
}

/**
 * Deputy records (履职档案) computed from events (server/domain/deputy-record.ts): per deputy,
 * station and street for a chosen period, with charts and a CSV export.
 */
export function recordRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const today = () => localDate(clock.now(), deps.config.defaultTimeZone)

  const compute = (rows: RecordRows, period: Period, minSample: number): DeputyRecord => {
    const calendar = calendarsByStation(allClosures(db))
    return computeRecord({ ...rows, calendar, period, today: today(), minSatisfactionSample: minSample })
  }

  /** The scope's name and, for a station or street, its deputies' rows. */
  const describe = (i18n: I18n, scope: RecordScope) => {
    if (scope.kind === 'deputy') {
      const d = deputyById(db, scope.id)
      return d ? { name: d.name, deputies: null } : null
    }
    const row = scope.kind === 'station' ? stationById(db, scope.id) : streetById(db, scope.id)
    if (!row) return null
    const stationIds = scope.kind === 'station' ? [scope.id] : stationIdsOfStreet(db, scope.id)
    return { name: i18n.name(row), deputies: deputiesOfStations(db, stationIds) }
  }

  /** The record of a scope over a period; null when the scope does not exist. */
  const computeScope = (i18n: I18n, scope: RecordScope, period: Period): ComputedRecord | null => {
    const info = describe(i18n, scope)
    if (!info) return null
    const settings = followUpSettings(db)
    const minSample = settings.minSatisfactionSample
    const rows = loadRecordRows(db, scope, period)
    const half = { from: period.from, to: addDays(period.to, 1) }
    const coverage = coverageCounts(
      db,
      scope.kind === 'deputy' ? { deputyId: scope.id } : { stationIds: scopeStations(db, scope) ?? [] },
      half,
      today(),
      settings,
    )
    const deputyCoverage = new Map(
      (info.deputies ?? []).map((d) => [
        d.id,
        coverageCounts(db, { deputyId: d.id }, half, today(), settings),
      ]),
    )
    const record = compute(rows, period, minSample)
    const perDeputy: RecordRow[] | undefined = info.deputies
      ? rankBySatisfaction(
          info.deputies.map((d) => ({
            id: d.id,
            name: d.name,
            record: compute(rowsOfDeputy(rows, d.id), period, minSample),
          })),
        ).map((r) => ({ id: r.id, name: r.name, record: r.record, rank: r.rank }))
      : undefined
    return { info, record, perDeputy, minSample, coverage, deputyCoverage }
  }

  const build = (c: Context<AppEnv>, scope: RecordScope) => {
    const i18n = c.get('i18n')
    const asOf = today()
    const asked = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, asOf)
    const { period } = asked
    const key = `${scope.kind}:${scope.id}|${period.from}|${period.to}|${asOf}|${i18n.locale}`
    const b = computed.get(db, key, () => computeScope(i18n, scope, period))
    if (!b) return { ok: false as const, res: rejectRequest(c, 404, 'error.notFound.body') }
    const account = c.get('account')!
    if (!mayOpen(db, account, scope))
      return { ok: false as const, res: rejectRequest(c, 403, 'followup.error.forbidden') }
    return {
      ok: true as const,
      ...b,
      perDeputy: visibleDeputies(account, b.perDeputy),
      period,
      error: asked.error,
    }
  }

  /**
   * A street's per-deputy rows, for staff only their own stations' deputies, ranked among
   * themselves: a clerk of one station does not see another station's deputies' figures (or
   * their places in a ranking). The street's totals stay, as its stations' counts are public.
   */
  const visibleDeputies = (account: Account, rows: RecordRow[] | undefined) => {
    if (!rows || account.role === 'admin') return rows
    const own = new Set(deputiesOfStations(db, account.stationIds).map((d) => d.id))
    if (rows.every((r) => own.has(r.id))) return rows
    return rankBySatisfaction(rows.filter((r) => own.has(r.id)).map(({ rank: _, ...r }) => r))
  }

  const page = (c: Context<AppEnv>, scope: RecordScope, path: string) => {
    const b = build(c, scope)
    if (!b.ok) return b.res
    const { t } = c.get('i18n')
    const heading =
      scope.kind === 'deputy'
        ? t('followup.record.deputyTitle', { name: b.info.name })
        : t('followup.record.placeTitle', { name: b.info.name })
    const now = today()
    const month = monthRange(now.slice(0, 7))
    const lastMonth = monthRange(addDays(month.first, -1).slice(0, 7))
    const q = `from=${b.period.from}&to=${b.period.to}`
    const sg = recordSuggestionFigures(
      db,
      scope,
      b.period,
      b.minSample,
      (b.perDeputy ?? []).map((r) => r.id),
    )
    return renderPage(
      c,
      <RecordPage
        heading={heading}
        base={path}
        period={b.period}
        record={b.record}
        perDeputy={b.perDeputy}
        csvHref={`/records/export.csv?scope=${scope.kind}&id=${scope.id}&${q}`}
        quick={[
          { label: t('followup.record.thisMonth'), from: month.first, to: month.last },
          { label: t('followup.record.lastMonth'), from: lastMonth.first, to: lastMonth.last },
          {
            label: t('followup.record.thisYear'),
            from: `${now.slice(0, 4)}-01-01`,
            to: `${now.slice(0, 4)}-12-31`,
          },
        ]}
        minSample={b.minSample}
        error={b.error ? t(b.error) : undefined}
        suggestions={
          <SuggestionRecordBlock
            f={sg.figures}
            minSample={b.minSample}
            unitsHref={`/records/units?year=${b.period.to.slice(0, 4)}`}
          />
        }
        suggestionCounts={sg.byDeputy}
        coverage={
          <CoverageCountsBlock
            c={b.coverage}
            unreachedDays={followUpSettings(db).unreachedDays}
            href={scope.kind === 'deputy' ? `/coverage/deputy/${scope.id}?${q}` : undefined}
          />
        }
      />,
      b.error ? 422 : 200,
    )
  }

  app.get('/records', (c) => {
    const account = c.get('account')!
    if (account.role === 'deputy') return c.redirect('/records/me', 302)
    const { name } = c.get('i18n')
    const stationRows =
      account.role === 'admin'
        ? listStations(db)
        : account.stationIds.length
          ? listStations(db, account.stationIds)
          : []
    const streetIds = [...new Set(stationRows.map((s) => s.streetId))]
    const streetRows = streetsByIds(db, streetIds)
    const deputyRows = account.role === 'admin' ? deputyNames(db) : deputiesOfStations(db, account.stationIds)
    return renderPage(
      c,
      <RecordsIndexPage
        deputies={deputyRows.map((d) => ({ id: d.id, name: d.name }))}
        stations={stationRows.map((s) => ({ id: s.id, name: name(s) }))}
        streets={streetRows.map((s) => ({ id: s.id, name: name(s) }))}
      />,
    )
  })

  app.get('/records/me', (c) => {
    const account = c.get('account')!
    if (account.role !== 'deputy' || account.deputyId === null) return c.redirect('/records', 302)
    return c.redirect(`/records/deputies/${account.deputyId}`, 302)
  })

  app.get('/records/deputies/:id{[0-9]+}', (c) =>
    page(c, { kind: 'deputy', id: idParam(c) ?? 0 }, c.req.path),
  )
  app.get('/records/stations/:id{[0-9]+}', (c) =>
    page(c, { kind: 'station', id: idParam(c) ?? 0 }, c.req.path),
  )
  app.get('/records/streets/:id{[0-9]+}', (c) => page(c, { kind: 'street', id: idParam(c) ?? 0 }, c.req.path))

  app.get('/records/export.csv', (c) => {
    const kind = c.req.query('scope')
    const id = parseId(c.req.query('id')) ?? 0
    if (kind !== 'deputy' && kind !== 'station' && kind !== 'street')
      return rejectRequest(c, 404, 'error.notFound.body')
    const scope = { kind, id } as RecordScope
    const b = build(c, scope)
    if (!b.ok) return b.res
    if (b.error) return rejectRequest(c, 422, b.error)
    const sg = recordSuggestionFigures(
      db,
      scope,
      b.period,
      b.minSample,
      (b.perDeputy ?? []).map((r) => r.id),
    )
    const lines = [CSV_HEADER.join(',')]
    for (const row of b.perDeputy ?? [])
      lines.push(
        csvRow(
          'deputy',
          row.id,
          row.name,
          row.record,
          row.rank,
          b.deputyCoverage.get(row.id),
          sg.byDeputy.get(row.id),
        ),
      )
    lines.push(csvRow(kind, id, b.info.name, b.record, null, b.coverage, sg.figures))
    return respond(c, spreadsheetCsv(lines), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="record-${kind}-${id}-${b.period.from}-${b.period.to}.csv"`,
    })
  })

  return app
}

export const CSV_HEADER = [
  'scope',
  'id',
  'name',
  'from',
  'to',
  'as_of',
  'receptions_scheduled',
  'reception_days_held',
  'scheduled_days_held',
  'residents_received',
  'concerns_received',
  'median_working_days_to_first_response',
  'first_responses',
  'awaiting_first_response',
  'finished',
  'finished_within_deadline',
  'share_within_deadline',
  'verdicts',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'satisfaction_rate',
  'ranked',
  'rank',
  'judged_concerns',
  'reopened_concerns',
  'reopen_rate',
  'open_concerns',
  'open_without_update_30_days',
  'stale_share',
  // Residents' concerns the deputy took up into a suggestion (status 'suggestion'), not suggestions.
  'concerns_to_suggestions',
  'no_show_no_contact',
  'coverage_places',
  'coverage_places_reached',
  'coverage_places_unreached',
  'coverage_contacts',
  'visits_planned',
  'visits_held',
  'visits_cancelled',
  'contacts_share_top_place',
  'contacts_share_own_places',
  // Deputies' suggestions (issue 18; server/domain/suggestion-figures.ts): each share with its n.
  'suggestions_led',
  'suggestions_cosigned',
  'quality_first_pass',
  'quality_first_pass_n',
  'quality_first_pass_share',
  'suggestion_replies',
  'suggestion_grade_a',
  'suggestion_grade_b',
  'suggestion_grade_c',
  'suggestion_grade_d',
  'replies_on_time',
  'replies_on_time_n',
  'replies_on_time_share',
  'deputy_verdict_satisfied',
  'deputy_verdict_basically_satisfied',
  'deputy_verdict_unsatisfied',
  'deputy_satisfied_n',
  'deputy_satisfied_share',
  'suggestions_rehandled',
]

function csvRow(
  scope: string,
  id: number,
  name: string,
  r: DeputyRecord,
  rank: number | null,
  cov: CoverageCounts | undefined,
  sg: SuggestionFigures | undefined,
): string {
  return [
    scope,
    String(id),
    spreadsheetText(name),
    r.period.from,
    r.period.to,
    r.period.asOf,
    r.receptions.scheduled,
    r.receptions.held,
    r.receptions.heldScheduled,
    r.residentsReceived,
    r.concernsReceived,
    spreadsheetNumber(r.firstResponse.medianWorkingDays),
    r.firstResponse.responded,
    r.firstResponse.waiting,
    r.closedWithinDeadline.of,
    r.closedWithinDeadline.count,
    spreadsheetNumber(r.closedWithinDeadline.share),
    r.satisfaction.sample,
    r.satisfaction.satisfied,
    r.satisfaction.basicallySatisfied,
    r.satisfaction.unsatisfied,
    spreadsheetNumber(r.satisfaction.rate),
    r.satisfaction.ranked ? 'yes' : 'no',
    rank === null ? '' : String(rank),
    r.reopened.of,
    r.reopened.count,
    spreadsheetNumber(r.reopened.share),
    r.staleOpen.of,
    r.staleOpen.count,
    spreadsheetNumber(r.staleOpen.share),
    r.formalSuggestions,
    r.noShowNoContact,
    cov?.places ?? '',
    cov?.placesReached ?? '',
    cov?.unreached ?? '',
    cov?.contacts ?? '',
    cov?.visits.planned ?? '',
    cov?.visits.held ?? '',
    cov?.visits.cancelled ?? '',
    spreadsheetNumber(cov?.topPlaceShare ?? null),
    spreadsheetNumber(cov?.ownPlacesShare ?? null),
    ...(sg ? suggestionCells(sg) : SUGGESTION_COLUMNS.map(() => '')),
  ].join(',')
}

const SUGGESTION_COLUMNS = CSV_HEADER.slice(CSV_HEADER.indexOf('suggestions_led'))

function suggestionCells(f: SuggestionFigures): (string | number)[] {
  return [
    f.led,
    f.cosigned,
    f.qualityFirstPass.count,
    f.qualityFirstPass.of,
    spreadsheetNumber(f.qualityFirstPass.share),
    f.grades.total,
    f.grades.A,
    f.grades.B,
    f.grades.C,
    f.grades.D,
    f.repliesOnTime.count,
    f.repliesOnTime.of,
    spreadsheetNumber(f.repliesOnTime.share),
    f.satisfaction.satisfied,
    f.satisfaction.basicallySatisfied,
    f.satisfaction.unsatisfied,
    f.satisfaction.sample,
    spreadsheetNumber(f.satisfaction.rate),
    f.rehandled,
  ]
}
