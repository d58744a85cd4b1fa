import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { accounts, outbox } from '../../db/schema.ts'
import { runRosterReminders } from '../../server/jobs/roster-reminders.ts'
import { kioskClient, STATION_A } from '../helpers/queue.ts'
import { rosterFixture } from '../helpers/roster.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

type T = Awaited<ReturnType<typeof makeTestApp>>
const messages = (t: T) => t.db.select().from(outbox).orderBy(asc(outbox.id)).all()
const chooseSms = (t: T, id: number, phone: string) =>
  t.db.update(accounts).set({ phone, notifyChannel: 'sms' }).where(eq(accounts.id, id)).run()

describe('notices by SMS to staff who chose SMS (issue 16)', () => {
  it('sends a duty reminder by SMS to a clerk who chose SMS, and by webhook to the others', async () => {
    const t = await makeTestApp({ now: '2026-11-25T02:00:00.000Z' }) // 10:00 in Shanghai
    const fx = await rosterFixture(t)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    chooseSms(t, clerkId, '13812345678')
    expect(runRosterReminders(t.deps, t.clock.now())).toBe(2)
    expect(runRosterReminders(t.deps, t.clock.now())).toBe(0)
    const [am, pm] = messages(t)
    expect(am).toMatchObject({
      recipient: `account:${clerkId}`,
      kind: 'roster.reminder',
      channel: 'sms',
      phone: '13812345678',
      smsParams: { date: '2026-11-26', time: '09:00–12:00', station: expect.any(String) },
    })
    expect(am!.expiresAt?.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    expect(pm).toMatchObject({ recipient: fx.li, channel: 'webhook', phone: null })
  })

  it('keeps the webhook for someone who chose SMS but has no mobile', async () => {
    const t = await makeTestApp({ now: '2026-11-25T02:00:00.000Z' })
    await rosterFixture(t)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    t.db
      .update(accounts)
      .set({ phone: '01012345678', notifyChannel: 'sms' })
      .where(eq(accounts.id, clerkId))
      .run()
    runRosterReminders(t.deps, t.clock.now())
    expect(messages(t).map((m) => m.channel)).toEqual(['webhook', 'webhook'])
  })

  it('texts a kiosk’s call for help to each clerk of the station who chose SMS, besides the group notice', async () => {
    const t = await makeTestApp()
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    chooseSms(t, clerkId, '13912345678')
    const k = await kioskClient(t)
    expect((await k.post('/kiosk/call-staff', { back: '/kiosk' }, { htmx: true })).status).toBe(200)
    const [group, sms] = messages(t)
    expect(group).toMatchObject({ recipient: `station:${STATION_A}`, kind: 'staff.call', channel: 'webhook' })
    expect(sms).toMatchObject({
      recipient: `account:${clerkId}`,
      kind: 'staff.call',
      channel: 'sms',
      phone: '13912345678',
      smsParams: { station: expect.any(String), kiosk: expect.any(String) },
    })
    expect(messages(t)).toHaveLength(2)
    // A second press while the call is open sends nothing more.
    await k.post('/kiosk/call-staff', { back: '/kiosk' }, { htmx: true })
    expect(messages(t)).toHaveLength(2)
  })
})
