import { Hono } from 'hono'
import { z } from 'zod'
import { createAuthSession, deleteAuthSession, findAccountByUsername } from '../../db/queries/accounts.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { LoginPage } from '../../views/pages/login-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { randomToken, sha256, verifyPassword } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { wakeStreams } from '../events/sse.ts'
import { clearAppCookie, readCookie, SESSION_COOKIE, setAppCookie } from '../middleware/cookies.ts'
import { dropCsrf, issueSessionCsrf } from '../middleware/csrf.ts'
import { readForm } from '../middleware/form-body.ts'
import { safeNext } from '../safe-redirect.ts'
import { parseForm } from '../validation.ts'
import { LOGIN_WINDOW_MINUTES, loginGuard } from './login-guard.ts'

const loginForm = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  next: z.string().optional(),
})

export function authRoutes(deps: AppDeps) {
  const guard = loginGuard(deps)
  const app = new Hono<AppEnv>()

  app.get('/login', (c) => {
    if (c.get('account')) return c.redirect(safeNext(c.req.query('next')), 302)
    const notice = c.req.query('bye') ? c.get('i18n').t('login.loggedOut') : undefined
    return renderPage(c, <LoginPage next={safeNext(c.req.query('next'))} notice={notice} />)
  })

  app.post('/login', async (c) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined)
    const parsed = parseForm(loginForm, body, t)
    if (!parsed.ok)
      return renderPage(
        c,
        <LoginPage next={next} username={String(body.username ?? '')} errors={parsed.errors} />,
        422,
      )
    const { username, password } = parsed.data
    if (!guard.begin(c, username)) {
      const errors = { username: t('login.tooMany', { minutes: LOGIN_WINDOW_MINUTES }) }
      return renderPage(c, <LoginPage next={next} username={username} errors={errors} />, 429)
    }
    const account = findAccountByUsername(deps.db, username)
    // Verify even for unknown names so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
    if (!account?.active || !ok) {
      guard.failed(c, username, account?.id)
      return renderPage(
        c,
        <LoginPage next={next} username={username} errors={{ password: t('login.failed') }} />,
        401,
      )
    }
    guard.succeeded(c, username)
    const token = randomToken()
    const now = deps.clock.now()
    const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3_600_000)
    deps.db.transaction((tx) => {
      createAuthSession(tx, sha256(token), account.id, now, expiresAt)
      recordAudit(tx, now, {
        actorAccountId: account.id,
        action: 'auth.login',
        entity: 'account',
        entityId: account.id,
      })
    })
    setAppCookie(c, SESSION_COOKIE, token, { expires: expiresAt })
    issueSessionCsrf(c, token)
    return c.redirect(next, 303)
  })

  app.post('/logout', (c) => {
    const token = readCookie(c, SESSION_COOKIE)
    if (token) {
      deleteAuthSession(deps.db, sha256(token))
      wakeStreams(deps.db)
    }
    clearAppCookie(c, SESSION_COOKIE)
    dropCsrf(c)
    return c.redirect('/login?bye=1', 303)
  })

  return app
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
