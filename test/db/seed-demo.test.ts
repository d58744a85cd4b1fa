import { describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { countActiveAdmins, createAccount } from '../../db/queries/admin-accounts.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { feedUidDomain } from '../../db/queries/feeds.ts'
import { claimSlot } from '../../db/queries/jobs.ts'
import { DEMO_LOGINS, ensureDemoData, isDemoDatabase, seedDemo } from '../../db/seed-demo.ts'
import { fixedClock } from '../../server/domain/clock.ts'
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
