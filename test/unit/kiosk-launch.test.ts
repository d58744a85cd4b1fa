import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIOSK_CHROMIUM_FLAGS, kioskLaunchCommand } from '../../server/kiosk-launch.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'

describe('kiosk launch command', () => {
  it('prints slips silently and documents the same flags in the README', () => {
    const command = kioskLaunchCommand('http://10.0.0.2:3000/kiosk')
    expect(command).toMatch(/^chromium --kiosk --kiosk-printing .* http:\/\/10\.0\.0\.2:3000\/kiosk$/)
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8').replace(/\\\n\s*/g, '')
    const documented = /```sh\nchromium ([^\n]*) http:\/\/<server>\/kiosk\n```/.exec(readme)?.[1]
    expect(documented?.split(/\s+/)).toEqual([...KIOSK_CHROMIUM_FLAGS])
  })
})
