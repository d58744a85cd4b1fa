import type { Db } from '../db/client.ts'
import type { Config } from './config.ts'
import type { Clock } from './domain/clock.ts'
import type { Logger } from './logger.ts'

/** Everything the app needs from outside, passed in so tests can swap the clock and database. */
export type AppDeps = {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
}
