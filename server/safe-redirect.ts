/**
 * A `next` parameter reduced to a path on this site. Browsers read `/\evil`, `/<tab>/evil` and
 * `//evil` as another host, so the value is resolved against a dummy origin and kept only when
 * it stays there.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith('/')) return '/'
  try {
    const base = 'http://liaison.invalid'
    const url = new URL(next, base)
    if (url.origin !== base || /[\\\t\n\r]/.test(next)) return '/'
    return url.pathname + url.search
  } catch {
    return '/'
  }
}
