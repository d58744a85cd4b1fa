import { createHash, createHmac } from 'node:crypto'

/**
 * Tencent Cloud SMS (sms.tencentcloudapi.com, SendSms, API version 2021-01-11) signed with
 * TC3-HMAC-SHA256 ("签名方法 v3"): canonical request → string to sign → key derived from
 * "TC3" + SecretKey over the date, the service and "tc3_request" → hex HMAC in the
 * Authorization header. Pure functions: the caller passes the time.
 */

export const TENCENT_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com'
const SERVICE = 'sms'
const CONTENT_TYPE = 'application/json; charset=utf-8'

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

export type Tc3Input = {
  secretId: string
  secretKey: string
  service: string
  /** The Host header exactly as sent. */
  host: string
  payload: string
  /** Unix seconds. */
  timestamp: number
}

/** The UTC date of the timestamp, which names the credential scope. */
export const tc3Date = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10)

export function tc3CanonicalRequest(host: string, payload: string): string {
  return [
    'POST',
    '/',
    '',
    `content-type:${CONTENT_TYPE}\nhost:${host}\n`,
    'content-type;host',
    sha256Hex(payload),
  ].join('\n')
}

export function tc3Authorization(i: Tc3Input): string {
  const date = tc3Date(i.timestamp)
  const scope = `${date}/${i.service}/tc3_request`
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(i.timestamp),
    scope,
    sha256Hex(tc3CanonicalRequest(i.host, i.payload)),
  ].join('\n')
  const signing = hmac(hmac(hmac(`TC3${i.secretKey}`, date), i.service), 'tc3_request')
  const signature = createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${i.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`
}

export type TencentSend = {
  secretId: string
  secretKey: string
  region: string
  sdkAppId: string
  signName: string
  templateId: string
  /** A mainland mobile, 11 digits; sent in E.164 (+86…). */
  phone: string
  templateParams: string[]
  at: Date
}

/** Headers and body of one SendSms call to `endpoint`. */
export function tencentSendSmsRequest(
  endpoint: string,
  r: TencentSend,
): { url: string; headers: Record<string, string>; body: string } {
  const url = new URL(endpoint)
  const body = JSON.stringify({
    PhoneNumberSet: [`+86${r.phone}`],
    SmsSdkAppId: r.sdkAppId,
    SignName: r.signName,
    TemplateId: r.templateId,
    TemplateParamSet: r.templateParams,
  })
  const timestamp = Math.floor(r.at.getTime() / 1000)
  const authorization = tc3Authorization({
    secretId: r.secretId,
    secretKey: r.secretKey,
    service: SERVICE,
    host: url.host,
    payload: body,
    timestamp,
  })
  return {
    url: `${url.origin}/`,
    headers: {
      authorization,
      'content-type': CONTENT_TYPE,
      host: url.host,
      'x-tc-action': 'SendSms',
      'x-tc-timestamp': String(timestamp),
      'x-tc-version': '2021-01-11',
      'x-tc-region': r.region,
    },
    body,
  }
}

/** Errors come as Response.Error; a sent batch still names a per-number Code other than "Ok". */
export function tencentAnswerError(status: number, text: string): string | null {
  type Answer = {
    Response?: {
      Error?: { Code?: string; Message?: string }
      SendStatusSet?: { Code?: string; Message?: string }[]
    }
  }
  let answer: Answer = {}
  try {
    answer = JSON.parse(text)
  } catch {
    return `HTTP ${status}: answer is not JSON: ${text.slice(0, 200)}`
  }
  const err = answer.Response?.Error
  if (err) return `HTTP ${status}: ${err.Code ?? 'Error'}: ${err.Message ?? ''}`
  const first = answer.Response?.SendStatusSet?.[0]
  if (!first) return `HTTP ${status}: no SendStatusSet in the answer`
  if (first.Code !== 'Ok') return `HTTP ${status}: ${first.Code ?? 'no Code'}: ${first.Message ?? ''}`
  return null
}
