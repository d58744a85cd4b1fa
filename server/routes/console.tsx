import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { VERDICTS } from '../../db/enums.ts'
import { deputyBacklog } from '../../db/queries/concerns.ts'
import { districtIdsOfDeputy } from '../../db/queries/coverage.ts'
import { deputyNamesById, findActiveDeputy } from '../../db/queries/deputies.ts'
import { followUpSettings, publicStanding } from '../../db/queries/followup.ts'
import {
  dayTickets,
  lastAnsweredTicket,
  orderedWaiting,
  type QueueTicket,
  ticketConcern,
} from '../../db/queries/queue.ts'
import { presentDeputies } from '../../db/queries/queue-presence.ts'
import { placesOfConcerns } from '../../db/queries/station-places.ts'
import { findStation, listStations, type StationRow } from '../../db/queries/stations.ts'
import { phrasesOfConcerns } from '../../db/queries/topic-phrases.ts'
import type { Account } from '../../server/domain/account.ts'
import type { I18n } from '../../views/i18n/index.ts'
import {
  ConsoleIndexPage,
  type ConsoleLink,
  ConsoleMain,
  type ConsoleMessage,
  ConsolePage,
  ConsoleQueue,
  type ConsoleTicket,
  type ConsoleView,
  type WaitingTicket,
} from '../../views/pages/console/console-page.tsx'
import { SpotThanksPage, SpotVerdictPage } from '../../views/pages/console/spot-verdict-page.tsx'
import { fragmentToString } from '../../views/pages/display/fragment-string.tsx'
import { isHtmx, renderFragment, renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { maskName, maskPhone } from '../domain/masking.ts'
import { canRunConsole, maySeePersonalData } from '../domain/queue-access.ts'
import { ticketLabel } from '../domain/queue-order.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { takeStep } from '../events/concern-steps.ts'
import {
  callTicket,
  finishTicket,
  parkTicket,
  type QueueFailure,
  type QueueResult,
  transferTicket,
} from '../events/queue-commands.ts'
import { streamStationFragment } from '../events/sse.ts'
import { longestUnreached, planVisitPath } from '../jobs/coverage-nudges.ts'
import { currentAccount } from '../middleware/auth.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm } from '../validation.ts'
import { residentVerdictForm } from './kiosk-progress.tsx'
import { auditFullView } from './personal-data-audit.ts'

const serveForm = z.object({
  outcome: z.enum(['answered', 'follow_up'], { message: 'queue.error.outcome' }),
  note: f.optionalText(1000),
})
const transferForm = z.object({ to: f.id(), note: f.optionalText(1000) })

const NOTICES = [
  'called',
  'recalled',
  'served',
  'noShow',
  'parked',
  'resumed',
  'transferred',
  'empty',
] as const
type Notice = (typeof NOTICES)[number]

/** The deputy console: today's queue of a station, run by the deputy or a clerk for them. */
export function consoleRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  app.get('/console', (c) => {
    const account = c.get('account')!
    const { t, name } = c.get('i18n')
    const now = clock.now()
    const stations =
      account.role === 'deputy'
        ? listStations(db)
        : listStations(db, account.role === 'admin' ? undefined : account.stationIds)
    const links: ConsoleLink[] = []
    for (const s of stations) {
      for (const d of presentDeputies(db, s.id, localDate(now, s.timeZone))) {
        if (!canRunConsole(account, s.id, d.deputyId)) continue
        links.push({ href: `/console/${s.id}/${d.deputyId}`, label: `${name(s)} · ${d.name}` })
      }
    }
    if (account.role === 'deputy' && links.length === 1) return c.redirect(links[0]!.href, 302)
    return renderPage(c, <ConsoleIndexPage links={links} empty={t('queue.console.noneToday')} />)
  })

  /** Resolves station and deputy from the path and checks the viewer may run this console. */
  const scope = (c: Context<AppEnv>) => {
    const station = findStation(db, idParam(c, 'stationId') ?? 0)
    const deputyId = idParam(c, 'deputyId') ?? 0
    const deputy = findActiveDeputy(db, deputyId)
    if (!station || !deputy) return { ok: false as const, res: rejectRequest(c, 404, 'error.notFound.body') }
    if (!canRunConsole(c.get('account')!, station.id, deputy.id))
      return { ok: false as const, res: rejectRequest(c, 403, 'queue.error.notYourConsole') }
    const now = clock.now()
    return {
      ok: true as const,
      station,
      deputy,
      now,
      today: localDate(now, station.timeZone),
      base: `/console/${station.id}/${deputy.id}`,
    }
  }
  type Scope = Extract<ReturnType<typeof scope>, { ok: true }>

  const buildView = (c: Context<AppEnv>, s: Scope, message?: ConsoleMessage): ConsoleView => {
    const account = c.get('account')!
    const i18n = c.get('i18n')
    const present = presentDeputies(db, s.station.id, s.today)
    const me = present.find((d) => d.deputyId === s.deputy.id)
    const tickets = dayTickets(db, s.station.id, s.today, ['called', 'parked'])
    const mine = tickets.filter((t) => t.calledDeputyId === s.deputy.id)
    const current = mine.find((t) => t.status === 'called')
    const seen: number[] = []
    const chips = phrasesOfConcerns(
      db,
      mine.map((t) => t.concernId),
    )
    const placeNames = placesOfConcerns(
      db,
      mine.map((t) => t.concernId),
    )
    const phrasesOf = (t: QueueTicket) => ({
      phrases: (chips.get(t.concernId) ?? []).map((p) => i18n.name(p)),
      place: placeNames.has(t.concernId) ? i18n.name(placeNames.get(t.concernId)!) : null,
    })
    const view: ConsoleView = {
      base: s.base,
      stationName: i18n.name(s.station),
      deputyName: s.deputy.name,
      present: Boolean(me),
      place: me?.place ?? '',
      current: current ? consoleTicket(i18n, s.station, current, account, seen, phrasesOf(current)) : null,
      parked: mine
        .filter((t) => t.status === 'parked')
        .map((t) => consoleTicket(i18n, s.station, t, account, seen, phrasesOf(t))),
      waiting: waitingList(i18n, s),
      colleagues: present.filter((d) => d.deputyId !== s.deputy.id),
      backlogCount: deputyBacklog(db, s.deputy.id).length,
      message,
      rateNow: rateNowOf(s),
      unreached: longestUnreached(
        db,
        districtIdsOfDeputy(db, s.deputy.id),
        s.today,
        followUpSettings(db).unreachedDays,
      ).map((r) => ({
        id: r.placeId,
        name: i18n.name(r.place),
        daysSince: r.daysSince,
        planHref: planVisitPath(r.placeId),
      })),
    }
    auditFullView(c, 'concern', seen)
    return view
  }

  const rateNowOf = (s: Scope) => {
    const last = lastAnsweredTicket(db, s.station.id, s.today, s.deputy.id)
    return last
      ? {
          href: `${s.base}/tickets/${last.ticket.id}/verdict`,
          label: ticketLabel(s.station.code, last.ticket.number),
        }
      : null
  }

  /**
   * The resident's verdict on this device right after an answer on the spot: only for this
   * console's latest ticket, answered and not yet rated; the screen shows the topic and nothing
   * else (no name, phone or words), and the verdict is the resident's (DESIGN §4.4, issue 15).
   */
  const spot = (c: Context<AppEnv>, s: Scope) => {
    const last = lastAnsweredTicket(db, s.station.id, s.today, s.deputy.id)
    return last && last.ticket.id === idParam(c, 'ticketId') ? last : undefined
  }

  app.get('/console/:stationId/:deputyId/tickets/:ticketId/verdict', (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    const i18n = c.get('i18n')
    const rated = z.enum(VERDICTS).safeParse(c.req.query('rated'))
    const ticketId = idParam(c, 'ticketId') ?? 0
    if (rated.success) {
      const concern = ticketConcern(db, s.station.id, ticketId)
      const standing = concern && publicStanding(db, concern)
      // Only once the verdict is there: a typed ?rated= on an unrated ticket thanks nobody.
      if (concern && standing && !standing.canRate)
        return renderPage(
          c,
          <SpotThanksPage
            verdict={rated.data}
            newDueOn={rated.data === 'unsatisfied' ? (standing.due?.on ?? null) : null}
            back={s.base}
          />,
        )
    }
    const last = spot(c, s)
    if (!last) return rejectRequest(c, 409, 'queue.spot.gone')
    return renderPage(
      c,
      <SpotVerdictPage
        topic={i18n.name(last.topic)}
        action={`${s.base}/tickets/${last.ticket.id}/verdict`}
        back={s.base}
      />,
    )
  })

  const spotVerdict = async (c: Context<AppEnv>, s: Scope) => {
    const i18n = c.get('i18n')
    const last = spot(c, s)
    if (!last) return rejectRequest(c, 409, 'queue.spot.gone')
    const action = `${s.base}/tickets/${last.ticket.id}/verdict`
    const parsed = parseForm(residentVerdictForm, await readForm(c), i18n.t)
    if (!parsed.ok)
      return renderPage(
        c,
        <SpotVerdictPage
          topic={i18n.name(last.topic)}
          action={action}
          back={s.base}
          error={Object.values(parsed.errors)[0]}
        />,
        422,
      )
    const result = takeStep(
      { db, locale: deps.config.defaultLocale },
      {
        concernId: last.concern.id,
        by: { resident: 'on_the_spot', hostAccountId: c.get('account')!.id },
        seenStatus: last.concern.status,
        input: { step: 'verdict', verdict: parsed.data.verdict, comment: '', via: 'on_the_spot', note: '' },
      },
      clock.now(),
    )
    if (!result.ok) return rejectRequest(c, 409, 'queue.spot.gone')
    return c.redirect(`${action}?rated=${parsed.data.verdict}`, 303)
  }

  const waitingList = (i18n: I18n, s: Scope): WaitingTicket[] => {
    const waiting = orderedWaiting(db, s.station.id, s.today, clock.now())
    // Only the deputies these tickets ask for: a city has thousands.
    const asked = [...new Set(waiting.flatMap((t) => (t.deputyId === null ? [] : [t.deputyId])))]
    const names = deputyNamesById(db, asked)
    return waiting.map((t) => ({
      id: t.id,
      label: ticketLabel(s.station.code, t.number),
      topic: i18n.name(t.topic),
      priority: t.priority,
      booking: t.kind === 'booking',
      arrivedAt: i18n.dateTime(t.arrivedAt, s.station.timeZone, { timeStyle: 'short' }),
      askedFor: t.deputyId === null ? null : (names.get(t.deputyId) ?? ''),
      mine: t.deputyId === null || t.deputyId === s.deputy.id,
    }))
  }

  app.get('/console/:stationId/:deputyId', (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    const notice = c.req.query('m') as Notice | undefined
    const message =
      notice && NOTICES.includes(notice)
        ? { kind: 'ok' as const, text: noticeText(c.get('i18n'), notice) }
        : undefined
    return renderPage(c, <ConsolePage view={buildView(c, s, message)} />)
  })

  app.get('/console/:stationId/:deputyId/queue', (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    return renderFragment(c, <ConsoleQueue waiting={waitingList(c.get('i18n'), s)} />)
  })

  app.get('/console/:stationId/:deputyId/events', (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    const i18n = c.get('i18n')
    const account = currentAccount(c)
    const accountId = c.get('account')!.id
    return streamStationFragment(
      c,
      db,
      s.station.id,
      () => fragmentToString(i18n, <ConsoleQueue waiting={waitingList(i18n, { ...s, now: clock.now() })} />),
      () => {
        const now = account()
        return now !== null && !now.mustChangePassword && canRunConsole(now, s.station.id, s.deputy.id)
      },
      {
        shareKey: () =>
          `console:${s.station.id}:${s.deputy.id}:${accountId}:${i18n.locale}:${Math.floor(clock.now().getTime() / 1000)}`,
      },
    )
  })

  /** Answers an action: the console fragment for htmx, else a redirect back (or the page on error). */
  const answer = (c: Context<AppEnv>, s: Scope, result: QueueResult, done: Notice) => {
    const i18n = c.get('i18n')
    if (result.ok || result.reason === 'empty') {
      const notice: Notice = result.ok ? done : 'empty'
      const label = result.ok ? ticketLabel(s.station.code, result.ticket.number) : ''
      if (!isHtmx(c)) return c.redirect(`${s.base}?m=${notice}`, 303)
      const view = buildView(c, s, { kind: 'ok', text: noticeText(i18n, notice, label) })
      return renderFragment(c, <ConsoleMain view={view} />)
    }
    const current = result.current ? ticketLabel(s.station.code, result.current.number) : ''
    const [status, text] = failure(i18n, result.reason, current)
    const view = buildView(c, s, { kind: 'error', text })
    return isHtmx(c)
      ? renderFragment(c, <ConsoleMain view={view} />, status)
      : renderPage(c, <ConsolePage view={view} />, status)
  }

  const actor = (c: Context<AppEnv>) => ({ kind: 'account' as const, accountId: c.get('account')!.id })

  app.post('/console/:stationId/:deputyId/call', (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    const common = { stationId: s.station.id, date: s.today, deputyId: s.deputy.id, actor: actor(c) }
    return answer(c, s, callTicket(db, { ...common, mode: { kind: 'next' } }, s.now), 'called')
  })

  app.post('/console/:stationId/:deputyId/tickets/:ticketId/:action', async (c) => {
    const s = scope(c)
    if (!s.ok) return s.res
    const ticketId = idParam(c, 'ticketId') ?? 0
    const common = {
      stationId: s.station.id,
      date: s.today,
      deputyId: s.deputy.id,
      actor: actor(c),
      ticketId,
    }
    const { t } = c.get('i18n')
    switch (c.req.param('action')) {
      case 'recall':
        return answer(
          c,
          s,
          callTicket(db, { ...common, mode: { kind: 'recall', ticketId } }, s.now),
          'recalled',
        )
      case 'resume':
        return answer(
          c,
          s,
          callTicket(db, { ...common, mode: { kind: 'resume', ticketId } }, s.now),
          'resumed',
        )
      case 'park':
        return answer(c, s, parkTicket(db, common, s.now), 'parked')
      case 'verdict':
        return spotVerdict(c, s)
      case 'no-show':
        return answer(c, s, finishTicket(db, { ...common, outcome: 'no_show', note: '' }, s.now), 'noShow')
      case 'serve': {
        const parsed = parseForm(serveForm, await readForm(c), t)
        if (!parsed.ok) return invalid(c, s, Object.values(parsed.errors)[0] ?? '')
        const { outcome, note } = parsed.data
        return answer(c, s, finishTicket(db, { ...common, outcome, note }, s.now), 'served')
      }
      case 'transfer': {
        const parsed = parseForm(transferForm, await readForm(c), t)
        if (!parsed.ok) return invalid(c, s, Object.values(parsed.errors)[0] ?? '')
        const { to, note } = parsed.data
        return answer(c, s, transferTicket(db, { ...common, toDeputyId: to, note }, s.now), 'transferred')
      }
      default:
        return rejectRequest(c, 404, 'error.notFound.body')
    }
  })

  const invalid = (c: Context<AppEnv>, s: Scope, text: string) => {
    const view = buildView(c, s, { kind: 'error', text })
    return isHtmx(c)
      ? renderFragment(c, <ConsoleMain view={view} />, 422)
      : renderPage(c, <ConsolePage view={view} />, 422)
  }

  return app
}

/** A ticket as the console shows it; the concern's id goes to `seen` when it is shown unmasked. */
function consoleTicket(
  i18n: I18n,
  station: StationRow,
  t: QueueTicket,
  account: Account,
  seen: number[],
  { phrases, place }: { phrases: string[]; place: string | null },
): ConsoleTicket {
  const full = maySeePersonalData(account, { stationId: t.stationId, deputyId: t.concern.deputyId })
  const name = t.concern.residentName
  const phone = t.concern.callbackPhone
  if (full && (name || phone)) seen.push(t.concernId)
  return {
    id: t.id,
    label: ticketLabel(station.code, t.number),
    topic: i18n.name(t.topic),
    priority: t.priority,
    residentName: name ? (full ? name : maskName(name)) : null,
    phone: phone ? (full ? phone : maskPhone(phone)) : null,
    description: t.concern.description,
    phrases,
    place,
    trackingCode: t.concern.trackingCode,
    callCount: t.callCount,
    arrivedAt: i18n.dateTime(t.arrivedAt, station.timeZone, { timeStyle: 'short' }),
  }
}

function failure({ t }: I18n, reason: Exclude<QueueFailure, 'empty'>, ticket: string): [409 | 404, string] {
  switch (reason) {
    case 'busy':
      return [409, t('queue.console.error.busy', { ticket })]
    case 'not_present':
      return [409, t('queue.console.error.notPresent')]
    case 'not_found':
      return [404, t('queue.console.error.notFound')]
  }
}

function noticeText(i18n: I18n, notice: Notice, ticket = ''): string {
  const { t } = i18n
  switch (notice) {
    case 'called':
      return ticket ? t('queue.console.done.called', { ticket }) : t('queue.console.done.calledPlain')
    case 'recalled':
      return t('queue.console.done.recalled')
    case 'served':
      return t('queue.console.done.served')
    case 'noShow':
      return t('queue.console.done.noShow')
    case 'parked':
      return t('queue.console.done.parked')
    case 'resumed':
      return t('queue.console.done.resumed')
    case 'transferred':
      return t('queue.console.done.transferred')
    case 'empty':
      return t('queue.console.done.empty')
  }
}
