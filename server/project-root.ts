import { fileURLToPath } from 'node:url'

/**
 * The project's directory, where the migrations, styles and kiosk scripts live. Found from this
 * file, which sits one level below it, as does the compiled server (`dist/server.mjs`) that holds
 * this module when `npm start` runs it.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
