import { Hono } from 'hono'
import { z } from 'zod'
import { changeOwnPassword, findPasswordHash } from '../../db/queries/accounts.ts'
import { PasswordPage } from '../../views/pages/password-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { hashPassword, sha256, verifyPassword } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { wakeStreams } from '../events/sse.ts'
import { readCookie, SESSION_COOKIE } from '../middleware/cookies.ts'
import { readForm } from '../middleware/form-body.ts'
import { newPasswordField, parseForm } from '../validation.ts'

const passwordForm = z.object({
  current: z.string().min(1).max(256),
  password: newPasswordField(),
  confirm: z.string().max(256),
})

/** Checks of the current password per account: a stolen session must not guess it without end. */
const CHECKS_PER_WINDOW = 10
const CHECK_WINDOW_MINUTES = 15

/** /me/password: every signed-in account changes its own password here. */
export function myPasswordRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const checks = new RateLimiter(
    CHECKS_PER_WINDOW,
    CHECK_WINDOW_MINUTES * 60_000,
    clock,
    deps.config.rateLimitMultiplier,
  )
  const app = new Hono<AppEnv>()

  app.get('/me/password', (c) => {
    const notice = c.req.query('done') ? c.get('i18n').t('password.changed') : undefined
    return renderPage(c, <PasswordPage notice={notice} mustChange={c.get('account')!.mustChangePassword} />)
  })

  app.post('/me/password', async (c) => {
    const { t } = c.get('i18n')
    const account = c.get('account')!
    const again = (errors: Record<string, string>) =>
      renderPage(c, <PasswordPage errors={errors} mustChange={account.mustChangePassword} />, 422)
    const parsed = parseForm(passwordForm, await readForm(c), t)
    if (!parsed.ok) return again(parsed.errors)
    const { current, password, confirm } = parsed.data
    if (password !== confirm) return again({ confirm: t('password.mismatch') })
    if (password === current) return again({ password: t('password.sameAsCurrent') })
    if (!checks.take(String(account.id)))
      return renderPage(
        c,
        <PasswordPage
          errors={{ current: t('login.tooMany', { minutes: CHECK_WINDOW_MINUTES }) }}
          mustChange={account.mustChangePassword}
        />,
        429,
      )
    const stored = findPasswordHash(db, account.id)
    if (!stored || !(await verifyPassword(current, stored)))
      return again({ current: t('password.wrongCurrent') })
    const session = readCookie(c, SESSION_COOKIE)!
    changeOwnPassword(db, account.id, await hashPassword(password), sha256(session), clock.now())
    wakeStreams(db)
    return c.redirect('/me/password?done=1', 303)
  })

  return app
}
