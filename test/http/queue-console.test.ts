import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { saveQueueSettings } from '../../db/queries/queue-presence.ts'
import { concernEvents, concerns, queueTickets } from '../../db/schema.ts'
import { queueBus } from '../../server/events/queue-bus.ts'
import {
  counts,
  kioskClient,
  markPresent,
  STATION_A,
  STATION_B,
  sseMessages,
  submitDropIn,
} from '../helpers/queue.ts'
import { addAccount, DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** Station A with deputies 1 (陈建国, the demo deputy account) and 2 present, and a kiosk. */
async function station() {
  const t = await makeTestApp()
  markPresent(t, STATION_A, [1, 2])
  const kiosk = await kioskClient(t)
  const clerk = await t.client().login(...DEMO.staff)
  const deputy = await t.client().login(...DEMO.deputy)
  return { t, kiosk, clerk, deputy }
}

const ticket = (t: TestApp, number: number, stationId = STATION_A) =>
  t.db
    .select()
    .from(queueTickets)
    .all()
    .find((r) => r.number === number && r.stationId === stationId)!

describe('deputy console', () => {
  it('calls the next ticket atomically and answers htmx with the console fragment', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    await submitDropIn(kiosk)
    const page = await deputy.get('/console/1/1')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('叫下一位')
    expect(html).toContain('id="console-queue"')
    expect(html).toContain('data-live-url="/console/1/1/events"')
    expect(html).toContain('A-001')

    const res = await deputy.post('/console/1/1/call', {}, { htmx: true })
    expect(res.status).toBe(200)
    const frag = await res.text()
    expect(frag.startsWith('<section id="console-main"')).toBe(true)
    expect(frag).toContain('已叫号：A-001')
    expect(ticket(t, 1)).toMatchObject({
      status: 'called',
      calledDeputyId: 1,
      callCount: 1,
      place: '接待室 1',
    })
    expect(
      t.db
        .select()
        .from(concerns)
        .where(eq(concerns.id, ticket(t, 1).concernId))
        .get()!.deputyId,
    ).toBe(1)
  })

  it('falls back to a real form post with a redirect back to the console', async () => {
    const { kiosk, clerk } = await station()
    await submitDropIn(kiosk)
    const res = await clerk.post('/console/1/2/call')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/console/1/2?m=called')
    expect(await (await clerk.get('/console/1/2?m=called')).text()).toContain('已叫号。')
  })

  it('keeps one ticket per deputy at a time and says which one to finish', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const busy = await deputy.post('/console/1/1/call', {}, { htmx: true })
    expect(busy.status).toBe(409)
    expect(await busy.text()).toContain('请先处理正在接待的 A-001')
    expect(ticket(t, 2).status).toBe('waiting')
  })

  it('follows the order rule: one priority ticket after every N others; tickets asked for someone else are skipped', async () => {
    const { t, kiosk, deputy } = await station()
    saveQueueSettings(t.db, STATION_A, { priorityEvery: 1, firstResponseWorkingDays: 5 }, t.clock.now())
    await submitDropIn(kiosk)
    t.clock.advance(60_000)
    await submitDropIn(kiosk, { deputy: '2' }) // A-002 asked for deputy 2
    t.clock.advance(60_000)
    await submitDropIn(kiosk)
    t.clock.advance(60_000)
    await submitDropIn(kiosk, { priority: 'on' }) // A-004 priority
    const called: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await deputy.post('/console/1/1/call', {}, { htmx: true })
      called.push(/已叫号：(A-\d+)/.exec(await res.text())?.[1] ?? '')
      const current = t.db.select().from(queueTickets).where(eq(queueTickets.status, 'called')).get()!
      await deputy.post(`/console/1/1/tickets/${current.id}/serve`, { outcome: 'answered' }, { htmx: true })
    }
    expect(called).toEqual(['A-001', 'A-004', 'A-003'])
    expect(ticket(t, 2).status).toBe('waiting')
    expect(await deputy.post('/console/1/1/call', {}, { htmx: true }).then((r) => r.text())).toContain(
      '现在没有可以叫的号',
    )
  })

  it('records served with an outcome and a note on the concern timeline', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const first = ticket(t, 1)
    const res = await deputy.post(
      `/console/1/1/tickets/${first.id}/serve`,
      { outcome: 'answered', note: '已告知物业维修电话' },
      { htmx: true },
    )
    expect(res.status).toBe(200)
    expect(ticket(t, 1)).toMatchObject({ status: 'served', outcome: 'answered' })
    const concern = t.db.select().from(concerns).where(eq(concerns.id, first.concernId)).get()!
    expect(concern.status).toBe('answered')
    const events = t.db.select().from(concernEvents).where(eq(concernEvents.concernId, first.concernId)).all()
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'received'],
      ['called', 'received', 'received'],
      ['served', 'received', 'answered'],
    ])
    expect(events[2]!).toMatchObject({ actorKind: 'account', note: '已告知物业维修电话' })

    await deputy.post('/console/1/1/call', {}, { htmx: true })
    await deputy.post(
      `/console/1/1/tickets/${ticket(t, 2).id}/serve`,
      { outcome: 'follow_up' },
      { htmx: true },
    )
    const second = t.db
      .select()
      .from(concerns)
      .where(eq(concerns.id, ticket(t, 2).concernId))
      .get()!
    expect(second).toMatchObject({ status: 'received', deputyId: 1 })
    expect(await (await deputy.get('/console/1/1')).text()).toContain('您的待办问题：1 件')
  })

  it('recalls, marks no-show, parks and resumes, all through the one call path', async () => {
    const { t, kiosk, deputy } = await station()
    const calls: string[] = []
    queueBus(t.db).subscribe(STATION_A, (e) => calls.push(e.kind))
    await submitDropIn(kiosk)
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const one = ticket(t, 1)
    await deputy.post(`/console/1/1/tickets/${one.id}/recall`, {}, { htmx: true })
    expect(ticket(t, 1).callCount).toBe(2)
    await deputy.post(`/console/1/1/tickets/${one.id}/park`, {}, { htmx: true })
    expect(ticket(t, 1).status).toBe('parked')
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    expect(ticket(t, 2).status).toBe('called')
    await deputy.post(`/console/1/1/tickets/${ticket(t, 2).id}/no-show`, {}, { htmx: true })
    expect(ticket(t, 2).status).toBe('no_show')
    const resumed = await deputy.post(`/console/1/1/tickets/${one.id}/resume`, {}, { htmx: true })
    expect(await resumed.text()).toContain('已继续接待')
    expect(ticket(t, 1)).toMatchObject({ status: 'called', callCount: 3 })
    expect(calls).toEqual([
      'issued',
      'issued',
      'called',
      'recalled',
      'parked',
      'called',
      'finished',
      'called',
    ])
    const noShow = t.db
      .select()
      .from(concerns)
      .where(eq(concerns.id, ticket(t, 2).concernId))
      .get()!
    // A walk-in who left no phone cannot be reached: it ends apart (issue 15), not in the backlog.
    expect(noShow).toMatchObject({ status: 'no_show_no_contact', deputyId: 1 })
  })

  it('transfers to another deputy present, keeping the place in the queue', async () => {
    const { t, kiosk, deputy, clerk } = await station()
    await submitDropIn(kiosk)
    t.clock.advance(60_000)
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const one = ticket(t, 1)
    const notThere = await deputy.post(`/console/1/1/tickets/${one.id}/transfer`, { to: '5' }, { htmx: true })
    expect(notThere.status).toBe(409)
    expect(ticket(t, 1).status).toBe('called')
    const res = await deputy.post(`/console/1/1/tickets/${one.id}/transfer`, { to: '2' }, { htmx: true })
    expect(res.status).toBe(200)
    expect(ticket(t, 1)).toMatchObject({ status: 'waiting', deputyId: 2, calledDeputyId: null })
    // Deputy 2 (run by the clerk) gets it first: it kept its arrival time.
    await clerk.post('/console/1/2/call', {}, { htmx: true })
    expect(ticket(t, 1)).toMatchObject({ status: 'called', calledDeputyId: 2 })
    expect(t.db.select().from(concerns).where(eq(concerns.id, one.concernId)).get()!.deputyId).toBe(2)
  })

  it('refuses to call for a deputy who is not present, writing nothing', async () => {
    const { t, kiosk, clerk } = await station()
    await submitDropIn(kiosk)
    const before = counts(t.db)
    const res = await clerk.post('/console/1/3/call', {}, { htmx: true })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('该代表今天没有登记在本站')
    expect(counts(t.db)).toEqual(before)
    expect(ticket(t, 1).status).toBe('waiting')
    expect(await (await clerk.get('/console/1/3')).text()).toContain('今天您尚未登记在本站接待')
  })

  it("refuses an action on another station's ticket with a localised 404 and changes nothing", async () => {
    const { t, kiosk, deputy } = await station()
    markPresent(t, STATION_B, [8])
    const bKiosk = await kioskClient(t, STATION_B)
    await submitDropIn(kiosk)
    const form = await (await bKiosk.get('/kiosk/concern/details?topic=1')).text()
    const key = /name="key" value="([^"]+)"/.exec(form)![1]!
    await bKiosk.post('/kiosk/concern', { station: '2', topic: '1', key, deputy: 'any' })
    const bTicket = ticket(t, 1, STATION_B)
    const before = counts(t.db)
    for (const action of ['serve', 'no-show', 'park', 'recall', 'resume', 'transfer']) {
      const res = await deputy.post(
        `/console/1/1/tickets/${bTicket.id}/${action}`,
        { outcome: 'answered', to: '2' },
        { htmx: true },
      )
      expect(res.status, action).toBe(404)
      expect(await res.text()).toContain('本站今天没有这个号')
    }
    await deputy.post(`/console/1/1/tickets/${bTicket.id}/serve`, { outcome: 'answered' })
    expect(ticket(t, 1, STATION_B)).toEqual(bTicket)
    expect(counts(t.db)).toEqual(before)
    // A clerk of station A cannot open a console of station B at all.
    const clerk = await t.client().login(...DEMO.staff)
    expect((await clerk.get('/console/2/8')).status).toBe(403)
    expect((await clerk.post('/console/2/8/call')).status).toBe(403)
    expect(ticket(t, 1, STATION_B).status).toBe('waiting')
  })

  it("keeps deputies out of each other's consoles", async () => {
    const { deputy } = await station()
    expect((await deputy.get('/console/1/2')).status).toBe(403)
    expect((await deputy.post('/console/1/2/call')).status).toBe(403)
  })

  it('validates the outcome', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const res = await deputy.post(
      `/console/1/1/tickets/${ticket(t, 1).id}/serve`,
      { outcome: 'maybe' },
      { htmx: true },
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('请选择接待结果')
    expect(ticket(t, 1).status).toBe('called')
  })

  it('masks the call-back phone unless the viewer is staff of the station or the assigned deputy', async () => {
    const { t, kiosk, deputy, clerk } = await station()
    await submitDropIn(kiosk, { phone: '13812345678', mode: 'phone' })
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    expect(await (await deputy.get('/console/1/1')).text()).toContain('13812345678')
    expect(await (await clerk.get('/console/1/1')).text()).toContain('13812345678')
    const admin = await t.client().login(...DEMO.admin)
    const adminView = await (await admin.get('/console/1/1')).text()
    expect(adminView).toContain('138****5678')
    expect(adminView).not.toContain('13812345678')
    // The waiting list and the display never show personal data.
    expect(await (await kiosk.get('/display')).text()).not.toContain('5678')
  })

  it('lists the consoles a clerk can open and sends a deputy straight to theirs', async () => {
    const { clerk, deputy } = await station()
    const list = await (await clerk.get('/console')).text()
    expect(list).toContain('href="/console/1/1"')
    expect(list).toContain('href="/console/1/2"')
    const res = await deputy.get('/console')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/console/1/1')
  })
})

describe('display board', () => {
  it('is only for paired devices', async () => {
    const { clerk } = await station()
    const res = await clerk.get('/display')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/kiosk/pair')
  })

  it('shows numbers, where to go, the waiting count, the order rule and who is present — never a name of a resident', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    await submitDropIn(kiosk)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const html = await (await kiosk.get('/display')).text()
    expect(html).toContain('<p class="q-board-number" id="board-latest-number">A-001</p>')
    expect(html).toContain('请到接待室 1（陈建国 代表）')
    expect(html).toContain('1 人等候')
    expect(html).toContain('每叫 3 个号后优先叫 1 个')
    expect(html).toContain('李秀英 代表 · 接待室 2')
    expect(html).not.toContain('idle.js')
    void t
  })

  it('pushes the board over SSE on connect and after every call', async () => {
    const { t, kiosk, deputy } = await station()
    await submitDropIn(kiosk)
    const res = await kiosk.get('/display/events')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = sseMessages(res)
    const first = await stream.next()
    expect(first).toContain('暂未叫号')
    expect(first).toContain('1 人等候')
    expect(queueBus(t.db).listenerCount(STATION_A)).toBe(1)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const second = await stream.next()
    expect(second).toContain('id="board-latest-number">A-001<')
    expect(second).toContain('0 人等候')
    // A plain (non-htmx) form post from any screen reaches the board the same way.
    await deputy.post(`/console/1/1/tickets/${ticket(t, 1).id}/recall`)
    expect(await stream.next()).toContain('A-001')
    await stream.cancel()
    await expect.poll(() => queueBus(t.db).listenerCount(STATION_A)).toBe(0)
  })

  it("streams the console's waiting list over SSE", async () => {
    const { kiosk, deputy } = await station()
    const res = await deputy.get('/console/1/1/events')
    const stream = sseMessages(res)
    expect(await stream.next()).toContain('现在没有人排队')
    await submitDropIn(kiosk)
    const next = await stream.next()
    expect(next).toContain('A-001')
    expect(next).toContain('任一代表')
    await stream.cancel()
  })
})

describe('station day', () => {
  it('lets a clerk mark deputies present with a place, which the kiosk and board follow', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const page = await clerk.get('/staff/stations/1/today')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('今日在站代表')
    const res = await clerk.post('/staff/stations/1/today/presence', {
      deputy: '3',
      present: '1',
      place: '二楼调解室',
    })
    expect(res.status).toBe(303)
    const k = await kioskClient(t)
    expect(await (await k.get('/kiosk/concern/details?topic=1')).text()).toContain('张伟 代表（二楼调解室）')
    expect(await (await k.get('/display')).text()).toContain('张伟 代表 · 二楼调解室')
    await clerk.post('/staff/stations/1/today/presence', { deputy: '3', present: '0', place: '' })
    expect(await (await k.get('/kiosk/concern/details?topic=1')).text()).toContain('今天暂时没有代表在站')
  })

  it('validates presence and settings and keeps clerks to their own stations', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    expect(
      (await clerk.post('/staff/stations/1/today/presence', { deputy: '999', present: '1' })).status,
    ).toBe(422)
    const bad = await clerk.post('/staff/stations/1/queue-settings', {
      priorityEvery: '-1',
      firstResponseWorkingDays: '0',
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('请输入 1 到 60 之间的整数')
    expect(t.db.$client.prepare('select count(*) as n from station_queue_settings').get()).toEqual({ n: 0 })
    const ok = await clerk.post('/staff/stations/1/queue-settings', {
      priorityEvery: '4',
      firstResponseWorkingDays: '10',
    })
    expect(ok.status).toBe(303)
    expect(await (await clerk.get('/staff/stations/1/today')).text()).toContain('每叫 4 个号后优先叫 1 个')
    expect((await clerk.get('/staff/stations/2/today')).status).toBe(403)
    expect((await clerk.post('/staff/stations/2/today/presence', { deputy: '8', present: '1' })).status).toBe(
      403,
    )
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get('/staff/stations/1/today')).status).toBe(403)
    expect(t.db.$client.prepare('select count(*) as n from station_presence').get()).toEqual({ n: 0 })
  })
})

describe('clerk intake', () => {
  it("records a phone concern with its channel into the chosen deputy's backlog", async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const form = await clerk.get('/staff/stations/1/intake')
    expect(form.status).toBe(200)
    const res = await clerk.post('/staff/stations/1/intake', {
      channel: 'wechat',
      topic: '2',
      deputy: '3',
      description: '路口红绿灯时间太短，老人过不去',
      residentName: '王芳',
      phone: '0757-12345678',
    })
    expect(res.status).toBe(303)
    const concern = t.db.select().from(concerns).get()!
    expect(concern).toMatchObject({
      channel: 'wechat',
      deputyId: 3,
      status: 'received',
      residentName: '王芳',
      callbackPhone: '075712345678',
      firstResponseDueOn: '2026-12-02',
      createdByAccountId: 2,
    })
    expect(counts(t.db).tickets).toBe(0)
    const done = await (await clerk.get(res.headers.get('location')!)).text()
    expect(done).toContain('已交给 张伟 代表')
  })

  it('refuses bad input with field messages and writes nothing', async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    await clerk.get('/lang/en?next=/')
    const cases: Record<string, string>[] = [
      { channel: 'phone', topic: '999', deputy: '1', description: 'x' },
      { channel: 'phone', topic: '1', deputy: '999', description: 'x' },
      { channel: 'kiosk', topic: '1', deputy: '1', description: 'x' },
      { channel: 'phone', topic: '1', deputy: '1', description: '' },
      { channel: 'phone', topic: '1', deputy: '1', description: 'x'.repeat(2001) },
      { channel: 'phone', topic: '1', deputy: '1', description: 'x', phone: '555' },
    ]
    const messages = []
    for (const form of cases) {
      const res = await clerk.post('/staff/stations/1/intake', form)
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(422)
      messages.push(/<div class="error-summary"[\s\S]*?<\/div>/.exec(await res.text())?.[0] ?? '')
    }
    expect(messages[0]).toContain('There is no such topic')
    expect(messages[1]).toContain('Choose one of the listed options')
    expect(messages[2]).toContain('Choose one of the listed options')
    expect(messages[3]).toContain('This field is required')
    expect(messages[4]).toContain('At most 2000 characters')
    expect(messages[5]).toContain('That is not a phone number we can call')
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
    const other = await addAccount(t, { username: 'b-clerk', role: 'staff', stationIds: [2] })
    const b = await t.client().login(other.username, other.password)
    expect(
      (
        await b.post('/staff/stations/1/intake', {
          channel: 'phone',
          topic: '1',
          deputy: '1',
          description: 'x',
        })
      ).status,
    ).toBe(403)
    expect(counts(t.db).concerns).toBe(0)
  })
})
