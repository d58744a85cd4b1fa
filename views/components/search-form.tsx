import { SEARCH_MAX } from '../../server/domain/staff-search.ts'
import { useI18n } from '../i18n/index.ts'

/** The search box of the staff layout's header and of the search page: GET /staff/search?q=. */
export function SearchForm({ q = '', id }: { q?: string; id: string }) {
  const { t } = useI18n()
  return (
    <search>
      <form method="get" action="/staff/search" class="staff-search">
        <label for={id} class="visually-hidden">
          {t('search.label')}
        </label>
        <input
          type="search"
          id={id}
          name="q"
          value={q}
          maxlength={SEARCH_MAX}
          placeholder={t('search.placeholder')}
          autocomplete="off"
        />
        <button type="submit">{t('search.submit')}</button>
      </form>
    </search>
  )
}
