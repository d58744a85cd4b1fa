import { useI18n } from '../../i18n/index.ts'

/** The coverage pages' stylesheet (the follow-up one for tables and figures, plus the grid's). */
export const CoverageStyles = () => (
  <>
    <link rel="stylesheet" href="/static/followup.css" />
    <link rel="stylesheet" href="/static/coverage.css" />
  </>
)

export type CoveragePeriod = { from: string; to: string; asOf: string }

/** Period chooser; `to` is the last day included. Extra fields keep the page's other choices. */
export function PeriodForm({
  base,
  period,
  keep = {},
}: {
  base: string
  period: CoveragePeriod
  keep?: Record<string, string>
}) {
  const { t } = useI18n()
  return (
    <form method="get" action={base} class="fu-filter cv-noprint" id="coverage-period">
      {Object.entries(keep).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="field">
        <label for="cv-from">{t('followup.record.from')}</label>
        <input type="date" id="cv-from" name="from" value={period.from} required />
      </div>
      <div class="field">
        <label for="cv-to">{t('followup.record.to')}</label>
        <input type="date" id="cv-to" name="to" value={period.to} required />
      </div>
      <button type="submit">{t('followup.record.show')}</button>
    </form>
  )
}

export function PeriodText({ period }: { period: CoveragePeriod }) {
  const { t } = useI18n()
  return (
    <p id="coverage-period-text">
      {t('coverage.period', { from: period.from, to: period.to, asOf: period.asOf })}
    </p>
  )
}

/** What a contact is and when a place is unreached, written on every coverage page. */
export function Definitions({ unreachedDays }: { unreachedDays: number }) {
  const { t } = useI18n()
  return (
    <section class="cv-definitions" aria-labelledby="cv-def-title" id="coverage-definitions">
      <h2 id="cv-def-title">{t('coverage.definitionTitle')}</h2>
      <p>{t('coverage.definition')}</p>
      <p>{t('coverage.unreachedRule', { n: unreachedDays })}</p>
    </section>
  )
}
