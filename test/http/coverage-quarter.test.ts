import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { insertPlace } from '../../db/queries/places.ts'
import { accounts, deputies, deputyDistricts, districts, stations, topics } from '../../db/schema.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { cancelVisit, logVisitHeld, planVisit } from '../../server/events/visit-commands.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/*
 * The scripted quarter of issue 17's "Done means": 3 deputies, 20 places of one district, visits
 * planned, held and cancelled, concerns raised at visits and at the kiosk; then the figures the
 * pages show are checked against numbers worked out by hand (in the comments), not by the code.
 *
 * Quarter 2026-07-01 … 2026-09-30; "today" is 2026-11-25, so figures are as of 2026-09-30.
 * Unreached = never, or the last contact 90 days or more before 2026-09-30.
 */

const at = (date: string) => new Date(`${date}T02:00:00Z`) // 10:00 in Shanghai

async function scriptedQuarter(t: TestApp) {
  const { db } = t
  const now = t.clock.now()
  const station = db.select().from(stations).all()[0]!
  const stamp = { createdAt: now, updatedAt: now }
  const district = db
    .insert(districts)
    .values({ streetId: station.streetId, stationId: station.id, nameZhHans: '季度测试选区', ...stamp })
    .returning()
    .get()
  const P: number[] = [0]
  for (let i = 1; i <= 20; i++)
    P.push(
      insertPlace(
        db,
        {
          districtId: district.id,
          kind: i <= 8 ? 'community' : i <= 16 ? 'firm' : 'school',
          nameZhHans: `测试地点${i}`,
        },
        now,
      ).id,
    )
  const deputy = (name: string, own: { workUnitPlaceId?: number; homePlaceId?: number }) => {
    const d = db
      .insert(deputies)
      .values({ name, homeStationId: station.id, ...own, ...stamp })
      .returning()
      .get()
    db.insert(deputyDistricts).values({ deputyId: d.id, districtId: district.id }).run()
    return d.id
  }
  const D1 = deputy('甲代表', { workUnitPlaceId: P[1]!, homePlaceId: P[2]! })
  const D2 = deputy('乙代表', {})
  const D3 = deputy('丙代表', { homePlaceId: P[20]! })

  // Visits go through the real commands, as a clerk (the demo's clerk account) records them.
  const clerk = db.select().from(accounts).where(eq(accounts.username, 'clerk')).get()!.id
  const visit = (place: number, date: string, who: number[], status: 'planned' | 'held' | 'cancelled') => {
    const v = planVisit(
      db,
      {
        placeId: place,
        stationId: station.id,
        kind: 'home_visits',
        startsAt: at(date),
        endsAt: new Date(at(date).getTime() + 7_200_000),
        deputyIds: who,
        actorAccountId: clerk,
      },
      now,
    )
    const outcome =
      status === 'held'
        ? logVisitHeld(db, v.id, { status: 'held', peopleMet: 10, summary: '走访' }, clerk, now)
        : status === 'cancelled'
          ? cancelVisit(db, v.id, '改期', clerk, now)
          : { ok: true }
    if (!outcome.ok) throw new Error(`visit ${v.id} not ${status}`)
    return v.id
  }
  visit(P[1]!, '2026-07-02', [D1], 'held') // V1
  const V2 = visit(P[2]!, '2026-07-15', [D1, D2], 'held')
  visit(P[3]!, '2026-08-05', [D2], 'cancelled') // V3
  visit(P[4]!, '2026-08-20', [D3], 'held') // V4
  visit(P[5]!, '2026-09-10', [D1], 'planned') // V5, not yet logged
  visit(P[1]!, '2026-09-20', [D1], 'held') // V6
  visit(P[6]!, '2026-10-05', [D3], 'held') // V7, after the quarter
  visit(P[7]!, '2026-04-10', [D2], 'held') // V8, before the quarter

  const topicId = db.select().from(topics).all()[0]!.id
  let n = 0
  const concern = (
    date: string,
    deputyId: number,
    place: number | null,
    extra: { visitId?: number; triage?: 'pending'; channel?: 'visit' | 'kiosk' | 'phone_web' } = {},
  ) =>
    submitConcern(
      db,
      {
        stationId: station.id,
        localDate: date,
        topicId,
        channel: extra.channel ?? 'kiosk',
        queue: false,
        deputyId,
        priority: false,
        description: `季度测试 ${++n}`,
        callbackPhone: null,
        placeId: place,
        visitId: extra.visitId ?? null,
        triage: extra.triage ?? null,
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'system' },
      },
      at(date),
    )
  concern('2026-07-15', D1, P[2]!, { visitId: V2, channel: 'visit' }) // C1: the visit's own place
  concern('2026-07-15', D2, P[8]!, { visitId: V2, channel: 'visit' }) // C2: a resident from P8
  concern('2026-08-10', D1, P[1]!) // C3
  concern('2026-09-01', D3, P[9]!) // C4
  concern('2026-09-02', D1, null) // C5: no place given
  concern('2026-09-03', D3, P[10]!, { triage: 'pending', channel: 'phone_web' }) // C6: awaiting review
  concern('2026-09-25', D1, P[1]!) // C7
  return { district: district.id, P, D1, D2, D3 }
}

/** The places table of the district page as [place id, last contact, days since, contacts, state]. */
function placeRows(html: string) {
  const rows: string[][] = []
  for (const m of html.matchAll(/<tr data-place="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[2]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, ''),
    )
    rows.push([m[1]!, cells[2]!, cells[3]!, cells[4]!, cells[5]!])
  }
  return rows
}

describe('a scripted quarter of outreach', () => {
  it('gives the coverage figures a hand count gives', async () => {
    const t = await makeTestApp()
    const s = await scriptedQuarter(t)
    const admin = await t.client().login(...DEMO.admin)
    const q = 'from=2026-07-01&to=2026-09-30'
    const res = await admin.get(`/coverage?district=${s.district}&${q}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    const rows = placeRows(html)
    const byPlace = new Map(rows.map((r) => [Number(r[0]), r.slice(1)]))
    // Reached: P1 (V1 07-02, C3 08-10, V6 09-20, C7 09-25 → last 09-25, 5 days, 4 contacts),
    // P2 (V2 07-15; C1 raised at V2 about P2 is V2's contact → 1), P4 (V4 08-20, 41 days),
    // P8 (C2 at V2 about P8, 07-15, 77 days), P9 (C4 09-01, 29 days).
    expect(byPlace.get(s.P[1]!)).toEqual(['2026-09-25', '5', '4', '已覆盖'])
    expect(byPlace.get(s.P[2]!)).toEqual(['2026-07-15', '77', '1', '已覆盖'])
    expect(byPlace.get(s.P[4]!)).toEqual(['2026-08-20', '41', '1', '已覆盖'])
    expect(byPlace.get(s.P[8]!)).toEqual(['2026-07-15', '77', '1', '已覆盖'])
    expect(byPlace.get(s.P[9]!)).toEqual(['2026-09-01', '29', '1', '已覆盖'])
    // P7: only V8 on 2026-04-10, 173 days before 09-30 → unreached, 0 in the quarter.
    expect(byPlace.get(s.P[7]!)).toEqual(['2026-04-10', '173', '0', '未覆盖'])
    // P3 (visit cancelled), P5 (still planned), P6 (held after the quarter), P10 (concern
    // awaiting review) and P11–P20: never.
    for (const i of [3, 5, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
      expect(byPlace.get(s.P[i]!)).toEqual(['从未联系', '—', '0', '未覆盖'])
    // 20 places: 15 unreached listed first (14 never, then P7), then the reached ones, longest first.
    expect(rows).toHaveLength(20)
    expect(rows.slice(0, 15).every((r) => r[4] === '未覆盖')).toBe(true)
    expect(rows[14]![0]).toBe(String(s.P[7]))
    expect(rows.slice(15).map((r) => Number(r[0]))).toEqual([s.P[2], s.P[8], s.P[4], s.P[9], s.P[1]])
    // 8 contacts: V1, V2, V4, V6, C2, C3, C4, C7.
    expect(html).toContain('共 20 个地点，15 个未覆盖；本期联系 8 次。')

    // 甲 (D1): V1 P1, V2 P2, V6 P1, C3 P1, C7 P1 → 5 contacts at 2 places; P1 is 4 of 5;
    // work unit P1 + home P2 → 5 of 5; visits V1, V2, V6 held + V5 planned = 4 planned, 3 held.
    const d1 = await (await admin.get(`/coverage/deputy/${s.D1}?${q}`)).text()
    expect(d1).toContain('2 / 20 个')
    expect(d1).toContain('计划 4 次，已开展 3 次')
    expect(d1).toContain('尚待开展 1 次；另取消 0 次')
    expect(d1).toMatch(/<strong>80%<\/strong><span>测试地点1：4 \/ 5 次联系/)
    expect(d1).toMatch(/<strong>100%<\/strong><span>测试地点1、测试地点2 · 5 \/ 5 次联系/)
    expect(d1).not.toContain('不作比较')
    // 乙 (D2): V2 P2, C2 P8 → 2 contacts, 2 places, top 1 of 2 (P2, the lower id on a tie);
    // V2 held, V3 cancelled (V8 is before the quarter) → 1 planned, 1 held, 1 cancelled; no own place.
    const d2 = await (await admin.get(`/coverage/deputy/${s.D2}?${q}`)).text()
    expect(d2).toContain('2 / 20 个')
    expect(d2).toContain('计划 1 次，已开展 1 次')
    expect(d2).toContain('尚待开展 0 次；另取消 1 次')
    expect(d2).toMatch(/<strong>50%<\/strong><span>测试地点2：1 \/ 2 次联系/)
    expect(d2).toContain('未登记工作单位或居住地')
    expect(d2).toContain('样本少于 5 次联系，不作比较')
    // 丙 (D3): V4 P4, C4 P9 (C6 awaits review; V7 is after the quarter) → 2 places, top 1 of 2;
    // home P20 never reached → 0 of 2; V4 held → 1 planned, 1 held.
    const d3 = await (await admin.get(`/coverage/deputy/${s.D3}?${q}`)).text()
    expect(d3).toContain('2 / 20 个')
    expect(d3).toContain('计划 1 次，已开展 1 次')
    expect(d3).toMatch(/<strong>50%<\/strong><span>测试地点4：1 \/ 2 次联系/)
    expect(d3).toMatch(/<strong>0%<\/strong><span>测试地点20 · 0 \/ 2 次联系/)

    // The grid: P1 reached in July, August and September; P2 and P8 in July only; P7 never.
    const grid = await (await admin.get(`/coverage/grid?street=1&${q}`)).text()
    const gridRow = (id: number) =>
      [
        ...(grid.match(new RegExp(`<tr data-place="${id}">([\\s\\S]*?)</tr>`))?.[1] ?? '').matchAll(
          /class="cv-(yes|no)"/g,
        ),
      ].map((m) => m[1])
    expect(gridRow(s.P[1]!)).toEqual(['yes', 'yes', 'yes'])
    expect(gridRow(s.P[2]!)).toEqual(['yes', 'no', 'no'])
    expect(gridRow(s.P[8]!)).toEqual(['yes', 'no', 'no'])
    expect(gridRow(s.P[7]!)).toEqual(['no', 'no', 'no'])
  })
})
