import type { Db } from '../../db/client.ts'
import { PLACE_KINDS } from '../../db/enums.ts'
import { loadStationDutyRows } from '../../db/queries/feeds.ts'
import {
  allClosures,
  calendarsByStation,
  followUpSettings,
  loadRecordRows,
} from '../../db/queries/followup.ts'
import { placesOfDeputy } from '../../db/queries/places.ts'
import type { PublicDeputy } from '../../db/queries/public-pages.ts'
import { districtDeputies } from '../../db/queries/queue-presence.ts'
import { listSessions, type SessionWithDeputy } from '../../db/queries/reception.ts'
import { peopleNames } from '../../db/queries/roster.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import { listVisits } from '../../db/queries/visits.ts'
import type { I18n } from '../../views/i18n/index.ts'
import { visitKindLabel } from '../../views/pages/places/place-labels.ts'
import type { PublicDeputyView, PublicRecord } from '../../views/pages/public/deputy-page.tsx'
import type { WhenLine } from '../../views/pages/public/public-parts.tsx'
import type { PublicStationView } from '../../views/pages/public/station-page.tsx'
import { computeRecord } from '../domain/deputy-record.ts'
import { localDate } from '../domain/time.ts'
import { addDays } from '../domain/zoned-time.ts'
import { dutyFacts } from '../feeds/duty-facts.ts'

/** How far ahead the public pages look for reception days and visits, and how many they show. */
const AHEAD_DAYS = 60
const SHOWN = 6

const dayLabel = (i18n: I18n, at: Date, tz: string) =>
  i18n.dateTime(at, tz, { month: 'long', day: 'numeric', weekday: 'short' })
const timeLabel = (i18n: I18n, at: Date, tz: string) =>
  i18n.dateTime(at, tz, { hour: '2-digit', minute: '2-digit', hour12: false })

/** Upcoming sessions (not yet over) as lines: the day and hours, then `what`. */
function sessionLines(
  db: Db,
  i18n: I18n,
  sessions: readonly SessionWithDeputy[],
  now: Date,
  what: (s: SessionWithDeputy, stationName: string) => string,
): WhenLine[] {
  return sessions
    .filter((s) => s.endsAt.getTime() > now.getTime())
    .slice(0, SHOWN)
    .map((s) => {
      const station = findStation(db, s.stationId)
      return {
        id: `session-${s.id}`,
        when: `${dayLabel(i18n, s.startsAt, station?.timeZone ?? 'Asia/Shanghai')} ${s.startTime}–${s.endTime}`,
        what: what(s, station ? i18n.name(station) : ''),
      }
    })
}

/** A deputy's public record over the twelve months to `today`: counts, and satisfaction with its n. */
export function publicRecord(db: Db, deputyId: number, today: string): PublicRecord {
  const period = { from: addDays(today, -364), to: today }
  const minSample = followUpSettings(db).minSatisfactionSample
  const r = computeRecord({
    ...loadRecordRows(db, { kind: 'deputy', id: deputyId }, period),
    calendar: calendarsByStation(allClosures(db)),
    period,
    today,
    minSatisfactionSample: minSample,
  })
  return {
    from: period.from,
    to: period.to,
    receptionsHeld: r.receptions.held,
    receptionsScheduled: r.receptions.scheduled,
    residentsReceived: r.residentsReceived,
    received: r.concernsReceived,
    finished: r.closedWithinDeadline.of,
    satisfaction: { rate: r.satisfaction.rate, n: r.satisfaction.sample, min: minSample },
  }
}

/** Everything the public deputy page shows, in the reader's language. */
export function deputyView(
  db: Db,
  i18n: I18n,
  d: PublicDeputy,
  now: Date,
  urls: { photo: string; shareImage: string | undefined },
): PublicDeputyView {
  const home = findStation(db, d.homeStationId)
  const tz = home?.timeZone ?? 'Asia/Shanghai'
  const today = localDate(now, tz)
  const sessions = listSessions(db, {
    deputyIds: [d.id],
    from: today,
    to: addDays(today, AHEAD_DAYS),
    scheduledOnly: true,
  })
  const visits = listVisits(db, {
    deputyId: d.id,
    from: now,
    to: new Date(now.getTime() + AHEAD_DAYS * 86_400_000),
    statuses: ['planned'],
  }).slice(0, SHOWN)
  const places = placesOfDeputy(db, d.id)
  const intro = i18n.locale === 'en' ? d.introEn : i18n.locale === 'zh-Hant' ? d.introZhHant : d.introZhHans
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    intro: intro || d.introZhHans,
    photoUrl: urls.photo,
    shareImage: urls.shareImage,
    districts: d.districts.map((x) => i18n.name(x)),
    station: home?.active ? { id: home.id, name: i18n.name(home) } : null,
    placesByKind: PLACE_KINDS.map((kind) => ({
      kind,
      names: places.filter((p) => p.kind === kind).map((p) => i18n.name(p)),
    })).filter((g) => g.names.length > 0),
    receptions: sessionLines(db, i18n, sessions, now, (s, stationName) =>
      [stationName, s.place].filter(Boolean).join(' · '),
    ),
    visits: visits.map((v) => ({
      id: `visit-${v.id}`,
      when: i18n.t('pub.deputy.visitLine', {
        date: dayLabel(i18n, v.startsAt, tz),
        place: i18n.name(v.place),
      }),
      what: visitKindLabel(i18n.t, v.kind),
    })),
    record: publicRecord(db, d.id, today),
  }
}

/** Today's published duty at a station: each slot, its hours and who holds it (staff and deputies are public). */
function todaysDuty(db: Db, i18n: I18n, station: StationRow, today: string): PublicStationView['duty'] {
  const facts = dutyFacts(loadStationDutyRows(db, station, today, today), today, today).filter((f) => f.open)
  const names = peopleNames(
    db,
    facts.flatMap((f) => (f.holder && !f.absent ? [f.holder] : [])),
  )
  return facts
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((f) => ({
      id: `duty-${f.code}`,
      slot: i18n.name(f.slotName),
      time: `${timeLabel(i18n, f.startsAt, station.timeZone)}–${timeLabel(i18n, f.endsAt, station.timeZone)}`,
      person: f.holder && !f.absent ? (names.get(f.holder)?.name ?? null) : null,
    }))
}

/** Everything the public station page shows, in the reader's language. */
export function stationView(
  db: Db,
  i18n: I18n,
  station: StationRow,
  now: Date,
  shareImage: string | undefined,
): PublicStationView {
  const today = localDate(now, station.timeZone)
  const sessions = listSessions(db, {
    stationId: station.id,
    from: today,
    to: addDays(today, AHEAD_DAYS),
    scheduledOnly: true,
  })
  const hours =
    i18n.locale === 'en'
      ? station.openingHoursEn
      : i18n.locale === 'zh-Hant'
        ? station.openingHoursZhHant
        : station.openingHoursZhHans
  return {
    id: station.id,
    name: i18n.name(station),
    address: station.address,
    phone: station.phone,
    hours: hours || station.openingHoursZhHans,
    duty: todaysDuty(db, i18n, station, today),
    receptions: sessionLines(db, i18n, sessions, now, (s) =>
      [s.deputyName, s.place].filter(Boolean).join(' · '),
    ),
    districts: districtDeputies(db, station.id).map((g) => ({
      name: i18n.name(g.district),
      deputies: g.deputies,
    })),
    shareImage,
  }
}
