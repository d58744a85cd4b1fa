import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listPlaces } from '../../db/queries/places.ts'
import {
  accounts,
  auditLog,
  concernEvents,
  concerns,
  outbox,
  queueTickets,
  visitDeputies,
  visits,
} from '../../db/schema.ts'
import { addAccount, DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** Demo: the deputy account is 陈建国 (deputy 1, 第一选区, central station 1); the clerk acts for station 1. */
const placeIn = (t: TestApp, district: number, kind = 'community') =>
  listPlaces(t.db).find((p) => p.districtId === district && p.kind === kind)!

const visitRows = (t: TestApp) => t.db.select().from(visits).orderBy(asc(visits.id)).all()
const auditOf = (t: TestApp) =>
  t.db.select().from(auditLog).where(eq(auditLog.entity, 'visit')).orderBy(asc(auditLog.id)).all()

async function signedIn(t: TestApp, who: keyof typeof DEMO) {
  const [user, password] = DEMO[who]
  return t.client().login(user, password)
}

const plan = (place: number, deputy: string[] | string, over: Record<string, string> = {}) => ({
  deputy,
  place: String(place),
  kind: 'home_visits',
  date: '2026-11-26',
  start: '09:00',
  end: '11:00',
  note: '重点听取物业问题',
  ...over,
})

describe('visit plans', () => {
  it('a deputy plans their own visit: station from the place, 09:00 Shanghai stored as 01:00Z, audited', async () => {
    const t = await makeTestApp()
    const d = await signedIn(t, 'deputy')
    const place = placeIn(t, 1)
    const form = await d.get('/visits/new')
    expect(form.status).toBe(200)
    expect(await form.text()).toContain(place.nameZhHans)
    const res = await d.post('/visits', plan(place.id, '1'))
    expect(res.status).toBe(303)
    const [v] = visitRows(t)
    expect(v).toMatchObject({
      placeId: place.id,
      stationId: 1,
      status: 'planned',
      sequence: 0,
      kind: 'home_visits',
    })
    expect(v!.startsAt.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    expect(t.db.select().from(visitDeputies).all()).toEqual([{ visitId: v!.id, deputyId: 1 }])
    expect(auditOf(t).map((a) => a.action)).toEqual(['visit.plan'])
    const mine = await (await d.get('/me/visits')).text()
    expect(mine).toContain(place.nameZhHans)
    expect(mine).toContain('即将开展')
  })

  it('a deputy cannot plan for another deputy, nor at a place outside the districts: 422, nothing written', async () => {
    const t = await makeTestApp()
    const d = await signedIn(t, 'deputy')
    const own = placeIn(t, 1)
    const other = placeIn(t, 4)
    const notMine = await d.post('/visits', plan(own.id, '2'))
    expect(notMine.status).toBe(422)
    expect(await notMine.text()).toContain('代表只能为自己计划走访')
    expect((await d.post('/visits', plan(other.id, '1'))).status).toBe(422)
    expect(visitRows(t)).toHaveLength(0)
    expect(auditOf(t)).toHaveLength(0)
  })

  it('refuses bad inputs with 422 and keeps what was typed', async () => {
    const t = await makeTestApp()
    const d = await signedIn(t, 'deputy')
    const place = placeIn(t, 1)
    const bad: Record<string, string>[] = [
      { end: '08:00' },
      { start: '25:00' },
      { date: '2026-02-30' },
      { kind: 'party' },
      { place: 'x' },
      { start: '06:00', end: '19:00' },
      { note: '长'.repeat(300) },
    ]
    for (const over of bad) {
      const res = await d.post('/visits', plan(place.id, '1', over))
      expect(res.status, JSON.stringify(over)).toBe(422)
    }
    const res = await d.post('/visits', plan(place.id, [], { note: '保留这句' }))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('保留这句')
    expect(visitRows(t)).toHaveLength(0)
  })

  it('a clerk plans for deputies of their station only, and only for their station', async () => {
    const t = await makeTestApp()
    const clerk = await signedIn(t, 'staff')
    const place = placeIn(t, 1)
    expect((await clerk.get('/visits/new?station=1')).status).toBe(200)
    expect((await clerk.get('/visits/new?station=2')).status).toBe(403)
    expect((await clerk.post('/visits?station=2', plan(place.id, '1'))).status).toBe(403)
    // Deputy 9 serves 第四选区 from the north station.
    expect((await clerk.post('/visits?station=1', plan(place.id, ['1', '9']))).status).toBe(422)
    expect(visitRows(t)).toHaveLength(0)
    const ok = await clerk.post('/visits?station=1', plan(place.id, ['1', '6']))
    expect(ok.status).toBe(303)
    expect(visitRows(t)[0]).toMatchObject({ stationId: 1 })
    const list = await (await clerk.get('/staff/stations/1/visits')).text()
    expect(list).toContain(place.nameZhHans)
    expect((await clerk.get('/staff/stations/2/visits')).status).toBe(403)
  })
})

describe('changing, logging, cancelling', () => {
  async function planned() {
    const t = await makeTestApp()
    const d = await signedIn(t, 'deputy')
    const place = placeIn(t, 1)
    await d.post('/visits', plan(place.id, '1'))
    const id = visitRows(t)[0]!.id
    return { t, d, id, place }
  }

  it('an edit bumps the sequence; a log before the start is refused; held, then no edit; undo; cancel', async () => {
    const { t, d, id, place } = await planned()
    const edited = await d.post(`/visits/${id}/edit`, plan(place.id, '1', { start: '14:00', end: '16:00' }))
    expect(edited.status).toBe(303)
    expect(visitRows(t)[0]).toMatchObject({ sequence: 1 })
    expect(visitRows(t)[0]!.startsAt.toISOString()).toBe('2026-11-26T06:00:00.000Z')

    const early = await d.post(`/visits/${id}/log`, { peopleMet: '12', summary: '座谈' })
    expect(early.status).toBe(409)
    expect(await early.text()).toContain('走访开始以后才能记录')
    expect(visitRows(t)[0]).toMatchObject({ status: 'planned', sequence: 1 })

    t.clock.set('2026-11-26T08:30:00.000Z')
    await d.login(...DEMO.deputy) // a day later: the session has lapsed
    expect((await d.post(`/visits/${id}/log`, { peopleMet: '-1', summary: '座谈' })).status).toBe(422)
    expect((await d.post(`/visits/${id}/log`, { peopleMet: '12', summary: '' })).status).toBe(422)
    expect(visitRows(t)[0]).toMatchObject({ status: 'planned', sequence: 1 })
    expect((await d.post(`/visits/${id}/log`, { peopleMet: '12', summary: '听取物业意见' })).status).toBe(303)
    expect(visitRows(t)[0]).toMatchObject({
      status: 'held',
      peopleMet: 12,
      summary: '听取物业意见',
      sequence: 2,
    })
    expect(visitRows(t)[0]!.loggedAt?.toISOString()).toBe('2026-11-26T08:30:00.000Z')

    expect((await d.post(`/visits/${id}/edit`, plan(place.id, '1'))).status).toBe(409)
    expect((await d.post(`/visits/${id}/cancel`, { reason: '下雨' })).status).toBe(409)
    expect(visitRows(t)[0]).toMatchObject({ status: 'held', sequence: 2 })

    expect((await d.post(`/visits/${id}/undo`)).status).toBe(303)
    expect(visitRows(t)[0]).toMatchObject({ status: 'planned', peopleMet: null, summary: null, sequence: 3 })
    expect((await d.post(`/visits/${id}/undo`)).status).toBe(409)

    expect((await d.post(`/visits/${id}/cancel`, { reason: '' })).status).toBe(422)
    expect((await d.post(`/visits/${id}/cancel`, { reason: '村里有事，改期' })).status).toBe(303)
    expect(visitRows(t)[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: '村里有事，改期',
      sequence: 4,
    })
    expect((await d.post(`/visits/${id}/log`, { peopleMet: '3', summary: 'x' })).status).toBe(409)
    expect(auditOf(t).map((a) => a.action)).toEqual([
      'visit.plan',
      'visit.edit',
      'visit.log',
      'visit.undo',
      'visit.cancel',
    ])
    const page = await (await d.get(`/visits/${id}`)).text()
    expect(page).toContain('已取消')
    expect(page).toContain('村里有事，改期')
  })

  it('a clerk logs for a deputy who phoned it in: the clerk is the actor, the page says for whom', async () => {
    const { t, id } = await planned()
    t.clock.set('2026-11-26T03:30:00.000Z')
    const clerk = await signedIn(t, 'staff')
    const page = await (await clerk.get(`/visits/${id}`)).text()
    expect(page).toContain('您在为 陈建国 记录')
    expect(
      (await clerk.post(`/visits/${id}/log`, { peopleMet: '30', summary: '入户走访 30 户' })).status,
    ).toBe(303)
    const logged = auditOf(t).at(-1)!
    const clerkId = t.db.select().from(accounts).where(eq(accounts.username, DEMO.staff[0])).get()!.id
    expect(logged).toMatchObject({ action: 'visit.log', actorAccountId: clerkId })
    expect(logged.detail).toMatchObject({ deputyIds: [1] })
    expect(await (await clerk.get(`/visits/${id}`)).text()).toContain('王晓梅')
  })

  it('other deputies and other stations’ clerks cannot see or change a visit', async () => {
    const { t, id } = await planned()
    const other = await addAccount(t, { username: 'lixiuying', role: 'deputy', deputyId: 2 })
    const o = await t.client().login(other.username, other.password)
    expect((await o.get(`/visits/${id}`)).status).toBe(403)
    expect((await o.post(`/visits/${id}/cancel`, { reason: 'x' })).status).toBe(403)
    const north = await addAccount(t, { username: 'northclerk', role: 'staff', stationIds: [2] })
    const n = await t.client().login(north.username, north.password)
    expect((await n.post(`/visits/${id}/cancel`, { reason: 'x' })).status).toBe(403)
    expect(visitRows(t)[0]).toMatchObject({ status: 'planned', sequence: 0 })
    expect((await o.get('/me/visits')).status).toBe(200)
    expect((await (await signedIn(t, 'staff')).get('/me/visits')).status).toBe(403)
  })
})

describe('concerns raised at a visit', () => {
  it('each in one step: channel visit, the visit and its place, no queue ticket, its own code and slip', async () => {
    const t = await makeTestApp()
    const clerk = await signedIn(t, 'staff')
    const place = placeIn(t, 1)
    await clerk.post('/visits?station=1', plan(place.id, ['1', '6']))
    const id = visitRows(t)[0]!.id
    expect((await clerk.get(`/visits/${id}/concerns`)).status).toBe(409)
    expect(
      (await clerk.post(`/visits/${id}/concerns`, { topic: '1', deputy: '1', description: '路灯' })).status,
    ).toBe(409)
    t.clock.set('2026-11-26T02:00:00.000Z')
    await clerk.login(...DEMO.staff)
    const form = await (await clerk.get(`/visits/${id}/concerns`)).text()
    expect(form).toContain('陈建国')
    const bad = await clerk.post(`/visits/${id}/concerns`, {
      topic: '1',
      deputy: '2',
      description: '路灯不亮',
      phone: '123',
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('路灯不亮')
    expect(t.db.select().from(concerns).all()).toHaveLength(0)

    const first = await clerk.post(`/visits/${id}/concerns`, {
      topic: '1',
      deputy: '6',
      description: '路灯不亮',
      phone: '13800001111',
      smsConsent: 'on',
    })
    expect(first.status).toBe(303)
    await clerk.post(`/visits/${id}/concerns`, { topic: '2', deputy: '1', description: '垃圾清运' })
    const rows = t.db.select().from(concerns).orderBy(asc(concerns.id)).all()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      channel: 'visit',
      visitId: id,
      placeId: place.id,
      deputyId: 6,
      smsConsent: true,
    })
    expect(rows[1]).toMatchObject({
      channel: 'visit',
      visitId: id,
      placeId: place.id,
      deputyId: 1,
      smsConsent: false,
    })
    expect(rows[0]!.trackingCode).not.toBe(rows[1]!.trackingCode)
    expect(t.db.select().from(queueTickets).all()).toHaveLength(0)
    // The resident who agreed gets the code by SMS, tied to the concern; the other gets nothing.
    const sms = t.db.select().from(outbox).where(eq(outbox.channel, 'sms')).all()
    expect(sms).toMatchObject([
      { kind: 'concern.received', phone: '13800001111', concernId: rows[0]!.id, status: 'pending' },
    ])
    const events = t.db.select().from(concernEvents).all()
    expect(events.every((e) => e.actorKind === 'account' && e.actorAccountId !== null)).toBe(true)
    expect(first.headers.get('location')).toBe(`/visits/${id}/concerns?done=${rows[0]!.trackingCode}`)
    expect(await (await clerk.get(first.headers.get('location')!)).text()).toContain('已登记')

    const slip = await clerk.get(`/visits/${id}/slip/${rows[0]!.trackingCode}`)
    expect(slip.status).toBe(200)
    const slipText = await slip.text()
    expect(slipText).toContain(`/track/${rows[0]!.trackingCode}`)
    expect(slipText).not.toContain('13800001111')
    expect((await clerk.get(`/visits/${id}/slip/ABCDEFGH`)).status).toBe(404)

    // Logged as held with concerns: no way back to planned.
    await clerk.post(`/visits/${id}/log`, { peopleMet: '8', summary: '两条意见' })
    expect((await clerk.post(`/visits/${id}/undo`)).status).toBe(409)
    expect(visitRows(t)[0]).toMatchObject({ status: 'held' })
    const page = await (await clerk.get(`/visits/${id}`)).text()
    expect(page).toContain('走访中收集的意见 (2)')
  })
})
