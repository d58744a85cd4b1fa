import { describe, expect, it } from 'vitest'
import { isLoopbackHost, reachableFromElsewhere } from '../../server/demo-exposure.ts'

describe('a demo reachable from elsewhere', () => {
  it('knows loopback hosts and addresses from the rest', () => {
    for (const h of ['localhost', 'LOCALHOST', 'kiosk.localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]'])
      expect(isLoopbackHost(h), h).toBe(true)
    for (const h of [
      '0.0.0.0',
      '::',
      '192.168.1.20',
      'liaison.example.org',
      '127.0.0.1.nip.io',
      'localhost.example',
    ])
      expect(isLoopbackHost(h), h).toBe(false)
  })

  it('names each setting that opens the server to other machines', () => {
    expect(reachableFromElsewhere({ host: '127.0.0.1', publicUrl: undefined })).toEqual([])
    expect(reachableFromElsewhere({ host: '::1', publicUrl: 'http://localhost:3000' })).toEqual([])
    // The reverse-proxy set-up: loopback HOST, public https URL.
    expect(reachableFromElsewhere({ host: '127.0.0.1', publicUrl: 'https://liaison.example.org' })).toEqual([
      'PUBLIC_URL=https://liaison.example.org is not on this machine',
    ])
    expect(reachableFromElsewhere({ host: '0.0.0.0', publicUrl: undefined })).toEqual([
      'HOST=0.0.0.0 is not a loopback address',
    ])
  })
})
