import { type Context, Hono } from 'hono'
import { listStations } from '../../db/queries/stations.ts'
import { pendingTriage } from '../../db/queries/triage.ts'
import { TriagePage } from '../../views/pages/staff/triage-page.tsx'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'
import { type TriageDecision, triageConcern } from '../events/triage-commands.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { idParam } from '../validation.ts'

/** The clerks' triage of phone concerns (issue 16): /staff/triage over the account's stations. */
export function triageRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const stationsOf = (c: Context<AppEnv>) => {
    const account = c.get('account')!
    return account.role === 'admin' ? listStations(db).map((s) => s.id) : account.stationIds
  }

  const page = (
    c: Context<AppEnv>,
    extra: { notice?: string; error?: string } = {},
    status: 200 | 409 = 200,
  ) => renderPage(c, <TriagePage rows={pendingTriage(db, stationsOf(c), clock.now())} {...extra} />, status)

  app.get('/staff/triage', (c) => {
    const { t } = c.get('i18n')
    const done = c.req.query('done')
    const code = formatTrackingCode(c.req.query('code') ?? '').slice(0, 12)
    if (done === 'accepted' || done === 'spam')
      return page(c, { notice: t(done === 'spam' ? 'triage.markedSpam' : 'triage.accepted', { code }) })
    return page(c)
  })

  const decide = (decision: TriageDecision) => (c: Context<AppEnv>) => {
    const id = idParam(c)
    if (id === null) return rejectRequest(c, 404, 'error.notFound.body')
    const r = triageConcern(db, { concernId: id, account: c.get('account')!, decision }, clock.now())
    if (!r.ok) {
      if (r.reason === 'not_found') return rejectRequest(c, 404, 'error.notFound.body')
      return page(c, { error: c.get('i18n').t('triage.gone') }, 409)
    }
    const done = decision === 'spam' ? 'spam' : 'accepted'
    return c.redirect(`/staff/triage?done=${done}&code=${r.trackingCode}`, 303)
  }
  app.post('/staff/triage/:id/accept', decide('accept'))
  app.post('/staff/triage/:id/spam', decide('spam'))
  return app
}
