import type { Db } from '../../db/client.ts'
import { calendarFor } from '../../db/queries/concerns.ts'
import { activeUnits, followUpSettings, stationById } from '../../db/queries/followup.ts'
import type { SuggestionRow } from '../../db/queries/suggestions.ts'
import type { I18n } from '../../views/i18n/index.ts'
import type { HandlingOptions } from '../../views/pages/suggestions/handling-panel.tsx'
import { localDate } from '../domain/time.ts'
import { assignmentDue } from '../events/suggestion-handling.ts'

/**
 * What the handling panel's forms offer for a suggestion today: the active units and the
 * deadlines an assignment would set (ordinary and urgent), and the re-handlings left. A page that
 * embeds `HandlingPanel` passes this as its `options` (and `handlingToday` as its `today`).
 */
export function handlingOptions(db: Db, s: SuggestionRow, i18n: I18n, now: Date): HandlingOptions {
  const today = handlingToday(db, s, now)
  const cal = calendarFor(db, s.stationId, today)
  const settings = followUpSettings(db)
  return {
    units: activeUnits(db).map((u) => ({ id: u.id, name: i18n.name(u) })),
    dueOrdinary: assignmentDue(settings, false, today, cal),
    dueUrgent: assignmentDue(settings, true, today, cal),
    urgentDays: settings.suggestionUrgentWorkingDays,
    rehandlingsLeft: Math.max(0, settings.suggestionMaxRehandlings - s.round),
  }
}

/** The suggestion's station's local date. */
export const handlingToday = (db: Db, s: Pick<SuggestionRow, 'stationId'>, now: Date) =>
  localDate(now, stationById(db, s.stationId)?.timeZone ?? 'Asia/Shanghai')
