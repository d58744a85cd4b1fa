import { mayBeStored } from '../access-policy.ts'
import { setHeader } from './response-headers.ts'
import { syncMiddleware } from './sync-chain.ts'

/**
 * The one place that sends `Cache-Control: no-store`, on every path the access table does not
 * leave public, plus the public ones with personal data (mayBeStored). Registered once on the app,
 * before the access gate, so redirects and refusals carry it too; a sub-app's own copy would
 * reach every other sub-app's routes under the same pattern (they share one router).
 */
export const noStoreUnlessPublic = syncMiddleware((c, next) => {
  if (!mayBeStored(c.req.path)) setHeader(c, 'Cache-Control', 'no-store')
  return next()
})
