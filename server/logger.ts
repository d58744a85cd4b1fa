import pino, { type Logger } from 'pino'

export type { Logger }

/** JSON logs; feed tokens and kiosk pairing codes in URLs are redacted before they are written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination)
}

/** Drops secrets that may travel in a path or query string. */
export const redactUrl = (path: string) =>
  path.replace(/(\/feeds\/)[^/?#]+/g, '$1[redacted]').replace(/([?&](?:code|token)=)[^&#]*/g, '$1[redacted]')
