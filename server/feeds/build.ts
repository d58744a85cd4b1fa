import type { Db } from '../../db/client.ts'
import { deputyNamesById } from '../../db/queries/deputies.ts'
import {
  bookingHorizons,
  dutyStationsOf,
  feedStations,
  feedUidDomain,
  findFeedSubject,
  loadFeedBookings,
  loadFeedSessions,
  loadStationDutyRows,
} from '../../db/queries/feeds.ts'
import { publishedThrough } from '../../db/queries/roster.ts'
import { listVisits, type VisitFilter } from '../../db/queries/visits.ts'
import type { FeedKind } from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { isLocale } from '../../views/i18n/locales.ts'
import type { PersonKey } from '../domain/roster/types.ts'
import { localDate } from '../domain/time.ts'
import { addDays } from '../domain/zoned-time.ts'
import {
  deputyDocument,
  type FeedContext,
  type FeedVisit,
  staffDocument,
  stationDocument,
} from './documents.ts'
import { type DutyFact, dutyFacts } from './duty-facts.ts'
import type { FeedDocument } from './ical.ts'

/** Items that ended more than this many days ago leave the feed. */
export const FEED_DAYS_BACK = 30
/** Published duty is shown at most this far ahead, whatever was published. */
const MAX_DUTY_DAYS_AHEAD = 7 * 27

type Window = { from: string; to: string }

/** A station's window for reception sessions: 30 days back to its booking horizon. */
function sessionWindow(station: { timeZone: string } | undefined, horizonDays: number, now: Date): Window {
  const today = localDate(now, station?.timeZone ?? 'Asia/Shanghai')
  return { from: addDays(today, -FEED_DAYS_BACK), to: addDays(today, horizonDays) }
}

/** A station's published duty from 30 days back to the end of what was published. */
function stationDuties(db: Db, station: { id: number; timeZone: string }, now: Date): DutyFact[] {
  const through = publishedThrough(db, station.id)
  if (through === null) return []
  const today = localDate(now, station.timeZone)
  const from = addDays(today, -FEED_DAYS_BACK)
  const cap = addDays(today, MAX_DUTY_DAYS_AHEAD)
  const to = [through, cap].sort()[0]!
  if (to < from) return []
  return dutyFacts(loadStationDutyRows(db, station, from, to), from, to)
}

/** Visits from FEED_DAYS_BACK days ago on, as feeds show them. */
function feedVisits(db: Db, f: Pick<VisitFilter, 'deputyId' | 'stationId'>, now: Date): FeedVisit[] {
  return listVisits(db, { ...f, from: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000) }).map((v) => ({
    id: v.id,
    stationId: v.stationId,
    place: v.place,
    kind: v.kind,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    status: v.status,
    note: v.note,
    deputyNames: v.deputies.map((d) => d.name),
    sequence: v.sequence,
    updatedAt: v.updatedAt,
  }))
}

function personDuties(db: Db, person: PersonKey, now: Date): DutyFact[] {
  return dutyStationsOf(db, person).flatMap((s) =>
    stationDuties(db, s, now).filter((f) => f.people.includes(person)),
  )
}

/**
 * Reads the rows behind one feed and turns them into its document; undefined when the deputy,
 * station or staff account is gone or inactive (the URL then answers 404 like a revoked one).
 */
export function buildFeedDocument(
  db: Db,
  feed: { kind: FeedKind; subjectId: number; locale: string },
  now: Date,
): FeedDocument | undefined {
  const subject = findFeedSubject(db, feed.kind, feed.subjectId)
  if (!subject?.active) return undefined
  const stations = feedStations(db)
  const ctx: FeedContext = {
    i18n: makeI18n(isLocale(feed.locale) ? feed.locale : 'zh-Hans'),
    now,
    uidDomain: feedUidDomain(db),
    stations,
  }
  const horizon = bookingHorizons(db)
  const window = (stationId: number) => sessionWindow(stations.get(stationId), horizon(stationId), now)

  if (feed.kind === 'station') {
    const station = stations.get(subject.id)!
    const sessions = loadFeedSessions(db, { stationId: subject.id }, window)
    const duties = stationDuties(db, station, now)
    const deputyIds = [
      ...sessions.map((s) => s.deputyId),
      ...duties.flatMap((f) => (f.holder?.startsWith('deputy:') ? [Number(f.holder.slice(7))] : [])),
    ]
    return stationDocument(ctx, {
      station,
      sessions,
      deputyNames: deputyNamesById(db, [...new Set(deputyIds)]),
      duties,
      visits: feedVisits(db, { stationId: subject.id }, now),
    })
  }
  if (feed.kind === 'deputy') {
    const sessions = loadFeedSessions(db, { deputyId: subject.id }, window)
    return deputyDocument(ctx, {
      deputy: { id: subject.id, name: subject.name },
      sessions,
      bookings: loadFeedBookings(
        db,
        sessions.map((s) => s.id),
      ),
      duties: personDuties(db, `deputy:${subject.id}`, now),
      visits: feedVisits(db, { deputyId: subject.id }, now),
    })
  }
  return staffDocument(ctx, {
    account: { id: subject.id, displayName: subject.name },
    duties: personDuties(db, `account:${subject.id}`, now),
  })
}
