import { useI18n } from '../i18n/index.ts'
import { LOCALE_HTML_LANG, LOCALE_LABELS, LOCALES } from '../i18n/locales.ts'
import { usePage } from '../page-context.ts'

/** Links that set the language cookie and come back to the same page; each label in its own language. */
export function LanguageSwitch({ id = 'language-switch' }: { id?: string }) {
  const { t, locale } = useI18n()
  const page = usePage()
  const back = encodeURIComponent(page.path + page.query)
  return (
    <nav class="language-switch" id={id} aria-label={t('nav.language')}>
      <ul>
        {LOCALES.map((l) => (
          <li>
            <a
              href={`/lang/${l}?next=${back}`}
              lang={LOCALE_HTML_LANG[l]}
              aria-current={l === locale ? 'true' : undefined}
            >
              {LOCALE_LABELS[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
