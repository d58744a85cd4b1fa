import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { deputyNamesById } from '../../db/queries/deputies.ts'
import { listStations } from '../../db/queries/stations.ts'
import { suggestionEvidence } from '../../db/queries/suggestion-finder.ts'
import { accountNamesById } from '../../db/queries/suggestion-lists.ts'
import { suggestionQualityReport } from '../../db/queries/suggestion-quality.ts'
import { type SuggestionView, suggestionRef, suggestionTimeline } from '../../db/queries/suggestions.ts'
import { SuggestionDetailPage } from '../../views/pages/suggestions/detail-page.tsx'
import type { HandlingForm } from '../../views/pages/suggestions/handling-panel.tsx'
import type { SuggestionDue } from '../../views/pages/suggestions/suggestion-parts.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { mayActAsLead, mayEditSuggestion } from '../domain/suggestion-access.ts'
import {
  FILED_SUGGESTION_STATUSES,
  isEditableSuggestion,
  isWithUnits,
  nextSuggestionStatus,
} from '../domain/suggestion-lifecycle.ts'
import type { QualityReport } from '../domain/suggestion-quality.ts'
import type { AppEnv } from '../env.ts'
import { scopeOf } from '../events/suggestion-drafting.ts'
import { stationClock } from './followup-shared.ts'
import { handlingOptions } from './suggestion-handling-options.ts'

export type DetailOptions = {
  notice?: string
  message?: string
  report?: QualityReport
  /** A refused handling step: its form with what was typed, and why. */
  handlingForm?: HandlingForm
  handlingNotice?: string
}

/** The units' deadline while the suggestion is with them, and whether it has passed. */
export function dueOf(s: Pick<SuggestionView, 'status' | 'dueOn'>, today: string): SuggestionDue {
  return isWithUnits(s.status) && s.dueOn ? { on: s.dueOn, overdue: s.dueOn < today } : null
}

/**
 * The one page of a suggestion (/suggestions/:id), rendered by the drafting routes and by the
 * handling routes when a step is refused (so the person stays on the page they acted on).
 */
export function suggestionDetailRenderer(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db, clock } = deps
  return (
    c: Context<AppEnv>,
    s: SuggestionView,
    opts: DetailOptions = {},
    status: ContentfulStatusCode = 200,
  ) => {
    const account = c.get('account')!
    const sc = stationClock(db, clock.now())
    const today = sc.today(s.stationId)
    const events = suggestionTimeline(db, s.id)
    const scope = scopeOf(s)
    const me =
      account.role === 'deputy' ? s.cosigners.find((x) => x.deputyId === account.deputyId) : undefined
    const stillOpen = nextSuggestionStatus(s.status, { move: 'withdraw' }) !== null
    const timeZone = listStations(db, [s.stationId])[0]?.timeZone ?? 'Asia/Shanghai'
    return renderPage(
      c,
      <SuggestionDetailPage
        suggestion={s}
        ref={suggestionRef(s)}
        account={account}
        today={today}
        timeZone={timeZone}
        events={events}
        actorNames={accountNamesById(
          db,
          events.flatMap((e) => (e.actorAccountId ? [e.actorAccountId] : [])),
        )}
        deputyNames={deputyNamesById(
          db,
          events.flatMap((e) => (e.detail.deputyId ? [e.detail.deputyId] : [])),
        )}
        due={dueOf(s, today)}
        report={isEditableSuggestion(s.status) ? (opts.report ?? suggestionQualityReport(db, s)) : null}
        mayEdit={mayEditSuggestion(account, scope)}
        mayLead={mayActAsLead(account, scope)}
        mayAnswerCosign={me !== undefined && me.state === 'invited' && stillOpen}
        mayWithdraw={mayActAsLead(account, scope) && stillOpen}
        filed={FILED_SUGGESTION_STATUSES.includes(s.status)}
        evidence={suggestionEvidence(db, s.concerns)}
        handlingOptions={handlingOptions(db, s, c.get('i18n'), clock.now())}
        handlingForm={opts.handlingForm}
        handlingNotice={opts.handlingNotice}
        notice={opts.notice}
        message={opts.message}
      />,
      status,
    )
  }
}
