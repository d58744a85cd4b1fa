import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { loadAccount } from '../../db/queries/accounts.ts'
import { erasePersonalData } from '../../db/queries/followup.ts'
import { listSessions } from '../../db/queries/reception.ts'
import { accounts, outbox } from '../../db/schema.ts'
import { localDate } from '../../server/domain/time.ts'
import { takeStep } from '../../server/events/concern-steps.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { bookSlot } from '../../server/events/reception-commands.ts'
import { runOutboxSender } from '../../server/jobs/outbox-sender.ts'
import { runBookingErasure, runReceptionReminders } from '../../server/jobs/reception.ts'
import { aliyunSendSmsUrl } from '../../server/sms/aliyun.ts'
import { tc3Authorization } from '../../server/sms/tencent.ts'
import { addPlan } from '../helpers/booking.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/*
 * Done-means of issue 16: a fake SMS provider on loopback (a real node:http server) receives
 * signed requests in both formats. Each signature is checked by an implementation written here
 * from the providers' documents, independent of server/sms/, and that implementation is itself
 * pinned to the example each provider's document gives.
 */

// ── Independent implementations of the documented algorithms ─────────────────────────────────

/** help.aliyun.com 签名机制 (RPC): RFC 3986 encoding, java URLEncoder + the three documented fixes. */
const aliEncode = (s: string) =>
  encodeURIComponent(s)
    .replace(/\+/g, '%20')
    .replace(/\*/g, '%2A')
    .replace(/%7E/g, '~')
    .replace(/!/g, '%21')
    .replace(/'/g, '%27')
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')

function aliSign(secret: string, params: [string, string][]): string {
  const canonical = [...params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${aliEncode(k)}=${aliEncode(v)}`)
    .join('&')
  const stringToSign = `GET&${aliEncode('/')}&${aliEncode(canonical)}`
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

/** cloud.tencent.com 签名方法 v3 (TC3-HMAC-SHA256). */
function tc3Sign(o: { key: string; service: string; host: string; body: string; ts: number }): string {
  const hex = (s: string) => createHash('sha256').update(s).digest('hex')
  const date = new Date(o.ts * 1000).toISOString().slice(0, 10)
  const canonical = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:${o.host}\n\ncontent-type;host\n${hex(o.body)}`
  const toSign = `TC3-HMAC-SHA256\n${o.ts}\n${date}/${o.service}/tc3_request\n${hex(canonical)}`
  let k: Buffer = createHmac('sha256', `TC3${o.key}`).update(date).digest()
  k = createHmac('sha256', k).update(o.service).digest()
  k = createHmac('sha256', k).update('tc3_request').digest()
  return createHmac('sha256', k).update(toSign).digest('hex')
}

describe('the independent signers match the providers’ documented examples', () => {
  it('Alibaba: DescribeRegions with testid / testsecret signs to OLeaidS1JvxuMvnyHOwuJ+uX5qY=', () => {
    const params: [string, string][] = [
      ['AccessKeyId', 'testid'],
      ['Action', 'DescribeRegions'],
      ['Format', 'XML'],
      ['SignatureMethod', 'HMAC-SHA1'],
      ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
      ['SignatureVersion', '1.0'],
      ['Timestamp', '2016-02-23T12:46:24Z'],
      ['Version', '2014-05-26'],
    ]
    expect(aliSign('testsecret', params)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('Tencent: the CVM DescribeInstances example signs to 72e494ea…', () => {
    const body = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
    const signature = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168'
    const example = {
      key: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      body,
      ts: 1551113065,
    }
    expect(tc3Sign(example)).toBe(signature)
    // …and the app's own signer gives the same Authorization header for it.
    expect(
      tc3Authorization({
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: example.key,
        service: 'cvm',
        host: example.host,
        payload: body,
        timestamp: example.ts,
      }),
    ).toBe(
      `TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    )
  })

  it('Alibaba: the app’s URL carries the signature of its own parameters, spaces and * encoded', () => {
    const url = new URL(
      aliyunSendSmsUrl('https://dysmsapi.aliyuncs.com', {
        accessKeyId: 'id',
        accessKeySecret: 'secret',
        regionId: 'cn-hangzhou',
        signName: '东湖 联络站*',
        templateCode: 'SMS_1',
        phone: '13812345678',
        templateParam: { code: 'AB~CD' },
        nonce: 'n-1',
        at: new Date('2026-12-06T01:02:03.456Z'),
      }),
    )
    expect(url.search).toContain('SignName=%E4%B8%9C%E6%B9%96%20%E8%81%94%E7%BB%9C%E7%AB%99%2A')
    expect(url.search).toContain('Timestamp=2026-12-06T01%3A02%3A03Z')
    const params = [...url.searchParams].filter(([k]) => k !== 'Signature')
    expect(url.searchParams.get('Signature')).toBe(aliSign('secret', params))
  })
})

// ── A fake provider on loopback ─────────────────────────────────────────────────────────────────

type Hit = { method: string; url: string; headers: IncomingMessage['headers']; body: string }

async function fakeProvider(answer: (n: number, hit: Hit) => { status: number; body: unknown }) {
  const hits: Hit[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const hit = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      hits.push(hit)
      const a = answer(hits.length, hit)
      res.writeHead(a.status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(a.body))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())))
  return { hits, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const SECRET = 'fake-secret-不在日志'
const TEMPLATES = 'booking.confirmation=SMS_100,booking.reminder=SMS_101,concern.reply=SMS_102'

async function appWith(provider: 'aliyun' | 'tencent', endpoint: string) {
  return makeTestApp({
    env: {
      SMS_PROVIDER: provider,
      SMS_ACCESS_KEY_ID: 'AKID-test',
      SMS_ACCESS_KEY_SECRET: SECRET,
      SMS_SIGN_NAME: '东湖街道人大联络站',
      SMS_SDK_APP_ID: '1400000000',
      SMS_ENDPOINT: endpoint,
      SMS_TEMPLATES: TEMPLATES,
    },
  })
}

/** A resident books the first free slot of a coming session, with or without SMS consent. */
function book(t: TestApp, phone: string, smsConsent: boolean, slotIndex = 0) {
  const now = t.clock.now()
  if (!listSessions(t.db, { stationId: 1, from: '2026-11-27', to: '2026-12-31' }).length) addPlan(t.deps)
  const session = listSessions(t.db, {
    stationId: 1,
    from: '2026-11-27',
    to: '2026-12-31',
    scheduledOnly: true,
  })[0]!
  const r = bookSlot(
    t.deps,
    {
      stationId: 1,
      sessionId: session.id,
      slotIndex,
      topicId: 1,
      residentName: '王五',
      residentPhone: phone,
      channel: 'clerk',
      kioskId: null,
      accountId: null,
      submissionKey: null,
      smsConsent,
    },
    now,
  )
  if (!r.ok) throw new Error(`booking refused: ${r.reason}`)
  return { booking: r.booking, session }
}

/** A phone concern taken through refer → unit reply → relay: the resident is told of the reply. */
function repliedConcern(t: TestApp, phone: string, smsConsent: boolean) {
  const now = t.clock.now()
  const { concern } = submitConcern(
    t.db,
    {
      stationId: 1,
      localDate: localDate(now, 'Asia/Shanghai'),
      topicId: 1,
      channel: 'phone_web',
      queue: false,
      deputyId: 1,
      priority: false,
      description: '路灯不亮',
      callbackPhone: phone,
      residentName: null,
      submissionKey: null,
      kioskId: null,
      actor: { kind: 'system' },
      triage: 'accepted',
      smsConsent,
    },
    now,
  )
  const adminId = t.db.select().from(accounts).where(eq(accounts.username, DEMO.admin[0])).get()!.id
  const by = { account: loadAccount(t.db, adminId)! }
  for (const input of [
    { step: 'refer' as const, unitId: 2, dueOn: null, note: '' },
    { step: 'unit_reply' as const, grade: 'A' as const, unitReply: '已修复', note: '' },
    { step: 'relay' as const, reply: '路灯已修复。', note: '' },
  ]) {
    const r = takeStep({ db: t.db, locale: 'zh-Hans' }, { concernId: concern.id, by, input }, now)
    if (!r.ok) throw new Error(`${input.step}: ${r.reason}`)
  }
  return concern
}

const smsRows = (t: TestApp) => t.db.select().from(outbox).where(eq(outbox.channel, 'sms')).all()

describe('SMS through Alibaba Cloud’s format', () => {
  it('sends a booking confirmation and a reply notice, signed, and only to residents who agreed', async () => {
    const fake = await fakeProvider(() => ({
      status: 200,
      body: { Code: 'OK', Message: 'OK', BizId: '1', RequestId: 'r' },
    }))
    const t = await appWith('aliyun', fake.url)
    const { booking } = book(t, '13800001111', true, 0)
    book(t, '13800002222', false, 1)
    const concern = repliedConcern(t, '13900003333', true)
    repliedConcern(t, '13900004444', false)
    expect(smsRows(t)).toHaveLength(2)

    const summary = await runOutboxSender(t.deps, t.clock.now())
    expect(summary.sent).toBeGreaterThanOrEqual(2)
    expect(fake.hits).toHaveLength(2)
    const sent = fake.hits.map((h) => new URL(h.url, fake.url))
    for (const u of sent) {
      const params = [...u.searchParams].filter(([k]) => k !== 'Signature')
      expect(u.searchParams.get('Signature')).toBe(aliSign(SECRET, params))
      expect(u.searchParams.get('Action')).toBe('SendSms')
      expect(u.searchParams.get('Version')).toBe('2017-05-25')
      expect(u.searchParams.get('SignatureMethod')).toBe('HMAC-SHA1')
      expect(u.searchParams.get('SignName')).toBe('东湖街道人大联络站')
      expect(u.searchParams.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    }
    const byPhone = Object.fromEntries(sent.map((u) => [u.searchParams.get('PhoneNumbers'), u.searchParams]))
    expect(Object.keys(byPhone).sort()).toEqual(['13800001111', '13900003333'])
    expect(byPhone['13800001111']!.get('TemplateCode')).toBe('SMS_100')
    expect(JSON.parse(byPhone['13800001111']!.get('TemplateParam')!)).toMatchObject({ code: booking.code })
    expect(byPhone['13900003333']!.get('TemplateCode')).toBe('SMS_102')
    expect(JSON.parse(byPhone['13900003333']!.get('TemplateParam')!).code.replace('-', '')).toBe(
      concern.trackingCode,
    )
    expect(smsRows(t).map((m) => m.status)).toEqual(['sent', 'sent'])
  })

  it('an answer with Code other than OK is a failed attempt, retried until it goes through', async () => {
    const fake = await fakeProvider((n) =>
      n === 1
        ? { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' } }
        : { status: 200, body: { Code: 'OK', Message: 'OK' } },
    )
    const t = await appWith('aliyun', fake.url)
    book(t, '13800001111', true)
    let s = await runOutboxSender(t.deps, t.clock.now())
    expect(s).toMatchObject({ sent: 0, retrying: 1 })
    expect(smsRows(t)[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect(smsRows(t)[0]!.lastError).toContain('isv.BUSINESS_LIMIT_CONTROL')
    t.clock.advance(t.deps.config.notify.retryBaseMs)
    s = await runOutboxSender(t.deps, t.clock.now())
    expect(s.sent).toBe(1)
    expect(fake.hits).toHaveLength(2)
    expect(smsRows(t)[0]).toMatchObject({ status: 'sent', attempts: 2 })
  })
})

describe('SMS through Tencent Cloud’s format', () => {
  it('sends a booking confirmation and a reply notice, TC3-signed, and only to residents who agreed', async () => {
    const fake = await fakeProvider(() => ({
      status: 200,
      body: { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success' }], RequestId: 'r' } },
    }))
    const t = await appWith('tencent', fake.url)
    const { booking } = book(t, '13800001111', true, 0)
    book(t, '13800002222', false, 1)
    const concern = repliedConcern(t, '13900003333', true)
    repliedConcern(t, '13900004444', false)
    await runOutboxSender(t.deps, t.clock.now())
    expect(fake.hits).toHaveLength(2)
    const host = new URL(fake.url).host
    const bodies = fake.hits.map((h) => {
      expect(h.method).toBe('POST')
      expect(h.headers['x-tc-action']).toBe('SendSms')
      expect(h.headers['x-tc-version']).toBe('2021-01-11')
      expect(h.headers['x-tc-region']).toBe('ap-guangzhou')
      expect(h.headers.host).toBe(host)
      const ts = Number(h.headers['x-tc-timestamp'])
      expect(ts).toBe(Math.floor(t.clock.now().getTime() / 1000))
      const date = new Date(ts * 1000).toISOString().slice(0, 10)
      const sig = tc3Sign({ key: SECRET, service: 'sms', host, body: h.body, ts })
      expect(h.headers.authorization).toBe(
        `TC3-HMAC-SHA256 Credential=AKID-test/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`,
      )
      return JSON.parse(h.body) as {
        PhoneNumberSet: string[]
        SmsSdkAppId: string
        SignName: string
        TemplateId: string
        TemplateParamSet: string[]
      }
    })
    const byPhone = Object.fromEntries(bodies.map((b) => [b.PhoneNumberSet[0], b]))
    expect(Object.keys(byPhone).sort()).toEqual(['+8613800001111', '+8613900003333'])
    expect(byPhone['+8613800001111']).toMatchObject({
      SmsSdkAppId: '1400000000',
      SignName: '东湖街道人大联络站',
      TemplateId: 'SMS_100',
    })
    expect(byPhone['+8613800001111']!.TemplateParamSet[0]).toBe(booking.code)
    expect(byPhone['+8613800001111']!.TemplateParamSet).toHaveLength(3)
    expect(byPhone['+8613900003333']!.TemplateId).toBe('SMS_102')
    expect(byPhone['+8613900003333']!.TemplateParamSet[0]!.replace('-', '')).toBe(concern.trackingCode)
  })

  it('a Response.Error answer is a failed attempt, retried', async () => {
    const fake = await fakeProvider((n) =>
      n === 1
        ? {
            status: 200,
            body: {
              Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'x' }, RequestId: 'r' },
            },
          }
        : { status: 200, body: { Response: { SendStatusSet: [{ Code: 'Ok' }], RequestId: 'r' } } },
    )
    const t = await appWith('tencent', fake.url)
    book(t, '13800001111', true)
    expect(await runOutboxSender(t.deps, t.clock.now())).toMatchObject({ sent: 0, retrying: 1 })
    expect(smsRows(t)[0]!.lastError).toContain('AuthFailure.SignatureFailure')
    t.clock.advance(t.deps.config.notify.retryBaseMs)
    expect((await runOutboxSender(t.deps, t.clock.now())).sent).toBe(1)
    expect(fake.hits).toHaveLength(2)
  })
})

describe('SMS to residents', () => {
  it('reminds a consenting resident the day before, and never one who did not agree', async () => {
    const t = await makeTestApp()
    const { booking, session } = book(t, '13800001111', true, 0)
    book(t, '13800002222', false, 1)
    // 10:00 in Shanghai on the day before the session.
    const dayBefore = new Date(`${session.date}T02:00:00.000Z`)
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1)
    t.clock.set(dayBefore)
    runReceptionReminders(t.deps, t.clock.now())
    runReceptionReminders(t.deps, t.clock.now())
    const reminders = smsRows(t).filter((m) => m.kind === 'booking.reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]).toMatchObject({
      phone: '13800001111',
      bookingId: booking.id,
      smsParams: { code: booking.code },
    })
  })

  it('erases the phone numbers in the outbox with the concern’s and the booking’s personal data', async () => {
    const t = await makeTestApp()
    const { booking } = book(t, '13800001111', true)
    const concern = repliedConcern(t, '13900003333', true)
    expect(
      smsRows(t)
        .map((m) => m.phone)
        .sort(),
    ).toEqual(['13800001111', '13900003333'])
    erasePersonalData(t.db, concern.id, t.clock.now())
    expect(smsRows(t).find((m) => m.concernId === concern.id)).toMatchObject({
      phone: null,
      status: 'expired',
    })
    expect(smsRows(t).find((m) => m.bookingId === booking.id)?.phone).toBe('13800001111')
    // Long after the slot, the booking is cancelled-or-over and its personal data goes.
    t.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.bookingId, booking.id)).run()
    t.clock.set(new Date(booking.slotEndsAt.getTime() + 400 * 86_400_000))
    const { markNoShows } = await import('../../db/queries/bookings.ts')
    markNoShows(t.db, t.clock.now())
    runBookingErasure(t.deps, t.clock.now())
    expect(smsRows(t).find((m) => m.bookingId === booking.id)).toMatchObject({ phone: null, status: 'sent' })
    expect(JSON.stringify(t.db.select().from(outbox).all())).not.toMatch(/138000011|139000033/)
  })

  it('the log-only default writes the number masked', async () => {
    const lines: string[] = []
    const t = await makeTestApp()
    const { createLogger } = await import('../../server/logger.ts')
    t.deps.logger = createLogger('info', { write: (s: string) => lines.push(s) })
    book(t, '13800001111', true)
    await runOutboxSender(t.deps, t.clock.now())
    const log = lines.join('')
    expect(log).toContain('138****1111')
    expect(log).not.toContain('13800001111')
  })
})
