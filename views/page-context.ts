import { createContext, useContext } from 'hono/jsx'
import type { Account } from '../server/domain/account.ts'

/** Request facts that views need besides translations. */
export type PageInfo = {
  csrfToken: string
  account: Account | null
  /** Path and query of the current request, for language links and `next`. */
  path: string
  query: string
  largeText: boolean
  kioskIdleSeconds: number
  kioskIdleCountdownSeconds: number
  kioskSlipSeconds: number
}

export const PageContext = createContext<PageInfo>({
  csrfToken: '',
  account: null,
  path: '/',
  query: '',
  largeText: false,
  kioskIdleSeconds: 90,
  kioskIdleCountdownSeconds: 20,
  kioskSlipSeconds: 45,
})
export const usePage = () => useContext(PageContext)
