import type { PublicSuggestion } from '../../../db/queries/suggestion-public.ts'
import { PUBLIC_STATUS_GROUPS, type PublicStatusGroup } from '../../../server/domain/suggestion-public.ts'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { SUGGESTION_PUBLIC_STYLES, SuggestionBadge, SuggestionFacts } from './public-parts.tsx'

const GROUP: Record<PublicStatusGroup, MessageKey> = {
  handling: 'sgpub.group.handling',
  replied: 'sgpub.group.replied',
  closed: 'sgpub.group.closed',
}

export type PublicListView = {
  items: PublicSuggestion[]
  total: number
  group: PublicStatusGroup | null
  year: number | null
  years: number[]
  page: number
  pages: number
  shareImage: string
}

/** The list's URL with these filters (plain links: no script on a resident's phone). */
export const listHref = (f: { group: PublicStatusGroup | null; year: number | null; page?: number }) => {
  const q = new URLSearchParams()
  if (f.group) q.set('status', f.group)
  if (f.year) q.set('year', String(f.year))
  if (f.page && f.page > 1) q.set('page', String(f.page))
  const s = q.toString()
  return s ? `/m/suggestions?${s}` : '/m/suggestions'
}

function FilterLinks({
  id,
  label,
  links,
}: {
  id: string
  label: string
  links: { href: string; text: string; current: boolean }[]
}) {
  return (
    <nav class="sgp-filter" aria-labelledby={`${id}-label`} id={id}>
      <p id={`${id}-label`} class="sgp-filter-label">
        {label}
      </p>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.current ? 'page' : undefined}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** /m/suggestions — every filed suggestion, newest first, on a resident's phone. */
export function PublicSuggestionListPage({ v }: { v: PublicListView }) {
  const { t } = useI18n()
  return (
    <MobileLayout
      title={t('sgpub.list.title')}
      share={{ description: t('sgpub.list.intro'), image: v.shareImage }}
      styles={SUGGESTION_PUBLIC_STYLES}
    >
      <p>{t('sgpub.list.intro')}</p>
      <FilterLinks
        id="sgp-filter-status"
        label={t('sgpub.filter.status')}
        links={[null, ...PUBLIC_STATUS_GROUPS].map((g) => ({
          href: listHref({ group: g, year: v.year }),
          text: g ? t(GROUP[g]) : t('sgpub.filter.all'),
          current: g === v.group,
        }))}
      />
      {v.years.length > 1 ? (
        <FilterLinks
          id="sgp-filter-year"
          label={t('sgpub.filter.year')}
          links={[null, ...v.years].map((y) => ({
            href: listHref({ group: v.group, year: y }),
            text: y ? String(y) : t('sgpub.filter.allYears'),
            current: y === v.year,
          }))}
        />
      ) : null}
      <p class="sgp-count" id="sgp-count">
        {t('sgpub.list.count', { n: v.total })}
      </p>
      {v.items.length === 0 ? (
        <p id="sgp-none">{t('sgpub.list.none')}</p>
      ) : (
        <ul class="sgp-list" id="sgp-list">
          {v.items.map((s) => (
            <li class="sgp-item" id={`sgp-${s.id}`}>
              <SuggestionBadge s={s} />
              <h2 class="sgp-title">
                <a href={`/m/suggestions/${s.id}`}>{s.title}</a>
              </h2>
              <SuggestionFacts s={s} id={`sgp-facts-${s.id}`} />
            </li>
          ))}
        </ul>
      )}
      {v.pages > 1 ? (
        <nav class="sgp-paging" aria-label={t('sgpub.paging')} id="sgp-paging">
          {v.page > 1 ? (
            <a
              class="m-button"
              rel="prev"
              href={listHref({ group: v.group, year: v.year, page: v.page - 1 })}
            >
              {t('sgpub.page.prev')}
            </a>
          ) : null}
          <p>{t('sgpub.page.of', { page: v.page, pages: v.pages })}</p>
          {v.page < v.pages ? (
            <a
              class="m-button"
              rel="next"
              href={listHref({ group: v.group, year: v.year, page: v.page + 1 })}
            >
              {t('sgpub.page.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </MobileLayout>
  )
}
