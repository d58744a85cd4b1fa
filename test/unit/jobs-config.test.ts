import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config.ts'

describe('configuration of jobs, notifications and backups', () => {
  it('has defaults that work without any setting', () => {
    const c = loadConfig({})
    expect(c.jobsEnabled).toBe(true)
    expect(c.notify).toEqual({
      webhookUrl: undefined,
      webhookFormat: 'json',
      webhookSecret: undefined,
      webhookTimeoutMs: 10_000,
      maxAttempts: 8,
      retryBaseMs: 60_000,
    })
    expect(c.backupDir).toBe('data/backups')
    expect(c.backupKeep).toBe(14)
  })

  it('keeps backups next to the database unless told otherwise', () => {
    expect(loadConfig({ DATABASE_PATH: '/srv/liaison/app.db' }).backupDir).toBe('/srv/liaison/backups')
    expect(loadConfig({ BACKUP_DIR: '/mnt/nas/liaison' }).backupDir).toBe('/mnt/nas/liaison')
  })

  it('reads the webhook settings', () => {
    const c = loadConfig({
      NOTIFY_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      NOTIFY_WEBHOOK_FORMAT: 'wecom',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_SECONDS: '30',
      JOBS_ENABLED: 'false',
    })
    expect(c.notify).toMatchObject({ webhookFormat: 'wecom', maxAttempts: 3, retryBaseMs: 30_000 })
    expect(c.jobsEnabled).toBe(false)
  })

  it('refuses bad values and names them', () => {
    for (const [key, value] of [
      ['NOTIFY_WEBHOOK_URL', 'ftp://example.org/hook'],
      ['NOTIFY_WEBHOOK_URL', 'not a url'],
      ['NOTIFY_WEBHOOK_FORMAT', 'slack'],
      ['BACKUP_KEEP', '0'],
      ['JOBS_ENABLED', 'yes'],
    ] as const) {
      expect(() => loadConfig({ [key]: value }), `${key}=${value}`).toThrow(ConfigError)
      expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key))
    }
  })
})
