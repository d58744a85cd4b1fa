import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { insertAbsence, publishedThrough, publishRoster } from '../../db/queries/roster.ts'
import { findStation } from '../../db/queries/stations.ts'
import { outbox } from '../../db/schema.ts'
import { runRosterGapReport } from '../../server/jobs/roster-gap-report.ts'
import { runRosterHandoffs } from '../../server/jobs/roster-handoffs.ts'
import { rosterPublishJob, runRosterPublish } from '../../server/jobs/roster-publish.ts'
import { runRosterReminders } from '../../server/jobs/roster-reminders.ts'
import { runJob } from '../../server/jobs/runner.ts'
import { rosterFixture } from '../helpers/roster.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

const messages = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  t.db.select().from(outbox).orderBy(asc(outbox.id)).all()

describe('roster jobs', () => {
  it('reminds the day before, once per slot and person, from 09:00 in the station’s zone', async () => {
    const t = await makeTestApp({ now: '2026-11-25T00:30:00.000Z' }) // 08:30 in Shanghai
    const fx = await rosterFixture(t)
    expect(runRosterReminders(t.deps, t.clock.now())).toBe(0)
    t.clock.set('2026-11-25T02:00:00.000Z') // 10:00
    expect(runRosterReminders(t.deps, t.clock.now())).toBe(2)
    expect(runRosterReminders(t.deps, t.clock.now())).toBe(0)
    const [am, pm] = messages(t)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    // Thursday 26 November: the clerk in the morning, Li in the afternoon.
    expect(am).toMatchObject({ recipient: `account:${clerkId}`, kind: 'roster.reminder', status: 'pending' })
    expect(am!.body).toContain('09:00–12:00')
    expect(am!.expiresAt?.toISOString()).toBe('2026-11-26T01:00:00.000Z')
    expect(pm!.recipient).toBe(fx.li)
  })

  it('sends a hand-off notice when a duty starts, naming who takes over from whom, and not too late', async () => {
    const t = await makeTestApp({ now: '2026-11-25T05:55:00.000Z' }) // 13:55 in Shanghai
    const fx = await rosterFixture(t)
    expect(runRosterHandoffs(t.deps, t.clock.now())).toBe(2)
    expect(runRosterHandoffs(t.deps, t.clock.now())).toBe(0)
    const [station, person] = messages(t)
    expect(station).toMatchObject({ recipient: 'station:1', kind: 'roster.handoff' })
    expect(station!.body).toBe('14:00 起由 zhao 接替 li 值班，至 17:30。')
    expect(station!.dueAt.toISOString()).toBe('2026-11-25T06:00:00.000Z')
    expect(station!.expiresAt!.toISOString()).toBe('2026-11-25T06:30:00.000Z')
    expect(person!.recipient).toBe(fx.zhao)
    // Forty minutes after the start a notice is no use any more.
    const late = await makeTestApp({ now: '2026-11-25T06:40:00.000Z' })
    await rosterFixture(late)
    expect(runRosterHandoffs(late.deps, late.clock.now())).toBe(0)
  })

  it('warns the station when a duty starts with nobody there', async () => {
    const t = await makeTestApp({ now: '2026-11-25T05:55:00.000Z' })
    const fx = await rosterFixture(t)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    for (const p of [fx.clerk, fx.li, fx.zhao])
      insertAbsence(t.db, { person: p, from: '2026-11-25', to: '2026-11-25' }, clerkId, t.clock.now())
    expect(runRosterHandoffs(t.deps, t.clock.now())).toBe(1)
    expect(messages(t)[0]!.body).toContain('无人值班')
  })

  it('reports the coming weeks’ gaps to every administrator once a week, and nothing when there are none', async () => {
    const t = await makeTestApp()
    const fx = await rosterFixture(t)
    expect(runRosterGapReport(t.deps, t.clock.now())).toBe(0)
    const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
    insertAbsence(t.db, { person: fx.zhao, from: '2026-12-01', to: '2026-12-31' }, clerkId, t.clock.now())
    insertAbsence(t.db, { person: fx.li, from: '2026-12-01', to: '2026-12-31' }, clerkId, t.clock.now())
    insertAbsence(t.db, { person: fx.clerk, from: '2026-12-01', to: '2026-12-31' }, clerkId, t.clock.now())
    expect(runRosterGapReport(t.deps, t.clock.now())).toBe(1)
    expect(runRosterGapReport(t.deps, t.clock.now())).toBe(0)
    const [report] = messages(t)
    const adminId = findAccountByUsername(t.db, DEMO.admin[0])!.id
    expect(report).toMatchObject({ recipient: `account:${adminId}`, kind: 'roster.gap-report' })
    // 23 working days of December, two slots each.
    expect(report!.subject).toContain('46')
    expect(report!.body.split('\n')).toHaveLength(1 + 20 + 1)
  })

  it('keeps a published roster published ahead as days pass, and leaves an unpublished one alone', async () => {
    const t = await makeTestApp()
    await rosterFixture(t)
    const station = findStation(t.db, 1)!
    expect(runRosterPublish(t.deps, t.clock.now())).toBe(0)
    expect(publishedThrough(t.db, 1)).toBeNull()
    publishRoster(t.db, station, '2027-01-10', null, t.clock.now())
    t.clock.set('2026-12-02T02:00:00.000Z')
    expect(runRosterPublish(t.deps, t.clock.now())).toBe(10)
    expect(publishedThrough(t.db, 1)).toBe('2027-01-17')
    const outcomes = await runJob(t.deps, rosterPublishJob)
    expect(outcomes.map((o) => o.status)).toEqual(['done'])
  })
})
