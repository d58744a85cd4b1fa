import type { PresentDeputy } from '../../../db/queries/queue-presence.ts'
import { Document } from '../../document.tsx'
import { type T, useI18n } from '../../i18n/index.ts'
import { QueueStyles } from '../kiosk/queue-assets.tsx'

export type BoardView = {
  stationName: string
  today: string
  /** Tickets being served, the latest call first. */
  serving: { label: string; deputyName: string; place: string }[]
  next: string[]
  waitingCount: number
  priorityEvery: number
  present: PresentDeputy[]
  updatedAt: string
}

/** The order rule in words, as DESIGN §4.2 asks the display to show it. */
export function orderRuleText(t: T, priorityEvery: number): string {
  return priorityEvery > 0
    ? t('queue.display.ruleWithPriority', { n: priorityEvery })
    : t('queue.display.ruleNoPriority')
}

/**
 * The community room's board: who is being served where, how many wait, the order rule and who is
 * present. Ticket numbers only, never a resident's name. Kept fresh over SSE with reconnects.
 */
export function DisplayPage({ board }: { board: BoardView }) {
  const { t } = useI18n()
  return (
    <Document
      title={t('queue.display.title')}
      variant="kiosk"
      scripts={['/static/hx-sse.js', '/static/queue-live.js']}
    >
      <QueueStyles />
      <main class="q-display" id="main">
        <div id="display-board" data-live-url="/display/events">
          <DisplayBoard board={board} />
        </div>
      </main>
    </Document>
  )
}

/** The whole board as one fragment: what every SSE message carries. */
export function DisplayBoard({ board }: { board: BoardView }) {
  const { t } = useI18n()
  const [latest, ...earlier] = board.serving
  return (
    <div class="q-board">
      <header class="q-board-head">
        <h1>{board.stationName}</h1>
        <p>{board.today}</p>
      </header>
      <section class="q-board-now" aria-labelledby="board-now-heading">
        <h2 id="board-now-heading">{t('queue.display.nowServing')}</h2>
        {latest ? (
          <div class="q-board-latest" id="board-latest" role="status">
            <p class="q-board-number" id="board-latest-number">
              {latest.label}
            </p>
            <p class="q-board-where">
              {latest.place
                ? t('queue.display.goTo', { place: latest.place, name: latest.deputyName })
                : t('queue.display.goToDeputy', { name: latest.deputyName })}
            </p>
          </div>
        ) : (
          <p class="q-board-idle" id="board-latest-none">
            {t('queue.display.nobodyCalled')}
          </p>
        )}
        {earlier.length > 0 ? (
          <ul class="q-board-serving" id="board-serving">
            {earlier.map((s) => (
              <li>
                <span class="q-board-small-number">{s.label}</span>{' '}
                {s.place
                  ? t('queue.display.goTo', { place: s.place, name: s.deputyName })
                  : t('queue.display.goToDeputy', { name: s.deputyName })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section class="q-board-wait" aria-labelledby="board-wait-heading">
        <h2 id="board-wait-heading">{t('queue.display.waitingHeading')}</h2>
        <p class="q-board-count" id="board-waiting-count">
          {t('queue.display.waiting', { n: board.waitingCount })}
        </p>
        {board.next.length > 0 ? (
          <p id="board-next">
            {t('queue.display.next')} <span class="q-board-next">{board.next.join('  ')}</span>
          </p>
        ) : null}
        <p class="q-board-rule" id="board-rule">
          {orderRuleText(t, board.priorityEvery)}
        </p>
      </section>
      <section class="q-board-present" aria-labelledby="board-present-heading">
        <h2 id="board-present-heading">{t('queue.display.presentHeading')}</h2>
        {board.present.length === 0 ? (
          <p id="board-present-none">{t('queue.display.nobodyPresent')}</p>
        ) : (
          <ul id="board-present">
            {board.present.map((d) => (
              <li>
                {d.place
                  ? t('queue.display.presentAt', { name: d.name, place: d.place })
                  : t('queue.display.presentDeputy', { name: d.name })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="q-board-updated">{t('queue.display.updated', { time: board.updatedAt })}</p>
    </div>
  )
}
