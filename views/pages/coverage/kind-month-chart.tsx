import { PLACE_KINDS, type PlaceKind } from '../../../db/enums.ts'
import { niceMax } from '../../components/bar-chart.tsx'
import { useI18n } from '../../i18n/index.ts'
import { placeKindLabel } from '../places/place-labels.ts'

const FONT = 'system-ui, sans-serif'
/** One colour per kind of place, each at least 4.5:1 on white. */
const COLOURS: Record<PlaceKind, string> = {
  community: '#0b3d91',
  village: '#2e6b1f',
  estate: '#6a1b9a',
  firm: '#b35900',
  school: '#00727d',
  market: '#ad1457',
  other: '#5d4037',
}

/**
 * Contacts per month, one stacked bar per month with a segment per kind of place, drawn on the
 * server like views/components/bar-chart.tsx; the table after it holds the same numbers.
 */
export function KindMonthChart({
  months,
  counts,
}: {
  months: string[]
  counts: Partial<Record<PlaceKind, number[]>>
}) {
  const { t } = useI18n()
  const kinds = PLACE_KINDS.filter((k) => counts[k])
  const total = months.map((_, i) => kinds.reduce((s, k) => s + (counts[k]![i] ?? 0), 0))
  const width = 720
  const height = 300
  const left = 40
  const top = 64
  const bottom = 32
  const plotW = width - left - 16
  const plotH = height - top - bottom
  const max = niceMax(Math.max(0, ...total))
  const groupW = plotW / Math.max(1, months.length)
  const barW = Math.min(48, groupW - 12)
  const h = (v: number) => (v / max) * plotH
  const desc = months
    .map((m, i) =>
      t('coverage.chart.line', {
        month: m,
        counts: kinds.map((k) => `${placeKindLabel(t, k)} ${counts[k]![i] ?? 0}`).join(', '),
      }),
    )
    .join('; ')
  return (
    <figure class="fu-figure" id="coverage-chart-figure">
      <svg
        id="coverage-chart"
        class="fu-chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="coverage-chart-title coverage-chart-desc"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="coverage-chart-title">{t('coverage.chart.title')}</title>
        <desc id="coverage-chart-desc">{desc}</desc>
        {kinds.map((k, i) => (
          <g>
            <rect
              x={left + (i % 4) * 170}
              y={6 + Math.floor(i / 4) * 22}
              width={14}
              height={14}
              fill={COLOURS[k]}
            />
            <text
              x={left + (i % 4) * 170 + 20}
              y={18 + Math.floor(i / 4) * 22}
              font-size="13"
              font-family={FONT}
              fill="#111111"
            >
              {placeKindLabel(t, k)}
            </text>
          </g>
        ))}
        {[0, max / 2, max]
          .filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i)
          .map((v) => (
            <g>
              <line
                x1={left}
                x2={width - 16}
                y1={top + plotH - h(v)}
                y2={top + plotH - h(v)}
                stroke="#c8c8c8"
              />
              <text
                x={left - 6}
                y={top + plotH - h(v) + 4}
                font-size="12"
                text-anchor="end"
                font-family={FONT}
                fill="#4a4a4a"
              >
                {v}
              </text>
            </g>
          ))}
        {months.map((m, mi) => {
          const x = left + mi * groupW + (groupW - barW) / 2
          let base = top + plotH
          return (
            <g>
              {kinds.map((k) => {
                const v = counts[k]![mi] ?? 0
                base -= h(v)
                return v > 0 ? <rect x={x} y={base} width={barW} height={h(v)} fill={COLOURS[k]} /> : null
              })}
              {total[mi]! > 0 ? (
                <text
                  x={x + barW / 2}
                  y={top + plotH - h(total[mi]!) - 4}
                  font-size="12"
                  text-anchor="middle"
                  font-family={FONT}
                  fill="#111111"
                >
                  {total[mi]}
                </text>
              ) : null}
              <text
                x={left + mi * groupW + groupW / 2}
                y={height - bottom + 18}
                font-size="12"
                text-anchor="middle"
                font-family={FONT}
                fill="#111111"
              >
                {m}
              </text>
            </g>
          )
        })}
        <line x1={left} x2={width - 16} y1={top + plotH} y2={top + plotH} stroke="#111111" />
      </svg>
      <figcaption>{t('coverage.chart.caption')}</figcaption>
      <table class="fu-table" id="coverage-chart-table">
        <caption class="visually-hidden">{t('coverage.chart.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.chart.month')}</th>
            {kinds.map((k) => (
              <th scope="col">{placeKindLabel(t, k)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m, i) => (
            <tr>
              <th scope="row">{m}</th>
              {kinds.map((k) => (
                <td>{counts[k]![i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
