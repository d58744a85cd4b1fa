import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { cacheStatements } from '../../db/statement-cache.ts'

function db(max?: number) {
  const sqlite = new Database(':memory:')
  cacheStatements(sqlite, max)
  sqlite.exec("create table t (id integer primary key, v text); insert into t (v) values ('a'), ('b')")
  return sqlite
}

describe('statement cache', () => {
  it('hands out the same compiled statement for the same SQL', () => {
    const sqlite = db()
    expect(sqlite.prepare('select v from t where id = ?')).toBe(
      sqlite.prepare('select v from t where id = ?'),
    )
  })

  it('resets raw mode, so a caller expecting objects gets objects after one that asked for arrays', () => {
    const sqlite = db()
    expect(sqlite.prepare('select v from t where id = ?').raw().get(1)).toEqual(['a'])
    expect(sqlite.prepare('select v from t where id = ?').get(1)).toEqual({ v: 'a' })
  })

  it('resets pluck mode too', () => {
    const sqlite = db()
    expect(sqlite.prepare('select v from t where id = ?').pluck().get(1)).toBe('a')
    expect(sqlite.prepare('select v from t where id = ?').get(1)).toEqual({ v: 'a' })
  })

  it('gives a fresh statement while the cached one is iterating', () => {
    const sqlite = db()
    const seen: string[] = []
    for (const row of sqlite.prepare('select v from t order by id').iterate() as Iterable<{ v: string }>) {
      const inner = sqlite.prepare('select v from t order by id').all() as { v: string }[]
      seen.push(`${row.v}:${inner.length}`)
    }
    expect(seen).toEqual(['a:2', 'b:2'])
  })

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const sqlite = db(2)
    const one = sqlite.prepare('select 1')
    const two = sqlite.prepare('select 2')
    sqlite.prepare('select 1')
    sqlite.prepare('select 3')
    expect(sqlite.prepare('select 1')).toBe(one)
    expect(sqlite.prepare('select 2')).not.toBe(two)
  })

  it('runs writes from a cached statement', () => {
    const sqlite = db()
    for (const v of ['c', 'd']) sqlite.prepare('insert into t (v) values (?)').run(v)
    expect(sqlite.prepare('select count(*) n from t').get()).toEqual({ n: 4 })
  })
})
