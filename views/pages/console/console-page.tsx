import type { PresentDeputy } from '../../../db/queries/queue-presence.ts'
import { CsrfField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { ConsoleUnreached, type UnreachedPlace } from '../coverage/console-unreached.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'

export type ConsoleTicket = {
  id: number
  label: string
  topic: string
  priority: boolean
  /** Already masked when the viewer may not see it in full. */
  residentName: string | null
  phone: string | null
  description: string | null
  /** The phrase chips the resident picked, in the viewer's language. */
  phrases: string[]
  /** Where the resident lives or works, if they said; a place name is not personal data. */
  place: string | null
  trackingCode: string
  callCount: number
  arrivedAt: string
}

export type WaitingTicket = {
  id: number
  label: string
  topic: string
  priority: boolean
  booking: boolean
  arrivedAt: string
  /** null: whoever is present; otherwise the deputy asked for. */
  askedFor: string | null
  mine: boolean
}

export type ConsoleMessage = { kind: 'ok' | 'error'; text: string }

export type ConsoleView = {
  base: string
  stationName: string
  deputyName: string
  present: boolean
  place: string
  current: ConsoleTicket | null
  parked: ConsoleTicket[]
  waiting: WaitingTicket[]
  colleagues: PresentDeputy[]
  backlogCount: number
  message?: ConsoleMessage
  /** The ticket just answered on the spot, whose resident may give their verdict on this device. */
  rateNow: { href: string; label: string } | null
  /** Places of the deputy's districts unreached the longest (issue 17). */
  unreached?: UnreachedPlace[]
}

/**
 * The deputy's queue console: few, large controls. The left part (#console-main) answers every
 * action as an htmx fragment; the waiting list (#console-queue) is pushed over SSE. Every button
 * is a real form post first.
 */
export function ConsolePage({ view }: { view: ConsoleView }) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('queue.console.title', { name: view.deputyName })}>
      <QueueStyles />
      <p class="q-console-where">
        {view.stationName}
        {view.place ? ` · ${view.place}` : ''} · <a href={`${view.base}`}>{t('queue.console.reload')}</a>
      </p>
      <div class="q-console">
        <ConsoleMain view={view} />
        <section class="q-console-side" aria-labelledby="console-queue-heading">
          <h2 id="console-queue-heading">{t('queue.console.waitingHeading')}</h2>
          <div id="console-queue" data-live-url={`${view.base}/events`}>
            <ConsoleQueue waiting={view.waiting} />
          </div>
        </section>
      </div>
      <script src="/static/hx-sse.js" defer></script>
      <script src="/static/queue-live.js" defer></script>
    </StaffLayout>
  )
}

const hx = (action: string) => ({ 'hx-post': action, 'hx-target': '#console-main', 'hx-swap': 'outerHTML' })

/** Current ticket, call button, parked tickets and messages: the swap target of every action. */
export function ConsoleMain({ view }: { view: ConsoleView }) {
  const { t } = useI18n()
  const mineWaiting = view.waiting.filter((w) => w.mine).length
  return (
    <section id="console-main" class="q-console-main" aria-labelledby="console-now-heading">
      <h2 id="console-now-heading" class="q-visually-hidden">
        {t('queue.console.nowHeading')}
      </h2>
      <div id="console-message" role="status" aria-live="polite">
        {view.message ? (
          <p class={view.message.kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'}>
            {view.message.text}
          </p>
        ) : null}
      </div>
      {view.rateNow ? (
        <p class="q-rate-now" id="console-rate-now">
          <a class="button" href={view.rateNow.href} id="rate-now">
            {t('queue.console.rateNow', { ticket: view.rateNow.label })}
          </a>
        </p>
      ) : null}
      {!view.present ? (
        <p class="notice notice-error" id="console-not-present">
          {t('queue.console.notPresent')}
        </p>
      ) : view.current ? (
        <CurrentTicket view={view} ticket={view.current} />
      ) : (
        <form method="post" action={`${view.base}/call`} {...hx(`${view.base}/call`)} id="call-next-form">
          <CsrfField />
          <button type="submit" class="q-big-button" id="call-next">
            {t('queue.console.callNext')}
          </button>
          <p class="q-console-count" id="console-waiting-count">
            {t('queue.console.waitingForYou', { n: mineWaiting })}
          </p>
        </form>
      )}
      {view.parked.length > 0 ? (
        <div class="q-parked" id="console-parked">
          <h3>{t('queue.console.parkedHeading')}</h3>
          <ul>
            {view.parked.map((p) => (
              <li>
                <span class="q-ticket-no">{p.label}</span> {p.topic}
                {view.current ? null : (
                  <form
                    method="post"
                    action={`${view.base}/tickets/${p.id}/resume`}
                    {...hx(`${view.base}/tickets/${p.id}/resume`)}
                    class="inline-form"
                  >
                    <CsrfField />
                    <button type="submit" class="button" id={`resume-${p.id}`}>
                      {t('queue.console.resume', { ticket: p.label })}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="q-console-backlog">{t('queue.console.backlog', { n: view.backlogCount })}</p>
      {view.unreached ? <ConsoleUnreached places={view.unreached} /> : null}
    </section>
  )
}

function CurrentTicket({ view, ticket }: { view: ConsoleView; ticket: ConsoleTicket }) {
  const { t } = useI18n()
  const act = (a: string) => `${view.base}/tickets/${ticket.id}/${a}`
  return (
    <article class="q-current" id="console-current" aria-labelledby="current-number">
      <p class="q-current-label">{t('queue.console.serving')}</p>
      <p class="q-current-number" id="current-number">
        {ticket.label}
      </p>
      <dl class="q-facts">
        <dt>{t('queue.track.topic')}</dt>
        <dd>
          {ticket.topic}
          {ticket.priority ? <span class="q-badge"> {t('queue.console.priority')}</span> : null}
        </dd>
        {ticket.phrases.length > 0 ? (
          <>
            <dt>{t('chips.shown')}</dt>
            <dd id="current-phrases">
              <ul class="n-phrase-list">
                {ticket.phrases.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {ticket.place ? (
          <>
            <dt>{t('placeField.label')}</dt>
            <dd id="current-place">{ticket.place}</dd>
          </>
        ) : null}
        <dt>{t('queue.console.description')}</dt>
        <dd id="current-description">{ticket.description || t('queue.console.none')}</dd>
        <dt>{t('queue.console.resident')}</dt>
        <dd id="current-resident">{ticket.residentName || t('queue.console.anonymous')}</dd>
        <dt>{t('queue.console.phone')}</dt>
        <dd id="current-phone">{ticket.phone || t('queue.console.noPhone')}</dd>
        <dt>{t('queue.console.trackingCode')}</dt>
        <dd>{formatTrackingCode(ticket.trackingCode)}</dd>
        <dt>{t('queue.console.arrived')}</dt>
        <dd>
          {ticket.arrivedAt} · {t('queue.console.calls', { n: ticket.callCount })}
        </dd>
      </dl>

      <form method="post" action={act('serve')} {...hx(act('serve'))} id="serve-form" class="q-serve">
        <CsrfField />
        <fieldset>
          <legend>{t('queue.console.outcomeLegend')}</legend>
          <div class="q-radio">
            <input type="radio" id="outcome-answered" name="outcome" value="answered" checked />
            <label for="outcome-answered">{t('queue.console.outcome.answered')}</label>
          </div>
          <div class="q-radio">
            <input type="radio" id="outcome-follow-up" name="outcome" value="follow_up" />
            <label for="outcome-follow-up">{t('queue.console.outcome.followUp')}</label>
          </div>
        </fieldset>
        <div class="field">
          <label for="f-note">
            {t('queue.console.note')} <span class="optional">({t('form.optional')})</span>
          </label>
          <textarea id="f-note" name="note" rows={3} maxlength={1000}></textarea>
        </div>
        <button type="submit" class="q-big-button" id="serve">
          {t('queue.console.served')}
        </button>
      </form>

      <div class="q-actions">
        <form method="post" action={act('recall')} {...hx(act('recall'))}>
          <CsrfField />
          <button type="submit" class="button secondary q-action" id="recall">
            {t('queue.console.recall')}
          </button>
        </form>
        <form method="post" action={act('park')} {...hx(act('park'))}>
          <CsrfField />
          <button type="submit" class="button secondary q-action" id="park">
            {t('queue.console.park')}
          </button>
        </form>
        <form method="post" action={act('no-show')} {...hx(act('no-show'))}>
          <CsrfField />
          <button type="submit" class="button danger q-action" id="no-show">
            {t('queue.console.noShow')}
          </button>
        </form>
      </div>
      {view.colleagues.length > 0 ? (
        <form
          method="post"
          action={act('transfer')}
          {...hx(act('transfer'))}
          id="transfer-form"
          class="q-transfer"
        >
          <CsrfField />
          <div class="field">
            <label for="f-to">{t('queue.console.transferTo')}</label>
            <select id="f-to" name="to">
              {view.colleagues.map((d) => (
                <option value={String(d.deputyId)}>{d.place ? `${d.name} · ${d.place}` : d.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="button secondary q-action" id="transfer">
            {t('queue.console.transfer')}
          </button>
        </form>
      ) : null}
    </article>
  )
}

/** The waiting list in calling order; read-only, so pushing it never disturbs a form. */
export function ConsoleQueue({ waiting }: { waiting: WaitingTicket[] }) {
  const { t } = useI18n()
  if (waiting.length === 0)
    return (
      <p class="q-empty" id="console-queue-empty">
        {t('queue.console.nobodyWaiting')}
      </p>
    )
  return (
    <ol class="q-queue" id="console-queue-list">
      {waiting.map((w) => (
        <li class={w.mine ? 'q-mine' : undefined}>
          <span class="q-ticket-no">{w.label}</span>
          <span class="q-queue-topic">{w.topic}</span>
          <span class="q-queue-meta">
            {w.booking ? `${t('queue.console.booking')} · ` : ''}
            {w.priority ? `${t('queue.console.priority')} · ` : ''}
            {w.askedFor ? t('queue.console.askedFor', { name: w.askedFor }) : t('queue.console.anyDeputy')} ·{' '}
            {w.arrivedAt}
          </span>
        </li>
      ))}
    </ol>
  )
}

export type ConsoleLink = { href: string; label: string }

/** Where a deputy or clerk picks the console to run. */
export function ConsoleIndexPage({ links, empty }: { links: ConsoleLink[]; empty: string }) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('queue.console.indexTitle')}>
      <QueueStyles />
      {links.length === 0 ? (
        <p class="notice">{empty}</p>
      ) : (
        <ul class="cards" id="console-links">
          {links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  )
}
