import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The public phone forms' defences that need no third party (issue 16 item 5, decision 0034):
 * a form token signed by the server carrying when it was issued (the minimum fill time is read
 * off the server's clock, never the client's) and a random challenge; the phone's script finds a
 * nonce so that SHA-256(challenge ":" nonce) starts with `bits` zero bits (proof of work). The
 * server checks one hash. Times are passed in; nothing here reads a clock.
 */
export type GuardRules = {
  /** Fastest a person fills the form in; a faster post is a script. */
  minFillMs: number
  /** After this a form's token is stale (a new one comes with the re-rendered form). */
  maxAgeMs: number
  /** Leading zero bits of the proof of work. */
  bits: number
}

export const PHONE_GUARD_RULES: GuardRules = {
  minFillMs: 4_000,
  maxAgeMs: 2 * 60 * 60_000,
  bits: 16,
}

export type GuardFailure = 'token' | 'too_fast' | 'stale' | 'work' | 'spent'

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url')

/** A new form token: `issuedAtMs.challenge.bits.signature`. */
export function issueFormToken(secret: string, now: Date, bits: number): string {
  const body = `${now.getTime()}.${randomBytes(12).toString('base64url')}.${bits}`
  return `${body}.${sign(secret, body)}`
}

/** The parts of a token whose signature holds, or null. */
export function readFormToken(secret: string, token: string) {
  const parts = token.split('.')
  if (parts.length !== 4 || token.length > 200) return null
  const [at, challenge, bits, mac] = parts as [string, string, string, string]
  const expected = Buffer.from(sign(secret, `${at}.${challenge}.${bits}`))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  if (!/^\d{1,15}$/.test(at) || !/^\d{1,2}$/.test(bits)) return null
  return { issuedAt: Number(at), challenge: `${at}.${challenge}.${bits}`, bits: Number(bits) }
}

const HEX = '0123456789abcdef'

/** Leading zero bits of a hex digest. */
export function leadingZeroBits(hex: string): number {
  let n = 0
  for (const ch of hex) {
    const v = HEX.indexOf(ch)
    if (v === 0) {
      n += 4
      continue
    }
    return n + Math.clz32(v) - 28
  }
  return n
}

/** What the phone computes: the proof is a nonce with enough leading zero bits. */
export const workDigest = (challenge: string, nonce: string) =>
  createHash('sha256').update(`${challenge}:${nonce}`).digest('hex')

/** Checks a posted token and nonce against the rules at `now`; null when all hold. */
export function checkFormGuard(
  secret: string,
  token: string,
  nonce: string,
  now: Date,
  rules: GuardRules,
): GuardFailure | null {
  const read = readFormToken(secret, token)
  if (!read || read.bits < rules.bits) return 'token'
  const age = now.getTime() - read.issuedAt
  if (age < rules.minFillMs) return 'too_fast'
  if (age > rules.maxAgeMs) return 'stale'
  if (!/^[0-9]{1,12}$/.test(nonce)) return 'work'
  if (leadingZeroBits(workDigest(read.challenge, nonce)) < read.bits) return 'work'
  return null
}

/** Finds a nonce for a challenge (tests and the benchmark; phones run kiosk/proof-of-work.js). */
export function solveChallenge(token: string): string {
  const [at, challenge, bits] = token.split('.')
  const full = `${at}.${challenge}.${bits}`
  const need = Number(bits)
  for (let i = 0; ; i++) if (leadingZeroBits(workDigest(full, String(i))) >= need) return String(i)
}

/** Description text as compared for a duplicate: spaces and case do not make a new concern. */
export const duplicateText = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
