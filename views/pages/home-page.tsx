import { type MessageKey, useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'
import { usePage } from '../page-context.ts'

export type HomeLink = { href: string; label: MessageKey }
export type HomeStation = { id: number; name: string; links: HomeLink[] }

/** Landing page after log-in: the screens a person's role opens, then each of their stations. */
export function HomePage({ personal, stations }: { personal: HomeLink[]; stations: HomeStation[] }) {
  const { t } = useI18n()
  const { account } = usePage()
  return (
    <StaffLayout title={t('home.title')}>
      <p>{t('home.welcome', { name: account?.displayName ?? '' })}</p>
      {personal.length > 0 ? (
        <ul class="cards" id="home-personal">
          {personal.map((l) => (
            <li>
              <a href={l.href}>{t(l.label)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('home.stations')}</h2>
      {stations.length === 0 ? (
        <p>{t('home.noStations')}</p>
      ) : (
        <ul class="station-cards" id="home-stations">
          {stations.map((s) => (
            <li id={`home-station-${s.id}`}>
              <h3>{s.name}</h3>
              <ul class="actions">
                {s.links.map((l) => (
                  <li>
                    <a class="button secondary" href={l.href}>
                      {t(l.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  )
}
