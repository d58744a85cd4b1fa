import type { Child } from 'hono/jsx'
import type { PersonKey } from '../../../server/domain/roster/types.ts'
import { useI18n } from '../../i18n/index.ts'
import { LOCALE_HTML_LANG } from '../../i18n/locales.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'

export type StationInfo = { id: number; name: string; timeZone: string }
export type PeopleMap = ReadonlyMap<PersonKey, { name: string; kind: 'account' | 'deputy' }>
export type SlotNames = { code: string; nameZhHans: string; nameZhHant: string; nameEn: string }

export type RosterTab = 'month' | 'gaps' | 'fairness' | 'swaps' | 'overrides' | 'absences' | 'setup'

/** Page frame for a station's roster screens: the staff layout and the roster's own tabs. */
export function RosterShell({
  station,
  tab,
  title,
  children,
}: {
  station: StationInfo
  tab: RosterTab
  title: string
  children: Child
}) {
  const { t } = useI18n()
  const base = `/staff/stations/${station.id}/roster`
  const tabs: [RosterTab, string, string][] = [
    ['month', base, t('roster.nav.month')],
    ['gaps', `${base}/gaps`, t('roster.nav.gaps')],
    ['fairness', `${base}/fairness`, t('roster.nav.fairness')],
    ['swaps', `${base}/swaps`, t('roster.nav.swaps')],
    ['overrides', `${base}/overrides`, t('roster.nav.overrides')],
    ['absences', `${base}/absences`, t('roster.nav.absences')],
    ['setup', `${base}/setup`, t('roster.nav.setup')],
  ]
  return (
    <StaffLayout title={title}>
      <p class="roster-station">{station.name}</p>
      <nav class="roster-nav" aria-label={t('roster.nav.label')} id="roster-nav">
        <ul>
          {tabs.map(([key, href, label]) => (
            <li>
              <a href={href} aria-current={key === tab ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </StaffLayout>
  )
}

/** A person's name, marked when they are a deputy; "unknown" for a person no longer on file. */
export function PersonName({ person, people }: { person: PersonKey | null; people: PeopleMap }) {
  const { t } = useI18n()
  if (!person) return <span class="roster-nobody">{t('roster.nobody')}</span>
  const p = people.get(person)
  if (!p) return <span>{t('roster.person.unknown')}</span>
  return <span>{p.kind === 'deputy' ? t('roster.person.deputy', { name: p.name }) : p.name}</span>
}

/** A local date written out in the reader's language, e.g. 11月26日 周四 / Thu 26 November. */
export function useDateLabel() {
  const { dateTime } = useI18n()
  return (
    date: string,
    opts: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', weekday: 'short' },
  ) => dateTime(new Date(`${date}T12:00:00Z`), 'UTC', opts)
}

/** The slot's name in the reader's language, or its code when it has none on file. */
export function useSlotName(defs: readonly SlotNames[]) {
  const { name } = useI18n()
  return (code: string) => {
    const def = defs.findLast((d) => d.code === code)
    return def ? name(def) : code
  }
}

/** A confirmation after a change, announced politely. */
export const SavedNotice = ({ text }: { text?: string | undefined }) =>
  text ? (
    <p class="notice notice-ok" role="status" id="roster-notice">
      {text}
    </p>
  ) : null

/** A form-level error that belongs to no single field. */
export const FormProblem = ({ text }: { text?: string | undefined }) =>
  text ? (
    <p class="notice notice-error" role="alert" id="roster-problem">
      {text}
    </p>
  ) : null

/** Joins items as a list in the reader's language: 周一、周二和周三 / Mon, Tue and Wed. */
export function useListJoin() {
  const { locale } = useI18n()
  const format = new Intl.ListFormat(LOCALE_HTML_LANG[locale], { style: 'short', type: 'conjunction' })
  return (items: readonly string[]) => format.format(items)
}
