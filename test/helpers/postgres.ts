import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { onTestFinished } from 'vitest'

/** The server the PostgreSQL test run uses (.ci/test.sh sets it); the tests that need one skip without it. */
export const TEST_POSTGRES_URL = process.env.LIAISON_TEST_DATABASE_URL

/** The URL of `url`'s server with another database (and, if given, a password) in it. */
export function withDatabase(url: string, database: string, password?: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  if (password !== undefined) u.password = password
  return u.toString()
}

/**
 * A new, empty database on the test server (C collation, as the README asks), dropped when the test
 * ends; returns its URL. Names start with `prefix` so that runs side by side never touch each other's.
 */
export async function freshPostgresDatabase(prefix: string): Promise<string> {
  const { url, drop } = await createPostgresDatabase(prefix)
  // Dropping waits for a checkpoint, which takes seconds on a busy server.
  onTestFinished(drop, 60_000)
  return url
}

/** freshPostgresDatabase for a whole suite (made in beforeAll): the caller drops it. */
export async function createPostgresDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_POSTGRES_URL) throw new Error('LIAISON_TEST_DATABASE_URL is not set')
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  await withClient(TEST_POSTGRES_URL, (c) =>
    c.query(`create database "${name}" template template0 encoding 'UTF8' locale 'C.UTF-8'`),
  )
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: async () => {
      await withClient(TEST_POSTGRES_URL, (c) => c.query(`drop database if exists "${name}" with (force)`))
    },
  }
}

/** Runs `fn` with a connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}
