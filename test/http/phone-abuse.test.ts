import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { concernEvents, concerns, places } from '../../db/schema.ts'
import { solveChallenge } from '../../server/domain/phone-guard.ts'
import { PHONE_RAISE_LIMITS } from '../../server/routes/phone-raise.tsx'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

type Client = ReturnType<TestApp['client']>

/** One filled form: the page's signed token and district, and the fields a resident types. */
async function openForm(c: Client, placeId: number) {
  const html = await (await c.get(`/m/raise?place=${placeId}`)).text()
  return {
    token: /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '',
    district: /name="district" value="(\d+)"/.exec(html)?.[1] ?? '',
    topic: /<option value="(\d+)"/.exec(html)?.[1] ?? '',
  }
}

const send = (c: Client, form: Awaited<ReturnType<typeof openForm>>, extra: Record<string, string> = {}) =>
  c.post('/m/raise', {
    token: form.token,
    nonce: solveChallenge(form.token),
    district: form.district,
    topic: form.topic,
    deputy: 'any',
    website: '',
    terms: 'on',
    ...extra,
  })

describe('abuse of the public phone form', () => {
  let t: TestApp
  let placeId: number
  const phoneRows = () => t.db.select().from(concerns).where(eq(concerns.channel, 'phone_web')).all()
  beforeEach(async () => {
    t = await makeTestApp({ env: { PHONE_PROOF_BITS: '8' } })
    placeId = t.db.select().from(places).where(eq(places.nameZhHans, '东湖社区')).get()!.id
  })

  it('200 submissions from one address in a minute: the per-address limit holds, no 5xx', async () => {
    const c = t.client({ peer: '198.51.100.20' })
    // A script opens 200 forms, waits out the minimum fill time once, then sends them all.
    const forms = []
    for (let i = 0; i < 200; i++) forms.push(await openForm(c, placeId))
    t.clock.advance(5_000)
    const statuses = new Map<number, number>()
    for (let i = 0; i < 200; i++) {
      const res = await send(c, forms[i]!, {
        description: `第${i}号：楼下垃圾没人清运`,
        phone: `139${String(i).padStart(8, '0')}`,
      })
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      t.clock.advance(250)
    }
    const through = phoneRows().length
    console.log(
      `200 from one address in 55 s: ${through} got through; answers ${JSON.stringify([...statuses])}`,
    )
    expect(through).toBe(PHONE_RAISE_LIMITS.perAddress.limit)
    expect(statuses.get(303)).toBe(PHONE_RAISE_LIMITS.perAddress.limit)
    expect(statuses.get(429)).toBe(200 - PHONE_RAISE_LIMITS.perAddress.limit)
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true)
    // Every one that got through waits for a clerk's look (the station's default rule).
    expect(phoneRows().every((r) => r.triage === 'pending')).toBe(true)
    // Another address is not blocked by this one.
    const other = t.client({ peer: '198.51.100.21' })
    const form = await openForm(other, placeId)
    t.clock.advance(5_000)
    expect((await send(other, form, { description: '别处的问题' })).status).toBe(303)
  })

  it('one phone number from many addresses: the per-phone limit holds', async () => {
    let through = 0
    for (let i = 0; i < 12; i++) {
      const c = t.client({ peer: `198.51.100.${100 + i}` })
      const form = await openForm(c, placeId)
      t.clock.advance(5_000)
      const res = await send(c, form, { description: `不同的问题 ${i}`, phone: '13800138000' })
      expect(res.status === 303 || res.status === 429).toBe(true)
      if (res.status === 303) through++
    }
    expect(through).toBe(PHONE_RAISE_LIMITS.perPhone.limit)
  })

  it('merges the same text from the same phone at the same station within a day', async () => {
    const c = t.client({ peer: '198.51.100.30' })
    const first = await send(
      c,
      await (async () => {
        const f = await openForm(c, placeId)
        t.clock.advance(5_000)
        return f
      })(),
      { description: '小区门口 路灯坏了', phone: '13912345678' },
    )
    t.clock.advance(3 * 60 * 60_000)
    const f2 = await openForm(c, placeId)
    t.clock.advance(5_000)
    const again = await send(c, f2, { description: '小区门口路灯坏了 ', phone: '139 1234 5678' })
    expect(first.status).toBe(303)
    expect(again.status).toBe(303)
    const code = first.headers.get('location')!.split('/')[2]!.split('?')[0]
    expect(again.headers.get('location')).toBe(`/track/${code}?raised=merged`)
    const rows = phoneRows()
    expect(rows).toHaveLength(1)
    const linked = t.db
      .select()
      .from(concernEvents)
      .where(eq(concernEvents.concernId, rows[0]!.id))
      .all()
      .filter((e) => e.action === 'duplicate_linked')
    expect(linked).toHaveLength(1)
    expect(linked[0]!.detail).toEqual({ resubmitted: true })
    // A day later the same words are a new concern.
    t.clock.advance(25 * 60 * 60_000)
    const f3 = await openForm(c, placeId)
    t.clock.advance(5_000)
    expect((await send(c, f3, { description: '小区门口路灯坏了', phone: '13912345678' })).status).toBe(303)
    expect(phoneRows()).toHaveLength(2)
  })

  it('refuses a filled honeypot, a form sent too fast, a wrong proof of work or a forged token with 4xx, writing nothing, keeping the text', async () => {
    const c = t.client({ peer: '198.51.100.40' })
    const before = t.db.select().from(concernEvents).all().length
    const cases: [string, (f: Awaited<ReturnType<typeof openForm>>) => Promise<Response>][] = [
      ['honeypot', (f) => send(c, f, { description: '蜜罐', website: 'http://spam.example' })],
      ['too fast', (f) => send(c, f, { description: '太快' })],
      [
        'proof of work',
        (f) => c.post('/m/raise', { ...f, nonce: 'x', deputy: 'any', description: '没算', terms: 'on' }),
      ],
      [
        'forged token',
        (f) => send(c, { ...f, token: `${f.token.slice(0, -3)}AAA` }, { description: '伪造' }),
      ],
      ['stale token', (f) => send(c, f, { description: '过期' })],
    ]
    for (const [name, post] of cases) {
      const form = await openForm(c, placeId)
      if (name === 'stale token') t.clock.advance(3 * 60 * 60_000)
      else if (name !== 'too fast') t.clock.advance(5_000)
      else t.clock.advance(1_000)
      const res = await post(form)
      expect(res.status, name).toBe(422)
      const html = await res.text()
      expect(html, name).toContain('id="m-raise-notice"')
      expect(html, name).toMatch(/蜜罐|太快|没算|伪造|过期/)
      // A fresh token comes with the re-rendered form.
      expect(/name="token" value="([^"]+)"/.exec(html)?.[1], name).not.toBe(form.token)
    }
    expect(phoneRows()).toHaveLength(0)
    expect(t.db.select().from(concernEvents).all().length).toBe(before)
  })
})
