/**
 * Attributes that htmx 2 understood and htmx 4 silently ignores (or reads differently), from
 * node_modules/htmx.org/dist/skills/htmx-upgrade-from-htmx2.md.
 */
export const HTMX2_ONLY: { pattern: RegExp; use: string }[] = [
  { pattern: /\shx-disabled-elt=/, use: 'hx-disable' },
  { pattern: /\s(data-)?hx-vars=/, use: "hx-vals='js:…'" },
  { pattern: /\s(data-)?hx-params=/, use: 'htmx:config:request' },
  { pattern: /\s(data-)?hx-ext=/, use: 'nothing: including the extension script is enough' },
  { pattern: /\s(data-)?hx-disinherit=/, use: 'nothing: inheritance is explicit' },
  { pattern: /\s(data-)?hx-inherit=/, use: 'the :inherited modifier' },
  { pattern: /\s(data-)?hx-request=/, use: 'hx-config' },
  { pattern: /\s(data-)?hx-history=/, use: 'nothing' },
  { pattern: /\ssse-(connect|swap|close)=/, use: 'the hx-sse extension attributes of htmx 4' },
  { pattern: /\sws-(connect|send)=/, use: 'the hx-ws extension attributes of htmx 4' },
  { pattern: /\shx-on:?:?htmx:[a-z]+[A-Z]/, use: 'colon-separated htmx 4 event names' },
  {
    pattern:
      /htmx:(configRequest|beforeRequest|afterRequest|afterSwap|beforeSwap|afterSettle|load|responseError)\b/,
    use: 'htmx 4 event names',
  },
]

export function findHtmx2Attributes(html: string): string[] {
  return HTMX2_ONLY.filter((a) => a.pattern.test(html)).map((a) => `${a.pattern} → use ${a.use}`)
}
