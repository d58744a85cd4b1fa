const HIDDEN = '***'

/**
 * The URL with its password hidden, for messages and logs: `postgres://liaison:***@db:5432/liaison`.
 * Also hides a `password=` query parameter, and a password in text that is not a valid URL.
 */
export function redactDatabaseUrl(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    try {
      const url = new URL(value)
      if (url.password) url.password = HIDDEN
      if (url.searchParams.has('password')) url.searchParams.set('password', HIDDEN)
      return url.toString()
    } catch {
      // Falls through to the text rules below.
    }
  }
  // Not a URL: hide everything between the user's colon and the last @.
  const userColon = value.includes('//') ? /(\/\/[^:/@\s]*:).*@/ : /^([^:/@\s]*:).*@/
  return value.replace(userColon, `$1${HIDDEN}@`).replace(/([?&]password=)[^&\s]*/gi, `$1${HIDDEN}`)
}
