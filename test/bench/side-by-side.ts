type PathFigures = { rps: number; p99: number; ratio: number; baselineRps: number }
type DialectReport = {
  startupMs?: unknown
  peakRssMb?: unknown
  results?: Record<string, PathFigures>
  baselines?: { bareHonoHelloHalfRuns: number[]; rawDurableCommitsRuns: number[] }
  walkInIntegrity?: { acknowledged: number; lost: number; duplicatedNumbers: number }
}

const mean = (xs: number[] | undefined) =>
  xs?.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : '—'

/**
 * The closing note's table: each path on SQLite and on PostgreSQL from the same run, its ratio
 * to its baseline on each, PostgreSQL's target where issue 20 sets one, and the limits themselves.
 */
export function printSideBySide(
  sqlite: DialectReport,
  postgres: DialectReport,
  targets: Record<string, number>,
) {
  const paths = [...new Set([...Object.keys(sqlite.results ?? {}), ...Object.keys(postgres.results ?? {})])]
  const rows: Record<string, Record<string, string | number>> = {}
  for (const path of paths) {
    const s = sqlite.results?.[path]
    const p = postgres.results?.[path]
    const target = targets[path]
    rows[path] = {
      'SQLite req/s': s?.rps ?? '—',
      'SQLite p99 ms': s?.p99 ?? '—',
      'SQLite ratio': s?.ratio ?? '—',
      'PostgreSQL req/s': p?.rps ?? '—',
      'PostgreSQL p99 ms': p?.p99 ?? '—',
      'PostgreSQL ratio': p?.ratio ?? '—',
      'PostgreSQL target': target === undefined ? '' : `≥ ${target}${p && p.ratio < target ? ' MISSED' : ''}`,
    }
  }
  const limit = (name: string, s: unknown, p: unknown) => {
    rows[name] = { 'SQLite req/s': String(s), 'PostgreSQL req/s': String(p) }
  }
  limit(
    'bare Hono route, mean of its half runs (req/s)',
    mean(sqlite.baselines?.bareHonoHelloHalfRuns),
    mean(postgres.baselines?.bareHonoHelloHalfRuns),
  )
  limit(
    'raw durable commits, mean of its runs (/s)',
    mean(sqlite.baselines?.rawDurableCommitsRuns),
    mean(postgres.baselines?.rawDurableCommitsRuns),
  )
  const integrity = (r: DialectReport) =>
    r.walkInIntegrity
      ? `${r.walkInIntegrity.acknowledged} acknowledged, ${r.walkInIntegrity.lost} lost, ${r.walkInIntegrity.duplicatedNumbers} numbers twice`
      : '—'
  limit('walk-ins', integrity(sqlite), integrity(postgres))
  limit('start-up on the city (ms)', sqlite.startupMs ?? '—', postgres.startupMs ?? '—')
  limit('peak RSS (MB)', sqlite.peakRssMb ?? '—', postgres.peakRssMb ?? '—')
  console.log('\nSQLite and PostgreSQL side by side (each ratio is to its own baseline in this run):')
  console.table(rows)
}
