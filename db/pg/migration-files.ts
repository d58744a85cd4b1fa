import { join } from 'node:path'
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator'
import { PROJECT_ROOT } from '../../server/project-root.ts'

export const pgMigrationsFolder = join(PROJECT_ROOT, 'db', 'migrations-pg')

/** The PostgreSQL migrations in order, each split at its statement breakpoints, with its hash. */
export function readPgMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: pgMigrationsFolder })
}
