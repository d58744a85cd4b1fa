import type { Child } from 'hono/jsx'
import { type I18n, I18nContext } from '../../i18n/index.ts'

/** Renders a fragment to a string in a locale, for pushing over SSE. */
export async function fragmentToString(i18n: I18n, node: Child): Promise<string> {
  const tree = <I18nContext.Provider value={i18n}>{node}</I18nContext.Provider>
  return (await tree.toString()).toString()
}
