import type { Config } from './config.ts'

/** Whether a host name or address (as in HOST or a URL) reaches only this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  )
}

/**
 * Why a server could be reached from other machines, one reason per setting; empty when it
 * listens on loopback and names no public URL. A demo database (with its printed log-ins) must
 * not be served so.
 */
export function reachableFromElsewhere(config: Pick<Config, 'host' | 'publicUrl'>): string[] {
  const reasons: string[] = []
  if (!isLoopbackHost(config.host)) reasons.push(`HOST=${config.host} is not a loopback address`)
  if (config.publicUrl && !isLoopbackHost(new URL(config.publicUrl).hostname))
    reasons.push(`PUBLIC_URL=${config.publicUrl} is not on this machine`)
  return reasons
}

/** The start-up warning for a demo database that other machines can reach (stderr, several lines). */
export function demoExposedWarning(databasePath: string, reasons: string[], logins: { username: string }[]) {
  const bar = '!'.repeat(78)
  return [
    bar,
    `WARNING: ${databasePath} is a DEMO database. Its log-ins are published in the README`,
    `(${logins.map((l) => l.username).join(', ')}, with their passwords), and this server can be reached from`,
    'other machines:',
    ...reasons.map((r) => `  - ${r}`),
    'Anyone who reaches it can sign in as an administrator. For a real deployment, start',
    'on a new database without SEED_DEMO and create the first administrator with',
    '`npm run cli -- create-admin <username>`.',
    bar,
  ].join('\n')
}
