import type { Child } from 'hono/jsx'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { Document, type ShareMeta } from '../document.tsx'
import { useI18n } from '../i18n/index.ts'

/**
 * Residents' pages on their own phone (issue 16), under /m/: 360–430 px, inside WeChat's browser,
 * plain links and forms, no htmx. `share` feeds the link preview when the page is shared.
 */
export function MobileLayout({
  title,
  children,
  share,
  scripts,
  heading,
  styles,
}: {
  title: string
  children: Child
  share?: ShareMeta | undefined
  scripts?: string[]
  /** The h1's content when it needs markup (a code kept on one line); `title` otherwise. */
  heading?: Child
  /** Extra stylesheets of one area of pages, under /static. */
  styles?: string[]
}) {
  const { t } = useI18n()
  return (
    <Document title={title} variant="mobile" share={share} scripts={scripts ?? []}>
      {(styles ?? []).map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="m-header">
        <a class="m-brand" href="/m/">
          {t('app.name')}
        </a>
        <LanguageSwitch id="m-language-switch" />
      </header>
      <main id="main" class="m-main">
        <h1>{heading ?? title}</h1>
        {children}
      </main>
    </Document>
  )
}
