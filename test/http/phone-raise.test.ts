import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { concerns, places, stations } from '../../db/schema.ts'
import { solveChallenge } from '../../server/domain/phone-guard.ts'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

const PEER = '203.0.113.7'

/** The form's signed token, read off the page. */
const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? ''

/** Fills and sends the phone form for the district the page shows, as a phone with JS would. */
async function raise(
  t: TestApp,
  client: ReturnType<TestApp['client']>,
  path: string,
  fields: Record<string, string | undefined>,
  opts: { waitMs?: number; solve?: boolean } = {},
) {
  const page = await client.get(path)
  const html = await page.text()
  const token = tokenOf(html)
  const district = /name="district" value="(\d+)"/.exec(html)?.[1] ?? ''
  t.clock.advance(opts.waitMs ?? 5_000)
  return client.post('/m/raise', {
    token,
    nonce: opts.solve === false ? '0' : solveChallenge(token),
    district,
    website: '',
    terms: 'on',
    ...fields,
  })
}

describe('find my deputy and raise a concern from a phone', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await makeTestApp({ env: { PHONE_PROOF_BITS: '6' } })
  })
  const place = (name: string) => t.db.select().from(places).where(eq(places.nameZhHans, name)).get()!

  it('finds a place by two characters and lists its district and deputies', async () => {
    const c = t.client()
    const res = await c.get(`/m/find?q=${encodeURIComponent('东湖')}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('东湖社区')
    const id = place('东湖社区').id
    expect(html).toContain(`/m/find?place=${id}`)
    const chosen = await (await c.get(`/m/find?place=${id}`)).text()
    expect(chosen).toContain('陈建国')
    expect(chosen).toMatch(/\/m\/raise\?deputy=\d+&amp;place=\d+/)
    expect(chosen).toMatch(/\/m\/book\?deputy=\d+&amp;place=\d+/)
    expect((await c.get('/m/find?place=99999')).status).toBe(404)
  })

  it('lists every place grouped by kind without a query', async () => {
    const html = await (await t.client().get('/m/find')).text()
    expect(html).toContain('<details class="m-group">')
    expect(html).toContain('幸福村')
  })

  it('raises a concern with channel phone_web, pending triage by default, and shows the code large', async () => {
    const c = t.client({ peer: PEER })
    const p = place('东湖社区')
    const topic = /<option value="(\d+)"/.exec(await (await c.get(`/m/raise?place=${p.id}`)).text())?.[1]
    const res = await raise(t, c, `/m/raise?place=${p.id}`, {
      deputy: 'any',
      topic,
      description: '路灯坏了三盏，晚上很黑',
      place: String(p.id),
      phone: '13912345678',
      sms: 'on',
    })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/track\/[A-Z0-9]{8}\?raised=1$/)
    const row = t.db.select().from(concerns).where(eq(concerns.channel, 'phone_web')).get()!
    expect(row).toMatchObject({
      triage: 'pending',
      smsConsent: true,
      placeId: p.id,
      callbackPhone: '13912345678',
      status: 'received',
    })
    expect(row.deputyId).not.toBeNull()
    const page = await (await c.get(location)).text()
    expect(page).toContain('id="track-code"')
    expect(page).toContain('<span class="m-nowrap">')
    expect(page).not.toContain('13912345678')
  })

  it("takes the station's immediate rule: accepted at once", async () => {
    t.db.update(stations).set({ phoneTriage: 'immediate' }).run()
    const c = t.client({ peer: PEER })
    const p = place('东湖社区')
    const html = await (await c.get(`/m/raise?place=${p.id}`)).text()
    const topic = /<option value="(\d+)"/.exec(html)?.[1]
    const res = await raise(t, c, `/m/raise?place=${p.id}`, { deputy: 'any', topic, description: '噪音' })
    expect(res.status).toBe(303)
    const row = t.db.select().from(concerns).where(eq(concerns.channel, 'phone_web')).get()!
    expect(row.triage).toBe('accepted')
    expect(row.smsConsent).toBe(false)
    expect(row.callbackPhone).toBeNull()
  })

  it('re-renders a form with errors at 422 and keeps what was typed', async () => {
    const c = t.client({ peer: PEER })
    const p = place('东湖社区')
    const res = await raise(t, c, `/m/raise?place=${p.id}`, {
      deputy: 'any',
      topic: '',
      description: '楼道堆物',
      phone: '123',
      terms: undefined,
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('楼道堆物')
    expect(html).toContain('value="123"')
    expect(html).toContain('id="e-terms"')
    expect(t.db.select().from(concerns).where(eq(concerns.channel, 'phone_web')).all()).toHaveLength(0)
  })

  it('a double tap (the same token twice) gives the first concern back', async () => {
    const c = t.client({ peer: PEER })
    const p = place('东湖社区')
    const page = await (await c.get(`/m/raise?place=${p.id}`)).text()
    const topic = /<option value="(\d+)"/.exec(page)?.[1] ?? ''
    const token = /name="token" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const district = /name="district" value="(\d+)"/.exec(page)?.[1] ?? ''
    t.clock.advance(5_000)
    const form = {
      token,
      nonce: solveChallenge(token),
      district,
      deputy: 'any',
      topic,
      description: '双击',
      terms: 'on',
    }
    const a = await c.post('/m/raise', form)
    const b = await c.post('/m/raise', form)
    expect(b.headers.get('location')).toBe(a.headers.get('location'))
    expect(t.db.select().from(concerns).where(eq(concerns.channel, 'phone_web')).all()).toHaveLength(1)
  })

  it('the home page links to find, raise, book and the stations, and its code form goes to /track', async () => {
    const c = t.client()
    const html = await (await c.get('/m/')).text()
    for (const href of ['/m/find', '/m/raise', '/m/book', '/m/station/']) expect(html).toContain(href)
    const res = await c.get('/m/track?code=abcd-efgh')
    expect(res.headers.get('location')).toBe('/track/ABCDEFGH')
  })
})
