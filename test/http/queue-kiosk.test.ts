import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { concernEvents, concerns, queueTickets, topics } from '../../db/schema.ts'
import { KIOSK_SUBMISSIONS_PER_WINDOW } from '../../server/routes/kiosk-concern.tsx'
import {
  counts,
  formKey,
  kioskClient,
  markPresent,
  STATION_A,
  STATION_B,
  slipCode,
  submitDropIn,
} from '../helpers/queue.ts'
import { makeTestApp } from '../helpers/test-app.ts'

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)

describe('kiosk drop-in', () => {
  it('gets a resident a ticket in three taps without typing: 反映问题 → topic → 取号', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1, 2])
    const k = await kioskClient(t)
    const start = await (await k.get('/kiosk')).text()
    expect(start).toContain('反映问题')
    // Tap 1: the start screen's button is a plain link.
    expect(links(start)).toContain('/kiosk/concern')
    const topicsPage = await k.get('/kiosk/concern')
    expect(topicsPage.status).toBe(200)
    const topicsHtml = await topicsPage.text()
    // Tap 2: each topic is a plain link to its form.
    const topicLink = links(topicsHtml).find((h) => h.startsWith('/kiosk/concern/details'))!
    expect(topicLink).toBe('/kiosk/concern/details?topic=1')
    const form = await (await k.get(topicLink)).text()
    // Tap 3: the form is complete as rendered (someone present is preselected); submit it as is.
    expect(form).toMatch(/<input type="radio" id="deputy-any" name="deputy" value="any" checked/)
    expect(form).toContain('取号（不留电话）')
    const fields: Record<string, string> = {}
    for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      fields[m[1]!] = m[2]!
    const res = await k.post('/kiosk/concern', { ...fields, deputy: 'any', mode: 'anonymous' })
    expect(res.status).toBe(303)
    const slip = await k.get(res.headers.get('location')!)
    expect(slip.status).toBe(200)
    const html = await slip.text()
    expect(html).toContain('A-001')
    expect(html).toContain('东湖街道人大代表联络站')
    expect(html).toContain('<svg')
    expect(html).toMatch(/http:\/\/localhost\/track\/[23456789A-HJKMNP-Z]{8}/)
    expect(slip.headers.get('cache-control')).toBe('no-store')
    const concern = t.db.select().from(concerns).get()!
    expect(concern).toMatchObject({
      channel: 'kiosk',
      status: 'received',
      deputyId: null,
      callbackPhone: null,
    })
    expect(html).toContain(`${concern.trackingCode.slice(0, 4)}-${concern.trackingCode.slice(4)}`)
    expect(concern.trackingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/)
  })

  it('numbers tickets per station and day: A-001, A-002 … and starts again the next day', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    for (let i = 0; i < 3; i++) await submitDropIn(k)
    t.clock.advance(24 * 3600_000)
    markPresent(t, STATION_A, [1])
    await submitDropIn(k)
    const rows = t.db.select().from(queueTickets).orderBy(queueTickets.id).all()
    expect(rows.map((r) => [r.localDate, r.number])).toEqual([
      ['2026-11-25', 1],
      ['2026-11-25', 2],
      ['2026-11-25', 3],
      ['2026-11-26', 1],
    ])
  })

  it('creates one ticket from a double or triple tap (same idempotency key)', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { res, key } = await submitDropIn(k)
    const again = await k.post('/kiosk/concern', {
      station: '1',
      topic: '1',
      key,
      deputy: 'any',
      mode: 'anonymous',
    })
    const third = await k.post('/kiosk/concern', { station: '1', topic: '2', key, deputy: 'any' })
    expect(again.status).toBe(303)
    expect(third.status).toBe(303)
    expect(again.headers.get('location')).toBe(res.headers.get('location'))
    expect(third.headers.get('location')).toBe(res.headers.get('location'))
    expect(counts(t.db)).toMatchObject({ concerns: 1, tickets: 1 })
  })

  it('generates a fresh key each time the form is rendered', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const a = formKey(await (await k.get('/kiosk/concern/details?topic=1')).text())
    const b = formKey(await (await k.get('/kiosk/concern/details?topic=1')).text())
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(a).not.toBe(b)
  })

  it('takes a call-back phone only after showing its purpose, and stores it normalised', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const form = await (await k.get('/kiosk/concern/details?topic=3')).text()
    const key = formKey(form)
    const step = await k.post('/kiosk/concern/phone', {
      station: '1',
      topic: '3',
      key,
      deputy: 'any',
      description: '楼道灯坏了两周',
      priority: 'on',
    })
    expect(step.status).toBe(200)
    const html = await step.text()
    const purpose = html.indexOf('id="phone-purpose"')
    expect(purpose).toBeGreaterThan(0)
    expect(purpose).toBeLessThan(html.indexOf('id="f-phone"'))
    expect(html).toContain('只用于代表或工作人员就您这次反映的问题给您回电')
    expect(counts(t.db).concerns).toBe(0)
    const res = await k.post('/kiosk/concern', {
      station: '1',
      topic: '3',
      key,
      deputy: 'any',
      description: '楼道灯坏了两周',
      priority: 'on',
      phone: '138 1234 5678',
      mode: 'phone',
    })
    expect(res.status).toBe(303)
    const concern = t.db.select().from(concerns).get()!
    expect(concern).toMatchObject({ callbackPhone: '13812345678', description: '楼道灯坏了两周', topicId: 3 })
    expect(t.db.select().from(queueTickets).get()!.priority).toBe(true)
  })

  it('lets a resident choose one of the deputies present', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1, 2])
    const k = await kioskClient(t)
    const form = await (await k.get('/kiosk/concern/details?topic=1')).text()
    expect(form).toContain('陈建国 代表（接待室 1）')
    expect(form).toContain('李秀英 代表（接待室 2）')
    await submitDropIn(k, { deputy: '2' })
    expect(t.db.select().from(queueTickets).get()!.deputyId).toBe(2)
    expect(t.db.select().from(concerns).get()!.deputyId).toBe(2)
  })

  it("sends the concern to the chosen district deputy's backlog with a due date in working days when nobody is present", async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const form = await (await k.get('/kiosk/concern/details?topic=1')).text()
    expect(form).toContain('今天暂时没有代表在站')
    expect(form).toContain('第一选区')
    expect(form).not.toContain('deputy-any')
    // Station A serves districts 1–3; deputy 4 (刘芳) belongs to district 4 at station B.
    const wrong = await submitDropIn(k, { deputy: '4' })
    expect(wrong.res.status).toBe(422)
    expect(await wrong.res.text()).toContain('请选择一位您所在选区的代表')
    const none = await submitDropIn(k, { deputy: 'any' })
    expect(none.res.status).toBe(422)
    expect(counts(t.db)).toMatchObject({ concerns: 0, tickets: 0 })

    const { res } = await submitDropIn(k, { deputy: '1' })
    expect(res.status).toBe(303)
    const concern = t.db.select().from(concerns).get()!
    // Wednesday 25 November 2026 + 5 working days = Wednesday 2 December.
    expect(concern).toMatchObject({ deputyId: 1, receivedOn: '2026-11-25', firstResponseDueOn: '2026-12-02' })
    expect(counts(t.db).tickets).toBe(0)
    const slip = await (await k.get(res.headers.get('location')!)).text()
    expect(slip).toContain('您的问题已登记')
    expect(slip).toContain('已转交 陈建国 代表，将在 2026年12月2日 前答复您')
    expect(slip).not.toContain('slip-number')
  })

  it('counts holidays and make-up days in the promised date', async () => {
    // Wednesday 30 September 2026: National Day week follows, 10 October is a make-up Saturday.
    const t = await makeTestApp({ now: '2026-09-30T02:00:00Z' })
    const k = await kioskClient(t)
    await submitDropIn(k, { deputy: '1' })
    // Working days after 30 Sept: 8, 9, 10 (调休), 12, 13 October.
    expect(t.db.select().from(concerns).get()!.firstResponseDueOn).toBe('2026-10-13')
  })

  it('shows the form in Traditional Chinese and English too', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    await k.get('/lang/zh-Hant?next=/kiosk')
    expect(await (await k.get('/kiosk/concern/details?topic=1')).text()).toContain('取號（不留電話）')
    await k.get('/lang/en?next=/kiosk')
    const en = await (await k.get('/kiosk/concern/details?topic=1')).text()
    expect(en).toContain('Get a ticket (no phone number)')
    expect(en).toContain('Housing and property management')
  })
})

describe('kiosk drop-in: bad input writes nothing', () => {
  const setup = async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    return { t, k: await kioskClient(t) }
  }

  it('refuses an unknown or inactive topic', async () => {
    const { t, k } = await setup()
    const page = await k.get('/kiosk/concern/details?topic=999')
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('没有这个问题类别')
    const res = await submitDropIn(k, { topic: '999' })
    expect(res.res.status).toBe(422)
    expect(await res.res.text()).toContain('没有这个问题类别')
    t.db.update(topics).set({ active: false }).where(eq(topics.id, 2)).run()
    expect((await submitDropIn(k, { topic: '2' })).res.status).toBe(422)
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
  })

  it('refuses an overlong description with the limit named, keeping the text', async () => {
    const { t, k } = await setup()
    const long = '很'.repeat(201)
    for (const path of ['/kiosk/concern', '/kiosk/concern/phone']) {
      const form = await (await k.get('/kiosk/concern/details?topic=1')).text()
      const res = await k.post(path, {
        station: '1',
        topic: '1',
        key: formKey(form),
        deputy: 'any',
        description: long,
      })
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain('最多 200 个字')
      expect(html).toContain('id="error-summary"')
      expect(html).toContain(long)
    }
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
  })

  it('refuses a malformed phone number and keeps the resident on the phone step', async () => {
    const { t, k } = await setup()
    await k.get('/lang/en?next=/kiosk')
    const { res } = await submitDropIn(k, { phone: '12345', mode: 'phone' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('That is not a phone number we can call')
    expect(html).toContain('id="f-phone"')
    expect(html).toContain('value="123 45"') // what was entered, grouped as the keypad shows it
    const empty = await submitDropIn(k, { phone: '', mode: 'phone' })
    expect(empty.res.status).toBe(422)
    expect(await empty.res.text()).toContain('Enter a phone number, or choose to leave none')
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
  })

  it("refuses a form carried to another station's kiosk", async () => {
    const { t, k } = await setup()
    const other = await kioskClient(t, STATION_B)
    const form = await (await k.get('/kiosk/concern/details?topic=1')).text()
    const res = await other.post('/kiosk/concern', {
      station: '1',
      topic: '1',
      key: formKey(form),
      deputy: 'any',
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('这份表单来自另一个联络站的终端')
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
    // Nor can it open a slip of station A.
    const { res: ok } = await submitDropIn(k)
    expect((await other.get(`/kiosk/slip/${slipCode(ok)}`)).status).toBe(404)
  })

  it('refuses a missing or malformed idempotency key', async () => {
    const { t, k } = await setup()
    await k.get('/kiosk/concern/details?topic=1')
    const res = await k.post('/kiosk/concern', { station: '1', topic: '1', key: 'x', deputy: 'any' })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('页面已过期')
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
  })

  it('refuses without a paired kiosk or without the CSRF token', async () => {
    const { t, k } = await setup()
    const anon = t.client()
    expect((await anon.post('/kiosk/concern', { station: '1', topic: '1' })).status).toBe(401)
    const noCsrf = await k.post('/kiosk/concern', { station: '1', topic: '1' }, { csrf: false })
    expect(noCsrf.status).toBe(403)
    expect(counts(t.db)).toEqual({ concerns: 0, tickets: 0, events: 0 })
  })

  it('rate-limits a runaway kiosk, but replays of a key do not count', async () => {
    const { t, k } = await setup()
    const first = await submitDropIn(k)
    for (let i = 0; i < 5; i++)
      await k.post('/kiosk/concern', { station: '1', topic: '1', key: first.key, deputy: 'any' })
    for (let i = 1; i < KIOSK_SUBMISSIONS_PER_WINDOW; i++)
      expect((await submitDropIn(k)).res.status).toBe(303)
    const over = await submitDropIn(k)
    expect(over.res.status).toBe(429)
    expect(counts(t.db).tickets).toBe(KIOSK_SUBMISSIONS_PER_WINDOW)
  })
})

describe('kiosk start screen and caching', () => {
  it('offers 反映问题 only while there are topics', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    expect(await (await k.get('/kiosk')).text()).toContain('id="action-concern"')
    t.db.update(topics).set({ active: false }).run()
    expect(await (await k.get('/kiosk')).text()).not.toContain('id="action-concern"')
    expect((await k.get('/kiosk/concern')).status).toBe(404)
  })

  it('never lets a kiosk page be cached', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { res } = await submitDropIn(k)
    for (const path of [
      '/kiosk/concern',
      '/kiosk/concern/details?topic=1',
      res.headers.get('location')!,
      '/display',
    ])
      expect((await k.get(path)).headers.get('cache-control'), path).toBe('no-store')
  })

  it('uses no htmx 2 attributes on the queue screens', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    await submitDropIn(k)
    const html = [
      await (await k.get('/kiosk/concern/details?topic=1')).text(),
      await (await k.get('/display')).text(),
    ].join('')
    expect(html).not.toMatch(/\b(hx-disabled-elt|sse-connect|sse-swap|hx-ext|hx-vars)=/)
    expect(html).toContain('data-live-url="/display/events"')
    expect(html).toContain('src="/static/queue-live.js"')
    expect(html).toContain('src="/static/hx-sse.js"')
  })
})

describe('public tracking page', () => {
  it('shows status, dates and topic but never names, phones or the description', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { res } = await submitDropIn(k, {
      description: '隔壁王阿姨家漏水',
      phone: '13812345678',
      mode: 'phone',
    })
    const code = slipCode(res)
    const page = await t.client().get(`/track/${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('已受理')
    expect(html).toContain('住房与物业')
    expect(html).toContain('2026年12月2日')
    expect(html).not.toContain('王阿姨')
    expect(html).not.toContain('13812345678')
    expect(html).not.toContain('5678')
    expect(html).not.toContain('陈建国')
    expect(page.headers.get('cache-control')).toBe('no-store')
  })

  it('answers an unknown code with a localised 404', async () => {
    const t = await makeTestApp()
    const res = await t.client().get('/track/ABCD-EFGH')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('没有这个查询码')
  })

  it('records the timeline of a kiosk concern', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    await submitDropIn(await kioskClient(t))
    const events = t.db.select().from(concernEvents).all()
    expect(events).toMatchObject([
      { action: 'created', actorKind: 'kiosk', fromStatus: null, toStatus: 'received' },
    ])
  })
})
