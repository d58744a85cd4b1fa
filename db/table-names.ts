import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from './schema.ts'

/** Every table of Liaison's schema, by name, in the order schema.ts declares them. */
export const LIAISON_TABLE_NAMES: readonly string[] = Object.values(schema)
  .filter((v) => is(v, SQLiteTable))
  .map((t) => getTableName(t as SQLiteTable))
