import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client.ts'
import { suggestionEvents, suggestions } from '../../db/schema.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { runSuggestionDeadlines } from '../../server/jobs/suggestion-deadlines.ts'
import { outboxOf } from '../helpers/followup.ts'
import { rows } from '../helpers/queue.ts'
import { seedSuggestion, suggestionApp } from '../helpers/suggestions.ts'

const shanghai = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`)
const escalated = (db: Db, id: number) =>
  db
    .select()
    .from(suggestionEvents)
    .where(eq(suggestionEvents.suggestionId, id))
    .all()
    .filter((e) => e.action === 'escalated')
    .map((e) => e.detail)

async function overdueApp() {
  const app = await suggestionApp('2026-11-25T02:00:00.000Z')
  const now = app.t.clock.now()
  const id = seedSuggestion(
    app.t.db,
    {
      status: 'assigned',
      year: 2026,
      number: 17,
      dueOn: '2026-12-02',
      assigned: [
        { unitId: 1, role: 'lead' },
        { unitId: 2, role: 'assist' },
      ],
      replies: [{ unitId: 1, grade: 'B', repliedOn: '2026-11-30', dueOn: '2026-12-02' }],
    },
    now,
  )
  // One that has all its replies waits for the deputy, not the units: never escalated.
  const waiting = seedSuggestion(
    app.t.db,
    {
      status: 'replied',
      year: 2026,
      number: 18,
      dueOn: '2026-12-02',
      assigned: [{ unitId: 1, role: 'lead' }],
    },
    now,
  )
  return { ...app, id, waiting }
}

describe('the suggestions deadline job', () => {
  it('escalates each level once to the street office, naming the units still owing a reply', async () => {
    const { t, id, waiting } = await overdueApp()
    expect(JOBS.map((j) => j.name)).toContain('suggestion-deadlines')

    t.clock.set(shanghai('2026-12-02', '23:59'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now())).toMatchObject({ overdue: 0, escalations: 0 })

    t.clock.set(shanghai('2026-12-03', '01:00'))
    const outboxBefore = rows(t.db, 'outbox')
    expect(runSuggestionDeadlines(t.deps, t.clock.now())).toMatchObject({ overdue: 1, escalations: 1 })
    // Idempotent: the same day again sends and writes nothing more.
    expect(runSuggestionDeadlines(t.deps, t.clock.now())).toMatchObject({ overdue: 1, escalations: 0 })
    expect(rows(t.db, 'outbox')).toBe(outboxBefore + 1)
    const [first] = outboxOf(t.db, 'suggestion.escalation')
    expect(first).toMatchObject({
      recipient: 'street-office',
      dedupeKey: `suggestion-escalation:suggestion-${id}:round-0:due-2026-12-02:level-1`,
    })
    expect(first!.subject).toContain('2026-017')
    expect(escalated(t.db, id)).toEqual([{ level: 1, round: 0, dueOn: '2026-12-02' }])
    expect(escalated(t.db, waiting)).toEqual([])
    const owing = t.db.select().from(suggestions).where(eq(suggestions.id, id)).get()!
    expect(owing.escalationLevel).toBe(1)

    // Five working days later the next level; weeks later the last one, and no further.
    t.clock.set(shanghai('2026-12-10', '01:00'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now()).escalations).toBe(1)
    t.clock.set(shanghai('2027-02-01', '01:00'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now()).escalations).toBe(1)
    t.clock.set(shanghai('2027-03-01', '01:00'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now()).escalations).toBe(0)
    expect(escalated(t.db, id).map((d) => d.level)).toEqual([1, 2, 3])
    const notices = outboxOf(t.db, 'suggestion.escalation')
    expect(notices.map((m) => m.dedupeKey.split(':').at(-1))).toEqual(['level-1', 'level-2', 'level-3'])
    // The unit that replied is not named; the one still owing is.
    expect(notices[0]!.body).toContain('尚待答复：街道城管执法中队。')
    expect(notices[0]!.body).not.toContain('街道办事处')
  })

  it('a re-handling round with its new deadline escalates afresh, with keys of its own', async () => {
    const { t, id } = await overdueApp()
    t.clock.set(shanghai('2026-12-03', '01:00'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now()).escalations).toBe(1)
    t.db
      .update(suggestions)
      .set({ status: 'rehandling', round: 1, dueOn: '2026-12-04', escalationLevel: 0 })
      .where(eq(suggestions.id, id))
      .run()
    t.clock.set(shanghai('2026-12-07', '01:00'))
    expect(runSuggestionDeadlines(t.deps, t.clock.now()).escalations).toBe(1)
    expect(outboxOf(t.db, 'suggestion.escalation').map((m) => m.dedupeKey)).toEqual([
      `suggestion-escalation:suggestion-${id}:round-0:due-2026-12-02:level-1`,
      `suggestion-escalation:suggestion-${id}:round-1:due-2026-12-04:level-1`,
    ])
  })
})
