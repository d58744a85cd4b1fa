import { fileURLToPath } from 'node:url'
import { type MigrationMeta, readMigrationFiles } from 'drizzle-orm/migrator'

export const pgMigrationsFolder = fileURLToPath(new URL('../migrations-pg', import.meta.url))

/** The PostgreSQL migrations in order, each split at its statement breakpoints, with its hash. */
export function readPgMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: pgMigrationsFolder })
}
