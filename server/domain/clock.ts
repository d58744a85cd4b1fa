/** The app's notion of "now"; domain code takes one instead of calling Date.now(). */
export type Clock = { now: () => Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved; for tests. */
export function fixedClock(
  start: Date | string,
): Clock & { set: (d: Date | string) => void; advance: (ms: number) => void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}
