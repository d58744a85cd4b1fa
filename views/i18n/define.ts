/** A message in zh-Hans, zh-Hant and en, in that order. `{name}` marks a placeholder. */
export type Message = readonly [zhHans: string, zhHant: string, en: string]

export const defineMessages = <const T extends Record<string, Message>>(messages: T): T => messages
