import {
  REPLY_GRADES,
  type ReplyGrade,
  type SuggestionStatus,
  type SuggestionUnitRole,
  type Verdict,
} from '../../db/enums.ts'
import { type Satisfaction, type Share, satisfactionOf, share } from './deputy-record.ts'
import { FILED_SUGGESTION_STATUSES, isWithUnits } from './suggestion-lifecycle.ts'

/*
 * Figures on deputies' suggestions (代表建议, issue 18 item 7), for the deputy record, the monthly
 * report and the units' table of the annual review (基层站所评议). Pure: the caller passes plain
 * rows with local dates (each in its suggestion's station's zone) and a period of local dates
 * [from, to], both ends included. Every definition lives here once; docs/decisions/0042 says why.
 *
 * - A suggestion is *filed* when its status is one of FILED_SUGGESTION_STATUSES (it went through
 *   the street office: not a draft, not back with the deputy, not withdrawn). It belongs to the
 *   period of its FIRST submission; a returned one counts again once resubmitted, under its first
 *   submission date; a withdrawn one never counts.
 * - Replies count in the period of the day they arrived (repliedOn), every round: a re-handled
 *   suggestion's first reply was given and graded, and dropping it would flatter the unit.
 * - A reply is *on time* when repliedOn ≤ the round's due date copied onto it; a reply without a
 *   due date cannot be judged and is left out of that share's n.
 * - The deputy's verdict counts once per suggestion: the final one, on a closed suggestion, in
 *   the period of its closing. A 不满意 that sent it back for re-handling shows as "re-handled".
 */

/** One suggestion's row as the figures need it. */
export type FigureSuggestion = {
  id: number
  leadDeputyId: number
  status: SuggestionStatus
  /** Local date of the first submission; null if never submitted. */
  firstSubmittedOn: string | null
  /** Local date it was closed (the lead deputy's final verdict). */
  closedOn: string | null
  verdict: Verdict | null
  /** null: never put to the quality check (or before the check existed). */
  qualityFirstPassed: boolean | null
  /** 0 for the first handling, +1 per re-handling. */
  round: number
  /** The units' deadline of the current round (local date). */
  dueOn: string | null
}

export type FigureReply = {
  suggestionId: number
  unitId: number
  round: number
  grade: ReplyGrade
  repliedOn: string
  dueOn: string | null
}

/** A unit the street office assigned (stage 'assigned'). */
export type FigureUnit = { suggestionId: number; unitId: number; role: SuggestionUnitRole }

export type FigureCosigner = {
  suggestionId: number
  deputyId: number
  state: 'invited' | 'confirmed' | 'declined'
}

export type FigureRows = {
  suggestions: readonly FigureSuggestion[]
  replies: readonly FigureReply[]
  cosigners: readonly FigureCosigner[]
  units: readonly FigureUnit[]
}

export type Period = { from: string; to: string }

export type GradeCounts = Record<ReplyGrade, number> & { total: number }

export type SuggestionFigures = {
  /** Filed suggestions first submitted in the period (led by the deputy, or any in the scope). */
  led: number
  /**
   * Confirmed co-signatures on filed suggestions first submitted in the period: the deputy's own,
   * or every co-signing deputy's in the scope. Invited and declined ones do not count.
   */
  cosigned: number
  /** Of the led ones that went through the quality check, those that passed at the first try. */
  qualityFirstPass: Share
  /** Units' replies (every round) to the suggestions in scope, arrived in the period. */
  grades: GradeCounts
  /** Of those replies with a due date, those not later than it. */
  repliesOnTime: Share
  /** Final verdicts on the suggestions closed in the period. */
  satisfaction: Satisfaction
  /** Suggestions closed in the period that had been sent back for re-handling at least once. */
  rehandled: number
  /** The suggestions behind "led" and "closed", so anyone can check the figures. */
  ids: { led: number[]; closed: number[] }
}

const FILED: ReadonlySet<SuggestionStatus> = new Set(FILED_SUGGESTION_STATUSES)
const inPeriod = (p: Period, d: string | null): d is string => d !== null && d >= p.from && d <= p.to

/** A filed suggestion whose first submission falls in the period. */
export const filedIn = (s: FigureSuggestion, p: Period) =>
  FILED.has(s.status) && inPeriod(p, s.firstSubmittedOn)

export const noGrades = (): GradeCounts => ({ A: 0, B: 0, C: 0, D: 0, total: 0 })

/** A/B/C/D counts and their total. */
export function gradeCounts(replies: readonly Pick<FigureReply, 'grade'>[]): GradeCounts {
  const g = noGrades()
  for (const r of replies) {
    g[r.grade]++
    g.total++
  }
  return g
}

/** On time: arrived not later than the due date of its round; undated replies are not judged. */
export const isOnTime = (r: Pick<FigureReply, 'repliedOn' | 'dueOn'>) =>
  r.dueOn !== null && r.repliedOn <= r.dueOn

function onTimeShare(replies: readonly FigureReply[]): Share {
  const judged = replies.filter((r) => r.dueOn !== null)
  return share(judged.filter(isOnTime).length, judged.length)
}

function verdictCounts(list: readonly FigureSuggestion[]): Record<Verdict, number> {
  const v: Record<Verdict, number> = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }
  for (const s of list) if (s.verdict) v[s.verdict]++
  return v
}

/** Closed in the period with a verdict: the suggestions whose final verdict counts. */
const closedIn = (s: FigureSuggestion, p: Period) =>
  s.status === 'closed' && s.verdict !== null && inPeriod(p, s.closedOn)

/**
 * The suggestion figures of a deputy (`deputyId`: the suggestions they lead and their own
 * co-signatures) or of a whole scope (no deputy: every suggestion in `rows`, every co-signature).
 */
export function suggestionFigures(
  rows: FigureRows,
  period: Period,
  minSatisfactionSample: number,
  deputyId?: number,
): SuggestionFigures {
  const mine = rows.suggestions.filter((s) => deputyId === undefined || s.leadDeputyId === deputyId)
  const mineIds = new Set(mine.filter((s) => FILED.has(s.status)).map((s) => s.id))
  const led = mine.filter((s) => filedIn(s, period))
  const filedInPeriod = new Set(rows.suggestions.filter((s) => filedIn(s, period)).map((s) => s.id))
  const cosigned = rows.cosigners.filter(
    (c) =>
      c.state === 'confirmed' &&
      filedInPeriod.has(c.suggestionId) &&
      (deputyId === undefined || c.deputyId === deputyId),
  ).length
  const attempted = led.filter((s) => s.qualityFirstPassed !== null)
  const replies = rows.replies.filter((r) => mineIds.has(r.suggestionId) && inPeriod(period, r.repliedOn))
  const closed = mine.filter((s) => closedIn(s, period))
  return {
    led: led.length,
    cosigned,
    qualityFirstPass: share(attempted.filter((s) => s.qualityFirstPassed).length, attempted.length),
    grades: gradeCounts(replies),
    repliesOnTime: onTimeShare(replies),
    satisfaction: satisfactionOf(verdictCounts(closed), minSatisfactionSample),
    rehandled: closed.filter((s) => s.round > 0).length,
    ids: { led: led.map((s) => s.id), closed: closed.map((s) => s.id) },
  }
}

export type UnitFigures = {
  unitId: number
  /** Filed suggestions first submitted in the period that the office assigned to the unit, by role. */
  assigned: { lead: number; assist: number }
  /**
   * The unit's replies to filed suggestions that arrived in the period (every round), with their
   * grades — also when the office later moved the suggestion to another unit: the reply was given.
   */
  grades: GradeCounts
  repliesOnTime: Share
  /** Final verdicts of lead deputies on suggestions assigned to the unit (either role), closed in the period. */
  satisfaction: Satisfaction
  /**
   * Now (not in the period): suggestions assigned to the unit and still with the units past their
   * due date, to which this unit has not replied in the current round.
   */
  overdueNow: number
}

/**
 * One row per handling unit with something to show: assigned a suggestion filed in the period,
 * replying or judged in it, or overdue now (the units' table of the annual review). `today` is the
 * local date "still overdue" is judged on.
 */
export function unitFigures(
  rows: FigureRows,
  period: Period,
  today: string,
  minSatisfactionSample: number,
): UnitFigures[] {
  const filed = new Map(rows.suggestions.filter((s) => FILED.has(s.status)).map((s) => [s.id, s]))
  const links = rows.units.filter((u) => filed.has(u.suggestionId))
  const replies = rows.replies.filter((r) => filed.has(r.suggestionId))
  const unitIds = [...new Set([...links.map((u) => u.unitId), ...replies.map((r) => r.unitId)])].sort(
    (a, b) => a - b,
  )
  const all = unitIds.map((unitId): UnitFigures => {
    const assigned = { lead: 0, assist: 0 }
    const handled: FigureSuggestion[] = []
    let overdueNow = 0
    for (const link of links) {
      if (link.unitId !== unitId) continue
      const s = filed.get(link.suggestionId)!
      handled.push(s)
      if (filedIn(s, period)) assigned[link.role]++
      const repliedThisRound = replies.some(
        (r) => r.suggestionId === s.id && r.unitId === unitId && r.round === s.round,
      )
      if (isWithUnits(s.status) && s.dueOn !== null && s.dueOn < today && !repliedThisRound) overdueNow++
    }
    const own = replies.filter((r) => r.unitId === unitId && inPeriod(period, r.repliedOn))
    return {
      unitId,
      assigned,
      grades: gradeCounts(own),
      repliesOnTime: onTimeShare(own),
      satisfaction: satisfactionOf(
        verdictCounts(handled.filter((s) => closedIn(s, period))),
        minSatisfactionSample,
      ),
      overdueNow,
    }
  })
  return all.filter(
    (u) => u.assigned.lead + u.assigned.assist + u.grades.total + u.satisfaction.sample + u.overdueNow > 0,
  )
}

/** The grades in their fixed order, for tables and CSV columns. */
export const GRADE_ORDER: readonly ReplyGrade[] = REPLY_GRADES
