import { createHmac } from 'node:crypto'
import type { OutboxMessage } from '../../db/queries/outbox.ts'
import type { Config } from '../config.ts'
import type { Clock } from '../domain/clock.ts'
import type { Logger } from '../logger.ts'
import { channelRouter, smsSenderFromConfig } from '../sms/sms-sender.ts'

/** Delivers one message or throws; a throw is a failed attempt that the sender job retries. */
export type Sender = { name: string; send: (msg: OutboxMessage) => Promise<void> }

/** The default: notices go to the log, for a station without a chat bot configured. */
export function logSender(logger: Logger): Sender {
  return {
    name: 'log',
    send: async (msg) => {
      logger.info(
        { outboxId: msg.id, kind: msg.kind, recipient: msg.recipient, subject: msg.subject },
        'notification',
      )
    },
  }
}

export type WebhookOptions = {
  url: string
  format: Config['notify']['webhookFormat']
  secret?: string | undefined
  timeoutMs: number
  clock: Clock
}

/**
 * The JSON a webhook receives. WeCom (企业微信) and DingTalk (钉钉) group bots both take
 * `{"msgtype":"text","text":{"content":"…"}}`; 'json' carries the message's fields for a
 * receiver of one's own, with the dedupe key so it can drop the rare repeat (delivery is
 * at-least-once: a crash between sending and recording sends again).
 */
export function webhookPayload(msg: OutboxMessage, format: WebhookOptions['format']): unknown {
  if (format === 'json')
    return {
      id: msg.id,
      dedupeKey: msg.dedupeKey,
      kind: msg.kind,
      recipient: msg.recipient,
      subject: msg.subject,
      body: msg.body,
      dueAt: msg.dueAt.toISOString(),
    }
  return { msgtype: 'text', text: { content: msg.body ? `${msg.subject}\n${msg.body}` : msg.subject } }
}

/** DingTalk's 加签: HMAC-SHA256 of "timestamp\nsecret", base64, as query parameters. */
export function signDingTalkUrl(url: string, secret: string, now: Date): string {
  const timestamp = String(now.getTime())
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
  const u = new URL(url)
  u.searchParams.set('timestamp', timestamp)
  u.searchParams.set('sign', sign)
  return u.toString()
}

/** Error text without the URL: a bot's URL carries its key. */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const cause = (e as { cause?: { code?: string; message?: string } }).cause
  if (e.name === 'TimeoutError') return 'timed out'
  return cause?.code ? `${e.message} (${cause.code})` : e.message
}

/** Posts each message as JSON; non-2xx answers, and bot answers with errcode ≠ 0, are failures. */
export function webhookSender(opts: WebhookOptions): Sender {
  return {
    name: `webhook:${opts.format}`,
    send: async (msg) => {
      const url =
        opts.format === 'dingtalk' && opts.secret
          ? signDingTalkUrl(opts.url, opts.secret, opts.clock.now())
          : opts.url
      let res: Response
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(webhookPayload(msg, opts.format)),
          signal: AbortSignal.timeout(opts.timeoutMs),
        })
      } catch (e) {
        throw new Error(describe(e))
      }
      const text = await res.text().catch(() => '')
      if (!res.ok) throw new Error(`HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`)
      if (opts.format !== 'json') {
        let answer: { errcode?: number; errmsg?: string } = {}
        try {
          answer = JSON.parse(text)
        } catch {
          throw new Error(`bot answered with something other than JSON: ${text.slice(0, 200)}`)
        }
        if (answer.errcode !== 0) throw new Error(`bot errcode ${answer.errcode}: ${answer.errmsg ?? ''}`)
      }
    },
  }
}

/**
 * The sender the configuration asks for: SMS messages to the SMS provider (SMS_PROVIDER), the
 * rest to a webhook when NOTIFY_WEBHOOK_URL is set, else the log.
 */
export function senderFromConfig(config: Config, logger: Logger, clock: Clock): Sender {
  return channelRouter(noticeSender(config, logger, clock), smsSenderFromConfig(config.sms, logger, clock))
}

function noticeSender(config: Config, logger: Logger, clock: Clock): Sender {
  const n = config.notify
  if (!n.webhookUrl) return logSender(logger)
  return webhookSender({
    url: n.webhookUrl,
    format: n.webhookFormat,
    secret: n.webhookSecret,
    timeoutMs: n.webhookTimeoutMs,
    clock,
  })
}
