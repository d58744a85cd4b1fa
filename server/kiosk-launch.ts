/**
 * How an unattended kiosk starts Debian's Chromium: full screen with no way out (--kiosk), slips
 * printed on the default printer without a dialog (--kiosk-printing), no first-run, crash, translate
 * or keyring prompts, no pinch zoom or swipe-back on the touchscreen, and sound without a tap first
 * (a room board chimes and speaks each call; decision 0028). The server prints this
 * command at start-up and the README documents the same flags (a test keeps them in step).
 */
export const KIOSK_CHROMIUM_FLAGS = [
  '--kiosk',
  '--kiosk-printing',
  '--noerrdialogs',
  '--no-first-run',
  '--disable-translate',
  '--password-store=basic',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--autoplay-policy=no-user-gesture-required',
] as const

/** The command that opens `url` as a kiosk. */
export const kioskLaunchCommand = (url: string) => `chromium ${KIOSK_CHROMIUM_FLAGS.join(' ')} ${url}`
