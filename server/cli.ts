import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import { DatabaseOpenError, openDb } from '../db/client.ts'
import { copyToPostgres, type TableCount } from '../db/copy-to-postgres.ts'
import { PgStatementError } from '../db/pg/sync-connection.ts'
import { findAccountByUsername } from '../db/queries/accounts.ts'
import { createAccount } from '../db/queries/admin-accounts.ts'
import { findFeedSubject, issueFeedToken, liveFeed } from '../db/queries/feeds.ts'
import { FEED_KINDS, type FeedKind } from '../db/schema.ts'
import { makeI18n } from '../views/i18n/index.ts'
import { isLocale } from '../views/i18n/locales.ts'
import type { Config } from './config.ts'
import { ConfigError, loadConfig } from './config.ts'
import { redactDatabaseUrl } from './database-url.ts'
import { USERNAME_PATTERN } from './domain/account.ts'
import { systemClock } from './domain/clock.ts'
import { passwordProblem } from './domain/password-policy.ts'
import { hashPassword, randomToken } from './domain/secrets.ts'
import { makeBackup, OWN_BACKUPS, pruneBackups, restoreDatabase } from './jobs/backup.ts'
import { dumpPostgres, restorePostgres } from './jobs/postgres-backup.ts'
import { parseId } from './validation.ts'

/**
 * Operator commands: `npm run cli -- <command> [args]`. Each command is a function of the parsed
 * arguments; later features add theirs to COMMANDS.
 */
type Command = {
  usage: string
  summary: string
  run: (args: string[], flags: Record<string, string | true>, config: Config) => Promise<number>
}

export const COMMANDS: Record<string, Command> = {
  'create-admin': {
    usage: 'create-admin <username> [--name "显示名"] [--password-stdin]',
    summary: 'Create an administrator account. Prints a generated password unless --password-stdin is given.',
    run: async ([username], flags, config) => {
      if (!username || !USERNAME_PATTERN.test(username)) {
        console.error('A username of 3–64 letters, digits, dots, dashes or underscores is required.')
        return 2
      }
      const db = openDb(config.databaseUrl ?? config.databasePath)
      try {
        if (findAccountByUsername(db, username)) {
          console.error(`An account named "${username}" already exists.`)
          return 1
        }
        const password = flags['password-stdin'] ? (await readStdin()).trim() : randomToken(12)
        const problem = passwordProblem(password)
        if (problem) {
          console.error(makeI18n('en').t(problem))
          return 2
        }
        const now = systemClock.now()
        const name = typeof flags.name === 'string' ? flags.name : username
        const passwordHash = await hashPassword(password)
        createAccount(
          db,
          { username, displayName: name, passwordHash, role: 'admin', deputyId: null, stationIds: [] },
          null,
          now,
        )
        console.log(`Created administrator "${username}".`)
        if (!flags['password-stdin']) console.log(`Password (shown once): ${password}`)
        return 0
      } finally {
        db.$client.close()
      }
    },
  },
  backup: {
    usage: 'backup',
    summary: `Copy the database, while it is in use, into a dated file in BACKUP_DIR; keeps the newest BACKUP_KEEP. With DATABASE_URL: pg_dump --format=custom into a .dump file.`,
    run: async (_args, _flags, config) => {
      if (config.databaseUrl) return backupPostgres(config.databaseUrl, config)
      if (config.databasePath === ':memory:') {
        console.error('DATABASE_PATH is :memory:; there is nothing to back up.')
        return 2
      }
      const db = openDb(config.databasePath)
      try {
        const now = systemClock.now()
        const file = await makeBackup(db, config.backupDir, now)
        const pruned = pruneBackups(config.backupDir, config.backupKeep, now)
        console.log(`Backup written: ${file.path} (${file.bytes} bytes).`)
        if (pruned.length) console.log(`Removed old backups: ${pruned.join(', ')}`)
        return 0
      } finally {
        db.$client.close()
      }
    },
  },
  'copy-to-postgres': {
    usage: 'copy-to-postgres [--from <sqlite file>]',
    summary:
      "Copy an SQLite database (default DATABASE_PATH; brought up to this version first) into the empty PostgreSQL database at DATABASE_URL (its tables are created first), in one transaction; prints every table's row count on both sides and keeps the copy only when all agree.",
    run: async (_args, flags, config) => copyToPostgresCommand(flags, config),
  },
  'feed-url': {
    usage: 'feed-url <deputy|station|staff> <id> [--rotate] [--lang zh-Hans|zh-Hant|en]',
    summary:
      'Print the calendar subscription URL of a deputy, station or staff account, making a link if it has none. Only a hash of a link is kept, so an existing link cannot be shown again: --rotate replaces it (the old URL stops working).',
    run: async ([kind, idText], flags, config) => feedUrlCommand(kind, idText, flags, config),
  },
  restore: {
    usage: 'restore <backup-file> [--force]',
    summary:
      'Replace the database with a backup after checking it (integrity_check). Refuses while a server runs on the database unless --force; the current database is saved first as a -pre-restore file in BACKUP_DIR, deleted after BACKUP_KEEP days. With DATABASE_URL: pg_restore --clean --if-exists --single-transaction of a .dump, always only with --force.',
    run: async ([file], flags, config) => {
      if (!file) {
        console.error('Name the backup file to restore, e.g. data/backups/liaison-20261125T193000Z.db')
        return 2
      }
      if (config.databaseUrl) return restorePostgresCommand(file, config.databaseUrl, flags.force === true)
      if (config.databasePath === ':memory:') {
        console.error('DATABASE_PATH is :memory:; there is no database file to restore into.')
        return 2
      }
      const result = await restoreDatabase({
        source: file,
        target: config.databasePath,
        backupDir: config.backupDir,
        force: flags.force === true,
        now: systemClock.now(),
      })
      if (result.ok) {
        if (result.safetyCopy)
          console.log(
            `The database as it was is saved in ${result.safetyCopy}; it is deleted after ${config.backupKeep} days, like the backups.`,
          )
        const pruned = pruneBackups(config.backupDir, config.backupKeep, systemClock.now())
        if (pruned.length) console.log(`Removed old backups and safety copies: ${pruned.join(', ')}`)
        console.log(`Restored ${file} into ${config.databasePath}.`)
        return 0
      }
      const messages: Record<typeof result.reason, string> = {
        missing: `There is no file ${result.detail}.`,
        'same-file': 'The backup file is the database itself.',
        unsound: `The backup failed its integrity check, nothing was changed: ${result.detail}`,
        'not-liaison': `${result.detail} is not a Liaison database; nothing was changed.`,
        'server-running': `A server is running on ${config.databasePath} (${result.detail}). Stop it first, or add --force to restore underneath it.`,
      }
      console.error(messages[result.reason])
      return result.reason === 'server-running' ? 3 : 1
    },
  },
}

async function backupPostgres(url: string, config: Config): Promise<number> {
  const now = systemClock.now()
  const result = await dumpPostgres(url, config.backupDir, now)
  if (!result.ok) {
    console.error(
      result.reason === 'no-tool' ? `${result.detail} ${OWN_BACKUPS}` : `pg_dump failed: ${result.detail}`,
    )
    return 1
  }
  const pruned = pruneBackups(config.backupDir, config.backupKeep, now)
  console.log(
    `Backup of ${redactDatabaseUrl(url)} written by pg_dump: ${result.file.path} (${result.file.bytes} bytes).`,
  )
  if (pruned.length) console.log(`Removed old backups: ${pruned.join(', ')}`)
  return 0
}

async function restorePostgresCommand(file: string, url: string, force: boolean): Promise<number> {
  const result = await restorePostgres(file, url, force)
  const target = redactDatabaseUrl(url)
  if (result.ok) {
    // Opening runs the migrations a dump from an older version lacks.
    openDb(url).$client.close()
    console.log(`Restored ${file} into ${target} with pg_restore.`)
    return 0
  }
  const messages: Record<typeof result.reason, string> = {
    missing: `There is no file ${result.detail}.`,
    'no-tool': `${result.detail} ${OWN_BACKUPS}`,
    'not-dump': `${result.detail} is not a pg_dump archive (pg_dump --format=custom); nothing was changed.`,
    'not-liaison': `${result.detail} is not a dump of a Liaison database; nothing was changed.`,
    'needs-force': `Restoring replaces every table of ${target} with the dump's. Stop every app process on it, then add --force.`,
    failed: `pg_restore failed and rolled back; nothing was changed: ${result.detail}`,
  }
  console.error(messages[result.reason])
  return result.reason === 'needs-force' ? 3 : 1
}

async function copyToPostgresCommand(flags: Record<string, string | true>, config: Config): Promise<number> {
  if (!config.databaseUrl) {
    console.error(
      'Set DATABASE_URL to the PostgreSQL database to copy into, e.g. postgres://liaison@db:5432/liaison',
    )
    return 2
  }
  const from = typeof flags.from === 'string' ? flags.from : config.databasePath
  if (from === ':memory:' || !existsSync(from)) {
    console.error(`There is no SQLite database ${from} to copy (--from <file>, or DATABASE_PATH).`)
    return 2
  }
  const target = redactDatabaseUrl(config.databaseUrl)
  // Opening creates Liaison's tables in the target (under the migrations' advisory lock).
  openDb(config.databaseUrl).$client.close()
  const source = openDb(from)
  const client = new pg.Client({ connectionString: config.databaseUrl })
  try {
    await client.connect()
    console.log(`Copying ${from} into ${target}...`)
    const result = await copyToPostgres(source.$client, client)
    if ('tables' in result) console.log(countsTable(result.tables))
    if (!result.ok) {
      console.error(result.detail)
      return 1
    }
    console.log(`Copied ${result.tables.length} tables; every row count agrees.`)
    return 0
  } finally {
    await client.end().catch(() => {})
    source.$client.close()
  }
}

/** Closes the database; on PostgreSQL also the facade's connection, which would keep the process alive. */
function countsTable(rows: TableCount[]): string {
  const width = Math.max(5, ...rows.map((r) => r.table.length))
  const line = (a: string, b: string, c: string, mark = '') =>
    `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}${mark}`
  return [
    line('table', 'SQLite', 'PostgreSQL'),
    ...rows.map((r) =>
      line(r.table, String(r.sqlite), String(r.postgres), r.sqlite === r.postgres ? '' : '  ≠'),
    ),
  ].join('\n')
}

async function feedUrlCommand(
  kind: string | undefined,
  idText: string | undefined,
  flags: Record<string, string | true>,
  config: Config,
): Promise<number> {
  const id = parseId(idText)
  if (!kind || !(FEED_KINDS as readonly string[]).includes(kind) || id === null) {
    console.error('Usage: feed-url <deputy|station|staff> <id>, e.g. feed-url deputy 3')
    return 2
  }
  const lang = typeof flags.lang === 'string' ? flags.lang : config.defaultLocale
  if (!isLocale(lang)) {
    console.error('--lang must be zh-Hans, zh-Hant or en.')
    return 2
  }
  const db = openDb(config.databaseUrl ?? config.databasePath)
  try {
    const feedKind = kind as FeedKind
    const subject = findFeedSubject(db, feedKind, id)
    if (!subject?.active) {
      console.error(`There is no active ${kind} with id ${id}.`)
      return 1
    }
    if (liveFeed(db, feedKind, id) && flags.rotate !== true) {
      console.error(
        `${subject.name} already has a subscription link. Only its hash is stored, so it cannot be shown again; run with --rotate to make a new one (the old URL stops working).`,
      )
      return 1
    }
    const token = issueFeedToken(db, { kind: feedKind, subjectId: id, locale: lang }, null, systemClock.now())
    const origin = config.publicUrl ?? `http://${config.host}:${config.port}`
    const url = `${origin}/feeds/${token}.ics`
    if (!config.publicUrl) console.error('PUBLIC_URL is not set; the URL uses HOST and PORT.')
    console.log(url)
    console.log(url.replace(/^https?:/, 'webcal:'))
    return 0
  } finally {
    db.$client.close()
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function parseArgs(argv: string[]) {
  const args: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (!a.startsWith('--')) {
      args.push(a)
      continue
    }
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
    const next = argv[i + 1]
    if (inline !== undefined) flags[key] = inline
    else if (
      next !== undefined &&
      !next.startsWith('--') &&
      key !== 'password-stdin' &&
      key !== 'force' &&
      key !== 'rotate'
    ) {
      flags[key] = next
      i++
    } else flags[key] = true
  }
  return { args, flags }
}

function help() {
  console.log('Usage: npm run cli -- <command> [arguments]\n')
  for (const c of Object.values(COMMANDS)) console.log(`  ${c.usage}\n      ${c.summary}\n`)
}

async function main() {
  const [name, ...rest] = process.argv.slice(2)
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    help()
    return name && name !== 'help' && name !== '--help' ? 2 : 0
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      return 2
    }
    throw e
  }
  const { args, flags } = parseArgs(rest)
  try {
    return await command.run(args, flags, config)
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      console.error(e.message)
      return 1
    }
    if (e instanceof PgStatementError && config.databaseUrl) {
      console.error(`PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)}: ${e.message}`)
      return 1
    }
    throw e
  }
}

// pathToFileURL, not a string join: paths with spaces or Chinese characters are percent-encoded in URLs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main()
}
