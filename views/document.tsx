import type { Child } from 'hono/jsx'
import { useI18n } from './i18n/index.ts'
import { LOCALE_HTML_LANG } from './i18n/locales.ts'
import { usePage } from './page-context.ts'

/** What a link preview in WeChat (or any chat) shows: a description and an image (absolute URL). */
export type ShareMeta = { description: string; image?: string | undefined }

type Props = {
  title: string
  variant: 'staff' | 'kiosk' | 'mobile'
  children: Child
  scripts?: string[]
  share?: ShareMeta | undefined
}

/**
 * The document shell. htmx is served from this server (no CDN); its eval-based features are off
 * and its indicator CSS is not injected, so the strict CSP holds.
 */
export function Document({ title, variant, children, scripts = [], share }: Props) {
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
        {share ? (
          <>
            <meta name="description" content={share.description} />
            <meta property="og:title" content={title} />
            <meta property="og:description" content={share.description} />
            {share.image ? <meta property="og:image" content={share.image} /> : null}
          </>
        ) : null}
        <link rel="stylesheet" href="/static/app.css" />
        {variant === 'kiosk' ? <link rel="stylesheet" href="/static/kiosk.css" /> : null}
        {variant === 'mobile' ? <link rel="stylesheet" href="/static/mobile.css" /> : null}
        <link rel="stylesheet" href="/static/print.css" media="print" />
        {/* Phone pages are plain forms and links: no htmx to fetch on 3G inside WeChat. */}
        {variant === 'mobile' ? null : <script src="/static/htmx.min.js" defer></script>}
        {variant === 'mobile' ? null : <script src="/static/csrf.js" defer></script>}
        {scripts.map((s) => (
          <script src={s} defer></script>
        ))}
      </head>
      <body>{children}</body>
    </html>
  )
}
