import {
  expirePending,
  listSendable,
  markAttemptFailed,
  markExpired,
  markSent,
  reserveForSending,
} from '../../db/queries/outbox.ts'
import type { AppDeps } from '../deps.ts'
import { defineJob } from './runner.ts'
import { type Sender, senderFromConfig } from './senders.ts'

/** How long one send attempt holds a message before another sender may try it. */
const SEND_LEASE_MS = 5 * 60_000
/** Back-off never waits longer than this between attempts. */
const MAX_RETRY_MS = 6 * 3_600_000
const BATCH = 100

/** Wait after the `attempts`-th failure: base, 2·base, 4·base … capped at MAX_RETRY_MS. */
export const backoffMs = (baseMs: number, attempts: number) =>
  Math.min(MAX_RETRY_MS, baseMs * 2 ** Math.max(0, attempts - 1))

export type SendSummary = { sent: number; retrying: number; failed: number; expired: number }

/**
 * Drains the outbox: expires what is too late to be useful, then sends what is due. Expiry is
 * checked again just before each send, against the clock, so a slow batch never delivers a
 * message after its expiry.
 */
export async function runOutboxSender(
  deps: AppDeps,
  now: Date,
  sender: Sender = senderFromConfig(deps.config, deps.logger, deps.clock),
): Promise<SendSummary> {
  const { db, clock, config, logger } = deps
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0, expired: expirePending(db, now) }
  for (const msg of listSendable(db, now, BATCH)) {
    const at = clock.now()
    if (msg.expiresAt && msg.expiresAt.getTime() <= at.getTime()) {
      markExpired(db, msg.id, at)
      summary.expired++
      continue
    }
    if (!reserveForSending(db, msg, new Date(at.getTime() + SEND_LEASE_MS), at)) continue
    const attempts = msg.attempts + 1
    try {
      await sender.send(msg)
      markSent(db, msg.id, attempts, clock.now())
      summary.sent++
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500)
      const after = clock.now()
      const giveUp = attempts >= config.notify.maxAttempts
      const nextAttemptAt = giveUp
        ? null
        : new Date(after.getTime() + backoffMs(config.notify.retryBaseMs, attempts))
      markAttemptFailed(db, msg.id, { attempts, error, nextAttemptAt }, after)
      if (giveUp) summary.failed++
      else summary.retrying++
      logger.warn(
        { outboxId: msg.id, kind: msg.kind, attempts, sender: sender.name, err: error, giveUp },
        'notification not delivered',
      )
    }
  }
  return summary
}

export const outboxSenderJob = defineJob({
  name: 'outbox-sender',
  cron: '* * * * *',
  catchUp: 'latest',
  maxAttempts: 1,
  leaseMs: 15 * 60_000,
  quiet: true,
  title: (t) => t('jobs.job.outboxSender'),
  run: async (deps, now) => {
    const s = await runOutboxSender(deps, now)
    if (s.sent + s.retrying + s.failed + s.expired > 0) deps.logger.info({ ...s }, 'outbox drained')
    return `sent ${s.sent}, retrying ${s.retrying}, failed ${s.failed}, expired ${s.expired}`
  },
})
