import type { Queryable } from '../../db/client.ts'
import { coverageDistricts, deputiesOfDistricts } from '../../db/queries/coverage.ts'
import { followUpSettings } from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { openSessions } from '../../db/queries/reception.ts'
import { recipientOf } from '../../db/queries/roster.ts'
import { enqueueByChoice } from '../../db/queries/sms-recipients.ts'
import { findStation } from '../../db/queries/stations.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { districtCoverage } from '../coverage-figures.ts'
import type { AppDeps } from '../deps.ts'
import type { PlaceCoverage } from '../domain/coverage.ts'
import { localDate } from '../domain/time.ts'
import { addDays, weekStart } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/** How many places a deputy's nudge names, and how many free slots it offers. */
export const NUDGE_PLACES = 3
export const NUDGE_SLOTS = 3

/** V's plan form, pre-filled with the place (the contract agreed in the brief). */
export const planVisitPath = (placeId: number) => `/visits/new?place=${placeId}`

/**
 * The places of a deputy's districts unreached the longest (never reached first), at most
 * NUDGE_PLACES; also what their console shows.
 */
export function longestUnreached(
  db: Queryable,
  districtIds: readonly number[],
  today: string,
  unreachedDays: number,
): (PlaceCoverage & { place: { id: number; nameZhHans: string; nameZhHant: string; nameEn: string } })[] {
  const period = { from: addDays(today, 1 - unreachedDays), to: addDays(today, 1) }
  return districtCoverage(db, districtIds, period, today, unreachedDays)
    .rows.filter((r) => r.unreached)
    .slice(0, NUDGE_PLACES)
}

/**
 * The weekly nudge (issue 17 item 6): each deputy gets the places of their districts unreached
 * the longest, their home station's next free reception slots and a "plan a visit" link per place;
 * the street office gets, per street, the places nobody reached in the last `unreachedDays` days.
 * Notices go through the outbox as webhook messages (the SMS channel is S's to add). The dedupe
 * key names the week, so a second run in the same week queues nothing.
 */
export function runCoverageNudges(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  const today = localDate(now, config.defaultTimeZone)
  const week = weekStart(today)
  const { unreachedDays } = followUpSettings(db)
  const base = config.publicUrl ?? ''
  const since = (r: PlaceCoverage, place: string) =>
    r.daysSince === null
      ? t('coverage.nudge.never', { place })
      : t('coverage.nudge.sinceDays', { place, n: r.daysSince })
  let queued = 0
  const districts = coverageDistricts(db)
  for (const d of deputiesOfDistricts(
    db,
    districts.map((x) => x.id),
  )) {
    const places = longestUnreached(db, d.districtIds, today, unreachedDays)
    if (!places.length) continue
    const station = findStation(db, d.homeStationId)
    if (!station) continue
    const slots = openSessions(db, station, now)
      .flatMap((s) => s.slots.map((slot) => `${s.date} ${slot.startTime}–${slot.endTime} ${s.deputyName}`))
      .slice(0, NUDGE_SLOTS)
    const dedupeKey = `coverage-nudge:${week}:deputy-${d.id}`
    const recipient = recipientOf(db, `deputy:${d.id}`)
    // A deputy who chose SMS gets the places there (issue 16); the console shows the rest.
    const created = enqueueByChoice(
      db,
      {
        dedupeKey,
        recipient,
        kind: 'coverage.nudge',
        subject: t('coverage.nudge.subject', { station: name(station) }),
        body: t('coverage.nudge.body', {
          name: d.name,
          places: places.map((r) => since(r, name(r.place))).join('\n'),
          slots: slots.length ? slots.join('；') : t('coverage.nudge.noSlots'),
          links: places.map((r) => `${name(r.place)} ${base}${planVisitPath(r.placeId)}`).join('\n'),
        }),
        dueAt: now,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      },
      { kind: 'coverage.nudge', params: { places: places.map((r) => name(r.place)).join('、') } },
      now,
    )
    if (created) queued++
  }
  const from = addDays(today, 1 - unreachedDays)
  for (const streetId of [...new Set(districts.map((x) => x.streetId))]) {
    const ids = districts.filter((x) => x.streetId === streetId).map((x) => x.id)
    const period = { from, to: addDays(today, 1) }
    const nobody = districtCoverage(db, ids, period, today, unreachedDays).rows.filter(
      (r) => r.contactsInPeriod === 0,
    )
    if (!nobody.length) continue
    const { created } = enqueue(
      db,
      {
        dedupeKey: `coverage-unreached:${week}:street-${streetId}`,
        recipient: 'street-office',
        kind: 'coverage.unreached',
        subject: t('coverage.nudge.streetSubject', { from, to: today }),
        body: t('coverage.nudge.streetBody', {
          n: nobody.length,
          from,
          to: today,
          places: nobody.map((r) => since(r, name(r.place))).join('\n'),
        }),
        dueAt: now,
      },
      now,
    )
    if (created) queued++
  }
  return queued
}

export const coverageNudgesJob = defineJob({
  name: 'coverage-nudges',
  // Mondays 01:00 UTC, 09:00 in China; after downtime the latest missed Monday runs once.
  cron: '0 1 * * 1',
  catchUp: 'latest',
  title: (t) => t('coverage.nudge.job'),
  run: (deps, now) => `${runCoverageNudges(deps, now)} nudges queued`,
})
