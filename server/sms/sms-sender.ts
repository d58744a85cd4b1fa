import { randomUUID } from 'node:crypto'
import type { OutboxMessage } from '../../db/queries/outbox.ts'
import type { SmsConfig } from '../config.ts'
import type { Clock } from '../domain/clock.ts'
import { maskPhone } from '../domain/masking.ts'
import { isSmsKind, orderedParams } from '../domain/sms-kinds.ts'
import type { Sender } from '../jobs/senders.ts'
import type { Logger } from '../logger.ts'
import { ALIYUN_SMS_ENDPOINT, aliyunAnswerError, aliyunSendSmsUrl } from './aliyun.ts'
import { TENCENT_SMS_ENDPOINT, tencentAnswerError, tencentSendSmsRequest } from './tencent.ts'

/** What every provider needs from an outbox row; a throw is a failed attempt, retried. */
function smsPartsOf(msg: OutboxMessage, templates: Record<string, string> | null) {
  if (!msg.phone) throw new Error('no phone number (erased?)')
  if (!isSmsKind(msg.kind)) throw new Error(`${msg.kind} is no SMS kind`)
  const template = templates ? templates[msg.kind] : ''
  if (template === undefined) throw new Error(`SMS_TEMPLATES has no template for ${msg.kind}`)
  return { phone: msg.phone, kind: msg.kind, params: msg.smsParams ?? {}, template }
}

/** The default: one log line per SMS, the number masked (logs carry no personal data, §4.8). */
export function logSmsSender(logger: Logger): Sender {
  return {
    name: 'sms:log',
    send: async (msg) => {
      const { phone, kind } = smsPartsOf(msg, null)
      logger.info({ outboxId: msg.id, kind, phone: maskPhone(phone) }, 'sms (log only)')
    },
  }
}

async function post(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause
    throw new Error(
      e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : (cause?.code ?? String(e)),
    )
  }
  return { status: res.status, text: await res.text().catch(() => '') }
}

function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`)
  return value
}

export function aliyunSmsSender(sms: SmsConfig, clock: Clock): Sender {
  return {
    name: 'sms:aliyun',
    send: async (msg) => {
      const p = smsPartsOf(msg, sms.templates)
      const url = aliyunSendSmsUrl(sms.endpoint ?? ALIYUN_SMS_ENDPOINT, {
        accessKeyId: need(sms.accessKeyId, 'SMS_ACCESS_KEY_ID'),
        accessKeySecret: need(sms.accessKeySecret, 'SMS_ACCESS_KEY_SECRET'),
        regionId: sms.region ?? 'cn-hangzhou',
        signName: need(sms.signName, 'SMS_SIGN_NAME'),
        templateCode: p.template,
        phone: p.phone,
        templateParam: p.params,
        nonce: randomUUID(),
        at: clock.now(),
      })
      const { status, text } = await post(url, { method: 'GET' }, sms.timeoutMs)
      const error = aliyunAnswerError(status, text)
      if (error) throw new Error(error)
    },
  }
}

export function tencentSmsSender(sms: SmsConfig, clock: Clock): Sender {
  return {
    name: 'sms:tencent',
    send: async (msg) => {
      const p = smsPartsOf(msg, sms.templates)
      const req = tencentSendSmsRequest(sms.endpoint ?? TENCENT_SMS_ENDPOINT, {
        secretId: need(sms.accessKeyId, 'SMS_ACCESS_KEY_ID'),
        secretKey: need(sms.accessKeySecret, 'SMS_ACCESS_KEY_SECRET'),
        region: sms.region ?? 'ap-guangzhou',
        sdkAppId: need(sms.sdkAppId, 'SMS_SDK_APP_ID'),
        signName: need(sms.signName, 'SMS_SIGN_NAME'),
        templateId: p.template,
        phone: p.phone,
        templateParams: orderedParams(p.kind, p.params),
        at: clock.now(),
      })
      // fetch sets Host from the URL itself (the same value the signature covers).
      const { host: _host, ...headers } = req.headers
      const { status, text } = await post(req.url, { method: 'POST', headers, body: req.body }, sms.timeoutMs)
      const error = tencentAnswerError(status, text)
      if (error) throw new Error(error)
    },
  }
}

export function smsSenderFromConfig(sms: SmsConfig, logger: Logger, clock: Clock): Sender {
  if (sms.provider === 'aliyun') return aliyunSmsSender(sms, clock)
  if (sms.provider === 'tencent') return tencentSmsSender(sms, clock)
  return logSmsSender(logger)
}

/** Routes each outbox message by its channel: SMS to the SMS provider, the rest to `other`. */
export function channelRouter(other: Sender, sms: Sender): Sender {
  return {
    name: `${other.name}+${sms.name}`,
    send: (msg: OutboxMessage) => (msg.channel === 'sms' ? sms.send(msg) : other.send(msg)),
  }
}
