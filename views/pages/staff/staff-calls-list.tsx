import { CsrfField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'

export type StaffCallView = { id: number; kiosk: string; time: string; ago: string }

/** The live part of the station's today page; every SSE message carries it whole. */
export const STAFF_CALLS_ID = 'staff-calls'

/** Open calls from the station's kiosks, oldest first, each with "I'm on it". */
export function StaffCallsList({ stationId, calls }: { stationId: number; calls: StaffCallView[] }) {
  const { t } = useI18n()
  if (calls.length === 0)
    return (
      <p id="staff-calls-none" class="hint">
        {t('staffCall.none')}
      </p>
    )
  return (
    <ul class="staff-calls" id="staff-calls-open">
      {calls.map((call) => (
        <li id={`staff-call-${call.id}`} class="staff-call">
          <span class="staff-call-text">
            {t('staffCall.item', { kiosk: call.kiosk, time: call.time, ago: call.ago })}
          </span>
          <form method="post" action={`/staff/stations/${stationId}/today/calls/${call.id}/answer`}>
            <CsrfField />
            <button
              type="submit"
              id={`answer-call-${call.id}`}
              aria-label={t('staffCall.answerFor', { kiosk: call.kiosk })}
            >
              {t('staffCall.answer')}
            </button>
          </form>
        </li>
      ))}
    </ul>
  )
}
