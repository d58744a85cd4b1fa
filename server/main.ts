import { serve } from '@hono/node-server'
import { DatabaseOpenError, type Db, openDb } from '../db/client.ts'
import { countActiveAdmins } from '../db/queries/admin-accounts.ts'
import { ensureDemoData, seedDemo } from '../db/seed-demo.ts'
import { createApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { redactDatabaseUrl } from './database-url.ts'
import { demoExposedWarning, reachableFromElsewhere } from './demo-exposure.ts'
import { systemClock } from './domain/clock.ts'
import { JOBS } from './jobs/registry.ts'
import { type Scheduler, startScheduler } from './jobs/scheduler.ts'
import { markServerRunning } from './jobs/server-marker.ts'
import { kioskLaunchCommand } from './kiosk-launch.ts'
import { createLogger } from './logger.ts'

/** Process entry: config → database → app → server → jobs, and a clean shutdown on SIGTERM/SIGINT. */
async function main() {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(2)
    }
    throw e
  }
  const logger = createLogger(config.logLevel)
  // What messages and logs call the database: the file, or the PostgreSQL URL without its password.
  const database = config.databaseUrl ? redactDatabaseUrl(config.databaseUrl) : config.databasePath
  let db: Db
  try {
    db = openDb(config.databaseUrl ?? config.databasePath)
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  if (config.seedDemo) {
    const seeded = await seedDemo(db, systemClock.now())
    if (seeded.outcome === 'refused') {
      console.error(
        `SEED_DEMO=true, but ${database} holds data the demo seed did not make (table ${seeded.table}); the demo goes only into a new, empty database. Unset SEED_DEMO, or set DATABASE_PATH to a new file.`,
      )
      db.$client.close()
      process.exit(1)
    }
    if (seeded.outcome === 'seeded') logger.info({ database }, 'seeded demo data')
  }
  // The marker keeps `restore` off a SQLite file in use; PostgreSQL's restore has its own checks.
  const unmarkServer = config.databaseUrl
    ? () => {}
    : markServerRunning(config.databasePath, systemClock.now())
  const deps = { db, clock: systemClock, config, logger }
  const demo = await ensureDemoData(deps)
  const exposed = demo ? reachableFromElsewhere(config) : []
  if (demo && exposed.length) {
    console.error(demoExposedWarning(database, exposed, demo.logins))
    logger.warn(
      { database, reasons: exposed },
      'demo database with published log-ins is reachable from other machines',
    )
  }
  const needsAdmin = !demo && countActiveAdmins(db) === 0
  const app = createApp(deps)

  let scheduler: Scheduler | null = null
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base =
      config.publicUrl ??
      `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address}:${info.port}`
    logger.info({ port: info.port, database }, 'listening')
    const lines = ['', `Liaison is running on ${base}`, `  Staff and admin log-in: ${base}/login`]
    if (demo) {
      lines.push(
        `  Kiosk (pairs this browser as the demo kiosk of ${demo.stationName}): ${base}${demo.kioskPairPath}`,
        `  Kiosk command: ${kioskLaunchCommand(`${base}${demo.kioskPairPath}`)}`,
      )
      for (const l of demo.logins) lines.push(`  Demo log-in (${l.role}): ${l.username} / ${l.password}`)
    } else {
      lines.push(
        `  Kiosk: ${base}/kiosk (pair it with a code from ${base}/admin/kiosks)`,
        `  Kiosk command: ${kioskLaunchCommand(`${base}/kiosk`)}`,
      )
      if (needsAdmin)
        lines.push(
          '  No administrator yet: create the first one with `npm run cli -- create-admin <username>`',
          '  (it prints a generated password once). For a demo with sample data instead: `npm run demo`.',
        )
    }
    lines.push('  Press Ctrl+C to stop.', '')
    console.log(lines.join('\n'))
    if (config.jobsEnabled && !stopping) scheduler = startScheduler(deps, JOBS)
  })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => {
      logger.warn('connections did not drain in time; closing anyway')
      db.$client.close()
      unmarkServer()
      process.exit(1)
    }, 10_000)
    force.unref()
    // Stop the doorbells first so no new job starts, then let running ones finish with the requests.
    const jobsStopped = scheduler?.stop() ?? Promise.resolve()
    server.close(async () => {
      await jobsStopped
      db.$client.close()
      unmarkServer()
      logger.info('stopped')
      process.exit(0)
    })
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

await main()
