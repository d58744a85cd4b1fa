import { describe, expect, it, vi } from 'vitest'
import { outbox, staffCalls } from '../../db/schema.ts'
import { queueBus } from '../../server/events/queue-bus.ts'
import { KEEPALIVE_MS } from '../../server/events/sse.ts'
import { kioskClient, rows, STATION_A, STATION_B, sseMessages } from '../helpers/queue.ts'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

const calls = (t: Awaited<ReturnType<typeof makeTestApp>>) => t.db.select().from(staffCalls).all()

describe('call staff from a kiosk', () => {
  it('puts the button on every kiosk screen, but not on the pairing form', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    for (const path of ['/kiosk', '/kiosk/concern', '/kiosk/progress', '/kiosk/booking']) {
      const html = await (await k.get(path)).text()
      expect(html, path).toMatch(/<button type="submit" class="call-staff" id="call-staff" data-call-staff/)
      expect(html, path).toContain('呼叫工作人员')
      expect(html, path).toContain('hx-post="/kiosk/call-staff"')
      expect(html, path).toContain('id="call-staff-notice"')
    }
    const pair = await (await t.client().get('/kiosk/pair')).text()
    expect(pair).not.toContain('data-call-staff')
  })

  it('creates one call and one notice to the station group; a second press while it is open adds nothing', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const first = await k.post('/kiosk/call-staff', { back: '/kiosk/concern' }, { htmx: true })
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('工作人员马上就来')
    expect(calls(t)).toHaveLength(1)
    expect(calls(t)[0]).toMatchObject({ stationId: STATION_A, answeredAt: null })
    const messages = t.db.select().from(outbox).all()
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({
      recipient: `station:${STATION_A}`,
      kind: 'staff.call',
      dedupeKey: `staff-call:${calls(t)[0]!.id}`,
      status: 'pending',
    })
    expect(messages[0]!.subject).toContain('呼叫工作人员')

    const second = await k.post('/kiosk/call-staff', { back: '/kiosk' }, { htmx: true })
    expect(second.status).toBe(200)
    expect(await second.text()).toContain('已经通知工作人员')
    expect(calls(t)).toHaveLength(1)
    expect(rows(t.db, 'outbox')).toBe(1)

    // Another kiosk of the same station makes its own call.
    const other = await kioskClient(t)
    await other.post('/kiosk/call-staff', {}, { htmx: true })
    expect(calls(t)).toHaveLength(2)
  })

  it('answers a plain form post with a page that leads back to the screen, never off the kiosk', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t, STATION_B)
    const res = await k.post('/kiosk/call-staff', { back: '/kiosk/booking?x=1' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<!DOCTYPE html>')
    expect(html).toContain('href="/kiosk/booking?x=1" id="call-staff-back"')
    const again = await (await k.post('/kiosk/call-staff', { back: '//evil.example/kiosk' })).text()
    expect(again).toContain('href="/kiosk" id="call-staff-back"')
    expect(calls(t)).toHaveLength(1)
    expect(calls(t)[0]!.stationId).toBe(STATION_B)
  })

  it('needs a paired kiosk and the CSRF token', async () => {
    const t = await makeTestApp()
    const anonymous = t.client()
    expect((await anonymous.post('/kiosk/call-staff', {}, { htmx: true })).status).toBe(401)
    const k = await kioskClient(t)
    expect((await k.post('/kiosk/call-staff', {}, { csrf: false })).status).toBe(403)
    expect(calls(t)).toHaveLength(0)
  })

  it('limits how often one kiosk calls even when each call is answered', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const clerk = await t.client().login(...DEMO.staff)
    for (let i = 0; i < 6; i++) {
      expect((await k.post('/kiosk/call-staff', {}, { htmx: true })).status).toBe(200)
      const open = calls(t).find((c) => c.answeredAt === null)!
      expect((await clerk.post(`/staff/stations/1/today/calls/${open.id}/answer`)).status).toBe(303)
    }
    const refused = await k.post('/kiosk/call-staff', {}, { htmx: true })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('呼叫次数太多')
    expect(calls(t)).toHaveLength(6)
  })
})

describe('calls on the station today page', () => {
  it('lists open calls with the kiosk and how long ago, live over SSE, until a clerk answers', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const clerk = await t.client().login(...DEMO.staff)
    const page = await (await clerk.get('/staff/stations/1/today')).text()
    expect(page).toContain('暂无待处理的呼叫')
    expect(page).toContain('data-live-url="/staff/stations/1/today/calls/events"')

    const res = await clerk.get('/staff/stations/1/today/calls/events')
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = sseMessages(res)
    expect(await stream.next()).toContain('暂无待处理的呼叫')
    await k.post('/kiosk/call-staff', {}, { htmx: true })
    const call = calls(t)[0]!
    const pushed = await stream.next()
    expect(pushed).toContain('test kiosk')
    expect(pushed).toContain('刚刚')
    expect(pushed).toContain(`action="/staff/stations/1/today/calls/${call.id}/answer"`)
    // The pushed form carries the clerk's CSRF token, so "I'm on it" works from it.
    expect(pushed).toContain(`name="_csrf" value="${clerk.csrf}"`)

    t.clock.advance(3 * 60_000)
    const later = await (await clerk.get('/staff/stations/1/today')).text()
    expect(later).toContain('3 分钟前')

    const answered = await clerk.post(`/staff/stations/1/today/calls/${call.id}/answer`)
    expect(answered.status).toBe(303)
    expect(answered.headers.get('location')).toBe('/staff/stations/1/today?call=answered#staff-calls')
    expect(await stream.next()).toContain('暂无待处理的呼叫')
    await stream.cancel()
    await expect.poll(() => queueBus(t.db).listenerCount(STATION_A)).toBe(0)
    expect(calls(t)[0]).toMatchObject({ answeredByAccountId: expect.any(Number) })
    expect(calls(t)[0]!.answeredAt).not.toBeNull()
    const after = await (await clerk.get('/staff/stations/1/today?call=answered')).text()
    expect(after).toContain('已由您接手该呼叫')
    expect(after).not.toContain(`/today/calls/${call.id}/answer`)

    // Answered twice: the second clerk is told, nothing changes.
    const again = await clerk.post(`/staff/stations/1/today/calls/${call.id}/answer`)
    expect(again.status).toBe(409)
    // A new press after the answer is a new call.
    await k.post('/kiosk/call-staff', {}, { htmx: true })
    expect(calls(t)).toHaveLength(2)
  })

  it("keeps staff of another station from seeing or answering a station's calls", async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    await k.post('/kiosk/call-staff', {}, { htmx: true })
    const call = calls(t)[0]!
    const other = await addAccount(t, { username: 'b-clerk', role: 'staff', stationIds: [STATION_B] })
    const b = await t.client().login(other.username, other.password)
    expect((await b.post(`/staff/stations/1/today/calls/${call.id}/answer`)).status).toBe(403)
    expect((await b.get('/staff/stations/1/today/calls/events')).status).toBe(403)
    // Through their own station's path the call is not theirs either.
    expect((await b.post(`/staff/stations/2/today/calls/${call.id}/answer`)).status).toBe(404)
    expect(calls(t)[0]!.answeredAt).toBeNull()
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.post(`/staff/stations/1/today/calls/${call.id}/answer`)).status).toBe(403)
    expect(calls(t)[0]!.answeredAt).toBeNull()
  })

  it("ends the today page's call stream when the clerk logs out", async () => {
    const t = await makeTestApp()
    const clerk = await t.client().login(...DEMO.staff)
    const stream = sseMessages(await clerk.get('/staff/stations/1/today/calls/events'))
    expect(await stream.next()).toContain('暂无待处理的呼叫')
    expect((await clerk.post('/logout')).status).toBe(303)
    await expect(stream.next()).rejects.toThrow('stream ended')
    await expect.poll(() => queueBus(t.db).listenerCount(STATION_A)).toBe(0)
  })

  it('renders the list again at each keep-alive, so "minutes ago" moves without a new call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const t = await makeTestApp()
      const k = await kioskClient(t)
      await k.post('/kiosk/call-staff', {}, { htmx: true })
      const clerk = await t.client().login(...DEMO.staff)
      const stream = sseMessages(await clerk.get('/staff/stations/1/today/calls/events'))
      expect(await stream.next()).toContain('刚刚')
      t.clock.advance(2 * 60_000)
      await vi.advanceTimersByTimeAsync(KEEPALIVE_MS)
      expect(await stream.next()).toContain('2 分钟前')
      await stream.cancel()
    } finally {
      vi.useRealTimers()
    }
  })
})
