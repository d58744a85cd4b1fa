/**
 * The columns of the unique index or primary key a failed write ran into, as SQLite names them
 * (`stations.code`, `t.a, t.b`), or null when the error is something else. PostgreSQL's
 * unique_violation (23505) is read the same way from its table and key detail. Drizzle wraps the
 * driver's error, so the cause chain is searched.
 */
export function uniqueViolation(err: unknown): string | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, table, detail } = e as Record<string, unknown>
    if (
      (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') &&
      typeof message === 'string'
    )
      return message.replace(/^UNIQUE constraint failed: /, '')
    if (code === '23505' && typeof table === 'string' && typeof detail === 'string') {
      const columns = /^Key \(([^)]*)\)=/.exec(detail)?.[1]
      if (columns)
        return columns
          .split(', ')
          .map((c) => `${table}.${c.replaceAll('"', '')}`)
          .join(', ')
    }
  }
  return null
}
