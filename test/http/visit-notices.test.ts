import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { insertVisit } from '../../db/queries/visits.ts'
import { visits } from '../../db/schema.ts'
import { zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import { kioskClient, STATION_A, STATION_B, sseMessages } from '../helpers/queue.ts'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

// Demo ids: deputies 陈建国 = 1, 李秀英 = 2; places 幸福村 = 6 (a district of station A),
// 石桥村 = 8 (station B's).
const TZ = 'Asia/Shanghai'

function plan(
  t: TestApp,
  v: { place: number; date: string; from?: string; to?: string; deputies: number[]; station?: number },
) {
  return insertVisit(
    t.db,
    {
      placeId: v.place,
      stationId: v.station ?? STATION_A,
      kind: 'home_visits',
      startsAt: zonedTimeToUtc(v.date, v.from ?? '09:00', TZ),
      endsAt: zonedTimeToUtc(v.date, v.to ?? '11:00', TZ),
      deputyIds: v.deputies,
    },
    t.clock.now(),
  )
}

const visitLines = (html: string, prefix: string) => {
  const list = new RegExp(`<ul id="${prefix}-visits">(.*?)</ul>`, 's').exec(html)?.[1] ?? ''
  return [...list.matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((m) => m[1])
}

describe('planned visits on the kiosk start screen and the room board (now: Wednesday 2026-11-25 10:00)', () => {
  it('names the day as residents say it, in three languages, the soonest three of the next 14 days', async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    const before = await (await k.get('/kiosk')).text()
    expect(before).not.toContain('id="kiosk-visits"')

    plan(t, { place: 6, date: '2026-12-01', deputies: [2] })
    plan(t, { place: 6, date: '2026-11-25', from: '14:30', to: '16:00', deputies: [1, 2] })
    plan(t, { place: 8, date: '2026-11-26', deputies: [1], station: STATION_B }) // station B's place
    plan(t, { place: 6, date: '2026-12-20', deputies: [1] }) // beyond 14 days
    plan(t, { place: 6, date: '2026-11-25', from: '08:00', to: '09:30', deputies: [1] }) // over

    // The kept start screen is rebuilt: visits are among the tables it declares.
    expect(visitLines(await (await k.get('/kiosk')).text(), 'kiosk')).toEqual([
      '今天 14:30　陈建国、李秀英代表到 幸福村（入户走访）',
      '下周二 09:00　李秀英代表到 幸福村（入户走访）',
    ])
    expect(visitLines(await (await k.get('/display')).text(), 'board')).toEqual([
      '今天 14:30　陈建国、李秀英代表到 幸福村（入户走访）',
      '下周二 09:00　李秀英代表到 幸福村（入户走访）',
    ])
    await k.get('/lang/zh-Hant')
    expect(visitLines(await (await k.get('/kiosk')).text(), 'kiosk')[1]).toBe(
      '下週二 09:00　李秀英代表到 幸福村（入戶走訪）',
    )
    await k.get('/lang/en')
    expect(visitLines(await (await k.get('/display')).text(), 'board')).toEqual([
      'Today 14:30: Deputies 陈建国, 李秀英 at Xingfu Village (Home visits)',
      'Next Tuesday 09:00: Deputy 李秀英 at Xingfu Village (Home visits)',
    ])

    // Station B's kiosk shows its own district's visit, by its station or its place.
    const kb = await kioskClient(t, STATION_B)
    expect(visitLines(await (await kb.get('/kiosk')).text(), 'kiosk')).toEqual([
      '明天 09:00　陈建国代表到 石桥村（入户走访）',
    ])

    // A fourth visit inside the window pushes the last one out.
    plan(t, { place: 6, date: '2026-11-27', deputies: [1] })
    plan(t, { place: 6, date: '2026-11-28', deputies: [1] })
    await k.get('/lang/zh-Hans')
    expect(visitLines(await (await k.get('/kiosk')).text(), 'kiosk')).toEqual([
      '今天 14:30　陈建国、李秀英代表到 幸福村（入户走访）',
      '后天 09:00　陈建国代表到 幸福村（入户走访）',
      '本周六 09:00　陈建国代表到 幸福村（入户走访）',
    ])
  })

  it('keeps a visit cancelled for today or tomorrow on show, marked cancelled; later ones go', async () => {
    const t = await makeTestApp()
    const tomorrow = plan(t, { place: 6, date: '2026-11-26', deputies: [2] })
    const later = plan(t, { place: 6, date: '2026-12-01', deputies: [2] })
    const k = await kioskClient(t)
    expect(visitLines(await (await k.get('/kiosk')).text(), 'kiosk')).toHaveLength(2)
    for (const v of [tomorrow, later])
      t.db.update(visits).set({ status: 'cancelled', cancelReason: '下雨' }).where(eqId(v.id)).run()
    const html = await (await k.get('/kiosk')).text()
    expect(visitLines(html, 'kiosk')).toEqual(['明天 09:00　李秀英代表到 幸福村（入户走访）　已取消'])
    expect(html).toContain('<li class="visit-cancelled">')
    expect(html).not.toContain('下雨')
  })

  it('sends the visits with the board fragment over SSE', async () => {
    const t = await makeTestApp()
    plan(t, { place: 6, date: '2026-11-26', deputies: [2] })
    const k = await kioskClient(t)
    const stream = sseMessages(await k.get('/display/events'))
    const first = await stream.next()
    expect(first).toContain('id="board-visits"')
    expect(first).toContain('明天 09:00　李秀英代表到 幸福村（入户走访）')
    await stream.cancel()
  })
})

const eqId = (id: number) => eq(visits.id, id)
