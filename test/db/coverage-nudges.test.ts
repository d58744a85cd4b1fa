import { eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { listPlaces } from '../../db/queries/places.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { accounts, deputies, outbox, visits } from '../../db/schema.ts'
import { coverageNudgesJob } from '../../server/jobs/coverage-nudges.ts'
import { catchUp } from '../../server/jobs/runner.ts'
import { makeTestApp } from '../helpers/test-app.ts'

describe('weekly coverage nudge', () => {
  it('runs once per week, once after a missed week, and names the places unreached the longest', async () => {
    // Monday 2026-11-23 09:00 in Shanghai is the planned slot before TEST_NOW (Wednesday).
    const t = await makeTestApp()
    const { db } = t
    const deps = { ...t.deps }
    const chen = db.select().from(deputies).where(eq(deputies.name, '陈建国')).get()!
    const district1 = listPlaces(db, { districtIds: [1] })
    expect(district1.length).toBeGreaterThan(3)
    // One place of 陈建国's district was visited last month: it is reached and must not be named.
    const visited = district1[0]!
    const v = insertVisit(
      db,
      {
        placeId: visited.id,
        stationId: 1,
        kind: 'home_visits',
        startsAt: new Date('2026-10-20T02:00:00Z'),
        endsAt: new Date('2026-10-20T04:00:00Z'),
        deputyIds: [chen.id],
      },
      t.clock.now(),
    )
    db.update(visits).set({ status: 'held' }).where(eq(visits.id, v.id)).run()

    const nudges = () => db.select().from(outbox).where(like(outbox.dedupeKey, 'coverage-%')).all()
    const first = await catchUp(deps, [coverageNudgesJob])
    expect(first.map((o) => [o.slot.toISOString(), o.status])).toEqual([['2026-11-23T01:00:00.000Z', 'done']])
    const week1 = nudges()
    const chenNudge = week1.find((m) => m.dedupeKey === `coverage-nudge:2026-11-23:deputy-${chen.id}`)!
    expect(chenNudge.recipient).toMatch(/^(account|deputy):\d+$/)
    // Never-reached places come first, by id: the three other places of district 1.
    for (const p of district1
      .filter((p) => p.id !== visited.id)
      .sort((a, b) => a.id - b.id)
      .slice(0, 3)) {
      expect(chenNudge.body).toContain(`${p.nameZhHans}：从未联系`)
      expect(chenNudge.body).toContain(`/visits/new?place=${p.id}`)
    }
    expect(chenNudge.body).not.toContain(visited.nameZhHans)
    const street = week1.filter((m) => m.recipient === 'street-office')
    expect(street).toHaveLength(1)
    expect(street[0]!.body).not.toContain(`\n${visited.nameZhHans}：`)

    // A second call in the same week does nothing.
    t.clock.set('2026-11-27T02:00:00Z')
    expect(await catchUp(deps, [coverageNudgesJob])).toEqual([])
    expect(nudges()).toHaveLength(week1.length)

    // Down for over a week: the next start runs the latest missed Monday once, not two.
    t.clock.set('2026-12-09T02:00:00Z')
    const late = await catchUp(deps, [coverageNudgesJob])
    expect(late.map((o) => [o.slot.toISOString(), o.status])).toEqual([['2026-12-07T01:00:00.000Z', 'done']])
    expect(nudges().filter((m) => m.dedupeKey.includes(':2026-12-07:'))).toHaveLength(week1.length)
    expect(await catchUp(deps, [coverageNudgesJob])).toEqual([])
  })

  it('goes by SMS, naming the places, to a deputy who chose SMS; others stay on the webhook', async () => {
    const t = await makeTestApp()
    const { db } = t
    const chen = db.select().from(deputies).where(eq(deputies.name, '陈建国')).get()!
    db.update(accounts)
      .set({ notifyChannel: 'sms', phone: '13912345678' })
      .where(eq(accounts.deputyId, chen.id))
      .run()
    await catchUp({ ...t.deps }, [coverageNudgesJob])
    const mine = db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `coverage-nudge:%:deputy-${chen.id}`))
      .all()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ channel: 'sms', kind: 'coverage.nudge', phone: '13912345678' })
    const named = listPlaces(db, { districtIds: [1] })
      .sort((a, b) => a.id - b.id)
      .slice(0, 3)
    expect(mine[0]!.smsParams).toEqual({ places: named.map((p) => p.nameZhHans).join('、') })
    const others = db.select().from(outbox).where(like(outbox.dedupeKey, 'coverage-nudge:%')).all()
    expect(others.filter((m) => m.channel === 'webhook').length).toBeGreaterThan(0)
  })
})
