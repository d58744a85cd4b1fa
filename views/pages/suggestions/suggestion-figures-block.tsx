import type { GradeCounts, SuggestionFigures } from '../../../server/domain/suggestion-figures.ts'
import { useI18n } from '../../i18n/index.ts'
import { percent } from '../followup/labels.ts'
import { SatisfactionValue } from '../followup/parts.tsx'
import { suggestionRefLabel } from './suggestion-labels.ts'

/** "A 2 · B 1 · C 0 · D 0". */
export function GradesValue({ g }: { g: GradeCounts }) {
  const { t } = useI18n()
  return <>{t('suggestionRecords.gradesValue', { a: g.A, b: g.B, c: g.C, d: g.D })}</>
}

/** The 代表建议 section of a deputy's, a station's or a street's record: every figure with its n. */
export function SuggestionRecordBlock({
  f,
  minSample,
  unitsHref,
}: {
  f: SuggestionFigures
  minSample: number
  unitsHref?: string
}) {
  const { t } = useI18n()
  const s = f.satisfaction
  return (
    <section aria-labelledby="sg-record-title" id="record-suggestions">
      <h2 id="sg-record-title">{t('suggestionRecords.heading')}</h2>
      <dl class="fu-figures" id="suggestion-figures">
        <div>
          <dt>{t('suggestionRecords.led')}</dt>
          <dd id="sg-led">
            <strong>{f.led}</strong>
            <span>{t('suggestionRecords.ledNote')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.cosigned')}</dt>
          <dd id="sg-cosigned">
            <strong>{f.cosigned}</strong>
            <span>{t('suggestionRecords.cosignedNote')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.firstPass')}</dt>
          <dd id="sg-first-pass">
            <strong>{percent(f.qualityFirstPass.share)}</strong>
            <span>
              {t('suggestionRecords.firstPassNote', {
                n: f.qualityFirstPass.count,
                of: f.qualityFirstPass.of,
              })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.grades')}</dt>
          <dd id="sg-grades">
            <strong>
              <GradesValue g={f.grades} />
            </strong>
            <span>{t('suggestionRecords.gradesNote', { n: f.grades.total })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.onTime')}</dt>
          <dd id="sg-on-time">
            <OnTimeValue f={f} />
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.satisfaction')}</dt>
          <dd id="sg-satisfaction">
            <SatisfactionValue s={s} minSample={minSample} />
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.rehandled')}</dt>
          <dd id="sg-rehandled">
            <strong>{f.rehandled}</strong>
            <span>{t('suggestionRecords.rehandledNote')}</span>
          </dd>
        </div>
      </dl>
      <p class="hint">{t('suggestionRecords.definitions')}</p>
      {unitsHref ? (
        <p class="fu-back">
          <a href={unitsHref} id="sg-units-link">
            {t('suggestionRecords.unitsLink')}
          </a>
        </p>
      ) : null}
    </section>
  )
}

export type ClosedSuggestionLine = { id: number; ref: string | null; title: string }

/**
 * The suggestions part of a station's public monthly report: counts, grades and the titles of
 * those closed (a suggestion's title is public anyway). No deputy's or resident's name.
 */
export function SuggestionMonthBlock({
  f,
  closed,
}: {
  f: SuggestionFigures
  closed: ClosedSuggestionLine[]
}) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="sg-month-title" id="report-suggestions">
      <h2 id="sg-month-title">{t('suggestionRecords.month.heading')}</h2>
      <dl class="fu-figures fu-report-figures">
        <div>
          <dt>{t('suggestionRecords.month.filed')}</dt>
          <dd id="report-sg-filed">
            <strong>{f.led}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.month.replies')}</dt>
          <dd id="report-sg-replies">
            <strong>{f.grades.total}</strong>
            <span>
              <GradesValue g={f.grades} />
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.onTime')}</dt>
          <dd id="report-sg-on-time">
            <OnTimeValue f={f} />
          </dd>
        </div>
        <div>
          <dt>{t('suggestionRecords.month.closed')}</dt>
          <dd id="report-sg-closed">
            <strong>{closed.length}</strong>
            <span>
              {t('suggestionRecords.satisfaction')} {percent(f.satisfaction.rate)} (n ={' '}
              {f.satisfaction.sample})
            </span>
          </dd>
        </div>
      </dl>
      <h3>{t('suggestionRecords.month.closedList')}</h3>
      {closed.length === 0 ? (
        <p id="report-sg-none">{t('suggestionRecords.month.noneClosed')}</p>
      ) : (
        <ul class="fu-quick" id="report-sg-closed-list">
          {closed.map((c) => (
            <li>
              <a href={`/m/suggestions/${c.id}`}>
                {c.ref ? `${suggestionRefLabel(t, c.ref)} ` : ''}
                {c.title || t('suggestion.untitled')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Replies on time: the share, and how many of how many. */
function OnTimeValue({ f }: { f: SuggestionFigures }) {
  const { t } = useI18n()
  return (
    <>
      <strong>{percent(f.repliesOnTime.share)}</strong>
      <span>{t('suggestionRecords.onTimeNote', { n: f.repliesOnTime.count, of: f.repliesOnTime.of })}</span>
    </>
  )
}
