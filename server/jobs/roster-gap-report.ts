import { and, asc, eq } from 'drizzle-orm'
import { enqueue } from '../../db/queries/outbox.ts'
import {
  listSlotDefs,
  publishedThrough,
  publishTarget,
  publishWeeks,
  stationRoster,
  stationsWithRoster,
} from '../../db/queries/roster.ts'
import { accounts } from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { utcToZoned, weekStart } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/** The report lists this many gaps in full; the rest are counted. */
export const GAP_LINES = 20

/**
 * Once a week, tells every active administrator which slots of the coming weeks nobody holds,
 * across all stations (from today to the published horizon or the publishing target, whichever
 * is later). Nothing is sent when there is no gap. Returns how many reports it queued.
 */
export function runRosterGapReport(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  const weeks = publishWeeks(db)
  const lines: string[] = []
  let total = 0
  let week = ''
  for (const station of stationsWithRoster(db)) {
    const today = utcToZoned(now, station.timeZone).date
    week ||= weekStart(today)
    const target = publishTarget(today, weeks)
    const through = publishedThrough(db, station.id)
    const to = through && through > target ? through : target
    const defs = listSlotDefs(db, station.id)
    const slotName = (code: string) => {
      const d = defs.findLast((x) => x.code === code)
      return d ? name(d) : code
    }
    for (const s of stationRoster(db, station, today, to)) {
      if (!s.gap || s.endsAt.getTime() <= now.getTime()) continue
      total++
      if (lines.length < GAP_LINES)
        lines.push(
          t('roster.mail.gapLine', {
            station: name(station),
            date: s.date,
            slot: slotName(s.code),
            start: s.start,
            end: s.end,
          }),
        )
    }
  }
  if (total === 0) return 0
  const body = [
    t('roster.mail.gapIntro', { n: total }),
    ...lines,
    ...(total > lines.length ? [t('roster.mail.gapMore', { n: total - lines.length })] : []),
  ].join('\n')
  const admins = db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.role, 'admin'), eq(accounts.active, true)))
    .orderBy(asc(accounts.id))
    .all()
  let queued = 0
  for (const a of admins) {
    const { created } = enqueue(
      db,
      {
        dedupeKey: `roster-gaps:${week}:account:${a.id}`,
        recipient: `account:${a.id}`,
        kind: 'roster.gap-report',
        subject: t('roster.mail.gapSubject', { n: total }),
        body,
        dueAt: now,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      },
      now,
    )
    if (created) queued++
  }
  return queued
}

export const rosterGapReportJob = defineJob({
  name: 'roster-gap-report',
  // Monday 08:00 in China (UTC+8).
  cron: '0 0 * * 1',
  catchUp: 'latest',
  title: (t) => t('roster.job.gapReport'),
  run: (deps, now) => `${runRosterGapReport(deps, now)} gap reports queued`,
})
