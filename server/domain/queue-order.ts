/**
 * The explicit order of a station's queue (DESIGN §4.2), shown in words on the display board:
 *
 * 1. checked-in bookings whose slot has begun, by slot time;
 * 2. walk-ins by arrival — except that a priority ticket (elderly, disabled) is called after at
 *    most `priorityEvery` other tickets, however many arrived before it;
 * 3. bookings checked in early, by slot time, until their slot begins.
 *
 * Pure: the caller passes the waiting tickets, the rule and how many non-priority tickets have
 * been called since the last priority one.
 */

export type QueueEntry = {
  id: number
  kind: 'walk_in' | 'booking'
  priority: boolean
  /** Arrival (ticket issue) as UTC milliseconds. */
  arrivedAt: number
  /** Slot start of a booking as UTC milliseconds; ignored for walk-ins. */
  slotAt?: number | null
}

export type OrderRule = {
  /** One priority ticket after every N others; 0 turns the priority rule off. */
  priorityEvery: number
  /** Non-priority tickets called since the last priority ticket was called (today). */
  calledSinceLastPriority: number
  /** Now, as UTC milliseconds: decides whether a booking's slot has begun. */
  now: number
}

const byArrival = (a: QueueEntry, b: QueueEntry) => a.arrivedAt - b.arrivedAt || a.id - b.id
const bySlot = (a: QueueEntry, b: QueueEntry) =>
  (a.slotAt ?? a.arrivedAt) - (b.slotAt ?? b.arrivedAt) || byArrival(a, b)

/** Returns the waiting tickets in the order they will be called. */
export function orderQueue<T extends QueueEntry>(waiting: readonly T[], rule: OrderRule): T[] {
  const bookings = waiting.filter((e) => e.kind === 'booking').sort(bySlot)
  const due = bookings.filter((e) => (e.slotAt ?? e.arrivedAt) <= rule.now)
  const early = bookings.filter((e) => (e.slotAt ?? e.arrivedAt) > rule.now)
  const walkIns = waiting.filter((e) => e.kind === 'walk_in').sort(byArrival)

  const out: T[] = [...due]
  let since = rule.calledSinceLastPriority
  for (const e of due) since = e.priority ? 0 : since + 1
  const regular = walkIns.filter((e) => !e.priority)
  const priority = walkIns.filter((e) => e.priority)
  let r = 0
  let p = 0
  while (r < regular.length || p < priority.length) {
    const nextRegular = regular[r]
    const nextPriority = priority[p]
    const takePriority =
      nextPriority !== undefined &&
      (nextRegular === undefined ||
        byArrival(nextPriority, nextRegular) < 0 ||
        (rule.priorityEvery > 0 && since >= rule.priorityEvery))
    if (takePriority) {
      out.push(nextPriority)
      p += 1
      since = 0
    } else if (nextRegular !== undefined) {
      out.push(nextRegular)
      r += 1
      since += 1
    }
  }
  return [...out, ...early]
}

/**
 * Counts the non-priority tickets called since the last priority one, from today's calls in the
 * order they were first called.
 */
export function callsSinceLastPriority(calledInOrder: readonly { priority: boolean }[]): number {
  let n = 0
  for (let i = calledInOrder.length - 1; i >= 0 && !calledInOrder[i]!.priority; i--) n += 1
  return n
}

/** Formats a ticket number for people: station code + three digits, e.g. A-007. */
export const ticketLabel = (stationCode: string, number: number) =>
  `${stationCode}-${String(number).padStart(3, '0')}`
