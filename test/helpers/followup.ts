import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { concernEvents, concernFollowUps, concerns, outbox } from '../../db/schema.ts'
import { normalizeCode } from '../../server/domain/secrets.ts'
import { kioskClient, rows } from './queue.ts'
import { addAccount, DEMO, makeTestApp, type TestApp, type TestClient } from './test-app.ts'

/**
 * The demo street with a clerk of station A (the demo `clerk`), the demo deputy (陈建国, id 1),
 * an administrator, a clerk of station B only, and a paired kiosk at station A.
 */
export async function followUpApp(now?: string) {
  // Log-ins last the longest allowed (30 days) so a scripted month needs one renewal.
  const t = await makeTestApp({ ...(now ? { now } : {}), env: { SESSION_HOURS: '720' } })
  const clerk = await t.client().login(...DEMO.staff)
  const deputy = await t.client().login(...DEMO.deputy)
  const admin = await t.client().login(...DEMO.admin)
  const other = await addAccount(t, { username: 'clerk-b', role: 'staff', stationIds: [2] })
  const clerkB = await t.client().login(other.username, other.password)
  const kiosk = await kioskClient(t)
  /** Logs the clerk, the deputy and the administrator in again (after the clock moved weeks). */
  const renewLogins = async () => {
    await clerk.login(...DEMO.staff)
    await deputy.login(...DEMO.deputy)
    await admin.login(...DEMO.admin)
  }
  return { t, clerk, deputy, admin, clerkB, kiosk, renewLogins }
}

export type Intake = {
  deputy?: number
  topic?: number
  channel?: string
  description?: string
  residentName?: string
  phone?: string
}

/** A clerk records a concern by phone (as on /staff/stations/:id/intake); returns its id and code. */
export async function intake(clerk: TestClient, t: Pick<TestApp, 'db'>, f: Intake = {}, stationId = 1) {
  const res = await clerk.post(`/staff/stations/${stationId}/intake`, {
    channel: f.channel ?? 'phone',
    topic: String(f.topic ?? 1),
    deputy: String(f.deputy ?? 1),
    description: f.description ?? '小区门口路灯不亮',
    residentName: f.residentName ?? '',
    phone: f.phone ?? '',
  })
  if (res.status !== 303) throw new Error(`intake failed: ${res.status} ${await res.text()}`)
  const code = normalizeCode(new URL(res.headers.get('location')!, 'http://x').searchParams.get('done') ?? '')
  const row = t.db.select().from(concerns).where(eq(concerns.trackingCode, code)).get()!
  return { id: row.id, code }
}

/** Posts one follow-up step from the concern page, as its form does (with the status it showed). */
export async function step(
  client: TestClient,
  t: Pick<TestApp, 'db'>,
  id: number,
  name: string,
  fields: Record<string, string> = {},
) {
  const seen = concernOf(t.db, id).status
  return client.post(`/concerns/${id}/steps/${name}`, { seen, ...fields })
}

/** Like `step`, but fails the test unless the step was taken. */
export async function ok(
  client: TestClient,
  t: Pick<TestApp, 'db'>,
  id: number,
  name: string,
  fields: Record<string, string> = {},
) {
  const res = await step(client, t, id, name, fields)
  if (res.status !== 303)
    throw new Error(`${name} on concern ${id}: ${res.status}\n${(await res.text()).slice(0, 3000)}`)
  return res
}

/** The resident's verdict at a kiosk with their tracking code. */
export function kioskVerdict(kiosk: TestClient, code: string, verdict: string, comment = '') {
  return kiosk.post(`/kiosk/progress/${code}/verdict`, { verdict, comment, seen: 'replied' })
}

export const concernOf = (db: Db, id: number) => db.select().from(concerns).where(eq(concerns.id, id)).get()!
export const followUpOf = (db: Db, id: number) =>
  db.select().from(concernFollowUps).where(eq(concernFollowUps.concernId, id)).get()
export const eventsOf = (db: Db, id: number) =>
  db.select().from(concernEvents).where(eq(concernEvents.concernId, id)).orderBy(concernEvents.id).all()
export const outboxOf = (db: Db, kind: string) => db.select().from(outbox).where(eq(outbox.kind, kind)).all()

/** Row counts of everything a follow-up step writes, for "nothing written" checks. */
export const writes = (db: Db) => ({
  concerns: rows(db, 'concerns'),
  events: rows(db, 'concern_events'),
  followUps: rows(db, 'concern_follow_ups'),
  outbox: rows(db, 'outbox'),
})

export { kioskClient }
