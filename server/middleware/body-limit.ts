import type { Context, Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from './reject.tsx'
import { syncMiddleware } from './sync-chain.ts'

/**
 * The largest body each kind of caller may send. Nobody signed in: a log-in, a pairing code or a
 * language choice, a few hundred bytes. A paired kiosk: its forms, at most a few KB (a 200-character
 * description is under 2 KB percent-encoded). Signed-in staff: forms and CSV imports.
 */
export const BODY_LIMITS = {
  anonymous: 8 * 1024,
  kiosk: 32 * 1024,
  signedIn: 2 * 1024 * 1024,
  /** A deputy's photo straight from a phone's camera (5 MB) with its multipart envelope. */
  photo: 5 * 1024 * 1024 + 64 * 1024,
} as const

const PHOTO_UPLOAD = /^\/admin\/deputies\/\d+\/photo$/

export const bodyLimitFor = (c: Context<AppEnv>) =>
  c.get('account')
    ? PHOTO_UPLOAD.test(c.req.path)
      ? BODY_LIMITS.photo
      : BODY_LIMITS.signedIn
    : c.get('kiosk')
      ? BODY_LIMITS.kiosk
      : BODY_LIMITS.anonymous

const tooLarge = (c: Context<AppEnv>) => rejectRequest(c, 413, 'error.tooLarge')
const streamedLimits = new Map(
  Object.values(BODY_LIMITS).map((maxSize) => [maxSize, bodyLimit({ maxSize, onError: tooLarge })]),
)

/**
 * Refuses a body larger than its caller may send, before anything reads it (so runs after
 * `identify`). Hono's bodyLimit first asks for the body, which makes the Node adapter build a full
 * Request (a tenth of a kiosk view, or of a walk-in). Node's parser never reads past a
 * Content-Length, so a declared length is judged as it is; only a body without one is counted as
 * it streams.
 */
export const limitBody = syncMiddleware((c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
  const max = bodyLimitFor(c)
  const length = c.req.header('content-length')
  if (length === undefined || c.req.header('transfer-encoding') !== undefined)
    return streamedLimits.get(max)!(c, next as Next) as Promise<Response | undefined>
  return Number(length) > max ? tooLarge(c) : next()
})
