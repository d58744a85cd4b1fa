import { createHmac } from 'node:crypto'

/**
 * Alibaba Cloud SMS (dysmsapi SendSms, API version 2017-05-25), RPC style with the classic
 * signature: HMAC-SHA1, key = AccessKeySecret + "&", over
 * "GET&%2F&" + percentEncode(the sorted, percent-encoded query), base64 (help.aliyun.com
 * "签名机制" for RPC APIs). Pure functions: the caller passes the nonce and the time.
 */

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com'

/** RFC 3986 as the docs define it: only A–Z a–z 0–9 - _ . ~ stay; space → %20, * → %2A. */
export function aliyunPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/** The canonicalised query: parameters sorted by name, names and values encoded, joined by &. */
export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k]!)}`)
    .join('&')
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`
}

export function aliyunSignature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64')
}

/** ISO 8601 in UTC without milliseconds, as the API wants: 2026-12-06T01:02:03Z. */
export const aliyunTimestamp = (at: Date) => `${at.toISOString().slice(0, 19)}Z`

export type AliyunSend = {
  accessKeyId: string
  accessKeySecret: string
  regionId: string
  signName: string
  templateCode: string
  /** A mainland mobile, 11 digits. */
  phone: string
  templateParam: Record<string, string>
  nonce: string
  at: Date
}

/** The full GET URL of one SendSms call, signature included. */
export function aliyunSendSmsUrl(endpoint: string, r: AliyunSend): string {
  const params: Record<string, string> = {
    AccessKeyId: r.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: r.phone,
    RegionId: r.regionId,
    SignName: r.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: r.nonce,
    SignatureVersion: '1.0',
    TemplateCode: r.templateCode,
    TemplateParam: JSON.stringify(r.templateParam),
    Timestamp: aliyunTimestamp(r.at),
    Version: '2017-05-25',
  }
  const signature = aliyunSignature(r.accessKeySecret, aliyunStringToSign('GET', params))
  return `${endpoint}/?Signature=${aliyunPercentEncode(signature)}&${aliyunCanonicalQuery(params)}`
}

/** The answer is JSON with Code "OK" on success; anything else (isv.BUSINESS_LIMIT_CONTROL…) failed. */
export function aliyunAnswerError(status: number, text: string): string | null {
  let answer: { Code?: string; Message?: string } = {}
  try {
    answer = JSON.parse(text)
  } catch {
    return `HTTP ${status}: answer is not JSON: ${text.slice(0, 200)}`
  }
  if (answer.Code === 'OK') return null
  return `HTTP ${status}: ${answer.Code ?? 'no Code'}: ${answer.Message ?? ''}`
}
