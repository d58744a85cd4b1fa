import { allClosures, calendarsByStation, followUpSettings, stationById } from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import {
  assignedUnitIds,
  repliesOfRound,
  suggestionsWithUnits,
} from '../../db/queries/suggestion-handling.ts'
import {
  addSuggestionEvent,
  findSuggestion,
  loadSuggestion,
  moveSuggestion,
  suggestionRef,
} from '../../db/queries/suggestions.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { escalationLevel, workingDaysOverdue } from '../domain/concern-follow-up.ts'
import { isWithUnits } from '../domain/suggestion-lifecycle.ts'
import { localDate } from '../domain/time.ts'
import { defineJob } from './runner.ts'

/**
 * The daily deadline pass for suggestions (issue 18, as concerns' in concern-follow-up.ts): every
 * suggestion waiting on its units past its deadline reaches the escalation level its overdue
 * working days give, and each new level goes once to the street office through the outbox — the
 * dedupe key names the suggestion, the round, the deadline and the level — with an 'escalated'
 * event on its timeline. Safe to run again: nothing repeats.
 */
export function runSuggestionDeadlines(deps: Pick<AppDeps, 'db' | 'config'>, now: Date) {
  const { db } = deps
  const step = followUpSettings(db).escalationStepWorkingDays
  const calendar = calendarsByStation(allClosures(db))
  let overdue = 0
  let escalations = 0
  for (const row of suggestionsWithUnits(db)) {
    const station = stationById(db, row.stationId)
    const today = localDate(now, station?.timeZone ?? 'Asia/Shanghai')
    const cal = calendar(row.stationId)
    const due = row.dueOn ? { kind: 'suggestion_reply' as const, on: row.dueOn } : null
    const level = escalationLevel(due, today, step, cal)
    if (!due || level === 0) continue
    overdue++
    if (level <= row.escalationLevel) continue
    escalations += db.transaction((tx) => {
      // Re-read inside the transaction: a reply or a new assignment may have changed it meanwhile.
      const s = findSuggestion(tx, row.id)
      if (!s || !isWithUnits(s.status) || s.dueOn !== due.on || s.round !== row.round) return 0
      const { t, name } = makeI18n(station?.defaultLocale ?? deps.config.defaultLocale)
      const view = loadSuggestion(tx, s.id)!
      const replied = new Set(repliesOfRound(tx, s.id, s.round).map((r) => r.unitId))
      const owing = assignedUnitIds(tx, s.id).filter((u) => !replied.has(u))
      const units = view.units
        .filter((u) => u.stage === 'assigned' && owing.includes(u.unitId))
        .map((u) => name(u))
        .join('、')
      const ref = suggestionRef(s) ?? String(s.id)
      let sent = 0
      for (let l = s.escalationLevel + 1; l <= level; l++) {
        const vars = {
          ref,
          title: s.title,
          due: due.on,
          days: workingDaysOverdue(due, today, cal),
          units,
          level: l,
        }
        const { created } = enqueue(
          tx,
          {
            dedupeKey: `suggestion-escalation:suggestion-${s.id}:round-${s.round}:due-${due.on}:level-${l}`,
            recipient: 'street-office',
            kind: 'suggestion.escalation',
            subject: t('suggestionHandling.notice.escalationSubject', vars),
            body: t('suggestionHandling.notice.escalationBody', vars),
            dueAt: now,
          },
          now,
        )
        if (!created) continue
        sent++
        addSuggestionEvent(tx, s.id, now, {
          action: 'escalated',
          actor: { kind: 'system' },
          fromStatus: s.status,
          toStatus: s.status,
          detail: { level: l, round: s.round, dueOn: due.on },
        })
      }
      moveSuggestion(tx, s.id, s.status, s.status, now, { escalationLevel: level })
      return sent
    })
  }
  return {
    overdue,
    escalations,
    summary: `${overdue} overdue suggestion(s), ${escalations} escalation(s) sent`,
  }
}

export const suggestionDeadlinesJob = defineJob({
  name: 'suggestion-deadlines',
  // 01:10 in China (UTC+8): after the concerns' pass.
  cron: '10 17 * * *',
  catchUp: 'latest',
  title: (t) => t('suggestionHandling.job.deadlines'),
  run: (deps, now) => runSuggestionDeadlines(deps, now).summary,
})
