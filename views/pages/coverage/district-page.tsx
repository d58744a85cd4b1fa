import type { PlaceKind } from '../../../db/enums.ts'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { placeKindLabel } from '../places/place-labels.ts'
import {
  type CoveragePeriod,
  CoverageStyles,
  Definitions,
  PeriodForm,
  PeriodText,
} from './coverage-parts.tsx'
import { KindMonthChart } from './kind-month-chart.tsx'

export type CoverageRowView = {
  placeId: number
  name: string
  kind: PlaceKind
  lastContact: string | null
  daysSince: number | null
  contactsInPeriod: number
  unreached: boolean
}

export type DistrictCoveragePageProps = {
  heading: string
  districts: { id: number; name: string; current: boolean }[]
  districtId: number | null
  period: CoveragePeriod
  unreachedDays: number
  rows: CoverageRowView[]
  chart: { months: string[]; counts: Partial<Record<PlaceKind, number[]>> }
  deputies: { id: number; name: string; placesReached: number; placesOfDistricts: number }[]
  gridHref: string | null
  error?: string
}

/** One district's places with their last contact, unreached first, and the contacts chart. */
export function DistrictCoveragePage(p: DistrictCoveragePageProps) {
  const { t } = useI18n()
  const q = `from=${p.period.from}&to=${p.period.to}`
  const unreached = p.rows.filter((r) => r.unreached).length
  const contacts = p.rows.reduce((s, r) => s + r.contactsInPeriod, 0)
  return (
    <StaffLayout title={p.heading}>
      <CoverageStyles />
      {p.error ? (
        <p class="notice notice-error" role="alert" id="coverage-error">
          {p.error}
        </p>
      ) : null}
      {p.districts.length ? (
        <nav aria-label={t('coverage.chooseDistrict')} class="cv-districts">
          <ul class="actions">
            {p.districts.map((d) => (
              <li>
                <a href={`/coverage?district=${d.id}&${q}`} aria-current={d.current ? 'page' : undefined}>
                  {d.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p id="coverage-none">{t('coverage.noDistricts')}</p>
      )}
      {p.districtId !== null ? (
        <>
          <PeriodForm base="/coverage" period={p.period} keep={{ district: String(p.districtId) }} />
          <PeriodText period={p.period} />
          <p id="coverage-summary">
            <strong>{t('coverage.summary', { places: p.rows.length, unreached, contacts })}</strong>
          </p>
          {p.gridHref ? (
            <p>
              <a href={p.gridHref} id="coverage-grid-link">
                {t('coverage.gridLink')}
              </a>
            </p>
          ) : null}
          <table class="fu-table cv-places" id="coverage-places">
            <caption class="visually-hidden">{p.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.col.place')}</th>
                <th scope="col">{t('coverage.col.kind')}</th>
                <th scope="col">{t('coverage.col.last')}</th>
                <th scope="col">{t('coverage.col.daysSince')}</th>
                <th scope="col">{t('coverage.col.contacts')}</th>
                <th scope="col">{t('coverage.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-place={r.placeId} class={r.unreached ? 'cv-unreached' : undefined}>
                  <th scope="row">{r.name}</th>
                  <td>{placeKindLabel(t, r.kind)}</td>
                  <td>{r.lastContact ?? t('coverage.never')}</td>
                  <td>{r.daysSince ?? '—'}</td>
                  <td>{r.contactsInPeriod}</td>
                  <td>
                    {r.unreached ? (
                      <strong class="fu-badge fu-badge-overdue">{t('coverage.state.unreached')}</strong>
                    ) : (
                      t('coverage.state.reached')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('coverage.chart.title')}</h2>
          <KindMonthChart months={p.chart.months} counts={p.chart.counts} />
          {p.deputies.length ? (
            <section aria-labelledby="cv-deputies">
              <h2 id="cv-deputies">{t('coverage.deputies')}</h2>
              <ul class="cv-deputy-list">
                {p.deputies.map((d) => (
                  <li>
                    <a href={`/coverage/deputy/${d.id}?${q}`}>{d.name}</a> {t('coverage.deputy.places')}:{' '}
                    {t('coverage.deputy.placesValue', { n: d.placesReached, of: d.placesOfDistricts })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      <Definitions unreachedDays={p.unreachedDays} />
    </StaffLayout>
  )
}
