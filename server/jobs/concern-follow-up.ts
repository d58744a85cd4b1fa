import { eq } from 'drizzle-orm'
import { addConcernEvent } from '../../db/queries/concerns.ts'
import {
  allClosures,
  allOpenConcerns,
  calendarsByStation,
  endedWithPersonalData,
  erasePersonalData,
  findFollowUp,
  followUpSettings,
  stateOf,
  writeFollowUp,
} from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { concerns, deputies, stations, topics } from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { dueKindLabel } from '../../views/pages/followup/labels.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import type { AppDeps } from '../deps.ts'
import { currentDue, escalationLevel, workingDaysOverdue } from '../domain/concern-follow-up.ts'
import { isOpen } from '../domain/concern-lifecycle.ts'
import { localDate } from '../domain/time.ts'
import { defineJob } from './runner.ts'

const DAY_MS = 86_400_000

/**
 * The daily deadline pass (DESIGN §4.4): every open concern whose deadline has passed is marked
 * with the escalation level it has reached, and each new level goes to the street office through
 * the outbox once — the dedupe key names the concern, the deadline and the level. Reaching a
 * level leaves an 'escalated' event on the concern's timeline. Safe to run again: nothing repeats.
 */
export function runConcernDeadlines(deps: Pick<AppDeps, 'db' | 'config'>, now: Date) {
  const { db } = deps
  const { t, name } = makeI18n(deps.config.defaultLocale)
  const settings = followUpSettings(db)
  const calendar = calendarsByStation(allClosures(db))
  const stationRows = new Map(
    db
      .select()
      .from(stations)
      .all()
      .map((s) => [s.id, s]),
  )
  let overdue = 0
  let escalations = 0
  for (const row of allOpenConcerns(db)) {
    const station = stationRows.get(row.stationId)!
    const today = localDate(now, station.timeZone)
    const cal = calendar(station.id)
    const due = currentDue(row, row.followUp)
    const level = escalationLevel(due, today, settings.escalationStepWorkingDays, cal)
    if (!due || level === 0) continue
    overdue++
    const reached = row.followUp?.escalationLevel ?? 0
    if (level <= reached) continue
    escalations += db.transaction((tx) => {
      // Re-read inside the transaction: a step may have moved the deadline meanwhile.
      const concern = tx.select().from(concerns).where(eq(concerns.id, row.id)).get()
      const state = stateOf(findFollowUp(tx, row.id))
      const live = concern && currentDue(concern, findFollowUp(tx, row.id) ?? null)
      if (!concern || !live || live.kind !== due.kind || live.on !== due.on) return 0
      const deputy = concern.deputyId
        ? tx.select({ name: deputies.name }).from(deputies).where(eq(deputies.id, concern.deputyId)).get()
        : undefined
      const topic = tx.select().from(topics).where(eq(topics.id, concern.topicId)).get()
      let sent = 0
      for (let l = Math.max(reached, state.escalationLevel) + 1; l <= level; l++) {
        const vars = {
          code: formatTrackingCode(concern.trackingCode),
          station: name(station),
          topic: topic ? name(topic) : '',
          deputy: deputy?.name ?? t('followup.list.noDeputy'),
          due: `${dueKindLabel(t, due.kind)} ${due.on}`,
          days: workingDaysOverdue(due, today, cal),
          level: l,
        }
        const { created } = enqueue(
          tx,
          {
            dedupeKey: `followup-escalation:concern-${concern.id}:${due.kind}-${due.on}:level-${l}`,
            recipient: 'street-office',
            kind: 'followup.escalation',
            subject: t('followup.notice.escalationSubject', vars),
            body: t('followup.notice.escalationBody', vars),
            dueAt: now,
          },
          now,
        )
        if (!created) continue
        sent++
        addConcernEvent(tx, concern.id, now, {
          action: 'escalated',
          actor: { kind: 'system' },
          fromStatus: concern.status,
          toStatus: concern.status,
          note: vars.due,
          detail: { level: l },
        })
      }
      writeFollowUp(
        tx,
        concern.id,
        { ...state, dueKind: due.kind, dueOn: due.on, escalationLevel: level },
        now,
      )
      return sent
    })
  }
  return { overdue, escalations, summary: `${overdue} overdue concern(s), ${escalations} escalation(s) sent` }
}

/**
 * Erases the personal fields (name, phone, description, the residents' words with verdicts) of
 * concerns that ended more than the configured days ago (DESIGN §4.8). The concern, its timeline
 * and its statistics stay. A duplicate keeps its resident's contact while its master is open,
 * so the resident still hears of the reply.
 */
export function runConcernErasure(deps: Pick<AppDeps, 'db'>, now: Date) {
  const { db } = deps
  const { eraseAfterDays } = followUpSettings(db)
  const cutoff = now.getTime() - eraseAfterDays * DAY_MS
  let erased = 0
  for (const c of endedWithPersonalData(db)) {
    if (!c.endedAt || c.endedAt.getTime() > cutoff) continue
    if (c.status === 'duplicate') {
      const masterId = findFollowUp(db, c.id)?.masterConcernId
      const master = masterId ? db.select().from(concerns).where(eq(concerns.id, masterId)).get() : undefined
      if (master && isOpen(master.status)) continue
    }
    db.transaction((tx) => {
      const row = tx.select().from(concerns).where(eq(concerns.id, c.id)).get()
      if (!row || row.personalDataErasedAt) return
      const held = Boolean(row.residentName || row.callbackPhone || row.description)
      erasePersonalData(tx, c.id, now)
      if (held)
        addConcernEvent(tx, c.id, now, {
          action: 'erased',
          actor: { kind: 'system' },
          fromStatus: row.status,
          toStatus: row.status,
        })
    })
    erased++
  }
  return `${erased} concern(s) cleared of personal data`
}

export const concernDeadlinesJob = defineJob({
  name: 'concern-deadlines',
  // 01:00 in China (UTC+8): after the day's end, before anyone starts work.
  cron: '0 17 * * *',
  catchUp: 'latest',
  title: (t) => t('followup.job.deadlines'),
  run: (deps, now) => runConcernDeadlines(deps, now).summary,
})

export const concernErasureJob = defineJob({
  name: 'concern-erasure',
  // 02:20 in China (UTC+8).
  cron: '20 18 * * *',
  catchUp: 'latest',
  title: (t) => t('followup.job.erasure'),
  run: (deps, now) => runConcernErasure(deps, now),
})
