import { afterEach, describe, expect, it, vi } from 'vitest'
import { queueBus } from '../../server/events/queue-bus.ts'
import { KEEPALIVE_MS } from '../../server/events/sse.ts'
import { kioskClient, markPresent, STATION_A, sseMessages, submitDropIn } from '../helpers/queue.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

/** Reads messages until the server ends the stream; fails if it keeps pushing. */
async function expectEnded(stream: ReturnType<typeof sseMessages>) {
  await expect(stream.next()).rejects.toThrow('stream ended')
}

async function station() {
  const t = await makeTestApp()
  markPresent(t, STATION_A, [1, 2])
  const kiosk = await kioskClient(t)
  const deputy = await t.client().login(...DEMO.deputy)
  const clerk = await t.client().login(...DEMO.staff)
  const admin = await t.client().login(...DEMO.admin)
  return { t, kiosk, deputy, clerk, admin }
}

describe('live streams end with their credential', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a console stream ends when its session logs out; another person’s stream goes on', async () => {
    const { t, kiosk, deputy, clerk } = await station()
    const mine = sseMessages(await deputy.get('/console/1/1/events'))
    const theirs = sseMessages(await clerk.get('/console/1/1/events'))
    expect(await mine.next()).toContain('现在没有人排队')
    expect(await theirs.next()).toContain('现在没有人排队')
    expect((await deputy.post('/logout')).status).toBe(303)
    await expectEnded(mine)
    await submitDropIn(kiosk)
    expect(await theirs.next()).toContain('A-001')
    await theirs.cancel()
    await expect.poll(() => queueBus(t.db).listenerCount(STATION_A)).toBe(0)
  })

  it('a console stream ends when an administrator disables the account', async () => {
    const { t, clerk, admin } = await station()
    const stream = sseMessages(await clerk.get('/console/1/1/events'))
    await stream.next()
    const id = t.db.$client.prepare("select id from accounts where username = 'clerk'").pluck().get()
    const res = await admin.post(`/admin/accounts/${id}`, {
      username: 'clerk',
      displayName: '王晓梅',
      role: 'staff',
      password: '',
    })
    expect(res.status).toBe(303)
    await expectEnded(stream)
  })

  it('a display stream ends when its kiosk is revoked', async () => {
    const { t, kiosk, admin } = await station()
    const stream = sseMessages(await kiosk.get('/display/events'))
    expect(await stream.next()).toContain('暂未叫号')
    const id = t.db.$client.prepare('select max(id) from kiosks').pluck().get()
    expect((await admin.post(`/admin/kiosks/${id}/revoke`)).status).toBe(303)
    await expectEnded(stream)
    expect(queueBus(t.db).listenerCount(STATION_A)).toBe(0)
  })

  it('a stream whose session was ended elsewhere (the CLI, another process) ends at its next push', async () => {
    const { t, kiosk, deputy } = await station()
    const stream = sseMessages(await deputy.get('/console/1/1/events'))
    await stream.next()
    // No wake-up from this process: only the check before each write can notice.
    t.db.$client
      .prepare(
        "delete from auth_sessions where account_id = (select id from accounts where username = 'deputy')",
      )
      .run()
    await submitDropIn(kiosk)
    await expectEnded(stream)
  })

  it('a quiet stream whose session was ended elsewhere ends at its next keep-alive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { t, deputy } = await station()
    const stream = sseMessages(await deputy.get('/console/1/1/events'))
    await stream.next()
    t.db.$client
      .prepare(
        "delete from auth_sessions where account_id = (select id from accounts where username = 'deputy')",
      )
      .run()
    // Nothing is pushed: only the keep-alive's check can notice.
    await vi.advanceTimersByTimeAsync(KEEPALIVE_MS)
    await expectEnded(stream)
  })

  it('a display stream of a kiosk revoked elsewhere ends at its next push', async () => {
    const { t, kiosk } = await station()
    const stream = sseMessages(await kiosk.get('/display/events'))
    await stream.next()
    t.db.$client.prepare('update kiosks set revoked_at = 1').run()
    queueBus(t.db).publish({ stationId: STATION_A, kind: 'settings' })
    await expectEnded(stream)
  })
})
