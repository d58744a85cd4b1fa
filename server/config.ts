import { dirname, join } from 'node:path'
import { z } from 'zod'
import { isPostgresUrl } from '../db/pg/open-pg.ts'
import { LOCALES, type Locale } from '../views/i18n/locales.ts'
import { parseTrustProxy, TRUST_NOBODY, type TrustProxy } from './client-address.ts'
import { redactDatabaseUrl } from './database-url.ts'
import { isTimeZone } from './domain/time.ts'
import { parseWhole } from './validation.ts'

/** A whole-number setting, read by the app's one number parser: `0x10`, `1e3` or ` 80` are none. */
const whole = (min: number, max: number) =>
  z
    .string()
    .refine((v) => parseWhole(v) !== null, 'not a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max))

const schema = z.object({
  PORT: whole(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/liaison.db'),
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'not a PostgreSQL URL: postgres://user:password@host:5432/database')
    .optional(),
  DEFAULT_LOCALE: z.enum(LOCALES).default('zh-Hans'),
  DEFAULT_TIME_ZONE: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Shanghai'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_HOURS: whole(1, 24 * 30).default(12),
  KIOSK_IDLE_SECONDS: whole(15, 3600).default(90),
  KIOSK_IDLE_COUNTDOWN_SECONDS: whole(20, 300).default(20),
  KIOSK_SLIP_SECONDS: whole(3, 600).default(45),
  RATE_LIMIT_MULTIPLIER: whole(1, 1e9).default(1),
  PHONE_PROOF_BITS: whole(0, 24).default(16),
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const trust = parseTrustProxy(v)
      if (typeof trust === 'string') ctx.addIssue({ code: 'custom', message: trust })
      return trust
    })
    .optional(),
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  NOTIFY_WEBHOOK_FORMAT: z.enum(['json', 'wecom', 'dingtalk']).default('json'),
  NOTIFY_WEBHOOK_SECRET: z.string().min(1).optional(),
  NOTIFY_WEBHOOK_TIMEOUT_SECONDS: whole(1, 120).default(10),
  NOTIFY_MAX_ATTEMPTS: whole(1, 50).default(8),
  NOTIFY_RETRY_SECONDS: whole(1, 86_400).default(60),
  SMS_PROVIDER: z.enum(['log', 'aliyun', 'tencent']).default('log'),
  SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  SMS_SIGN_NAME: z.string().min(1).optional(),
  SMS_SDK_APP_ID: z.string().min(1).optional(),
  SMS_REGION: z.string().min(1).optional(),
  SMS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  SMS_TEMPLATES: z
    .string()
    .transform((v, ctx) => {
      const t = parseSmsTemplates(v)
      if (typeof t === 'string') ctx.addIssue({ code: 'custom', message: t })
      return t
    })
    .optional(),
  SMS_TIMEOUT_SECONDS: whole(1, 120).default(10),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: whole(1, 1000).default(14),
})

export type Config = {
  port: number
  host: string
  databasePath: string
  /** PostgreSQL instead of the SQLite file at databasePath; holds a password: print it only through redactDatabaseUrl. */
  databaseUrl: string | undefined
  defaultLocale: Locale
  defaultTimeZone: string
  publicUrl: string | undefined
  /** PUBLIC_URL is https: every client reaches us over TLS, whatever the last hop was. */
  publicHttps: boolean
  logLevel: string
  sessionHours: number
  kioskIdleSeconds: number
  kioskIdleCountdownSeconds: number
  /** How long a slip stays on screen, counting down, before the kiosk returns to its start. */
  kioskSlipSeconds: number
  /** Scales every rate limit; only the benchmark, which sends everything from one address, raises it. */
  rateLimitMultiplier: number
  /** Leading zero bits of the proof of work on residents' phone forms (decision 0034); tests lower it. */
  phoneProofBits: number
  /** Seed the demo street, with its published log-ins, into an empty database (`npm run demo`); never by default (decision 0019). */
  seedDemo: boolean
  /** 'auto': Secure (and `__Host-` names) when the client's request is known to be https. */
  cookieSecure: 'auto' | 'true' | 'false'
  /** Which proxies' X-Forwarded-* headers are believed (client-address.ts). */
  trustProxy: TrustProxy
  /** Whether this process runs scheduled jobs (several processes on one database may). */
  jobsEnabled: boolean
  notify: {
    /** Where the webhook sender posts; without it notifications go to the log. */
    webhookUrl: string | undefined
    webhookFormat: 'json' | 'wecom' | 'dingtalk'
    /** DingTalk group-bot signing secret (加签), if the bot has one. */
    webhookSecret: string | undefined
    webhookTimeoutMs: number
    maxAttempts: number
    /** First retry delay; doubles after every further failure. */
    retryBaseMs: number
  }
  /** SMS beside the webhook (issue 16): which provider, its keys and a template per message kind. */
  sms: SmsConfig
  /** Default: `backups/` next to the database, i.e. data/backups. */
  backupDir: string
  backupKeep: number
}

export type SmsConfig = {
  /** 'log' (default) writes a masked line instead of sending. */
  provider: 'log' | 'aliyun' | 'tencent'
  /** Alibaba AccessKey ID / Tencent SecretId. */
  accessKeyId: string | undefined
  /** Alibaba AccessKey secret / Tencent SecretKey. */
  accessKeySecret: string | undefined
  /** The approved signature (签名), e.g. 东湖街道人大联络站. */
  signName: string | undefined
  /** Tencent's SmsSdkAppId; Alibaba has none. */
  sdkAppId: string | undefined
  /** Alibaba RegionId (default cn-hangzhou) / Tencent Region (default ap-guangzhou). */
  region: string | undefined
  /** Overrides the provider's address (tests point it at a fake on loopback). */
  endpoint: string | undefined
  /** Message kind → approved template code (Alibaba SMS_123…, Tencent template id). */
  templates: Record<string, string>
  timeoutMs: number
}

/** `kind=CODE,kind=CODE` (commas or new lines); returns a message when it is not that shape. */
export function parseSmsTemplates(v: string): Record<string, string> | string {
  const out: Record<string, string> = {}
  for (const part of v.split(/[,\n]/)) {
    const item = part.trim()
    if (!item) continue
    const m = /^([a-z][a-z.-]*)=([A-Za-z0-9_-]+)$/.exec(item)
    if (!m?.[1] || !m[2]) return `"${item}" is not kind=TEMPLATE_CODE`
    out[m[1]] = m[2]
  }
  return out
}

export class ConfigError extends Error {}

/** Reads configuration from the environment; the only place that touches process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  )
  const parsed = schema.safeParse(picked)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0])
      const value = key === 'DATABASE_URL' ? redactDatabaseUrl(env[key] ?? '') : env[key]
      return `  ${i.path.join('.')}=${JSON.stringify(value)}: ${i.message}`
    })
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    publicHttps: e.PUBLIC_URL?.startsWith('https:') ?? false,
    logLevel: e.LOG_LEVEL,
    sessionHours: e.SESSION_HOURS,
    kioskIdleSeconds: e.KIOSK_IDLE_SECONDS,
    kioskIdleCountdownSeconds: e.KIOSK_IDLE_COUNTDOWN_SECONDS,
    kioskSlipSeconds: e.KIOSK_SLIP_SECONDS,
    rateLimitMultiplier: e.RATE_LIMIT_MULTIPLIER,
    phoneProofBits: e.PHONE_PROOF_BITS,
    seedDemo: e.SEED_DEMO === 'true',
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: (e.TRUST_PROXY as TrustProxy | undefined) ?? TRUST_NOBODY,
    jobsEnabled: e.JOBS_ENABLED === 'true',
    notify: {
      webhookUrl: e.NOTIFY_WEBHOOK_URL,
      webhookFormat: e.NOTIFY_WEBHOOK_FORMAT,
      webhookSecret: e.NOTIFY_WEBHOOK_SECRET,
      webhookTimeoutMs: e.NOTIFY_WEBHOOK_TIMEOUT_SECONDS * 1000,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_SECONDS * 1000,
    },
    sms: {
      provider: e.SMS_PROVIDER,
      accessKeyId: e.SMS_ACCESS_KEY_ID,
      accessKeySecret: e.SMS_ACCESS_KEY_SECRET,
      signName: e.SMS_SIGN_NAME,
      sdkAppId: e.SMS_SDK_APP_ID,
      region: e.SMS_REGION,
      endpoint: e.SMS_ENDPOINT?.replace(/\/$/, ''),
      templates: (e.SMS_TEMPLATES as Record<string, string> | undefined) ?? {},
      timeoutMs: e.SMS_TIMEOUT_SECONDS * 1000,
    },
    backupDir: e.BACKUP_DIR ?? join(dirname(e.DATABASE_PATH), 'backups'),
    backupKeep: e.BACKUP_KEEP,
  }
}
