import { monthOf } from '../zoned-time.ts'
import type { PersonKey, RosterSlot } from './types.ts'

export type DutyCount = { slots: number; weekend: number; evening: number }
export type FairnessRow = { person: PersonKey; months: DutyCount[]; total: DutyCount }

const zero = (): DutyCount => ({ slots: 0, weekend: 0, evening: 0 })

/**
 * Slots actually held per person in each of `months` ('YYYY-MM') and in all of them together,
 * weekend and evening slots also counted apart. Gaps count for nobody. Rows follow `people`
 * (so everyone in the rotation shows, even with no slot), then anyone else who held a slot.
 */
export function fairnessTable(
  slots: readonly RosterSlot[],
  months: readonly string[],
  people: readonly PersonKey[] = [],
): { rows: FairnessRow[]; gaps: DutyCount } {
  const rows = new Map<PersonKey, FairnessRow>()
  const row = (person: PersonKey) => {
    let r = rows.get(person)
    if (!r) {
      r = { person, months: months.map(zero), total: zero() }
      rows.set(person, r)
    }
    return r
  }
  for (const p of people) row(p)
  const gaps = zero()
  for (const s of slots) {
    const m = months.indexOf(monthOf(s.date))
    if (m < 0) continue
    const counts = s.gap || s.person === null ? [gaps] : [row(s.person).months[m]!, row(s.person).total]
    for (const c of counts) {
      c.slots++
      if (s.weekend) c.weekend++
      if (s.evening) c.evening++
    }
  }
  return { rows: [...rows.values()], gaps }
}
