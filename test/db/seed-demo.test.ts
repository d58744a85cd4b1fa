import { describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { countActiveAdmins, createAccount } from '../../db/queries/admin-accounts.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { feedUidDomain } from '../../db/queries/feeds.ts'
import { claimSlot } from '../../db/queries/jobs.ts'
import { loadSuggestion, suggestionRef } from '../../db/queries/suggestions.ts'
import { concerns, suggestions } from '../../db/schema.ts'
import { DEMO_LOGINS, ensureDemoData, isDemoDatabase, seedDemo } from '../../db/seed-demo.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { localDate } from '../../server/domain/time.ts'
import { TEST_NOW } from '../helpers/test-app.ts'

const NOW = new Date(TEST_NOW)
const usernames = (db: ReturnType<typeof openDb>) =>
  db.$client.prepare('select username from accounts order by id').pluck().all() as string[]

describe('the demo seed', () => {
  it('fills an empty database once and marks it as a demo in the same write', async () => {
    const db = openDb(':memory:')
    expect(isDemoDatabase(db)).toBe(false)
    expect(await seedDemo(db, NOW)).toEqual({ outcome: 'seeded' })
    expect(isDemoDatabase(db)).toBe(true)
    expect(usernames(db)).toEqual(DEMO_LOGINS.map((l) => l.username))
    expect(await seedDemo(db, NOW)).toEqual({ outcome: 'demo' })
    expect(usernames(db)).toHaveLength(DEMO_LOGINS.length)
    const info = await ensureDemoData({ db, clock: fixedClock(NOW) })
    expect(info?.logins.map((l) => l.username)).toEqual(['admin', 'clerk', 'deputy'])
  })

  it('gives the demo example suggestions in each stage, resting on concerns without a name or phone, once', async () => {
    const db = openDb(':memory:')
    await seedDemo(db, NOW)
    expect(db.select().from(suggestions).all()).toEqual([]) // tests' fixtures start from none
    await ensureDemoData({ db, clock: fixedClock(NOW) })
    await ensureDemoData({ db, clock: fixedClock(NOW) })
    const rows = db.select().from(suggestions).orderBy(suggestions.id).all()
    expect(rows.map((r) => [r.status, suggestionRef(r)])).toEqual([
      ['closed', '2026-001'],
      ['assigned', '2026-002'],
      ['replied', '2026-003'],
      ['draft', null],
    ])
    const closed = loadSuggestion(db, rows[0]!.id)!
    expect(closed.verdict).toBe('satisfied')
    expect(closed.replies.map((r) => r.grade).sort()).toEqual(['A', 'B'])
    expect(closed.cosigners.map((c) => [c.name, c.state])).toEqual([['李秀英', 'confirmed']])
    expect(closed.concerns).toHaveLength(4)
    const waiting = loadSuggestion(db, rows[1]!.id)!
    expect(waiting.dueOn! > localDate(NOW, 'Asia/Shanghai')).toBe(true)
    expect(waiting.units.filter((u) => u.stage === 'assigned')).toHaveLength(2)
    const linked = db.select().from(concerns).all()
    expect(linked).toHaveLength(10)
    expect(linked.every((c) => c.residentName === null && c.callbackPhone === null)).toBe(true)
  })

  it('still seeds a database that has only bookkeeping rows (migrations, settings, job runs)', async () => {
    const db = openDb(':memory:')
    feedUidDomain(db)
    claimSlot(db, 'backup', NOW, NOW, new Date(NOW.getTime() + 60_000))
    expect((await seedDemo(db, NOW)).outcome).toBe('seeded')
  })

  it('refuses a database holding anything it did not make, so the demo log-ins never reach a real one', async () => {
    // A real deployment's first administrator, made by `create-admin`.
    const real = openDb(':memory:')
    createAccount(
      real,
      {
        username: 'alice',
        displayName: 'Alice',
        passwordHash: 'x',
        role: 'admin',
        deputyId: null,
        stationIds: [],
      },
      null,
      NOW,
    )
    expect(await seedDemo(real, NOW)).toEqual({ outcome: 'refused', table: 'accounts' })
    expect(usernames(real)).toEqual(['alice'])
    expect(isDemoDatabase(real)).toBe(false)
    expect(await ensureDemoData({ db: real, clock: fixedClock(NOW) })).toBeNull()
    expect(countActiveAdmins(real)).toBe(1)

    // Any row of data counts, not only accounts.
    const audited = openDb(':memory:')
    recordAudit(audited, NOW, { actorAccountId: null, action: 'login.failed', entity: 'account' })
    expect(await seedDemo(audited, NOW)).toEqual({ outcome: 'refused', table: 'audit_log' })
    expect(usernames(audited)).toEqual([])
  })
})
