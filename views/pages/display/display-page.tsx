import type { PresentDeputy } from '../../../db/queries/queue-presence.ts'
import { type VisitNoticeLine, VisitNoticeStyles, VisitNotices } from '../../components/visit-notices.tsx'
import { Document } from '../../document.tsx'
import { type T, useI18n } from '../../i18n/index.ts'
import type { Locale } from '../../i18n/locales.ts'
import { QueueStyles } from '../kiosk/queue-assets.tsx'

export type ServingView = {
  label: string
  deputyName: string
  place: string
  /** Ticket and call count: a new key is a new call (or a recall) to chime and speak. */
  callKey: string
  /** What the board says aloud for this call, in the board's language. */
  speech: string
}

export type BoardView = {
  stationName: string
  today: string
  /** Tickets being served, the latest call first. */
  serving: ServingView[]
  next: string[]
  waitingCount: number
  priorityEvery: number
  present: PresentDeputy[]
  /** Deputies' next visits to places of the station's districts (names of deputies are public). */
  visits: VisitNoticeLine[]
  updatedAt: string
  /** Speak calls aloud (the kiosk setting); a chime plays either way. */
  voice: boolean
  /** Speech-synthesis voice languages that fit the board's language, best first. */
  speechLangs: readonly string[]
}

/**
 * Voice languages for each interface language: 繁體 reads well in a Taiwan or Hong Kong voice,
 * 简体 in a mainland or Singapore one; any English voice will do.
 */
export const SPEECH_LANGS: Record<Locale, readonly string[]> = {
  'zh-Hans': ['zh-CN', 'zh-Hans', 'zh-SG', 'cmn-CN', 'cmn-Hans-CN'],
  'zh-Hant': ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'cmn-TW', 'cmn-Hant-TW'],
  en: ['en'],
}

/** The order rule in words, as DESIGN §4.2 asks the display to show it. */
export function orderRuleText(t: T, priorityEvery: number): string {
  return priorityEvery > 0
    ? t('queue.display.ruleWithPriority', { n: priorityEvery })
    : t('queue.display.ruleNoPriority')
}

/**
 * The community room's board: who is being served where, how many wait, the order rule and who is
 * present. Ticket numbers only, never a resident's name. Kept fresh over SSE with reconnects; each
 * new call is chimed and spoken by kiosk/room-board.js. One layout for a landscape TV and one for
 * a portrait screen, chosen by the screen's shape in kiosk/queue.css.
 */
export function DisplayPage({ board }: { board: BoardView }) {
  const { t } = useI18n()
  return (
    <Document
      title={t('queue.display.title')}
      variant="kiosk"
      scripts={['/static/hx-sse.js', '/static/queue-live.js', '/static/room-board.js']}
    >
      <QueueStyles />
      <VisitNoticeStyles />
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
  const where = (s: ServingView) =>
    s.place
      ? t('queue.display.goTo', { place: s.place, name: s.deputyName })
      : t('queue.display.goToDeputy', { name: s.deputyName })
  return (
    <div
      class="q-board"
      data-voice={board.voice ? 'on' : 'off'}
      data-speech-langs={board.speechLangs.join(' ')}
    >
      <header class="q-board-head">
        <h1>{board.stationName}</h1>
        <p>{board.today}</p>
      </header>
      <section class="q-board-now" aria-labelledby="board-now-heading">
        <h2 id="board-now-heading">{t('queue.display.nowServing')}</h2>
        {latest ? (
          <div
            class="q-board-latest"
            id="board-latest"
            role="status"
            data-call={latest.callKey}
            data-speech={latest.speech}
          >
            <p class="q-board-number" id="board-latest-number">
              {latest.label}
            </p>
            <p class="q-board-where">{where(latest)}</p>
          </div>
        ) : (
          <p class="q-board-idle" id="board-latest-none">
            {t('queue.display.nobodyCalled')}
          </p>
        )}
        {earlier.length > 0 ? (
          <ul class="q-board-serving" id="board-serving">
            {earlier.map((s) => (
              <li data-call={s.callKey} data-speech={s.speech}>
                <span class="q-board-small-number">{s.label}</span>{' '}
                <span class="q-board-small-where">{where(s)}</span>
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
          <div id="board-next" class="q-board-next-block">
            <p class="q-board-next-label">{t('queue.display.next')}</p>
            <ul class="q-board-next">
              {board.next.map((label) => (
                <li>{label}</li>
              ))}
            </ul>
          </div>
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
      <VisitNotices lines={board.visits} prefix="board" class="q-board-visits" />
      <p class="q-board-updated">{t('queue.display.updated', { time: board.updatedAt })}</p>
    </div>
  )
}
