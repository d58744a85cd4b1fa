import { describe, expect, it } from 'vitest'
import { claimSlot, finishRun, latestClaimedSlot, listRuns } from '../../db/queries/jobs.ts'
import { enqueue, findMessage } from '../../db/queries/outbox.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { runHousekeeping } from '../../server/jobs/housekeeping.ts'
import { jobDeps } from '../helpers/jobs.ts'

const DAY = 86_400_000

describe('housekeeping', () => {
  it('drops old runs and finished notices but keeps each job’s newest run and recent ones', () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:00Z') })
    const start = deps.clock.now().getTime()
    const run = (job: string, daysAgo: number) => {
      const at = new Date(start - daysAgo * DAY)
      const id = claimSlot(deps.db, job, at, at, at)!
      finishRun(deps.db, id, 1, at, { status: 'done', result: null })
    }
    run('daily', 60)
    run('daily', 45)
    run('daily', 10)
    run('rare', 90) // its only, hence newest, run
    const at = (daysAgo: number) => new Date(start - daysAgo * DAY)
    const msg = (key: string, daysAgo: number) =>
      enqueue(
        deps.db,
        { dedupeKey: key, recipient: 'station:1', kind: 'k', subject: 's', body: 'b', dueAt: at(daysAgo) },
        at(daysAgo),
      ).message.id
    const oldSent = msg('old-sent', 40)
    const newSent = msg('new-sent', 5)
    const oldFailed = msg('old-failed', 40)
    const waiting = msg('waiting', 40)
    deps.db.$client.prepare("update outbox set status = 'sent' where id in (?, ?)").run(oldSent, newSent)
    deps.db.$client.prepare("update outbox set status = 'failed' where id = ?").run(oldFailed)

    expect(runHousekeeping(deps, deps.clock.now())).toBe('removed 2 job runs, 1 notifications')
    expect(listRuns(deps.db, 'daily').map((r) => r.slot)).toEqual([at(10).toISOString()])
    expect(latestClaimedSlot(deps.db, 'rare')).toEqual(at(90))
    expect(findMessage(deps.db, oldSent)).toBeNull()
    expect(findMessage(deps.db, newSent)).not.toBeNull()
    expect(findMessage(deps.db, oldFailed)).not.toBeNull() // failed ones wait 90 days
    expect(findMessage(deps.db, waiting)).not.toBeNull()
  })
})
