import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { enqueue, findMessage, type NewMessage, retryMessage } from '../../db/queries/outbox.ts'
import { outbox } from '../../db/schema.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { backoffMs, outboxSenderJob, runOutboxSender } from '../../server/jobs/outbox-sender.ts'
import { runJob } from '../../server/jobs/runner.ts'
import { jobDeps, startReceiver } from '../helpers/jobs.ts'

const MIN = 60_000
const T0 = '2026-11-25T02:00:00.000Z'

const notice = (over: Partial<NewMessage> = {}): NewMessage => ({
  dedupeKey: 'duty-reminder:roster-41:2026-11-25',
  recipient: 'station:1',
  kind: 'duty-reminder',
  subject: '值班提醒',
  body: '您今天下午在 A 站值班。',
  dueAt: new Date(T0),
  expiresAt: null,
  ...over,
})

describe('notification outbox', () => {
  it('turns a second enqueue with the same dedupe key into a no-op, before and after sending', async () => {
    const receiver = await startReceiver()
    const deps = jobDeps(':memory:', { clock: fixedClock(T0), env: { NOTIFY_WEBHOOK_URL: receiver.url } })
    const first = enqueue(deps.db, notice(), deps.clock.now())
    const again = enqueue(deps.db, notice({ subject: 'changed', body: 'changed' }), deps.clock.now())
    expect(first.created).toBe(true)
    expect(again.created).toBe(false)
    expect(again.message.id).toBe(first.message.id)
    expect(again.message.subject).toBe('值班提醒')
    await runOutboxSender(deps, deps.clock.now())
    deps.clock.advance(MIN)
    const late = enqueue(deps.db, notice(), deps.clock.now())
    expect(late).toMatchObject({ created: false, message: { id: first.message.id, status: 'sent' } })
    await runOutboxSender(deps, deps.clock.now())
    expect(deps.db.select().from(outbox).all()).toHaveLength(1)
    expect(receiver.requests).toHaveLength(1)
  })

  it('marks a message past its expiry as expired and never sends it late', async () => {
    const receiver = await startReceiver()
    const deps = jobDeps(':memory:', { clock: fixedClock(T0), env: { NOTIFY_WEBHOOK_URL: receiver.url } })
    const expiresAt = new Date(Date.parse(T0) + 30 * MIN)
    const { message } = enqueue(deps.db, notice({ expiresAt }), deps.clock.now())
    // The server was down until after the expiry.
    deps.clock.set(new Date(expiresAt.getTime() + MIN))
    const summary = await runOutboxSender(deps, deps.clock.now())
    expect(summary).toMatchObject({ sent: 0, expired: 1 })
    expect(findMessage(deps.db, message.id)).toMatchObject({ status: 'expired', attempts: 0, sentAt: null })
    deps.clock.advance(60 * MIN)
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(0)
  })

  it('expires a message whose time runs out while a slow batch is still sending', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock(T0) })
    const receiver = await startReceiver(() => {
      deps.clock.advance(10 * MIN) // this delivery takes ten minutes
      return { status: 200 }
    })
    deps.config.notify.webhookUrl = receiver.url
    const slow = enqueue(deps.db, notice({ dedupeKey: 'a' }), deps.clock.now()).message
    const soon = enqueue(
      deps.db,
      notice({ dedupeKey: 'b', expiresAt: new Date(Date.parse(T0) + 5 * MIN) }),
      deps.clock.now(),
    ).message
    await runOutboxSender(deps, deps.clock.now())
    expect(findMessage(deps.db, slow.id)?.status).toBe('sent')
    expect(findMessage(deps.db, soon.id)?.status).toBe('expired')
    expect(receiver.requests).toHaveLength(1)
  })

  it('does not send before the due time', async () => {
    const receiver = await startReceiver()
    const deps = jobDeps(':memory:', { clock: fixedClock(T0), env: { NOTIFY_WEBHOOK_URL: receiver.url } })
    enqueue(deps.db, notice({ dueAt: new Date(Date.parse(T0) + 5 * MIN) }), deps.clock.now())
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(0)
    deps.clock.advance(5 * MIN)
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(1)
  })

  it('retries a failing webhook with exponential back-off and delivers once it recovers', async () => {
    // A real receiver on loopback: fails twice, then recovers.
    const receiver = await startReceiver((n) =>
      n <= 2 ? { status: 500, body: 'down for maintenance' } : { status: 200 },
    )
    const deps = jobDeps(':memory:', {
      clock: fixedClock(T0),
      env: { NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_RETRY_SECONDS: '60', NOTIFY_MAX_ATTEMPTS: '5' },
    })
    const { message } = enqueue(deps.db, notice(), deps.clock.now())
    const at = (ms: number) => new Date(Date.parse(T0) + ms)

    expect(await runOutboxSender(deps, deps.clock.now())).toMatchObject({ sent: 0, retrying: 1 })
    expect(findMessage(deps.db, message.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(MIN),
      lastError: 'HTTP 500: down for maintenance',
    })
    deps.clock.set(at(MIN - 1000))
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(1) // not before the back-off

    deps.clock.set(at(MIN))
    await runOutboxSender(deps, deps.clock.now())
    expect(findMessage(deps.db, message.id)).toMatchObject({ attempts: 2, nextAttemptAt: at(3 * MIN) })
    deps.clock.set(at(3 * MIN - 1000))
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(2) // the second wait is twice as long

    deps.clock.set(at(3 * MIN))
    expect(await runOutboxSender(deps, deps.clock.now())).toMatchObject({ sent: 1 })
    expect(findMessage(deps.db, message.id)).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      sentAt: at(3 * MIN),
    })
    deps.clock.advance(60 * MIN)
    await runOutboxSender(deps, deps.clock.now())
    expect(receiver.requests).toHaveLength(3)
    const last = receiver.requests[2]!
    expect(last.method).toBe('POST')
    expect(last.contentType).toContain('application/json')
    expect(JSON.parse(last.body)).toEqual({
      id: message.id,
      dedupeKey: message.dedupeKey,
      kind: 'duty-reminder',
      recipient: 'station:1',
      subject: '值班提醒',
      body: '您今天下午在 A 站值班。',
      dueAt: T0,
    })
  })

  it('gives up as failed after the last attempt, and a retry starts a fresh round', async () => {
    let up = false
    const receiver = await startReceiver(() => ({ status: up ? 200 : 503 }))
    const deps = jobDeps(':memory:', {
      clock: fixedClock(T0),
      env: { NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_RETRY_SECONDS: '10', NOTIFY_MAX_ATTEMPTS: '2' },
    })
    const { message } = enqueue(deps.db, notice(), deps.clock.now())
    for (let i = 0; i < 5; i++) {
      await runOutboxSender(deps, deps.clock.now())
      deps.clock.advance(10 * MIN)
    }
    expect(receiver.requests).toHaveLength(2)
    expect(findMessage(deps.db, message.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'HTTP 503',
    })
    up = true
    expect(retryMessage(deps.db, message.id, deps.clock.now())).toBe('queued')
    await runOutboxSender(deps, deps.clock.now())
    expect(findMessage(deps.db, message.id)).toMatchObject({ status: 'sent', attempts: 1 })
    expect(retryMessage(deps.db, message.id, deps.clock.now())).toBe('not-retryable')
    expect(retryMessage(deps.db, 999, deps.clock.now())).toBe('not-found')
  })

  it('speaks the WeCom / DingTalk group-bot format and treats errcode ≠ 0 as a failure', async () => {
    const receiver = await startReceiver((n) => ({
      status: 200,
      body: n === 1 ? '{"errcode":93000,"errmsg":"invalid webhook url"}' : '{"errcode":0,"errmsg":"ok"}',
    }))
    const deps = jobDeps(':memory:', {
      clock: fixedClock(T0),
      env: { NOTIFY_WEBHOOK_URL: `${receiver.url}?key=secret-key`, NOTIFY_WEBHOOK_FORMAT: 'wecom' },
    })
    const { message } = enqueue(deps.db, notice(), deps.clock.now())
    await runOutboxSender(deps, deps.clock.now())
    expect(findMessage(deps.db, message.id)?.lastError).toBe('bot errcode 93000: invalid webhook url')
    deps.clock.advance(MIN)
    await runOutboxSender(deps, deps.clock.now())
    expect(findMessage(deps.db, message.id)?.status).toBe('sent')
    expect(receiver.requests[1]!.path).toBe('/hook?key=secret-key')
    expect(JSON.parse(receiver.requests[1]!.body)).toEqual({
      msgtype: 'text',
      text: { content: '值班提醒\n您今天下午在 A 站值班。' },
    })
  })

  it('signs DingTalk requests when a secret is configured', async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: '{"errcode":0}' }))
    const deps = jobDeps(':memory:', {
      clock: fixedClock(T0),
      env: {
        NOTIFY_WEBHOOK_URL: `${receiver.url}?access_token=abc`,
        NOTIFY_WEBHOOK_FORMAT: 'dingtalk',
        NOTIFY_WEBHOOK_SECRET: 'SECabc',
      },
    })
    enqueue(deps.db, notice(), deps.clock.now())
    await runOutboxSender(deps, deps.clock.now())
    const url = new URL(receiver.requests[0]!.path, 'http://x')
    const timestamp = String(Date.parse(T0))
    expect(url.searchParams.get('access_token')).toBe('abc')
    expect(url.searchParams.get('timestamp')).toBe(timestamp)
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECabc').update(`${timestamp}\nSECabc`).digest('base64'),
    )
  })

  it('records an unreachable receiver as a failed attempt without the URL', async () => {
    const receiver = await startReceiver()
    await receiver.close()
    const deps = jobDeps(':memory:', {
      clock: fixedClock(T0),
      env: { NOTIFY_WEBHOOK_URL: `${receiver.url}?key=do-not-log` },
    })
    const { message } = enqueue(deps.db, notice(), deps.clock.now())
    await runOutboxSender(deps, deps.clock.now())
    const row = findMessage(deps.db, message.id)!
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.lastError).toContain('ECONNREFUSED')
    expect(row.lastError).not.toContain('do-not-log')
  })

  it('sends through the scheduled job, with the log sender when no webhook is set', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock(T0) })
    const { message } = enqueue(deps.db, notice(), deps.clock.now())
    const [outcome] = await runJob(deps, outboxSenderJob)
    expect(outcome).toMatchObject({ status: 'done', result: 'sent 1, retrying 0, failed 0, expired 0' })
    expect(findMessage(deps.db, message.id)?.status).toBe('sent')
  })

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(60_000, n))).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(backoffMs(60_000, 30)).toBe(6 * 3_600_000)
  })
})
