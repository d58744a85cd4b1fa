import type { PhraseRow } from '../../db/queries/topic-phrases.ts'
import { useI18n } from '../i18n/index.ts'
import { NamesChipsAssets } from './surname-picker.tsx'

/**
 * The topic's phrase chips and "I'd rather tell the deputy", as checkboxes drawn as chips: several
 * may be ticked, they work without script, and kiosk/names-chips.js keeps "in person" apart from
 * the phrases.
 */
export function PhraseChips({
  phrases,
  chosen,
  inPerson,
  error,
}: {
  phrases: readonly PhraseRow[]
  chosen: readonly number[]
  inPerson: boolean
  error?: string | undefined
}) {
  const { t, name } = useI18n()
  return (
    <>
      <NamesChipsAssets />
      <fieldset
        class="n-chips"
        id="f-phrase"
        data-phrase-chips
        aria-describedby={error ? 'e-phrase' : undefined}
      >
        <legend>{t('chips.legend')}</legend>
        {error ? (
          <p class="error" id="e-phrase">
            {error}
          </p>
        ) : null}
        <div class="n-chip-grid">
          {phrases.map((p) => (
            <label class="n-chip" for={`phrase-${p.id}`}>
              <input
                type="checkbox"
                id={`phrase-${p.id}`}
                name="phrase[]"
                value={String(p.id)}
                data-phrase
                checked={chosen.includes(p.id)}
              />
              <span>{name(p)}</span>
            </label>
          ))}
          <label class="n-chip n-in-person" for="f-in-person">
            <input
              type="checkbox"
              id="f-in-person"
              name="inPerson"
              value="on"
              data-in-person
              checked={inPerson}
            />
            <span>{t('chips.inPerson')}</span>
          </label>
        </div>
      </fieldset>
    </>
  )
}
