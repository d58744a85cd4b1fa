import { type Context, Hono } from 'hono'
import { listUnits } from '../../db/queries/admin-catalogue.ts'
import { findStation, listStations } from '../../db/queries/stations.ts'
import {
  countSuggestions,
  evidenceSpan,
  listPublicSuggestions,
  type PublicSuggestion,
  publicSuggestion,
  suggestionYears,
} from '../../db/queries/suggestion-public.ts'
import {
  loadSuggestion,
  suggestionActionList,
  suggestionRef,
  suggestionTimeline,
} from '../../db/queries/suggestions.ts'
import { SuggestionPrintPage } from '../../views/pages/suggestions/print-page.tsx'
import { PublicSuggestionListPage } from '../../views/pages/suggestions/public-list-page.tsx'
import { PublicSuggestionPage } from '../../views/pages/suggestions/public-suggestion-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { spreadsheetCsv, spreadsheetText } from '../domain/csv/spreadsheet-cell.ts'
import { isStreetOffice, maySeeSuggestion } from '../domain/suggestion-access.ts'
import { FILED_SUGGESTION_STATUSES } from '../domain/suggestion-lifecycle.ts'
import {
  isPublicSuggestionEvent,
  PUBLIC_STATUS_GROUPS,
  replyOnTime,
  statusesOfGroup,
} from '../domain/suggestion-public.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { respond } from '../middleware/response-headers.ts'
import { qrSvg } from '../qr-svg.ts'
import { idParam, parseId } from '../validation.ts'

/** Rows on one page of the public list: enough to scroll, small enough for a phone on 4G. */
export const PUBLIC_PAGE_SIZE = 15

const isFiled = (s: { status: PublicSuggestion['status'] }) => FILED_SUGGESTION_STATUSES.includes(s.status)

/**
 * Stations whose suggestions a staff member exports: the street office's staff and admins every
 * station of the streets they serve (admins: all); other staff their own stations.
 */
function exportStations(db: AppDeps['db'], a: Account): number[] | null {
  if (a.role === 'admin') return null
  const all = listStations(db)
  if (!isStreetOffice(a)) return a.stationIds
  const streets = new Set(all.filter((s) => a.stationIds.includes(s.id)).map((s) => s.streetId))
  return all.filter((s) => streets.has(s.streetId)).map((s) => s.id)
}

export const SUGGESTION_CSV_HEADER = [
  'ref',
  'title',
  'kind',
  'lead_deputy',
  'cosigners_confirmed',
  'status',
  'units',
  'submitted_on',
  'due_on',
  'replies',
  'replies_on_time',
  'verdict',
  'closed_on',
  'linked_concerns',
]

/** One CSV line: several units or replies share a cell, separated by "; " in the units' order. */
function csvLine(s: PublicSuggestion): string {
  const day = (d: Date | null) => (d ? localDate(d, s.timeZone) : '')
  const unitName = new Map(s.units.map((u) => [u.unitId, u.nameZhHans]))
  // The latest round's reply per unit: what the handling came to.
  const latest = new Map(s.replies.map((r) => [r.unitId, r]))
  const replies = [...latest.values()]
  return [
    suggestionRef(s) ?? '',
    spreadsheetText(s.title),
    s.kind,
    spreadsheetText(s.leadDeputyName),
    spreadsheetText(s.cosignerNames.join('; ')),
    s.status,
    spreadsheetText(s.units.map((u) => `${u.nameZhHans} (${u.role})`).join('; ')),
    day(s.submittedAt),
    s.dueOn ?? '',
    spreadsheetText(
      replies.map((r) => `${unitName.get(r.unitId) ?? r.unitId}: ${r.grade} ${r.repliedOn}`).join('; '),
    ),
    spreadsheetText(
      replies
        .map((r) => {
          const onTime = replyOnTime(r)
          return `${unitName.get(r.unitId) ?? r.unitId}: ${onTime === null ? '' : onTime ? 'yes' : 'no'}`
        })
        .join('; '),
    ),
    s.verdict ?? '',
    s.status === 'closed' ? day(s.closedAt) : '',
    String(s.concernCount),
  ].join(',')
}

/**
 * Suggestions in public and on paper (issue 18 item 6): the residents' list and page under /m/
 * (filed suggestions only, no resident's data), the A4 print and the staff's CSV export.
 */
export function suggestionPublicRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()
  const shareImage = (c: Context<AppEnv>) => `${publicOrigin(c)}/m/share.png`

  app.get('/m/suggestions', (c) => {
    const status = c.req.query('status')
    const group = PUBLIC_STATUS_GROUPS.find((g) => g === status) ?? null
    const years = suggestionYears(db, FILED_SUGGESTION_STATUSES)
    const asked = parseId(c.req.query('year'))
    const year = asked !== null && years.includes(asked) ? asked : null
    const filter = { statuses: statusesOfGroup(group), year }
    const total = countSuggestions(db, filter)
    const pages = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE))
    const page = Math.min(parseId(c.req.query('page')) ?? 1, pages) || 1
    const items = listPublicSuggestions(db, filter, {
      limit: PUBLIC_PAGE_SIZE,
      offset: (page - 1) * PUBLIC_PAGE_SIZE,
    })
    return renderPage(
      c,
      <PublicSuggestionListPage
        v={{ items, total, group, year, years, page, pages, shareImage: shareImage(c) }}
      />,
    )
  })

  app.get('/m/suggestions/:id{[0-9]+}', (c) => {
    const s = publicSuggestion(db, idParam(c) ?? 0)
    if (!s || !isFiled(s)) return rejectRequest(c, 404, 'error.notFound.body')
    const { name } = c.get('i18n')
    const unitNames = new Map(listUnits(db).map((u) => [u.id, name(u)]))
    return renderPage(
      c,
      <PublicSuggestionPage
        v={{
          s,
          actions: suggestionActionList(db, s.id),
          events: suggestionTimeline(db, s.id).filter((e) => isPublicSuggestionEvent(e.action)),
          unitNames,
          shareImage: shareImage(c),
        }}
      />,
    )
  })

  app.get('/suggestions/:id{[0-9]+}/print', async (c) => {
    const s = loadSuggestion(db, idParam(c) ?? 0)
    if (!s) return rejectRequest(c, 404, 'error.notFound.body')
    const scope = {
      stationId: s.stationId,
      leadDeputyId: s.leadDeputyId,
      status: s.status,
      cosignerIds: s.cosigners.map((x) => x.deputyId),
    }
    if (!maySeeSuggestion(c.get('account')!, scope)) return rejectRequest(c, 403, 'error.forbidden.body')
    const { name } = c.get('i18n')
    const filed = isFiled(s)
    const url = `${publicOrigin(c)}/m/suggestions/${s.id}`
    const timeZone = findStation(db, s.stationId)?.timeZone ?? config.defaultTimeZone
    const units = (stage: 'proposed' | 'assigned') =>
      s.units.filter((u) => u.stage === stage).map((u) => ({ role: u.role, name: name(u) }))
    return renderPage(
      c,
      <SuggestionPrintPage
        v={{
          id: s.id,
          ref: suggestionRef(s),
          draft: !filed,
          title: s.title,
          leadDeputyName: s.leadDeputyName,
          cosignerNames: s.cosigners.filter((x) => x.state === 'confirmed').map((x) => x.name),
          submittedOn: s.submittedAt ? localDate(s.submittedAt, timeZone) : null,
          problem: s.problem,
          causes: s.causes,
          actions: s.actions,
          proposed: units('proposed'),
          assigned: units('assigned'),
          evidence: evidenceSpan(db, s.id),
          noEvidenceReason: s.noEvidenceReason,
          qr: filed ? { url, svg: await qrSvg(url) } : null,
        }}
      />,
    )
  })

  app.get('/suggestions/export.csv', (c) => {
    const account = c.get('account')!
    if (account.role === 'deputy') return rejectRequest(c, 403, 'error.forbidden.body')
    const rows = listPublicSuggestions(db, {
      statuses: FILED_SUGGESTION_STATUSES,
      stationIds: exportStations(db, account),
    })
    const lines = [SUGGESTION_CSV_HEADER.join(','), ...rows.map(csvLine)]
    const today = localDate(clock.now(), config.defaultTimeZone)
    return respond(c, spreadsheetCsv(lines), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="suggestions-${today}.csv"`,
    })
  })

  return app
}
