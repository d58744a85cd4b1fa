import type { Context } from 'hono'
import { html } from 'hono/html'
import type { Child } from 'hono/jsx'
import { HtmlEscapedCallbackPhase, type HtmlEscapedString, resolveCallback } from 'hono/utils/html'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../server/env.ts'
import { respond } from '../server/middleware/response-headers.ts'
import { I18nContext } from './i18n/index.ts'
import { PageContext, type PageInfo } from './page-context.ts'

function pageInfo(c: Context<AppEnv>): PageInfo {
  const url = new URL(c.req.url)
  const { config } = c.get('deps')
  return {
    csrfToken: c.get('csrfToken'),
    account: c.get('account'),
    path: url.pathname,
    query: url.search,
    largeText: c.get('largeText') ?? false,
    kioskIdleSeconds: config.kioskIdleSeconds,
    kioskIdleCountdownSeconds: config.kioskIdleCountdownSeconds,
    kioskSlipSeconds: config.kioskSlipSeconds,
  }
}

const withContexts = (c: Context<AppEnv>, node: Child, page?: Partial<PageInfo>) => (
  <I18nContext.Provider value={c.get('i18n')}>
    <PageContext.Provider value={{ ...pageInfo(c), ...page }}>{node}</PageContext.Provider>
  </I18nContext.Provider>
)

const HTML = { 'content-type': 'text/html; charset=UTF-8' }

/** An HTML response with the request's gathered headers, as Hono's c.html() resolves it. */
export const respondHtml = async (
  c: Context<AppEnv>,
  body: string | HtmlEscapedString | Promise<string | HtmlEscapedString>,
  status = 200,
) =>
  respond(c, await resolveCallback(await body, HtmlEscapedCallbackPhase.Stringify, false, {}), status, HTML)

/** An HTML response of a finished page (a kept one), at once. */
export const respondHtmlText = (c: Context<AppEnv>, text: string | Uint8Array<ArrayBuffer>, status = 200) =>
  respond(c, text, status, HTML)

/** A whole HTML document (with doctype). */
export const renderPage = (c: Context<AppEnv>, node: Child, status: ContentfulStatusCode = 200) =>
  respondHtml(c, html`<!DOCTYPE html>${withContexts(c, node)}`, status)

/** A whole HTML document as a string, for a page kept in a cache; `page` replaces request facts. */
export const pageHtml = async (c: Context<AppEnv>, node: Child, page: Partial<PageInfo>) =>
  String(await html`<!DOCTYPE html>${withContexts(c, node, page)}`)

/** A fragment for an htmx swap: the same components, without the document around them. */
export const renderFragment = (c: Context<AppEnv>, node: Child, status: ContentfulStatusCode = 200) =>
  respondHtml(c, withContexts(c, node), status)

/** True when htmx made the request (it sends `HX-Request: true`). */
export const isHtmx = (c: Context) => c.req.header('hx-request') === 'true'

/** A fragment as a string with the request's contexts (its CSRF token too), for an SSE message. */
export const fragmentHtml = async (c: Context<AppEnv>, node: Child) =>
  String(
    await resolveCallback(
      await withContexts(c, node).toString(),
      HtmlEscapedCallbackPhase.Stringify,
      false,
      {},
    ),
  )
