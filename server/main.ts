import { serve } from '@hono/node-server'
import { DatabaseOpenError, type Db, openDb } from '../db/client.ts'
import { ensureDemoData, isDemoDatabase } from '../db/seed-demo.ts'
import { createApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { systemClock } from './domain/clock.ts'
import { JOBS } from './jobs/registry.ts'
import { type Scheduler, startScheduler } from './jobs/scheduler.ts'
import { markServerRunning } from './jobs/server-marker.ts'
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
  let db: Db
  try {
    db = openDb(config.databasePath)
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  const unmarkServer = markServerRunning(config.databasePath, systemClock.now())
  const deps = { db, clock: systemClock, config, logger }
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(config.host)
  const seed = config.seedDemo === 'always' || (config.seedDemo === 'auto' && loopback)
  const demo = seed || isDemoDatabase(db) ? await ensureDemoData(deps) : null
  const app = createApp(deps)

  let scheduler: Scheduler | null = null
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base =
      config.publicUrl ??
      `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address}:${info.port}`
    logger.info({ port: info.port, database: config.databasePath }, 'listening')
    const lines = ['', `Liaison is running on ${base}`, `  Staff and admin log-in: ${base}/login`]
    if (demo) {
      lines.push(
        `  Kiosk (pairs this browser as the demo kiosk of ${demo.stationName}): ${base}${demo.kioskPairPath}`,
      )
      for (const l of demo.logins) lines.push(`  Demo log-in (${l.role}): ${l.username} / ${l.password}`)
    } else {
      lines.push(`  Kiosk: ${base}/kiosk (pair it with a code from ${base}/admin/kiosks)`)
      lines.push(
        '  No demo data here: create the first administrator with `npm run cli -- create-admin <name>`.',
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
