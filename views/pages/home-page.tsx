import { useI18n } from '../i18n/index.ts'
import { StaffLayout } from '../layouts/staff-layout.tsx'
import { usePage } from '../page-context.ts'

export type HomeLink = { href: string; label: string }

/** Landing page after log-in: a person's stations and the screens their role opens. */
export function HomePage({ stations }: { stations: HomeLink[] }) {
  const { t } = useI18n()
  const { account } = usePage()
  return (
    <StaffLayout title={t('home.title')}>
      <p>{t('home.welcome', { name: account?.displayName ?? '' })}</p>
      <h2>{t('home.stations')}</h2>
      {stations.length === 0 ? (
        <p>{t('home.noStations')}</p>
      ) : (
        <ul class="cards" id="home-stations">
          {stations.map((s) => (
            <li>{s.href ? <a href={s.href}>{s.label}</a> : <span class="card">{s.label}</span>}</li>
          ))}
        </ul>
      )}
    </StaffLayout>
  )
}
