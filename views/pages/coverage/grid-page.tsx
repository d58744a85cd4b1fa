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

/** A street's places × months grid (reached / not), printable on A4 landscape. */
export function CoverageGridPage(p: {
  heading: string
  streetId: number
  period: CoveragePeriod
  months: string[]
  rows: { placeId: number; name: string; kind: PlaceKind; district: string; reached: boolean[] }[]
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
      <PeriodForm base="/coverage/grid" period={p.period} keep={{ street: String(p.streetId) }} />
      <PeriodText period={p.period} />
      <p id="coverage-grid-legend">{t('coverage.grid.legend')}</p>
      <table class="fu-table cv-grid" id="coverage-grid">
        <caption class="visually-hidden">{p.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.col.district')}</th>
            <th scope="col">{t('coverage.col.place')}</th>
            <th scope="col">{t('coverage.col.kind')}</th>
            {p.months.map((m) => (
              <th scope="col">{m}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr data-place={r.placeId}>
              <td>{r.district}</td>
              <th scope="row">{r.name}</th>
              <td>{placeKindLabel(t, r.kind)}</td>
              {r.reached.map((yes) => (
                <td class={yes ? 'cv-yes' : 'cv-no'}>
                  <span aria-hidden="true">{yes ? '●' : '○'}</span>
                  <span class="visually-hidden">
                    {yes ? t('coverage.grid.reached') : t('coverage.grid.notReached')}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Definitions unreachedDays={p.unreachedDays} />
    </StaffLayout>
  )
}
