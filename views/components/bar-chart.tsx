/**
 * Bar charts drawn on the server as SVG: no script, no web font, readable in print. Each chart is
 * one image to assistive technology (role="img") named by its <title> and described in words by
 * its <desc>, and the page shows the same numbers in a table beside it.
 */

export type ChartSeries = { name: string; values: number[]; tone: 'primary' | 'secondary' }

const TONES = { primary: '#0b3d91', secondary: '#b35900' } as const
const FONT = 'system-ui, sans-serif'

/** Rounds an axis maximum up to 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(value))
  for (const m of [1, 2, 5, 10]) if (m * p >= value) return m * p
  return 10 * p
}

/** Vertical grouped bars, one group per category (e.g. a week), one bar per series. */
export function GroupedBarChart({
  id,
  title,
  description,
  categories,
  series,
}: {
  id: string
  title: string
  description: string
  categories: string[]
  series: ChartSeries[]
}) {
  const width = 720
  const height = 280
  const left = 40
  const bottom = 48
  const top = 40
  const plotW = width - left - 16
  const plotH = height - top - bottom
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)))
  const groupW = plotW / Math.max(1, categories.length)
  const barW = Math.min(28, (groupW - 12) / Math.max(1, series.length))
  const y = (v: number) => top + plotH - (v / max) * plotH
  // Counts are whole numbers, so the axis shows only whole ticks.
  const ticks = [0, max / 2, max].filter((v, i, a) => Number.isInteger(v) && a.indexOf(v) === i)
  return (
    <svg
      id={id}
      class="fu-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {series.map((s, i) => (
        <g>
          <rect x={left + i * 160} y={8} width={16} height={16} fill={TONES[s.tone]} />
          <text x={left + i * 160 + 22} y={21} font-size="14" font-family={FONT} fill="#111111">
            {s.name}
          </text>
        </g>
      ))}
      {ticks.map((v) => (
        <g>
          <line x1={left} x2={width - 16} y1={y(v)} y2={y(v)} stroke="#c8c8c8" />
          <text x={left - 6} y={y(v) + 4} font-size="12" text-anchor="end" font-family={FONT} fill="#4a4a4a">
            {v}
          </text>
        </g>
      ))}
      {categories.map((cat, gi) => {
        const gx = left + gi * groupW + (groupW - barW * series.length) / 2
        return (
          <g>
            {series.map((s, si) => {
              const v = s.values[gi] ?? 0
              return (
                <g>
                  <rect
                    x={gx + si * barW}
                    y={y(v)}
                    width={barW - 2}
                    height={Math.max(0, top + plotH - y(v))}
                    fill={TONES[s.tone]}
                  />
                  {v > 0 ? (
                    <text
                      x={gx + si * barW + (barW - 2) / 2}
                      y={y(v) - 4}
                      font-size="12"
                      text-anchor="middle"
                      font-family={FONT}
                      fill="#111111"
                    >
                      {v}
                    </text>
                  ) : null}
                </g>
              )
            })}
            <text
              x={left + gi * groupW + groupW / 2}
              y={height - bottom + 18}
              font-size="12"
              text-anchor="middle"
              font-family={FONT}
              fill="#111111"
            >
              {cat}
            </text>
          </g>
        )
      })}
      <line x1={left} x2={width - 16} y1={top + plotH} y2={top + plotH} stroke="#111111" />
    </svg>
  )
}

export type HorizontalBar = { label: string; value: number | null; note: string; muted: boolean }

/** Horizontal bars of shares (0–1), one per row, each with its own note (e.g. "n = 12"). */
export function ShareBarChart({
  id,
  title,
  description,
  bars,
}: {
  id: string
  title: string
  description: string
  bars: HorizontalBar[]
}) {
  const rowH = 34
  const width = 720
  const labelW = 160
  const noteW = 180
  const plotW = width - labelW - noteW - 16
  const height = 24 + bars.length * rowH + 24
  return (
    <svg
      id={id}
      class="fu-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {[0, 0.5, 1].map((v) => (
        <g>
          <line x1={labelW + v * plotW} x2={labelW + v * plotW} y1={16} y2={height - 20} stroke="#c8c8c8" />
          <text
            x={labelW + v * plotW}
            y={height - 4}
            font-size="12"
            text-anchor="middle"
            font-family={FONT}
            fill="#4a4a4a"
          >
            {`${v * 100}%`}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const yy = 24 + i * rowH
        return (
          <g>
            <text
              x={labelW - 8}
              y={yy + 17}
              font-size="14"
              text-anchor="end"
              font-family={FONT}
              fill="#111111"
            >
              {b.label}
            </text>
            {b.value !== null ? (
              <rect
                x={labelW}
                y={yy + 4}
                width={Math.max(1, b.value * plotW)}
                height={rowH - 12}
                fill={b.muted ? '#ffffff' : TONES.primary}
                stroke={TONES.primary}
                stroke-width={b.muted ? 2 : 0}
                stroke-dasharray={b.muted ? '6 4' : undefined}
              />
            ) : null}
            <text x={width - noteW + 8} y={yy + 17} font-size="13" font-family={FONT} fill="#111111">
              {b.note}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
