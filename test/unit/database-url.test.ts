import { describe, expect, it } from 'vitest'
import { isPostgresUrl } from '../../db/pg/open-pg.ts'
import { ConfigError, loadConfig } from '../../server/config.ts'
import { redactDatabaseUrl } from '../../server/database-url.ts'

describe('DATABASE_URL', () => {
  it('selects PostgreSQL only when set, and takes postgres:// and postgresql:// URLs', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined()
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined()
    const url = 'postgres://liaison:pw@db.internal:5432/liaison'
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url)
    expect(isPostgresUrl('postgresql://liaison@10.0.0.5/liaison?sslmode=require')).toBe(true)
    expect(isPostgresUrl('mysql://liaison@db/liaison')).toBe(false)
    expect(isPostgresUrl('data/liaison.db')).toBe(false)
  })

  it('refuses another kind of URL with a message that does not show the password', () => {
    const bad = () => loadConfig({ DATABASE_URL: 'mysql://liaison:hunter2-secret@db/liaison' })
    expect(bad).toThrow(ConfigError)
    expect(bad).toThrow(/DATABASE_URL="mysql:\/\/liaison:\*\*\*@db\/liaison": not a PostgreSQL URL/)
    expect(bad).not.toThrow(/hunter2/)
    expect(() => loadConfig({ DATABASE_URL: 'liaison:hunter2@db' })).toThrow(/"liaison:\*\*\*@db"/)
  })

  it('hides the password, wherever the URL keeps it, and leaves the rest readable', () => {
    expect(redactDatabaseUrl('postgres://liaison:s3cr%40t@db.example:5432/liaison')).toBe(
      'postgres://liaison:***@db.example:5432/liaison',
    )
    expect(redactDatabaseUrl('postgres://u:p@ss@h/d')).toBe('postgres://u:***@h/d')
    expect(redactDatabaseUrl('postgresql://u@h/d?password=abc&sslmode=require')).toBe(
      'postgresql://u@h/d?password=***&sslmode=require',
    )
    expect(redactDatabaseUrl('postgres://liaison@127.0.0.1:5432/liaison')).toBe(
      'postgres://liaison@127.0.0.1:5432/liaison',
    )
    expect(redactDatabaseUrl('not a url //user:hunter2@host')).toBe('not a url //user:***@host')
    expect(redactDatabaseUrl('postgres://u:a b@[bad')).toBe('postgres://u:***@[bad')
  })
})
