import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { deputyBacklog } from '../../db/queries/concerns.ts'
import { deputyOpenConcerns, loadRecordRows, receivedByTopic } from '../../db/queries/followup.ts'
import { auditLog, concernEvents, concerns, stations } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import { triageOnArrival } from '../../server/domain/triage.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import { addAccount, DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** A concern raised on a phone at station 1 for deputy 1, triaged by the station's rule. */
function phoneConcern(t: TestApp, text: string, phone = '13812345678') {
  const now = t.clock.now()
  const station = t.db.select().from(stations).where(eq(stations.id, 1)).get()!
  return submitConcern(
    t.db,
    {
      stationId: 1,
      localDate: localDate(now, 'Asia/Shanghai'),
      topicId: 1,
      channel: 'phone_web',
      queue: false,
      deputyId: 1,
      priority: false,
      description: text,
      callbackPhone: phone,
      residentName: null,
      submissionKey: null,
      kioskId: null,
      actor: { kind: 'system' },
      triage: triageOnArrival(station.phoneTriage),
      smsConsent: false,
    },
    now,
  ).concern
}

const period = { from: '2026-11-01', to: '2026-11-30' }
const recordIds = (t: TestApp) =>
  loadRecordRows(t.db, { kind: 'deputy', id: 1 }, period).concerns.map((c: { id: number }) => c.id)
const stationRecordIds = (t: TestApp) =>
  loadRecordRows(t.db, { kind: 'station', id: 1 }, period).concerns.map((c: { id: number }) => c.id)
const receivedCount = (t: TestApp) =>
  receivedByTopic(t.db, 1, period.from, period.to).reduce((n, r) => n + r.n, 0)

describe('triage of phone concerns', () => {
  it('keeps a pending concern from the deputy until a clerk accepts it', async () => {
    const t = await makeTestApp()
    const c = phoneConcern(t, '小区门口路灯坏了三天')
    expect(c.triage).toBe('pending')
    const code = formatTrackingCode(c.trackingCode)

    const deputy = await t.client().login(...DEMO.deputy)
    expect(await (await deputy.get('/concerns/mine')).text()).not.toContain(code)
    expect((await deputy.get(`/concerns/${c.id}`)).status).toBe(403)
    expect(deputyOpenConcerns(t.db, 1).map((r) => r.id)).not.toContain(c.id)
    expect(deputyBacklog(t.db, 1).map((r) => r.id)).not.toContain(c.id)
    expect(recordIds(t)).not.toContain(c.id)

    const track = await (await t.client().get(`/track/${c.trackingCode}`)).text()
    expect(track).toContain('id="track-triage"')
    expect(track).toContain('工作人员正在查看')

    const clerk = await t.client().login(...DEMO.staff)
    const view = await (await clerk.get('/staff/triage')).text()
    expect(view).toContain(`id="triage-${c.id}"`)
    expect(view).toContain('小区门口路灯坏了三天')
    expect(view).toContain('138****5678')
    expect(view).not.toContain('13812345678')
    expect(await (await clerk.get('/staff/stations/1/today')).text()).toContain('id="link-triage"')

    const res = await clerk.post(`/staff/triage/${c.id}/accept`)
    expect(res.status).toBe(303)
    expect(await (await clerk.get(res.headers.get('location')!)).text()).toContain('id="triage-none"')
    expect(await (await deputy.get('/concerns/mine')).text()).toContain(code)
    expect((await deputy.get(`/concerns/${c.id}`)).status).toBe(200)
    expect(deputyBacklog(t.db, 1).map((r) => r.id)).toContain(c.id)
    expect(recordIds(t)).toContain(c.id)
    const events = t.db.select().from(concernEvents).where(eq(concernEvents.concernId, c.id)).all()
    expect(events.map((e) => e.action)).toContain('triage_accepted')
    expect(await (await t.client().get(`/track/${c.trackingCode}`)).text()).not.toContain('id="track-triage"')
  })

  it('spam closes the concern through the lifecycle and leaves it out of every figure', async () => {
    const t = await makeTestApp()
    const before = receivedCount(t)
    const c = phoneConcern(t, '加微信领红包 vx123')
    const clerk = await t.client().login(...DEMO.staff)
    expect((await clerk.post(`/staff/triage/${c.id}/spam`)).status).toBe(303)
    const row = t.db.select().from(concerns).where(eq(concerns.id, c.id)).get()!
    expect(row).toMatchObject({ status: 'spam', triage: 'spam' })
    const events = t.db.select().from(concernEvents).where(eq(concernEvents.concernId, c.id)).all()
    expect(events.at(-1)).toMatchObject({ fromStatus: 'received', toStatus: 'spam' })
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'concern.triage.spam')).all()).toHaveLength(
      1,
    )

    expect(recordIds(t)).not.toContain(c.id)
    expect(stationRecordIds(t)).not.toContain(c.id)
    expect(receivedCount(t)).toBe(before)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get(`/concerns/${c.id}`)).status).toBe(403)

    const track = await (await t.client().get(`/track/${c.trackingCode}`)).text()
    expect(track).toContain('未予受理')
    expect(track).toContain('id="track-triage"')
    // A second decision finds it settled.
    expect((await clerk.post(`/staff/triage/${c.id}/accept`)).status).toBe(409)
  })

  it('a station whose rule is "at once" lets phone concerns straight through', async () => {
    const t = await makeTestApp()
    t.db.update(stations).set({ phoneTriage: 'immediate' }).where(eq(stations.id, 1)).run()
    const c = phoneConcern(t, '垃圾桶满了')
    expect(c.triage).toBe('accepted')
    expect(deputyBacklog(t.db, 1).map((r) => r.id)).toContain(c.id)
    expect(recordIds(t)).toContain(c.id)
  })

  it('shows a duplicates hint for the same phone and the same text', async () => {
    const t = await makeTestApp()
    phoneConcern(t, '同样的内容', '13900001111')
    const second = phoneConcern(t, '同样的内容', '13900001111')
    const clerk = await t.client().login(...DEMO.staff)
    const view = await (await clerk.get('/staff/triage')).text()
    expect(view).toContain(`id="triage-hints-${second.id}"`)
    expect(view).toContain('同一手机号一周内另有 1 件')
    expect(view).toContain('一周内另有 1 件内容完全相同')
  })

  it('only staff of the concern’s station may decide, and nothing changes on a refusal', async () => {
    const t = await makeTestApp()
    const c = phoneConcern(t, '噪音扰民')
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.post(`/staff/triage/${c.id}/spam`)).status).toBe(403)
    const other = await addAccount(t, { username: 'clerk-b', role: 'staff', stationIds: [2] })
    const clerkB = await t.client().login(other.username, other.password)
    expect((await clerkB.post(`/staff/triage/${c.id}/spam`)).status).toBe(404)
    expect(await (await clerkB.get('/staff/triage')).text()).not.toContain(`id="triage-${c.id}"`)
    expect((await clerkB.post('/staff/triage/999999/accept')).status).toBe(404)
    expect((await clerkB.post('/staff/triage/abc/accept')).status).toBe(404)
    expect(t.db.select().from(concerns).where(eq(concerns.id, c.id)).get()).toMatchObject({
      status: 'received',
      triage: 'pending',
    })
  })
})
