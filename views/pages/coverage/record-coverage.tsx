import type { CoverageCounts } from '../../../server/coverage-figures.ts'
import { useI18n } from '../../i18n/index.ts'
import { percent } from '../followup/labels.ts'

/** The coverage counts in a record (履职档案) or the public monthly report: numbers only. */
export function CoverageCountsBlock({
  c,
  href,
  unreachedDays,
  public: isPublic = false,
}: {
  c: CoverageCounts
  href?: string
  unreachedDays: number
  public?: boolean
}) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="cv-record-title" id="record-coverage">
      <h2 id="cv-record-title">{isPublic ? t('coverage.report.heading') : t('coverage.record.heading')}</h2>
      <p id="cv-record-places">
        {t('coverage.report.places', {
          places: c.places,
          reached: c.placesReached,
          unreached: c.unreached,
          n: unreachedDays,
        })}
      </p>
      <p id="cv-record-visits">
        {t('coverage.report.visits', {
          planned: c.visits.planned,
          held: c.visits.held,
          cancelled: c.visits.cancelled,
          contacts: c.contacts,
        })}
      </p>
      {c.topPlaceShare !== null || c.ownPlacesShare !== null ? (
        <p id="cv-record-concentration">
          {t('coverage.deputy.top')}: {percent(c.topPlaceShare)} · {t('coverage.deputy.own')}:{' '}
          {percent(c.ownPlacesShare)} (n = {c.contacts})
        </p>
      ) : null}
      {href ? (
        <p>
          <a href={href} id="cv-record-link">
            {t('coverage.title')}
          </a>
        </p>
      ) : null}
    </section>
  )
}
