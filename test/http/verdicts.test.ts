import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { concerns, queueTickets } from '../../db/schema.ts'
import {
  concernOf,
  eventsOf,
  followUpApp,
  followUpOf,
  intake,
  kioskVerdict,
  ok,
  writes,
} from '../helpers/followup.ts'
import { markPresent, slipCode, submitDropIn } from '../helpers/queue.ts'

type App = Awaited<ReturnType<typeof followUpApp>>

/** A walk-in served by deputy 1 and answered on the spot at the console; its ticket and concern. */
async function answeredOnTheSpot(app: App, fields: Record<string, string> = {}) {
  const { t, kiosk, deputy } = app
  markPresent(t, 1, [1])
  const { res } = await submitDropIn(kiosk, fields)
  const code = slipCode(res)
  const concern = t.db.select().from(concerns).where(eq(concerns.trackingCode, code)).get()!
  const ticket = t.db.select().from(queueTickets).where(eq(queueTickets.concernId, concern.id)).get()!
  expect((await deputy.post('/console/1/1/call')).status).toBe(303)
  const served = await deputy.post(`/console/1/1/tickets/${ticket.id}/serve`, { outcome: 'answered' })
  expect(served.status).toBe(303)
  expect(concernOf(t.db, concern.id).status).toBe('answered')
  return { id: concern.id, code, ticketId: ticket.id }
}

/** A concern referred, replied by its unit and passed on to the resident: waiting for a verdict. */
async function replied(app: App) {
  const { t, clerk, deputy } = app
  const c = await intake(clerk, t, {
    residentName: '张三丰',
    phone: '13812345678',
    description: '楼道堆放杂物',
  })
  await ok(deputy, t, c.id, 'refer', { unit: '2' })
  await ok(clerk, t, c.id, 'unit_reply', { grade: 'A', unitReply: '已清理' })
  await ok(deputy, t, c.id, 'relay', { reply: '楼道杂物已清理。' })
  return c
}

/** Every verdict button of a page: its value and the attributes that could favour one. */
function verdictButtons(html: string) {
  return [...html.matchAll(/<button\b[^>]*\bname="verdict"[^>]*>/g)].map((m) => {
    const tag = m[0]
    return {
      value: /\bvalue="([^"]*)"/.exec(tag)?.[1],
      cls: /\bclass="([^"]*)"/.exec(tag)?.[1],
      favoured: /\b(autofocus|checked|aria-pressed="true"|aria-current|data-default)\b/.test(tag),
    }
  })
}

function expectHonestButtons(html: string, where: string) {
  const buttons = verdictButtons(html)
  expect(buttons.length, where).toBeGreaterThanOrEqual(3)
  expect(buttons.length % 3, where).toBe(0)
  for (let i = 0; i < buttons.length; i += 3) {
    const three = buttons.slice(i, i + 3)
    expect(
      three.map((b) => b.value),
      where,
    ).toEqual(['satisfied', 'basically_satisfied', 'unsatisfied'])
    expect(new Set(three.map((b) => b.cls)).size, where).toBe(1)
    expect(three[0]!.cls, where).toBeTruthy()
    expect(
      three.some((b) => b.favoured),
      where,
    ).toBe(false)
  }
  expect(html, where).not.toMatch(/type="radio"[^>]*name="verdict"/)
}

describe('the three verdict buttons look alike everywhere', () => {
  it('kiosk progress, the phone page, the call-back list, the concern page and the on-the-spot screen', async () => {
    const app = await followUpApp()
    const { t, kiosk, clerk } = app
    const r = await replied(app)
    const spot = await answeredOnTheSpot(app, { mode: 'phone', phone: '13900000001' })
    const pages: [string, string][] = [
      ['kiosk progress', await (await kiosk.get(`/kiosk/progress/${r.code}`)).text()],
      ['kiosk progress, answered', await (await kiosk.get(`/kiosk/progress/${spot.code}`)).text()],
      ['phone page', await (await t.client().get(`/track/${r.code}`)).text()],
      ['call-back list', await (await clerk.get('/staff/stations/1/callbacks')).text()],
      ['concern page', await (await clerk.get(`/concerns/${r.id}`)).text()],
      [
        'on-the-spot screen',
        await (await app.deputy.get(`/console/1/1/tickets/${spot.ticketId}/verdict`)).text(),
      ],
    ]
    for (const [where, html] of pages) expectHonestButtons(html, where)
  })
})

describe('a concern answered on the spot can be rated', () => {
  it('on the deputy’s device right after: a resident screen with nothing personal, once, then thanks', async () => {
    const app = await followUpApp()
    const { t, deputy } = app
    const spot = await answeredOnTheSpot(app, { mode: 'phone', phone: '13900000002' })
    const console = await (await deputy.get('/console/1/1')).text()
    expect(console).toContain(`href="/console/1/1/tickets/${spot.ticketId}/verdict"`)
    expect(console).toContain('居民在场：现在请他评价（A-001）')

    const screen = await deputy.get(`/console/1/1/tickets/${spot.ticketId}/verdict`)
    expect(screen.status).toBe(200)
    const html = await screen.text()
    expect(html).toContain('请您评价刚才的答复')
    for (const secret of ['13900000002', '139****0002', 'console-queue', 'call-next'])
      expect(html).not.toContain(secret)

    const before = writes(t.db)
    const bad = await deputy.post(`/console/1/1/tickets/${spot.ticketId}/verdict`, { verdict: 'great' })
    expect(bad.status).toBe(422)
    expect(writes(t.db)).toEqual(before)

    const res = await deputy.post(`/console/1/1/tickets/${spot.ticketId}/verdict`, { verdict: 'satisfied' })
    expect(res.status).toBe(303)
    const thanks = await (await deputy.get(res.headers.get('location')!)).text()
    expect(thanks).toContain('谢谢您的评价：满意')
    expect(thanks).toContain('data-return-url="/console/1/1"')
    expect(concernOf(t.db, spot.id).status).toBe('closed')
    expect(eventsOf(t.db, spot.id).at(-1)).toMatchObject({
      action: 'verdict',
      actorKind: 'resident',
      fromStatus: 'answered',
      toStatus: 'closed',
      detail: expect.objectContaining({ verdict: 'satisfied', via: 'on_the_spot' }),
    })

    // Once: the offer is gone, and a second tap changes nothing.
    expect(await (await deputy.get('/console/1/1')).text()).not.toContain('id="rate-now"')
    const after = writes(t.db)
    const again = await deputy.post(`/console/1/1/tickets/${spot.ticketId}/verdict`, {
      verdict: 'unsatisfied',
    })
    expect(again.status).toBe(409)
    expect(writes(t.db)).toEqual(after)
  })

  it('不满意 reopens an answered concern with the re-handling deadline; by code at the kiosk', async () => {
    const app = await followUpApp()
    const { t, kiosk } = app
    const spot = await answeredOnTheSpot(app)
    const page = await (await kiosk.get(`/kiosk/progress/${spot.code}`)).text()
    expect(page).toContain('id="verdict-form"')
    expect(page).not.toContain('id="progress-no-reply"')
    const res = await kioskVerdict(kiosk, spot.code, 'unsatisfied')
    expect(res.status).toBe(303)
    expect(concernOf(t.db, spot.id).status).toBe('reopened')
    expect(followUpOf(t.db, spot.id)).toMatchObject({ dueKind: 'rehandling' })
    const again = await kioskVerdict(kiosk, spot.code, 'satisfied')
    expect(again.status).toBe(409)
    expect(concernOf(t.db, spot.id).status).toBe('reopened')
  })

  it('in the call-back list when the resident left a phone, recorded by the clerk', async () => {
    const app = await followUpApp()
    const { t, clerk } = app
    const withPhone = await answeredOnTheSpot(app, { mode: 'phone', phone: '13900000003' })
    const list = await (await clerk.get('/staff/stations/1/callbacks')).text()
    expect(list).toContain(`id="callback-${withPhone.id}"`)
    expect(list).toContain('name="seen" value="answered"')
    const res = await clerk.post(`/concerns/${withPhone.id}/steps/verdict`, {
      seen: 'answered',
      verdict: 'basically_satisfied',
      back: '/staff/stations/1/callbacks',
    })
    expect(res.status).toBe(303)
    expect(concernOf(t.db, withPhone.id).status).toBe('closed')
    expect(eventsOf(t.db, withPhone.id).at(-1)?.detail).toMatchObject({ via: 'callback' })
    expect(await (await clerk.get('/staff/stations/1/callbacks')).text()).not.toContain(
      `id="callback-${withPhone.id}"`,
    )
  })
})

describe('the slip’s phone page (/track/<code>)', () => {
  it('takes the verdict once, anonymously with the CSRF token, and shows the current deadline after 不满意', async () => {
    const app = await followUpApp()
    const { t } = app
    const r = await replied(app)
    const phone = t.client()
    const first = await (await phone.get(`/track/${r.code}`)).text()
    expect(first).toContain('id="track-verdict-form"')
    for (const secret of ['张三丰', '13812345678', '楼道堆放杂物']) expect(first).not.toContain(secret)

    const before = writes(t.db)
    expect(
      (await phone.post(`/track/${r.code}/verdict`, { verdict: 'unsatisfied' }, { csrf: false })).status,
    ).toBe(403)
    expect(writes(t.db)).toEqual(before)

    const res = await phone.post(`/track/${r.code}/verdict`, { verdict: 'unsatisfied', comment: '' })
    expect(res.status).toBe(303)
    expect(concernOf(t.db, r.id).status).toBe('reopened')
    expect(eventsOf(t.db, r.id).at(-1)).toMatchObject({
      actorKind: 'resident',
      detail: expect.objectContaining({ verdict: 'unsatisfied', via: 'phone' }),
    })
    const rehandling = followUpOf(t.db, r.id)!.dueOn!
    expect(rehandling).not.toBe(concernOf(t.db, r.id).firstResponseDueOn)
    const after = await (await phone.get(res.headers.get('location')!)).text()
    const longDate = (d: string) =>
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${d}T12:00:00Z`),
      )
    expect(after).toMatch(new RegExp(`id="track-due">${longDate(rehandling)}<`))
    expect(after).not.toContain('id="track-verdict-form"')

    // Once: a second verdict is refused and writes nothing.
    const snapshot = writes(t.db)
    const again = await phone.post(`/track/${r.code}/verdict`, { verdict: 'satisfied' })
    expect(again.status).toBe(409)
    expect(writes(t.db)).toEqual(snapshot)
  })

  it('follows the phone’s language without a cookie, and the switch wins over it', async () => {
    const app = await followUpApp()
    const r = await replied(app)
    const en = app.t.client({ headers: { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.5' } })
    const page = await en.get(`/track/${r.code}`)
    expect(page.headers.get('vary')).toContain('Accept-Language')
    const html = await page.text()
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Satisfied')
    const hk = app.t.client({ headers: { 'accept-language': 'zh-HK,zh;q=0.8' } })
    expect(await (await hk.get(`/track/${r.code}`)).text()).toContain('<html lang="zh-TW"')
    await en.get(`/lang/zh-Hans?next=/track/${r.code}`)
    expect(await (await en.get(`/track/${r.code}`)).text()).toContain('<html lang="zh-CN"')
    // A kiosk keeps the station's language whatever its browser says.
    const kiosk = app.kiosk
    const k = await kiosk.get('/kiosk', { headers: { 'accept-language': 'en' } })
    expect(await k.text()).toContain('<html lang="zh-CN"')
  })

  it('is rate-limited like the look-ups: a guesser’s address is refused before any verdict', async () => {
    const app = await followUpApp()
    const r = await replied(app)
    const guesser = app.t.client()
    for (let i = 0; i < 30; i++) await guesser.get(`/track/ZZZZ${String(i).padStart(4, '2')}`)
    const before = writes(app.t.db)
    const res = await guesser.post(`/track/${r.code}/verdict`, { verdict: 'satisfied' })
    expect(res.status).toBe(429)
    expect(writes(app.t.db)).toEqual(before)
  })
})
