import type { Child } from 'hono/jsx'
import { CsrfField } from '../components/form.tsx'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { SearchForm } from '../components/search-form.tsx'
import { Document } from '../document.tsx'
import { useI18n } from '../i18n/index.ts'
import { usePage } from '../page-context.ts'

/** Desktop layout for staff, deputies and administrators. */
export function StaffLayout({ title, children }: { title: string; children: Child }) {
  const { t } = useI18n()
  const { account } = usePage()
  return (
    <Document title={title} variant="staff">
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          {t('app.name')}
        </a>
        {account ? (
          <nav aria-label={t('nav.main')} class="main-nav">
            <ul>
              <li>
                <a href="/">{t('nav.home')}</a>
              </li>
              <li>
                <a href="/me/duty">{t('roster.nav.myDuty')}</a>
              </li>
              <li>
                <a href="/concerns">{t('followup.nav.concerns')}</a>
              </li>
              {account.role === 'deputy' ? (
                <li>
                  <a href="/me/visits">{t('visit.nav.mine')}</a>
                </li>
              ) : null}
              <li>
                <a href="/suggestions">{t('suggestion.nav')}</a>
              </li>
              <li>
                <a href="/records">{t('followup.nav.records')}</a>
              </li>
              <li>
                <a href="/me/calendar">{t('feeds.nav.calendar')}</a>
              </li>
              {account.role === 'admin' ? (
                <li>
                  <a href="/admin">{t('nav.admin')}</a>
                </li>
              ) : null}
              {account.role === 'admin' ? (
                <li>
                  <a href="/staff/jobs">{t('nav.jobs')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        {account ? <SearchForm id="site-search-q" /> : null}
        <LanguageSwitch />
        {account ? (
          <form method="post" action="/logout" class="logout">
            <CsrfField />
            <span class="who">{t('nav.signedInAs', { name: account.displayName })}</span>
            <a href="/me/notifications">{t('notify.nav')}</a>
            <a href="/me/password">{t('nav.password')}</a>
            <button type="submit" class="link-button">
              {t('nav.logout')}
            </button>
          </form>
        ) : null}
      </header>
      <main id="main" tabindex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </Document>
  )
}
