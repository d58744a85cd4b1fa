import type { I18n } from '../views/i18n/index.ts'
import type { ResolvedClient } from './client-address.ts'
import type { AppDeps } from './deps.ts'
import type { Account } from './domain/account.ts'
import type { KioskDevice } from './domain/kiosk-device.ts'
import type { Logger } from './logger.ts'
import type { HeaderBag } from './middleware/response-headers.ts'

/** Per-request values that middleware sets and handlers read. */
export type AppEnv = {
  Variables: {
    deps: AppDeps
    requestId: string
    log: Logger
    i18n: I18n
    /** 大字 mode: the text-size cookie, or a kiosk's station default when it has none. */
    largeText: boolean
    csrfToken: string
    account: Account | null
    kiosk: KioskDevice | null
    /** The request's cookies, parsed once (see readCookie). */
    cookies?: Record<string, string>
    /** Whether the client reached us over https (client-address.ts isHttps), judged once. */
    https?: boolean
    /** The client behind any trusted proxies (client-address.ts), resolved once. */
    client?: ResolvedClient
    /** Response headers gathered so far (see response-headers.ts). */
    headers: HeaderBag
  }
}
