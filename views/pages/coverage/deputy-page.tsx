import type { DeputyCoverage } from '../../../server/domain/coverage.ts'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { percent } from '../followup/labels.ts'
import {
  type CoveragePeriod,
  CoverageStyles,
  Definitions,
  PeriodForm,
  PeriodText,
} from './coverage-parts.tsx'

/** The coverage figures of one deputy, each with its n; also shown in their record. */
export function DeputyCoverageFigures({
  c,
  placeName,
  minSample,
}: {
  c: DeputyCoverage
  placeName: (id: number) => string
  minSample: number
}) {
  const { t, locale } = useI18n()
  const small = c.ranked ? null : (
    <span class="fu-badge">{t('coverage.deputy.smallSample', { min: minSample })}</span>
  )
  return (
    <dl class="fu-figures" id="coverage-figures">
      <div>
        <dt>{t('coverage.deputy.places')}</dt>
        <dd id="cv-places">
          <strong>{t('coverage.deputy.placesValue', { n: c.placesReached, of: c.placesOfDistricts })}</strong>
          <span>{t('coverage.deputy.placesNote', { outside: c.placesOutside })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('coverage.deputy.visits')}</dt>
        <dd id="cv-visits">
          <strong>
            {t('coverage.deputy.visitsValue', { planned: c.visits.planned, held: c.visits.held })}
          </strong>
          <span>
            {t('coverage.deputy.visitsNote', {
              pending: c.visits.stillPlanned,
              cancelled: c.visits.cancelled,
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('coverage.deputy.top')}</dt>
        <dd id="cv-top">
          {c.topPlace ? (
            <>
              <strong>{percent(c.topPlace.share)}</strong>
              <span>
                {t('coverage.deputy.topNote', {
                  place: placeName(c.topPlace.placeId),
                  n: c.topPlace.count,
                  of: c.topPlace.of,
                })}
              </span>
              {small}
            </>
          ) : (
            <strong>{t('coverage.deputy.noContacts')}</strong>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('coverage.deputy.own')}</dt>
        <dd id="cv-own">
          {c.ownPlaces.placeIds.length === 0 ? (
            <strong>{t('coverage.deputy.noOwn')}</strong>
          ) : (
            <>
              <strong>{percent(c.ownPlaces.share)}</strong>
              <span>
                {c.ownPlaces.placeIds.map(placeName).join(locale === 'en' ? ', ' : '、')} ·{' '}
                {t('coverage.deputy.ownNote', { n: c.ownPlaces.count, of: c.ownPlaces.of })}
              </span>
              {small}
            </>
          )}
        </dd>
      </div>
    </dl>
  )
}

export function DeputyCoveragePage(p: {
  heading: string
  base: string
  period: CoveragePeriod
  coverage: DeputyCoverage
  placeNames: Record<number, string>
  minSample: number
  unreachedDays: number
  error?: string
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={p.heading}>
      <CoverageStyles />
      {p.error ? (
        <p class="notice notice-error" role="alert" id="coverage-error">
          {p.error}
        </p>
      ) : null}
      <PeriodForm base={p.base} period={p.period} />
      <PeriodText period={p.period} />
      <DeputyCoverageFigures
        c={p.coverage}
        placeName={(id) => p.placeNames[id] ?? String(id)}
        minSample={p.minSample}
      />
      <section class="cv-definitions" aria-labelledby="cv-conc-title">
        <h2 id="cv-conc-title">{t('coverage.deputy.top')}</h2>
        <p id="coverage-concentration-definition">
          {t('coverage.deputy.concentrationDefinition', { min: p.minSample })}
        </p>
      </section>
      <Definitions unreachedDays={p.unreachedDays} />
    </StaffLayout>
  )
}
