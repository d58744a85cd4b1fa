import type { Child } from 'hono/jsx'
import { groupPhone, PHONE_GROUPS } from '../../server/domain/masking.ts'
import { UNAMBIGUOUS } from '../../server/domain/secrets.ts'
import { useI18n } from '../i18n/index.ts'
import { fieldDescribedBy, KioskFieldFrame } from './kiosk-text-field.tsx'

type Common = {
  name: string
  /** Already translated. */
  label: string
  hint: string
  error?: string
  value: string
  /** Ids of further text the field is described by, e.g. why a phone number is asked for. */
  describedBy?: string
}

/** The keypad's stylesheet and script, linked from the body like the other kiosk screens' own files. */
const KeypadAssets = () => (
  <>
    <link rel="stylesheet" href="/static/keypad.css" />
    <script src="/static/keypad.js" defer></script>
  </>
)

/** The frame, the real input (a physical keyboard still types into it) and its keypad. */
function Field(p: Common & { input: Child; keypad: Child }) {
  return (
    <KioskFieldFrame {...p} extraClass="keypad-field">
      {p.input}
      {p.keypad}
      <KeypadAssets />
    </KioskFieldFrame>
  )
}

/** The keys that delete the last character and empty the field. */
function ClearKey() {
  const { t } = useI18n()
  return (
    <button type="button" class="keypad-key keypad-edit" data-key="clear">
      {t('keypad.clear')}
    </button>
  )
}
function BackKey() {
  const { t } = useI18n()
  return (
    <button type="button" class="keypad-key keypad-edit" data-key="back">
      {t('keypad.back')}
    </button>
  )
}

/**
 * A phone number entered on an on-screen numeric keypad (DESIGN §5: a kiosk has no keyboard):
 * mobile or landline with area code, shown grouped as entered (`138 1234 5678`, groupPhone);
 * kiosk/keypad.js sends only the digits. `inputmode="none"` keeps the system keyboard away.
 */
export function PhoneKeypadField(p: Common) {
  const { t } = useI18n()
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9']
  return (
    <Field
      {...p}
      input={
        <input
          type="tel"
          id={`f-${p.name}`}
          name={p.name}
          class="keypad-input keypad-input-phone"
          inputmode="none"
          autocomplete="off"
          maxlength={20}
          value={groupPhone(p.value)}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={fieldDescribedBy(p)}
        />
      }
      keypad={
        <fieldset
          class="keypad keypad-phone"
          aria-label={t('keypad.phoneLabel')}
          data-keypad-for={p.name}
          data-phone-groups={JSON.stringify(PHONE_GROUPS)}
        >
          {keys.map((k) => (
            <button type="button" class="keypad-key" data-key={k}>
              {k}
            </button>
          ))}
          <ClearKey />
          <button type="button" class="keypad-key" data-key="0">
            0
          </button>
          <BackKey />
        </fieldset>
      }
    />
  )
}

/**
 * A booking or tracking code entered on an on-screen keypad that offers only the code alphabet
 * (secrets.UNAMBIGUOUS: no 0/O/1/I/L to confuse). When the code's last character is tapped, the
 * form is sent by itself; a code typed on a physical keyboard is sent with Enter or the button.
 */
export function CodeKeypadField(p: Common & { length: number }) {
  const { t } = useI18n()
  return (
    <Field
      {...p}
      input={
        <input
          type="text"
          id={`f-${p.name}`}
          name={p.name}
          class="keypad-input keypad-input-code"
          inputmode="none"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={p.length + 4}
          value={p.value}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={fieldDescribedBy(p)}
        />
      }
      keypad={
        <fieldset
          class="keypad keypad-code"
          aria-label={t('keypad.codeLabel')}
          data-keypad-for={p.name}
          data-code-length={String(p.length)}
        >
          {[...UNAMBIGUOUS].map((k) => (
            <button type="button" class="keypad-key" data-key={k}>
              {k}
            </button>
          ))}
          <ClearKey />
          <BackKey />
        </fieldset>
      }
    />
  )
}
