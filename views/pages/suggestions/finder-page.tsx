import type { ConcernStatus, Verdict } from '../../../db/enums.ts'
import { CsrfField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { verdictLabel } from '../followup/labels.ts'
import { statusLabel } from '../track/concern-labels.ts'

export type FinderItem = {
  id: number
  receivedOn: string
  status: ConcernStatus
  topicName: string
  placeName: string | null
  /** The resident's latest verdict, if they gave one. */
  verdict: Verdict | null
  ticked: boolean
}

/** One group of concerns about one matter, as a card. */
export type FinderCard = {
  residents: number
  concerns: number
  open: number
  keyword: string
  topicName: string
  placeName: string | null
  firstOn: string
  /** Up to three residents' words, scrubbed and cut. */
  words: string[]
  items: FinderItem[]
}

type Props = {
  /** The deputies staff may choose from; null for a deputy looking at their own. */
  deputies: { id: number; name: string }[] | null
  deputy: { id: number; name: string } | null
  days: number
  cards: FinderCard[]
  /** Groups found, when more than the cards shown. */
  total: number
  error?: string | undefined
}

/** A local date (YYYY-MM-DD) in the reader's language, as `style` says. */
export const dayLabel = (
  dateTime: (d: Date, tz: string, o?: Intl.DateTimeFormatOptions) => string,
  date: string,
  o: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
) => dateTime(new Date(`${date}T12:00:00Z`), 'UTC', o)

/** Names in a list: 、 between them in Chinese, a comma in English. */
export const listJoin = (locale: string, names: readonly string[]) =>
  names.join(locale === 'en' ? ', ' : '、')

/**
 * The suggestion finder (issue 18 item 2): a deputy's residents' concerns gathered by matter and
 * place, each group a card that starts a pre-written draft with the ticked concerns linked.
 */
export function FinderPage({ deputies, deputy, days, cards, total, error }: Props) {
  const { t } = useI18n()
  const title = deputy ? t('suggestionFinder.titleFor', { name: deputy.name }) : t('suggestionFinder.title')
  return (
    <StaffLayout title={title}>
      <p class="hint">
        {t('suggestionFinder.intro', { days })} {t('suggestionFinder.inSuggestion')}
      </p>
      {deputies ? <DeputyChooser deputies={deputies} current={deputy?.id ?? null} /> : null}
      {error ? (
        <div class="error-summary" role="alert" id="finder-error" tabindex={-1}>
          <p>{error}</p>
        </div>
      ) : null}
      {deputy === null ? (
        <p id="finder-pick">
          {deputies && deputies.length === 0
            ? t('suggestionFinder.noDeputies')
            : t('suggestionFinder.pickDeputy')}
        </p>
      ) : cards.length === 0 ? (
        <div id="finder-none">
          <p>{t('suggestionFinder.none')}</p>
          <p>
            <a class="button" href="/suggestions/new">
              {t('suggestionFinder.blankDraft')}
            </a>
          </p>
        </div>
      ) : (
        <>
          <p id="finder-count">
            {total > cards.length
              ? t('suggestionFinder.countShown', { n: total, shown: cards.length })
              : t('suggestionFinder.count', { n: cards.length })}
          </p>
          <ol class="finder-groups">
            {cards.map((card, i) => (
              <li class="finder-group" id={`finder-group-${i + 1}`}>
                <GroupCard card={card} index={i + 1} deputyId={deputy.id} />
              </li>
            ))}
          </ol>
          <p>
            <a href="/suggestions/new">{t('suggestionFinder.blankDraft')}</a>
          </p>
        </>
      )}
    </StaffLayout>
  )
}

function DeputyChooser({
  deputies,
  current,
}: {
  deputies: { id: number; name: string }[]
  current: number | null
}) {
  const { t } = useI18n()
  if (deputies.length === 0) return null
  return (
    <form method="get" action="/suggestions/finder" class="inline-form" id="finder-deputy">
      <div class="field">
        <label for="f-deputy">{t('suggestionFinder.chooseDeputy')}</label>
        <select id="f-deputy" name="deputy">
          {deputies.map((d) => (
            <option value={String(d.id)} selected={d.id === current}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button secondary">
        {t('suggestionFinder.show')}
      </button>
    </form>
  )
}

function GroupCard({ card, index, deputyId }: { card: FinderCard; index: number; deputyId: number }) {
  const { t, dateTime } = useI18n()
  const headingId = `finder-group-${index}-heading`
  const heading = card.keyword
    ? t('suggestionFinder.group.heading', { n: card.residents, keyword: card.keyword })
    : t('suggestionFinder.group.headingTopic', { n: card.residents, topic: card.topicName })
  const month = dayLabel(dateTime, card.firstOn, { year: 'numeric', month: 'long' })
  return (
    <form method="post" action="/suggestions/finder" aria-labelledby={headingId}>
      <CsrfField />
      <input type="hidden" name="deputy" value={String(deputyId)} />
      <h2 id={headingId}>
        {heading} · {card.placeName ?? t('suggestionFinder.group.noPlace')} ·{' '}
        {t('suggestionFinder.group.since', { month })}
      </h2>
      <p class="finder-facts">
        {card.topicName} · {t('suggestionFinder.group.open', { n: card.concerns, open: card.open })}
      </p>
      {card.words.length > 0 ? (
        <>
          <h3>{t('suggestionFinder.group.words')}</h3>
          <ul class="finder-words">
            {card.words.map((w) => (
              <li>
                <q>{w}</q>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <fieldset class="field check-group">
        <legend>{t('suggestionFinder.group.concerns')}</legend>
        <ul class="check-list">
          {card.items.map((c) => (
            <li>
              <label class="check">
                <input type="checkbox" name="concern" value={String(c.id)} checked={c.ticked} />
                <span>
                  {dayLabel(dateTime, c.receivedOn)} · {c.topicName}
                  {c.placeName ? ` · ${c.placeName}` : ''} · {statusLabel(t, c.status)}
                  {c.verdict ? ` · ${verdictLabel(t, c.verdict)}` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button">
          {t('suggestionFinder.draft')}
          <span class="visually-hidden"> {heading}</span>
        </button>
      </div>
    </form>
  )
}
