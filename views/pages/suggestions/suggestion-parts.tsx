import type { SuggestionStatus } from '../../../db/enums.ts'
import { useI18n } from '../../i18n/index.ts'
import { formatLocalDate } from '../track/concern-labels.ts'
import { suggestionStatusLabel } from './suggestion-labels.ts'

/** The drafting screens' stylesheet, linked from the page body as the follow-up screens do. */
export const SuggestionStyles = () => (
  <>
    <link rel="stylesheet" href="/static/followup.css" />
    <link rel="stylesheet" href="/static/suggestion-drafts.css" />
  </>
)

/** A suggestion's deadline with the units, worked out by the route for the station's today. */
export type SuggestionDue = { on: string; overdue: boolean } | null

export type SuggestionListItem = {
  id: number
  ref: string | null
  title: string
  leadDeputyName: string
  status: SuggestionStatus
  due: SuggestionDue
}

/** The deadline in words; an overdue one says so, not only in colour. */
export function SuggestionDueText({ due }: { due: SuggestionDue }) {
  const { t, dateTime } = useI18n()
  if (!due) return <span>—</span>
  const date = formatLocalDate(dateTime, due.on)
  return due.overdue ? (
    <strong class="fu-overdue">{t('suggestionDraft.due.overdue', { date })}</strong>
  ) : (
    <span>{t('suggestionDraft.due.on', { date })}</span>
  )
}

/** A table of suggestions; each title links to the suggestion's page. */
export function SuggestionTable({
  rows,
  id,
  caption,
  showLead = true,
}: {
  rows: SuggestionListItem[]
  id: string
  caption: string
  showLead?: boolean
}) {
  const { t } = useI18n()
  if (rows.length === 0) return <p id={`${id}-empty`}>{t('suggestionDraft.list.empty')}</p>
  return (
    <div class="table-scroll">
      <table id={id} class="fu-table sg-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('suggestionDraft.col.ref')}</th>
            <th scope="col">{t('suggestion.field.title')}</th>
            {showLead ? <th scope="col">{t('suggestion.field.leadDeputy')}</th> : null}
            <th scope="col">{t('suggestion.field.status')}</th>
            <th scope="col">{t('suggestion.field.dueOn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr id={`suggestion-row-${r.id}`} class={r.due?.overdue ? 'fu-row-overdue' : undefined}>
              <th scope="row" class="sg-ref-cell">
                {r.ref ?? t('suggestionDraft.list.noRef')}
              </th>
              <td class="sg-title">
                <a href={`/suggestions/${r.id}`}>{r.title || t('suggestion.untitled')}</a>
              </td>
              {showLead ? <td>{r.leadDeputyName}</td> : null}
              <td>
                <span class={`fu-status sg-status-${r.status}`}>{suggestionStatusLabel(t, r.status)}</span>
              </td>
              <td>
                <SuggestionDueText due={r.due} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The green "done" line at the top of a suggestion page (stable id per page). */
export const SuggestionNotice = ({ text, id }: { text?: string | undefined; id: string }) =>
  text ? (
    <p class="notice notice-ok" role="status" id={id}>
      {text}
    </p>
  ) : null
