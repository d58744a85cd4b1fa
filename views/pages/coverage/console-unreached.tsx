import { useI18n } from '../../i18n/index.ts'

export type UnreachedPlace = { id: number; name: string; daysSince: number | null; planHref: string }

/** On the deputy's console: the places of their districts unreached the longest (weekly nudge). */
export function ConsoleUnreached({ places }: { places: UnreachedPlace[] }) {
  const { t } = useI18n()
  return (
    <section class="cv-console" aria-labelledby="cv-console-title" id="console-unreached">
      <h2 id="cv-console-title">{t('coverage.console.heading')}</h2>
      {places.length === 0 ? (
        <p>{t('coverage.console.none')}</p>
      ) : (
        <ul>
          {places.map((p) => (
            <li>
              {p.daysSince === null
                ? t('coverage.nudge.never', { place: p.name })
                : t('coverage.nudge.sinceDays', { place: p.name, n: p.daysSince })}{' '}
              <a href={p.planHref}>{t('coverage.console.plan')}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
