import type { Child } from 'hono/jsx'
import { useI18n } from './i18n/index.ts'
import { LOCALE_HTML_LANG } from './i18n/locales.ts'
import { usePage } from './page-context.ts'

type Props = { title: string; variant: 'staff' | 'kiosk'; children: Child; scripts?: string[] }

/**
 * The document shell. htmx is served from this server (no CDN); its eval-based features are off
 * and its indicator CSS is not injected, so the strict CSP holds.
 */
export function Document({ title, variant, children, scripts = [] }: Props) {
  const { t, locale } = useI18n()
  const page = usePage()
  const classes = [variant, page.largeText ? 'large-text' : ''].filter(Boolean).join(' ')
  return (
    <html lang={LOCALE_HTML_LANG[locale]} class={classes}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={page.csrfToken} />
        <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
        <title>{`${title} · ${t('app.short')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {variant === 'kiosk' ? <link rel="stylesheet" href="/static/kiosk.css" /> : null}
        <link rel="stylesheet" href="/static/print.css" media="print" />
        <script src="/static/htmx.min.js" defer></script>
        <script src="/static/csrf.js" defer></script>
        {scripts.map((s) => (
          <script src={s} defer></script>
        ))}
      </head>
      <body>{children}</body>
    </html>
  )
}
