import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'

export type AdminCounts = {
  stations: number
  districts: number
  deputies: number
  places: number
  accounts: number
  units: number
  topics: number
  closures: number
  kiosks: number
}

/** The administration start page: one card per area, each with how many entries it holds. */
export function AdminIndexPage({ counts }: { counts: AdminCounts }) {
  const { t } = useI18n()
  const areas = [
    {
      href: '/admin/stations',
      title: t('admin.stations.title'),
      body: t('admin.stations.intro'),
      n: counts.stations,
    },
    {
      href: '/admin/districts',
      title: t('admin.districts.title'),
      body: t('admin.districts.intro'),
      n: counts.districts,
    },
    {
      href: '/admin/deputies',
      title: t('admin.deputies.title'),
      body: t('admin.deputies.intro'),
      n: counts.deputies,
    },
    {
      href: '/admin/places',
      title: t('admin.places.title'),
      body: t('admin.places.intro'),
      n: counts.places,
    },
    {
      href: '/admin/accounts',
      title: t('admin.accounts.title'),
      body: t('admin.accounts.intro'),
      n: counts.accounts,
    },
    { href: '/admin/units', title: t('admin.units.title'), body: t('admin.units.intro'), n: counts.units },
    {
      href: '/admin/topics',
      title: t('admin.topics.title'),
      body: t('admin.topics.intro'),
      n: counts.topics,
    },
    {
      href: '/admin/closures',
      title: t('admin.closures.title'),
      body: t('admin.closures.intro'),
      n: counts.closures,
    },
    {
      href: '/admin/kiosks',
      title: t('admin.kiosks.title'),
      body: t('admin.kiosks.intro'),
      n: counts.kiosks,
    },
    // The log grows with every page view of personal data: not counted here.
    { href: '/admin/audit', title: t('admin.audit.title'), body: t('admin.audit.intro'), n: null },
  ]
  return (
    <StaffLayout title={t('admin.title')}>
      <ul class="cards admin-areas" id="admin-areas">
        {areas.map((a) => (
          <li>
            <a href={a.href}>
              <strong class="card-title">{a.title}</strong>
              {a.n === null ? null : <span class="card-count">{t('admin.count', { n: a.n })}</span>}
              <span class="card-body">{a.body}</span>
            </a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  )
}
