import type { Db } from '../../db/client.ts'
import { insertPlan, type PlanValues } from '../../db/queries/reception.ts'
import { kiosks, receptionSessions } from '../../db/schema.ts'
import type { AppDeps } from '../../server/deps.ts'
import { randomToken, sha256 } from '../../server/domain/secrets.ts'
import { syncStationSessions } from '../../server/events/reception-commands.ts'
import { KIOSK_COOKIE } from '../../server/middleware/cookies.ts'
import { rows } from './queue.ts'
import type { TestClient } from './test-app.ts'

/** Demo station A (東湖) is 1; demo deputy 1 (陈建国) has the demo deputy log-in. */
export const DEPUTY_CHEN = 1
export const DEPUTY_LI = 2

/**
 * A weekly plan: Thursdays 09:00–11:00 at station A for deputy 1, 30-minute slots, one person
 * each, from the test clock's day on. TEST_NOW is Wednesday 2026-11-25, so the first session is
 * Thursday 2026-11-26 with slots 09:00, 09:30, 10:00, 10:30 (01:00–03:00 UTC).
 */
export function weeklyPlan(over: Partial<PlanValues> = {}): PlanValues {
  return {
    deputyId: DEPUTY_CHEN,
    pattern: 'weekly',
    weekdays: '4',
    nthOfMonth: null,
    dayOfMonth: null,
    months: '',
    startTime: '09:00',
    endTime: '11:00',
    slotMinutes: 30,
    capacityPerSlot: 1,
    place: '接待室 1',
    validFrom: '2026-11-01',
    validUntil: null,
    ...over,
  }
}

/** Stores a plan for a station and generates its sessions at once, as saving it on the page does. */
export function addPlan(deps: AppDeps, over: Partial<PlanValues> = {}, stationId = 1) {
  const now = deps.clock.now()
  const plan = insertPlan(deps.db, stationId, weeklyPlan(over), null, now)
  syncStationSessions(deps, stationId, now)
  return plan
}

/** The stored session of a plan on a date. */
export function sessionOn(db: Db, date: string, deputyId = DEPUTY_CHEN) {
  const s = db
    .select()
    .from(receptionSessions)
    .all()
    .find((x) => x.date === date && x.deputyId === deputyId)
  if (!s) throw new Error(`no session on ${date}`)
  return s
}

/** Row counts of everything a booking may write, for "nothing written" checks. */
export const bookingCounts = (db: Db) => ({
  bookings: rows(db, 'reception_bookings'),
  sessions: rows(db, 'reception_sessions'),
  concerns: rows(db, 'concerns'),
  tickets: rows(db, 'queue_tickets'),
  outbox: rows(db, 'outbox'),
})

/** The hidden idempotency key of a rendered form. */
export const formKeyOf = (html: string) => /name="key" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** The booking code a slip redirect points at. */
export const slipBookingCode = (res: Response) =>
  /\/kiosk\/booking\/slip\/([A-Z0-9]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? ''

/**
 * Pairs a new kiosk of `stationId` straight in the database and gives the client its device
 * cookie: for load tests that need many kiosks, each with its own submission limit, without going
 * through the (rate-limited) pairing page.
 */
export function pairDirectly(db: Db, client: TestClient, stationId = 1, now = new Date()) {
  const token = randomToken()
  db.insert(kiosks)
    .values({
      stationId,
      label: `load kiosk ${token.slice(0, 8)}`,
      deviceTokenHash: sha256(token),
      pairedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run()
  client.cookies.set(KIOSK_COOKIE, token)
  return client
}

/**
 * Books a slot from a kiosk the way the details form does: opens the form (for its key), then
 * posts it with the given fields.
 */
export async function kioskBook(
  k: TestClient,
  a: { sessionId: number; slot: number; who?: string; fields?: Record<string, string> },
) {
  const who = a.who ?? `d${DEPUTY_CHEN}`
  const form = await k.get(`/kiosk/booking/details?who=${who}&session=${a.sessionId}&slot=${a.slot}`)
  const key = formKeyOf(await form.text())
  return k.post('/kiosk/booking', {
    station: '1',
    who,
    session: String(a.sessionId),
    slot: String(a.slot),
    key,
    topic: '1',
    name: '王先生',
    phone: '13812345678',
    ...a.fields,
  })
}
