import type Database from 'better-sqlite3'

/**
 * Keeps compiled statements by their SQL text. drizzle calls `prepare` for every query it runs,
 * and compiling the SQL was the largest single cost of a typical request (issue 9's profile), while
 * the app only ever runs a few hundred distinct statements.
 *
 * A cached statement is handed out only when it is not busy (an open iterator), and with its raw,
 * pluck and expand modes reset, because drizzle turns raw mode on for some calls and expects it off
 * for others.
 */
export function cacheStatements(sqlite: Database.Database, max = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source)
    if (hit && !hit.busy) {
      cache.delete(source)
      cache.set(source, hit)
      return hit.reader ? hit.pluck(false).expand(false).raw(false) : hit
    }
    const stmt = prepare(source)
    if (!hit) {
      cache.set(source, stmt)
      if (cache.size > max) cache.delete(cache.keys().next().value!)
    }
    return stmt
  }) as typeof sqlite.prepare
}
