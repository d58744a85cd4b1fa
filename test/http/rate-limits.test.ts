import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { issueFeedToken, revokeFeedToken } from '../../db/queries/feeds.ts'
import { issuePairingCode } from '../../db/queries/kiosks.ts'
import { auditLog, kiosks } from '../../db/schema.ts'
import { kioskClient, markPresent, STATION_A, slipCode, submitDropIn } from '../helpers/queue.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

const minute = 60_000
/** Behind nginx on loopback: the client's address comes from X-Forwarded-For. */
const BEHIND_NGINX = { TRUST_PROXY: '127.0.0.1,::1' }

/** A client behind the trusted proxy at `address`, which may also send a forged X-Forwarded-For of its own. */
const from = (t: TestApp, address: string, forged?: string) =>
  t.client({
    peer: '::ffff:127.0.0.1',
    headers: { 'x-forwarded-for': forged ? `${forged}, ${address}` : address },
  })

const failedLogins = (t: TestApp) =>
  t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed')).all()

describe('log-in limits', () => {
  it('ten wrong passwords from one address do not lock the owner out from another', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const attacker = from(t, '203.0.113.9')
    for (let i = 0; i < 10; i++)
      expect((await attacker.post('/login', { username: 'admin', password: `guess${i}` })).status).toBe(401)
    const refused = await attacker.post('/login', { username: 'admin', password: DEMO.admin[1] })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('15')
    // Forged entries left of what nginx appended change nothing.
    const forged = from(t, '203.0.113.9', '198.51.100.1')
    expect((await forged.post('/login', { username: 'admin', password: DEMO.admin[1] })).status).toBe(429)
    // The owner, at the office.
    expect(
      (await from(t, '198.51.100.1').post('/login', { username: 'admin', password: DEMO.admin[1] })).status,
    ).toBe(303)
    t.clock.advance(16 * minute)
    expect((await attacker.post('/login', { username: 'admin', password: DEMO.admin[1] })).status).toBe(303)
  })

  it('spraying many usernames from one address stops at the per-address limit', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const sprayer = from(t, '203.0.113.9')
    const statuses: number[] = []
    for (let i = 0; i < 31; i++)
      statuses.push((await sprayer.post('/login', { username: `user${i}`, password: 'Summer2026!' })).status)
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
    expect(statuses[30]).toBe(429)
    // The failure that used the limit up says so in the audit log; refused attempts add no rows.
    const rows = failedLogins(t)
    expect(rows).toHaveLength(30)
    expect(rows.filter((r) => 'locked' in r.detail).map((r) => r.detail)).toEqual([
      { username: 'user29', address: '203.0.113.9', locked: 'address' },
    ])
    expect((await sprayer.post('/login', { username: 'clerk', password: DEMO.staff[1] })).status).toBe(429)
    expect(
      (await from(t, '203.0.113.10').post('/login', { username: 'clerk', password: DEMO.staff[1] })).status,
    ).toBe(303)
  })

  it('counts an IPv6 client by its /64', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    for (let i = 0; i < 10; i++)
      await from(t, `2001:db8:1:2::${(i + 1).toString(16)}`).post('/login', {
        username: 'admin',
        password: `x${i}`,
      })
    expect(
      (await from(t, '2001:db8:1:2::ff').post('/login', { username: 'admin', password: 'y' })).status,
    ).toBe(429)
    expect(
      (await from(t, '2001:db8:1:3::1').post('/login', { username: 'admin', password: 'y' })).status,
    ).toBe(401)
  })

  it('does not count successful log-ins', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    for (let i = 0; i < 12; i++) await from(t, '203.0.113.9').login(...DEMO.staff)
    expect(failedLogins(t)).toHaveLength(0)
  })

  it('writes every failed log-in to the audit log with the name tried and the address, never the password', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const admin = t.db.select().from(auditLog).all().length
    await from(t, '203.0.113.9').post('/login', { username: 'admin', password: 'wrong-secret-1' })
    await from(t, '203.0.113.9', '10.9.9.9').post('/login', {
      username: 'nobody',
      password: 'wrong-secret-2',
    })
    const rows = failedLogins(t)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      actorAccountId: null,
      entity: 'account',
      detail: { username: 'admin', address: '203.0.113.9' },
    })
    expect(Number(rows[0]!.entityId)).toBeGreaterThan(0)
    expect(rows[1]).toMatchObject({ entityId: '', detail: { username: 'nobody', address: '203.0.113.9' } })
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toMatch(/wrong-secret/)
    expect(t.db.select().from(auditLog).all()).toHaveLength(admin + 2)
  })
})

describe('feed limits', () => {
  const feed = (t: TestApp, subjectId: number) =>
    `/feeds/${issueFeedToken(t.db, { kind: 'station', subjectId, locale: 'zh-Hans' }, null, t.clock.now())}.ics`

  it('a shared calendar fetcher polling many valid feeds from one address is never refused', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const google = from(t, '66.249.84.1')
    const paths = [feed(t, 1), feed(t, 2)]
    for (let i = 0; i < 100; i++) for (const p of paths) expect((await google.get(p)).status).toBe(200)
  })

  it('guesses are limited per address, and a guesser is refused even a valid feed; others are not', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const path = feed(t, 1)
    const guesser = from(t, '203.0.113.9')
    for (let i = 0; i < 30; i++)
      expect((await guesser.get(`/feeds/${'A'.repeat(42)}${i % 10}.ics`)).status).toBe(404)
    expect((await guesser.get(`/feeds/${'B'.repeat(43)}.ics`)).status).toBe(429)
    expect((await guesser.get(path)).status).toBe(429)
    expect((await from(t, '198.51.100.1').get(path)).status).toBe(200)
    t.clock.advance(11 * minute)
    expect((await guesser.get(path)).status).toBe(200)
  })

  it('a revoked link that a calendar keeps polling is no guess', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    const old = feed(t, 1)
    revokeFeedToken(t.db, 'station', 1, null, t.clock.now())
    const google = from(t, '66.249.84.1')
    for (let i = 0; i < 120; i++) expect((await google.get(old)).status).toBe(404)
    expect((await google.get(feed(t, 2))).status).toBe(200)
    // Hammering it meets that link's own ceiling.
    expect((await google.get(old)).status).toBe(429)
    expect((await google.get(feed(t, 2))).status).toBe(200)
  })
})

describe('tracking-code limits', () => {
  it('counts unknown codes per address apart from look-ups of real ones', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    markPresent(t, STATION_A, [1])
    const code = slipCode((await submitDropIn(await kioskClient(t), { description: '路灯不亮' })).res)
    const office = from(t, '198.51.100.1')
    for (let i = 0; i < 40; i++) expect((await office.get(`/track/${code}`)).status).toBe(200)
    const guesser = from(t, '203.0.113.9')
    for (let i = 0; i < 30; i++) expect((await guesser.get(`/track/ZZZZ${1000 + i}`)).status).toBe(404)
    expect((await guesser.get(`/track/${code}`)).status).toBe(429)
    expect((await office.get(`/track/${code}`)).status).toBe(200)
  })
})

describe('pairing limits', () => {
  it('a technician pairs a room of kiosks from one address; wrong codes are limited per address', async () => {
    const t = await makeTestApp({ env: BEHIND_NGINX })
    for (let i = 0; i < 12; i++) await kioskClient(t)
    const now = t.clock.now()
    const kioskId = t.db
      .insert(kiosks)
      .values({ stationId: 1, label: 'spare', createdAt: now, updatedAt: now })
      .returning({ id: kiosks.id })
      .get().id
    const guesser = from(t, '203.0.113.9')
    for (let i = 0; i < 10; i++)
      expect((await guesser.post('/kiosk/pair', { code: `ABCD-EF${22 + i}` })).status).toBe(422)
    const { code } = issuePairingCode(t.db, kioskId, now)
    expect((await guesser.post('/kiosk/pair', { code })).status).toBe(429)
    expect((await from(t, '198.51.100.1').post('/kiosk/pair', { code })).status).toBe(303)
  })
})
