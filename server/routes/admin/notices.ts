import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'

/**
 * The confirmation for a list page after a change; the change redirects with `?saved=<what>` so a
 * reload does not submit the form again.
 */
export function savedNotice(c: Context<AppEnv>): string | undefined {
  const { t } = c.get('i18n')
  switch (c.req.query('saved')) {
    case 'created':
      return t('admin.notice.created')
    case 'updated':
      return t('form.saved')
    case 'deleted':
      return t('admin.notice.deleted')
    case 'revoked':
      return t('admin.notice.revoked')
    default:
      return undefined
  }
}
