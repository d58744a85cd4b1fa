import { VERDICTS, type Verdict } from '../../db/enums.ts'
import { useI18n } from '../i18n/index.ts'
import { verdictLabel } from '../pages/followup/labels.ts'

/** The ids the buttons keep (tests and the kiosk's own scripts tap them). */
const ID: Record<Verdict, string> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basically',
  unsatisfied: 'unsatisfied',
}

/**
 * The resident's three answers (DESIGN §5, issue 15): 满意 / 基本满意 / 不满意 in that order, each
 * a submit button of the same class, size and colour. None is pre-selected, focused or marked as
 * the expected one, wherever they appear (kiosk, phone page, on-the-spot screen, clerk's call-back).
 */
export function VerdictButtons({
  idPrefix = 'verdict',
  kiosk = false,
}: {
  idPrefix?: string
  kiosk?: boolean
}) {
  const { t } = useI18n()
  const cls = kiosk ? 'kiosk-button verdict-button' : 'verdict-button'
  return (
    <div class="verdict-buttons">
      {VERDICTS.map((v) => (
        <button type="submit" name="verdict" value={v} class={cls} id={`${idPrefix}-${ID[v]}`}>
          {verdictLabel(t, v)}
        </button>
      ))}
    </div>
  )
}
