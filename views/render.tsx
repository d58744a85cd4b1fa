import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { html } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../server/env.ts'
import { I18nContext } from './i18n/index.ts'
import { PageContext, type PageInfo } from './page-context.ts'

function pageInfo(c: Context<AppEnv>): PageInfo {
  const url = new URL(c.req.url)
  const { config } = c.var.deps
  return {
    csrfToken: c.var.csrfToken,
    account: c.var.account,
    path: url.pathname,
    query: url.search,
    largeText: getCookie(c, 'text') === 'large',
    kioskIdleSeconds: config.kioskIdleSeconds,
    kioskIdleCountdownSeconds: config.kioskIdleCountdownSeconds,
  }
}

const withContexts = (c: Context<AppEnv>, node: Child, page?: Partial<PageInfo>) => (
  <I18nContext.Provider value={c.var.i18n}>
    <PageContext.Provider value={{ ...pageInfo(c), ...page }}>{node}</PageContext.Provider>
  </I18nContext.Provider>
)

/** A whole HTML document (with doctype). */
export const renderPage = (c: Context<AppEnv>, node: Child, status: ContentfulStatusCode = 200) =>
  c.html(html`<!DOCTYPE html>${withContexts(c, node)}`, status)

/** A whole HTML document as a string, for a page kept in a cache; `page` replaces request facts. */
export const pageHtml = async (c: Context<AppEnv>, node: Child, page: Partial<PageInfo>) =>
  String(await html`<!DOCTYPE html>${withContexts(c, node, page)}`)

/** A fragment for an htmx swap: the same components, without the document around them. */
export const renderFragment = (c: Context<AppEnv>, node: Child, status: ContentfulStatusCode = 200) =>
  c.html(withContexts(c, node), status)

/** True when htmx made the request (it sends `HX-Request: true`). */
export const isHtmx = (c: Context) => c.req.header('hx-request') === 'true'
