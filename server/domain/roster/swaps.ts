import type { Problems } from './rules.ts'
import { keysOfAccount, type PersonKey, type RosterSlot } from './types.ts'

/** open → taken → approved; or declined / cancelled; open or taken ones expire when the slot starts. */
export const SWAP_STATUSES = ['open', 'taken', 'approved', 'declined', 'cancelled', 'expired'] as const
export type SwapStatus = (typeof SWAP_STATUSES)[number]

/** The status to show: an open or taken request whose slot has started has expired. */
export function swapStatusAt(status: SwapStatus, slotStartsAt: Date, now: Date): SwapStatus {
  return (status === 'open' || status === 'taken') && now.getTime() >= slotStartsAt.getTime()
    ? 'expired'
    : status
}

/** A person may ask someone to take a published slot they hold that has not started. */
export function checkSwapRequest(slot: RosterSlot | undefined, requester: PersonKey, now: Date): Problems {
  if (!slot) return { slot: 'roster.error.unknownSlot' }
  if (now.getTime() >= slot.startsAt.getTime()) return { slot: 'roster.error.slotStarted' }
  if (!slot.published) return { slot: 'roster.error.notPublished' }
  if (slot.person !== requester) return { slot: 'roster.error.notYours' }
  return {}
}

/**
 * Someone else from the slot's rotation, present that day, may take an open request before the
 * slot starts. Taking one's own request is refused.
 */
export function checkSwapTake(args: {
  slot: RosterSlot | undefined
  from: PersonKey
  taker: PersonKey
  eligible: readonly PersonKey[]
  takerAbsent: boolean
  now: Date
}): Problems {
  const { slot, from, taker, eligible, takerAbsent, now } = args
  if (!slot) return { slot: 'roster.error.unknownSlot' }
  if (taker === from) return { taker: 'roster.error.swapWithSelf' }
  if (now.getTime() >= slot.startsAt.getTime()) return { slot: 'roster.error.slotStarted' }
  if (!eligible.includes(taker)) return { taker: 'roster.error.notParticipant' }
  if (takerAbsent) return { taker: 'roster.error.takerAbsent' }
  return {}
}

/**
 * Nobody approves a swap that benefits themselves: whoever gives the slot away or takes it is
 * refused; another staff member of the station or an administrator approves it.
 */
export function checkSwapApproval(
  swap: { from: PersonKey; to: PersonKey | null },
  approver: { id: number; deputyId: number | null },
): Problems {
  const own = keysOfAccount(approver)
  return own.includes(swap.from) || (swap.to !== null && own.includes(swap.to))
    ? { swap: 'roster.error.ownSwap' }
    : {}
}
