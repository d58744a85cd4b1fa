import type { SuggestionStatus } from '../../../db/enums.ts'
import { CsrfField } from '../../components/form.tsx'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import {
  type SuggestionListItem,
  SuggestionNotice,
  SuggestionStyles,
  SuggestionTable,
} from './suggestion-parts.tsx'

export type StaffGroup = 'submitted' | 'handling' | 'replied' | 'closed' | 'drafts' | 'withdrawn'

/** Where each status is listed for staff. */
export const STAFF_GROUP_OF: Record<SuggestionStatus, StaffGroup> = {
  draft: 'drafts',
  returned: 'drafts',
  submitted: 'submitted',
  accepted: 'handling',
  assigned: 'handling',
  rehandling: 'handling',
  replied: 'replied',
  closed: 'closed',
  withdrawn: 'withdrawn',
}

const GROUP_TITLE: Record<StaffGroup, MessageKey> = {
  submitted: 'suggestionDraft.group.submitted',
  handling: 'suggestionDraft.group.handling',
  replied: 'suggestionDraft.group.replied',
  closed: 'suggestionDraft.group.closed',
  drafts: 'suggestionDraft.group.drafts',
  withdrawn: 'suggestionDraft.group.withdrawn',
}

function ListLinks() {
  const { t } = useI18n()
  return (
    <ul class="sg-links" id="suggestion-links">
      <li>
        <a href="/suggestions/new" class="button" id="new-suggestion">
          {t('suggestionDraft.list.new')}
        </a>
      </li>
      <li>
        <a href="/suggestions/finder" id="suggestion-finder-link">
          {t('suggestionDraft.list.finder')}
        </a>
      </li>
      <li>
        <a href="/m/suggestions" id="suggestion-public-link">
          {t('suggestionDraft.list.public')}
        </a>
      </li>
    </ul>
  )
}

export type Invitation = SuggestionListItem

/** A deputy's suggestions: those they lead, invitations waiting for their answer, those they co-signed. */
export function DeputySuggestionsPage(p: {
  led: SuggestionListItem[]
  invitations: Invitation[]
  cosigned: SuggestionListItem[]
  notice?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('suggestionDraft.list.title')}>
      <SuggestionStyles />
      <SuggestionNotice text={p.notice} id="suggestion-notice" />
      <ListLinks />
      <section aria-labelledby="invitations-title" id="suggestion-invitations">
        <h2 id="invitations-title">{t('suggestionDraft.list.invitations')}</h2>
        {p.invitations.length === 0 ? (
          <p>{t('suggestionDraft.list.empty')}</p>
        ) : (
          <ul class="sg-invitations">
            {p.invitations.map((s) => (
              <li id={`invitation-${s.id}`}>
                <p>
                  <a href={`/suggestions/${s.id}`}>{s.title || t('suggestion.untitled')}</a>
                  <br />
                  {t('suggestionDraft.list.invitedBy', { lead: s.leadDeputyName })}
                </p>
                <CosignButtons id={s.id} title={s.title || t('suggestion.untitled')} back="list" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="led-title">
        <h2 id="led-title">{t('suggestionDraft.list.led')}</h2>
        <SuggestionTable
          rows={p.led}
          id="suggestions-led"
          caption={t('suggestionDraft.list.led')}
          showLead={false}
        />
      </section>
      <section aria-labelledby="cosigned-title">
        <h2 id="cosigned-title">{t('suggestionDraft.list.cosigned')}</h2>
        <SuggestionTable
          rows={p.cosigned}
          id="suggestions-cosigned"
          caption={t('suggestionDraft.list.cosigned')}
        />
      </section>
    </StaffLayout>
  )
}

/** 确认联名 / 谢绝, each a one-button form; `title` tells screen readers which suggestion. */
export function CosignButtons({ id, title, back }: { id: number; title: string; back: 'list' | 'detail' }) {
  const { t } = useI18n()
  return (
    <div class="sg-cosign-buttons">
      {(['confirm', 'decline'] as const).map((answer) => (
        <form method="post" action={`/suggestions/${id}/cosign`}>
          <CsrfField />
          <input type="hidden" name="answer" value={answer} />
          <input type="hidden" name="back" value={back} />
          <button
            type="submit"
            class={answer === 'confirm' ? 'button' : 'button secondary'}
            id={`cosign-${answer}-${id}`}
          >
            {t(answer === 'confirm' ? 'suggestionDraft.cosign.confirm' : 'suggestionDraft.cosign.decline')}
            <span class="visually-hidden"> {title}</span>
          </button>
        </form>
      ))}
    </div>
  )
}

/** Staff's view: their stations' suggestions by status group (the street office sees 待审核 first). */
export function StaffSuggestionsPage(p: {
  groups: { group: StaffGroup; rows: SuggestionListItem[] }[]
  notice?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('suggestionDraft.list.title')}>
      <SuggestionStyles />
      <SuggestionNotice text={p.notice} id="suggestion-notice" />
      <p>{t('suggestionDraft.list.staffIntro')}</p>
      <ListLinks />
      {p.groups.map(({ group, rows }) => (
        <section aria-labelledby={`group-${group}-title`} id={`group-${group}`}>
          <h2 id={`group-${group}-title`}>
            {t(GROUP_TITLE[group])} <span class="fu-badge">{rows.length}</span>
          </h2>
          <SuggestionTable rows={rows} id={`suggestions-${group}`} caption={t(GROUP_TITLE[group])} />
        </section>
      ))}
    </StaffLayout>
  )
}
