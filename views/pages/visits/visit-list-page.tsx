import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { VisitStyles } from './visit-assets.tsx'

/** One visit as a list shows it; every text already in the reader's language. */
export type VisitListItem = {
  id: number
  when: string
  place: string
  kind: string
  status: string
  deputies: string
  note: string
}

export type VisitGroups = { upcoming: VisitListItem[]; awaitingLog: VisitListItem[]; logged: VisitListItem[] }

type Props = { title: string; planHref: string; groups: VisitGroups; back?: { href: string; label: string } }

/**
 * A deputy's "my visits" and a station's visits: coming up, over and waiting for their log, and
 * logged. Large cards, one tap to open a visit (deputies read this on their phones).
 */
export function VisitListPage({ title, planHref, groups, back }: Props) {
  const { t } = useI18n()
  const sections = [
    ['upcoming', t('visit.list.upcoming'), groups.upcoming],
    ['awaiting', t('visit.list.awaitingLog'), groups.awaitingLog],
    ['logged', t('visit.list.logged'), groups.logged],
  ] as const
  const empty = sections.every(([, , items]) => items.length === 0)
  return (
    <StaffLayout title={title}>
      <VisitStyles />
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
      <p>
        <a class="button visit-big-button" href={planHref} id="visit-plan-link">
          {t('visit.plan.link')}
        </a>
      </p>
      {empty ? <p class="visit-empty">{t('visit.mine.none')}</p> : null}
      {empty
        ? null
        : sections.map(([id, heading, items]) => (
            <section class="visit-section" id={`visits-${id}`} aria-labelledby={`visits-${id}-h`}>
              <h2 id={`visits-${id}-h`}>
                {heading} ({items.length})
              </h2>
              {items.length === 0 ? (
                <p>{t('visit.list.none')}</p>
              ) : (
                <ul class="visit-cards">
                  {items.map((v) => (
                    <li class="visit-card">
                      <a href={`/visits/${v.id}`} class="visit-card-link">
                        <span class="visit-card-when">{v.when}</span>
                        <span class="visit-card-place">{v.place}</span>
                        <span class="visit-card-meta">
                          {v.kind} · {v.status} · {v.deputies}
                        </span>
                        {v.note ? <span class="visit-card-note">{v.note}</span> : null}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
    </StaffLayout>
  )
}
