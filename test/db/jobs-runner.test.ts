import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { claimSlot, finishRun, listRuns } from '../../db/queries/jobs.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { catchUp, defineJob, type JobSpec, runJob } from '../../server/jobs/runner.ts'
import { startScheduler } from '../../server/jobs/scheduler.ts'
import { jobDeps, useTempDir } from '../helpers/jobs.ts'

const HOUR = 3_600_000
const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A job that records the slot of every run it makes. */
function recordingJob(spec: Omit<Partial<JobSpec>, 'run'> & Pick<JobSpec, 'cron' | 'catchUp'>) {
  const ran: string[] = []
  const job = defineJob({
    name: 'probe',
    ...spec,
    run: async (_deps, _now, slot) => {
      ran.push(slot.toISOString())
      await tick()
      return 'ok'
    },
  })
  return { job, ran }
}

describe('job runner', () => {
  it('runs a slot missed while the server was down exactly once at the next start', async () => {
    const dir = useTempDir()
    const deps = jobDeps(join(dir, 'app.db'), { clock: fixedClock('2026-11-25T02:00:00Z') })
    // 03:00 in Shanghai, every night.
    const { job, ran } = recordingJob({ cron: '0 19 * * *', catchUp: 'latest' })

    const first = startScheduler(deps, [job])
    await first.caughtUp
    await first.stop()
    expect(ran).toEqual(['2026-11-24T19:00:00.000Z'])

    // Down for a day: no ticks while the planned time 2026-11-25T19:00Z passes.
    deps.clock.set('2026-11-26T02:00:00Z')
    const second = startScheduler(deps, [job])
    const outcomes = await second.caughtUp
    await second.stop()
    expect(ran).toEqual(['2026-11-24T19:00:00.000Z', '2026-11-25T19:00:00.000Z'])
    expect(outcomes.map((o) => [o.slot.toISOString(), o.status])).toEqual([
      ['2026-11-25T19:00:00.000Z', 'done'],
    ])

    // Starting again, or catching up twice at once, runs nothing more.
    const third = startScheduler(deps, [job])
    await Promise.all([third.caughtUp, catchUp(deps, [job]), catchUp(deps, [job])])
    await third.stop()
    expect(ran).toHaveLength(2)
    expect(listRuns(deps.db, 'probe').map((r) => [r.slot, r.status, r.attempts])).toEqual([
      ['2026-11-25T19:00:00.000Z', 'done', 1],
      ['2026-11-24T19:00:00.000Z', 'done', 1],
    ])
  })

  it("runs only the latest missed slot under 'latest' after a long downtime", async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:30:00Z') })
    const { job, ran } = recordingJob({ cron: '0 * * * *', catchUp: 'latest' })
    await runJob(deps, job)
    deps.clock.advance(10 * HOUR)
    await runJob(deps, job)
    expect(ran).toEqual(['2026-11-25T00:00:00.000Z', '2026-11-25T10:00:00.000Z'])
  })

  it("runs each missed slot in order under 'each', up to its bound", async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:30:00Z') })
    const { job, ran } = recordingJob({ cron: '0 * * * *', catchUp: 'each', maxCatchUp: 5 })
    await runJob(deps, job)
    deps.clock.advance(3 * HOUR)
    await runJob(deps, job)
    expect(ran.slice(1)).toEqual([
      '2026-11-25T01:00:00.000Z',
      '2026-11-25T02:00:00.000Z',
      '2026-11-25T03:00:00.000Z',
    ])
    deps.clock.advance(10 * HOUR)
    await runJob(deps, job)
    // Ten slots passed; the five most recent run, oldest first.
    expect(ran.slice(4)).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-25T10:00:00.000Z',
      '2026-11-25T11:00:00.000Z',
      '2026-11-25T12:00:00.000Z',
      '2026-11-25T13:00:00.000Z',
    ])
  })

  it('never runs one slot twice with two runners on one database file', async () => {
    const path = join(useTempDir(), 'shared.db')
    const clock = fixedClock('2026-11-25T00:02:00Z')
    const a = jobDeps(path, { clock })
    const b = jobDeps(path, { clock, db: openDb(path) })
    expect(a.db.$client).not.toBe(b.db.$client)
    const ran: { slot: string; by: string }[] = []
    const jobFor = (by: string) =>
      defineJob({
        name: 'shared',
        cron: '*/5 * * * *',
        catchUp: 'each',
        maxCatchUp: 1000,
        run: async (_deps, _now, slot) => {
          ran.push({ slot: slot.toISOString(), by })
          await tick()
          await tick()
        },
      })
    const jobA = jobFor('a')
    const jobB = jobFor('b')
    for (const step of [0, 7, 3 * 60, 1, 45, 12 * 60]) {
      clock.advance(step * 60_000)
      await Promise.all([runJob(a, jobA), runJob(b, jobB), runJob(a, jobA), runJob(b, jobB)])
    }
    const slots = ran.map((r) => r.slot)
    expect(new Set(slots).size).toBe(slots.length)
    // Every planned slot from the first one to now ran once.
    const expected: string[] = []
    for (let t = Date.parse('2026-11-25T00:00:00Z'); t <= clock.now().getTime(); t += 5 * 60_000)
      expected.push(new Date(t).toISOString())
    expect([...slots].sort()).toEqual(expected)
    expect(ran.some((r) => r.by === 'a')).toBe(true)
    expect(ran.some((r) => r.by === 'b')).toBe(true)
  })

  it('retries a failed run with growing delays, counting attempts, then succeeds', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:30Z') })
    let calls = 0
    const job = defineJob({
      name: 'flaky',
      cron: '0 0 * * *',
      catchUp: 'latest',
      maxAttempts: 3,
      retryDelayMs: 60_000,
      run: () => {
        calls++
        if (calls < 3) throw new Error(`boom ${calls}`)
        return 'third time lucky'
      },
    })
    expect((await runJob(deps, job)).map((o) => o.status)).toEqual(['failed'])
    expect(await runJob(deps, job)).toEqual([]) // not before the delay
    deps.clock.advance(60_000)
    expect((await runJob(deps, job)).map((o) => [o.status, o.attempt])).toEqual([['failed', 2]])
    deps.clock.advance(60_000)
    expect(await runJob(deps, job)).toEqual([]) // the second delay is twice as long
    deps.clock.advance(60_000)
    expect((await runJob(deps, job)).map((o) => [o.status, o.attempt])).toEqual([['done', 3]])
    const [run] = listRuns(deps.db, 'flaky')
    expect(run).toMatchObject({ status: 'done', attempts: 3, result: 'third time lucky', error: null })
  })

  it('gives up after the last attempt', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:30Z') })
    let calls = 0
    const job = defineJob({
      name: 'broken',
      cron: '0 0 * * *',
      catchUp: 'each',
      maxAttempts: 2,
      retryDelayMs: 1000,
      run: () => {
        calls++
        throw new Error('always')
      },
    })
    for (let i = 0; i < 5; i++) {
      await runJob(deps, job)
      deps.clock.advance(60_000)
    }
    expect(calls).toBe(2)
    expect(listRuns(deps.db, 'broken')[0]).toMatchObject({ status: 'failed', attempts: 2, error: 'always' })
  })

  it('takes over a run whose process died, once its lease has run out', async () => {
    const path = join(useTempDir(), 'lease.db')
    const clock = fixedClock('2026-11-25T00:00:10Z')
    const crashed = jobDeps(path, { clock })
    const survivor = jobDeps(path, { clock, db: openDb(path) })
    const { job, ran } = recordingJob({ cron: '0 0 * * *', catchUp: 'latest', leaseMs: 10 * 60_000 })
    // The first process claims the slot and dies before finishing.
    const id = claimSlot(
      crashed.db,
      'probe',
      new Date('2026-11-25T00:00:00Z'),
      clock.now(),
      new Date(clock.now().getTime() + 10 * 60_000),
    )
    expect(id).not.toBeNull()
    expect(await runJob(survivor, job)).toEqual([])
    clock.advance(10 * 60_000)
    const outcomes = await runJob(survivor, job)
    expect(outcomes.map((o) => [o.status, o.attempt])).toEqual([['done', 2]])
    expect(ran).toEqual(['2026-11-25T00:00:00.000Z'])
    // Should the first process wake up after all, its result no longer counts.
    expect(finishRun(crashed.db, id!, 1, clock.now(), { status: 'done', result: 'late' })).toBe(false)
    expect(listRuns(survivor.db, 'probe')[0]).toMatchObject({ status: 'done', attempts: 2, result: 'ok' })
  })

  it('marks a crashed run failed when it has no attempts left', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:10Z') })
    const { job, ran } = recordingJob({ cron: '0 0 * * *', catchUp: 'each', maxAttempts: 1, leaseMs: 60_000 })
    const now = deps.clock.now()
    claimSlot(deps.db, 'probe', new Date('2026-11-25T00:00:00Z'), now, new Date(now.getTime() + 60_000))
    deps.clock.advance(60_000)
    expect(await runJob(deps, job)).toEqual([])
    expect(ran).toEqual([])
    expect(listRuns(deps.db, 'probe')[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'lease expired without the run finishing',
    })
  })

  it("does not retry a failed slot that a newer slot has replaced under 'latest'", async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:30Z') })
    const slots: string[] = []
    const job = defineJob({
      name: 'sender-like',
      cron: '* * * * *',
      catchUp: 'latest',
      maxAttempts: 3,
      retryDelayMs: 1000,
      run: (_d, _n, slot) => {
        slots.push(slot.toISOString())
        if (slots.length === 1) throw new Error('first fails')
      },
    })
    await runJob(deps, job)
    deps.clock.advance(60_000)
    await runJob(deps, job)
    expect(slots).toEqual(['2026-11-25T00:00:00.000Z', '2026-11-25T00:01:00.000Z'])
  })

  it('refuses a job with a bad cron expression or name when it is declared', () => {
    expect(() => defineJob({ name: 'x', cron: '99 * * * *', catchUp: 'latest', run: () => {} })).toThrow()
    expect(() =>
      defineJob({ name: 'Bad Name', cron: '* * * * *', catchUp: 'latest', run: () => {} }),
    ).toThrow()
  })

  it('declares the app jobs with unique names', () => {
    const names = JOBS.map((j) => j.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual(expect.arrayContaining(['outbox-sender', 'backup', 'housekeeping']))
  })

  it('stops only after the run in progress has finished', async () => {
    const deps = jobDeps(':memory:', { clock: fixedClock('2026-11-25T00:00:30Z') })
    let release: () => void = () => {}
    let finished = false
    const job = defineJob({
      name: 'slow',
      cron: '0 0 * * *',
      catchUp: 'latest',
      run: async () => {
        await new Promise<void>((r) => {
          release = r
        })
        finished = true
      },
    })
    const scheduler = startScheduler(deps, [job])
    await tick()
    const stopped = scheduler.stop().then(() => finished)
    release()
    expect(await stopped).toBe(true)
    expect(listRuns(deps.db, 'slow')[0]?.status).toBe('done')
  })
})
