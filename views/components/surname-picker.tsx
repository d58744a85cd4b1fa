import { COMMON_SURNAMES, HONORIFICS, SURNAMES_PER_PAGE } from '../../server/domain/common-surnames.ts'
import { useI18n } from '../i18n/index.ts'

/** The stylesheet and device script of the surname grid and the phrase chips. */
export const NamesChipsAssets = () => (
  <>
    <link rel="stylesheet" href="/static/names-chips.css" />
    <script src="/static/names-chips.js" defer></script>
  </>
)

/** The surname and honorific a stored name is made of, when it is one the grid can show as chosen. */
function chosenParts(name: string): { surname: string; honorific: string } {
  const value = name.trim()
  for (const h of HONORIFICS)
    if (value.endsWith(h)) {
      const surname = value.slice(0, -h.length)
      if (COMMON_SURNAMES.some((s) => s.zhHans === surname)) return { surname, honorific: h }
    }
  return COMMON_SURNAMES.some((s) => s.zhHans === value)
    ? { surname: value, honorific: '' }
    : { surname: '', honorific: '' }
}

/**
 * A grid of the most common surnames and 先生 / 女士 that fill the form's text field `forName`
 * (kiosk/names-chips.js): a resident without a keyboard taps their name together. The field stays a
 * real input, so a physical keyboard still types into it. The stored name is always the simplified
 * surname and the Chinese honorific (陈女士), whatever the screen's language (decision 0025).
 */
export function SurnamePicker({ forName, value }: { forName: string; value: string }) {
  const { t, locale } = useI18n()
  const chosen = chosenParts(value)
  const pages: (typeof COMMON_SURNAMES)[] = []
  for (let i = 0; i < COMMON_SURNAMES.length; i += SURNAMES_PER_PAGE)
    pages.push(COMMON_SURNAMES.slice(i, i + SURNAMES_PER_PAGE))
  const shownPage = Math.max(
    0,
    pages.findIndex((p) => p.some((s) => s.zhHans === chosen.surname)),
  )
  const honorificLabel = (h: string) => (h === '先生' ? t('names.mr') : t('names.ms'))
  return (
    <div class="n-picker" data-name-for={forName}>
      <NamesChipsAssets />
      <fieldset class="n-surnames" id="surname-grid">
        <legend>{t('names.legend')}</legend>
        {pages.map((page, i) => (
          <div
            class="n-grid"
            id={`surname-page-${i + 1}`}
            data-surname-page={String(i + 1)}
            hidden={i !== shownPage}
          >
            {page.map((s) => (
              <button
                type="button"
                class="n-surname"
                data-surname={s.zhHans}
                aria-pressed={chosen.surname === s.zhHans ? 'true' : 'false'}
                lang={locale === 'en' ? 'zh-CN' : undefined}
              >
                <span class="n-char">{locale === 'zh-Hant' ? s.zhHant : s.zhHans}</span>
                {locale === 'en' ? (
                  <span class="n-pinyin" lang="en">
                    {s.pinyin}
                  </span>
                ) : null}
              </button>
            ))}
          </div>
        ))}
        <div class="n-pager">
          <p class="n-page-label" id="surname-page-label" aria-live="polite" data-template={t('names.page')}>
            {t('names.page', { n: shownPage + 1, total: pages.length })}
          </p>
          <button
            type="button"
            class="kiosk-button n-more"
            id="surname-more"
            data-surname-more
            aria-controls={pages.map((_, i) => `surname-page-${i + 1}`).join(' ')}
          >
            {t('names.more')}
          </button>
          <button
            type="button"
            class="kiosk-button n-more"
            id="surname-other"
            data-surname-other
            aria-expanded="false"
            aria-controls="surname-other-help"
          >
            {t('names.other')}
          </button>
        </div>
        <p class="notice n-other-help" id="surname-other-help" hidden>
          {t('names.otherHelp')}
        </p>
      </fieldset>
      <fieldset class="n-honorifics" id="honorific-choice">
        <legend>{t('names.honorificLegend')}</legend>
        <div class="n-honorific-row">
          {HONORIFICS.map((h) => (
            <button
              type="button"
              class="n-honorific"
              data-honorific={h}
              aria-pressed={chosen.honorific === h ? 'true' : 'false'}
            >
              {honorificLabel(h)}
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  )
}
