import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { MessageKey } from '../../views/i18n/index.ts'
import { type ErrorInfo, ErrorMessage, ErrorPage } from '../../views/pages/error-page.tsx'
import { isHtmx, renderFragment, renderPage } from '../../views/render.tsx'
import type { AppEnv } from '../env.ts'

const TITLES: Partial<Record<number, MessageKey>> = {
  401: 'error.forbidden.title',
  403: 'error.forbidden.title',
  404: 'error.notFound.title',
  500: 'error.server.title',
}

/** Answers with a localised error: a fragment for htmx, a page otherwise. */
export function rejectRequest(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  body: MessageKey,
  vars?: Record<string, string>,
) {
  const info: ErrorInfo = { title: TITLES[status] ?? 'error.badRequest', body, vars }
  return isHtmx(c)
    ? renderFragment(c, <ErrorMessage info={info} />, status)
    : renderPage(c, <ErrorPage info={info} />, status)
}
