import pino, { type Logger } from 'pino'

export type { Logger }

/** JSON logs; secrets and codes in URLs are redacted before they are written (see redactUrl). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination)
}

/**
 * Paths whose next segment is a secret or a code that opens a resident's concern or booking: feed
 * tokens, tracking codes (/track, the kiosk's slip and progress pages) and booking codes (the
 * booking slip, a phone's booking page, a visit's printable slip). A test walks the route table for `:code`, `:token` and
 * `:file` parameters.
 */
const CODE_IN_PATH =
  /^(\/feeds|\/track|\/kiosk\/slip|\/kiosk\/booking\/slip|\/kiosk\/progress|\/m\/booking|\/visits\/[^/?#]+\/slip)\/[^/?#]+/

/** Drops secrets and codes that may travel in a path or query string. */
export const redactUrl = (path: string) =>
  path.replace(CODE_IN_PATH, '$1/[redacted]').replace(/([?&](?:code|token)=)[^&#]*/gi, '$1[redacted]')
