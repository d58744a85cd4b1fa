import { Hono } from 'hono'
import { dayTickets, orderedWaiting } from '../../db/queries/queue.ts'
import { presentDeputies, queueSettings } from '../../db/queries/queue-presence.ts'
import { upcomingVisits } from '../../db/queries/station-places.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import { visitNoticeLines } from '../../views/components/visit-notices.tsx'
import type { I18n } from '../../views/i18n/index.ts'
import {
  type BoardView,
  DisplayBoard,
  DisplayPage,
  SPEECH_LANGS,
} from '../../views/pages/display/display-page.tsx'
import { fragmentToString } from '../../views/pages/display/fragment-string.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { KioskDevice } from '../domain/kiosk-device.ts'
import { ticketLabel } from '../domain/queue-order.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { streamStationFragment } from '../events/sse.ts'
import { currentKiosk } from '../middleware/auth.ts'

/** How many upcoming numbers the board shows. */
const NEXT_SHOWN = 10
/** How many numbers being served the board shows, the latest call first (issue 15: up to 6 fit). */
const SERVING_SHOWN = 6

/** The room's display board, on a paired kiosk device, with live updates over SSE. */
export function displayRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const board = (i18n: I18n, station: StationRow, kiosk: KioskDevice | null): BoardView => {
    const now = clock.now()
    const today = localDate(now, station.timeZone)
    const { t } = i18n
    const serving = dayTickets(db, station.id, today, ['called'])
      .sort((a, b) => (b.lastCalledAt?.getTime() ?? 0) - (a.lastCalledAt?.getTime() ?? 0) || b.id - a.id)
      .slice(0, SERVING_SHOWN)
      .map((ticket) => {
        const label = ticketLabel(station.code, ticket.number)
        const deputyName = ticket.deputyName ?? ''
        return {
          label,
          deputyName,
          place: ticket.place,
          // A recall counts one more call, so it is a new key and is announced again.
          callKey: `${ticket.id}:${ticket.callCount}`,
          speech: ticket.place
            ? t('queue.display.speak', { number: label, place: ticket.place })
            : t('queue.display.speakDeputy', { number: label, name: deputyName }),
        }
      })
    const waiting = orderedWaiting(db, station.id, today, now)
    return {
      stationName: i18n.name(station),
      today: i18n.dateTime(now, station.timeZone, { dateStyle: 'full' }),
      serving,
      next: waiting.slice(0, NEXT_SHOWN).map((t) => ticketLabel(station.code, t.number)),
      waitingCount: waiting.length,
      priorityEvery: queueSettings(db, station.id).priorityEvery,
      present: presentDeputies(db, station.id, today),
      visits: visitNoticeLines(
        i18n,
        upcomingVisits(db, station.id, station.timeZone, now),
        now,
        station.timeZone,
      ),
      updatedAt: i18n.dateTime(now, station.timeZone, { timeStyle: 'medium' }),
      voice: kiosk?.voiceAnnouncements ?? true,
      speechLangs: SPEECH_LANGS[i18n.locale],
    }
  }

  app.get('/display', (c) => {
    const station = findStation(db, c.get('kiosk')!.stationId)
    if (!station) return c.notFound()
    return renderPage(c, <DisplayPage board={board(c.get('i18n'), station, c.get('kiosk') ?? null)} />)
  })

  app.get('/display/events', (c) => {
    const station = findStation(db, c.get('kiosk')!.stationId)
    if (!station) return c.notFound()
    const i18n = c.get('i18n')
    const kiosk = currentKiosk(c)
    return streamStationFragment(
      c,
      db,
      station.id,
      () => fragmentToString(i18n, <DisplayBoard board={board(i18n, station, kiosk())} />),
      () => kiosk()?.stationId === station.id,
      {
        // The voice setting is part of the fragment (data-voice), so boards share by it too.
        shareKey: () =>
          `display:${station.id}:${i18n.locale}:${kiosk()?.voiceAnnouncements ?? true}:${Math.floor(clock.now().getTime() / 1000)}`,
      },
    )
  })

  return app
}
