import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { groupCommit } from '../../db/group-commit.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function fileDb() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-group-'))
  dirs.push(dir)
  const db = openDb(join(dir, 'db.sqlite'))
  db.$client.exec('create table t (id integer primary key, v text not null unique)')
  return db
}

describe('group commit', () => {
  it('commits work queued together in one transaction, each caller told after the commit', async () => {
    const db = fileDb()
    const g = groupCommit(db)
    const insert = db.$client.prepare('insert into t (v) values (?)')
    const seenInTransaction: boolean[] = []
    const all = await Promise.all(
      ['a', 'b', 'c'].map((v) =>
        g.run(() => {
          seenInTransaction.push(db.$client.inTransaction)
          return Number(insert.run(v).lastInsertRowid)
        }),
      ),
    )
    expect(all).toEqual([1, 2, 3])
    expect(seenInTransaction).toEqual([true, true, true])
    // Visible to another connection: committed, not only written.
    const other = openDb(db.$client.name)
    expect(other.$client.prepare('select count(*) n from t').get()).toEqual({ n: 3 })
    other.$client.close()
  })

  it('undoes only the work that threw, and rejects only its caller', async () => {
    const db = fileDb()
    const g = groupCommit(db)
    const insert = db.$client.prepare('insert into t (v) values (?)')
    const results = await Promise.allSettled([
      g.run(() => insert.run('a')),
      g.run(() => {
        insert.run('b')
        insert.run('a') // unique: throws after 'b' was written
      }),
      g.run(() => insert.run('c')),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(db.$client.prepare('select v from t order by v').all()).toEqual([{ v: 'a' }, { v: 'c' }])
  })

  it('runs the items of one batch queued together in one call, and alone when that call throws', async () => {
    const db = fileDb()
    const g = groupCommit(db)
    const insert = db.$client.prepare('insert into t (v) values (?)')
    const calls: string[][] = []
    const batch = {
      all: (vs: string[]) => {
        calls.push(vs)
        return vs.map((v) => Number(insert.run(v).lastInsertRowid))
      },
    }
    expect(await Promise.all(['a', 'b', 'c'].map((v) => g.runBatched(batch, v)))).toEqual([1, 2, 3])
    expect(calls).toEqual([['a', 'b', 'c']])

    calls.length = 0
    const results = await Promise.allSettled([
      g.runBatched(batch, 'd'),
      g.run(() => insert.run('plain')),
      g.runBatched(batch, 'a'), // unique: the batch call throws after 'd' was written
      g.runBatched(batch, 'e'),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(calls).toEqual([['d', 'a', 'e'], ['d'], ['a'], ['e']])
    expect(db.$client.prepare('select v from t order by id').pluck().all()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'plain',
    ])
  })

  it("nests drizzle's immediate transactions inside the shared one", async () => {
    const db = fileDb()
    const g = groupCommit(db)
    const ids = await Promise.all(
      ['x', 'y'].map((v) =>
        g.run(() =>
          db.transaction(() => db.$client.prepare('insert into t (v) values (?)').run(v).lastInsertRowid, {
            behavior: 'immediate',
          }),
        ),
      ),
    )
    expect(ids.map(Number)).toEqual([1, 2])
  })
})
