import { describe, expect, it } from 'vitest'
import { addPlan, kioskBook, sessionOn } from '../helpers/booking.ts'
import { followUpApp, intake, ok } from '../helpers/followup.ts'
import { kioskClient, markPresent, STATION_A, submitDropIn } from '../helpers/queue.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

type Entry = {
  actor: number | null
  entity: string
  entityId: string
  detail: { count: number; ids: number[] }
}

/** The personal-data views recorded since `after` (an audit id). */
const views = (t: TestApp, after = 0): Entry[] =>
  (
    t.db.$client
      .prepare(
        "select actor_account_id actor, entity, entity_id as entityId, detail from audit_log where action = 'personal_data.view' and id > ? order by id",
      )
      .all(after) as (Omit<Entry, 'detail'> & { detail: string })[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) }))
const lastAuditId = (t: TestApp) =>
  t.db.$client.prepare('select coalesce(max(id), 0) from audit_log').pluck().get() as number
const accountId = (t: TestApp, username: string) =>
  t.db.$client.prepare('select id from accounts where username = ?').pluck().get(username) as number

describe('views of unmasked personal data are audited', () => {
  it('a concern page shown in full writes one entry naming the viewer and the concern; a masked one none', async () => {
    const { t, clerk, admin, deputy } = await followUpApp()
    const c = await intake(clerk, t, { residentName: '张三丰', phone: '13812345678' })
    const start = lastAuditId(t)
    expect((await clerk.get(`/concerns/${c.id}`)).status).toBe(200)
    expect(views(t, start)).toEqual([
      expect.objectContaining({ actor: accountId(t, 'clerk'), entity: 'concern', entityId: String(c.id) }),
    ])
    const afterClerk = lastAuditId(t)
    expect((await admin.get(`/concerns/${c.id}`)).status).toBe(200)
    expect(views(t, afterClerk)).toEqual([])
    expect((await deputy.get(`/concerns/${c.id}`)).status).toBe(200)
    expect(views(t, afterClerk)).toEqual([expect.objectContaining({ actor: accountId(t, 'deputy') })])
  })

  it('a list writes one entry for the page, not one per row', async () => {
    const app = await followUpApp()
    const { t, clerk, deputy } = app
    const ids: number[] = []
    for (const phone of ['13812345678', '13912345678', '13712345678']) {
      const c = await intake(clerk, t, { residentName: '张三丰', phone })
      await ok(deputy, t, c.id, 'refer', { unit: '2' })
      await ok(clerk, t, c.id, 'unit_reply', { grade: 'A', unitReply: '已清理' })
      await ok(deputy, t, c.id, 'relay', { reply: '已清理。' })
      ids.push(c.id)
    }
    const start = lastAuditId(t)
    expect((await clerk.get('/staff/stations/1/callbacks')).status).toBe(200)
    const [entry, ...more] = views(t, start)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ entity: 'concern', entityId: '', detail: { count: 3 } })
    expect(entry!.detail.ids.sort()).toEqual(ids.sort())
  })

  it('reception bookings in full (a clerk’s day, a deputy’s own) are audited, masked ones not', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const session = sessionOn(t.db, '2026-11-26')
    await kioskBook(await kioskClient(t), { sessionId: session.id, slot: 0 })
    const clerk = await t.client().login(...DEMO.staff)
    const admin = await t.client().login(...DEMO.admin)
    const deputy = await t.client().login(...DEMO.deputy)
    let start = lastAuditId(t)
    await admin.get('/staff/stations/1/reception?date=2026-11-26')
    expect(views(t, start)).toEqual([])
    await clerk.get('/staff/stations/1/reception?date=2026-11-26')
    expect(views(t, start)).toEqual([expect.objectContaining({ entity: 'reception_booking' })])
    start = lastAuditId(t)
    await deputy.get('/deputy/reception?date=2026-11-26')
    expect(views(t, start)).toEqual([
      expect.objectContaining({ actor: accountId(t, 'deputy'), entity: 'reception_booking' }),
    ])
  })

  it('a console showing the called resident’s phone is audited', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const kiosk = await kioskClient(t)
    await submitDropIn(kiosk, { mode: 'phone', phone: '13812345678' })
    const deputy = await t.client().login(...DEMO.deputy)
    await deputy.post('/console/1/1/call')
    const start = lastAuditId(t)
    const page = await (await deputy.get('/console/1/1')).text()
    expect(page).toContain('13812345678')
    expect(views(t, start)).toEqual([expect.objectContaining({ entity: 'concern' })])
  })
})
