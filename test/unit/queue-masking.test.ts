import { describe, expect, it } from 'vitest'
import type { Account } from '../../server/domain/account.ts'
import { maskName, maskPhone, normalizePhone } from '../../server/domain/masking.ts'
import { canRunConsole, maySeePersonalData } from '../../server/domain/queue-access.ts'

const account = (a: Partial<Account>): Account => ({
  id: 1,
  mustChangePassword: false,
  username: 'x',
  displayName: 'x',
  role: 'staff',
  deputyId: null,
  stationIds: [],
  ...a,
})

describe('personal data masking', () => {
  it('masks names and phones as DESIGN §4.8 shows', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('李')).toBe('李*')
    expect(maskName('')).toBe('')
    // One star whatever the length, so the mask does not tell how long the name is.
    for (const name of ['欧阳娜娜', '欧阳', '欧阳娜娜娜娜娜娜娜', ' 欧阳娜 '] as const)
      expect(maskName(name)).toBe('欧*')
    expect(maskName('John Smith')).toBe('J*')
    expect(maskName('Jo')).toBe('J*')
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('075712345678')).toBe('075*****5678')
    expect(maskPhone('12345')).toBe('***45')
  })

  it('accepts mainland mobiles and landlines with area code, normalised', () => {
    expect(normalizePhone('138 1234 5678')).toEqual({ ok: true, phone: '13812345678' })
    expect(normalizePhone('+86 138-1234-5678')).toEqual({ ok: true, phone: '13812345678' })
    expect(normalizePhone('0757-12345678')).toEqual({ ok: true, phone: '075712345678' })
    for (const bad of ['12345', '23812345678', '1381234567', 'abc', '138123456789', ''])
      expect(normalizePhone(bad).ok, bad).toBe(false)
  })

  it('shows personal data in full only to staff of the station and the assigned deputy', () => {
    const concern = { stationId: 1, deputyId: 5 }
    expect(maySeePersonalData(account({ role: 'staff', stationIds: [1] }), concern)).toBe(true)
    expect(maySeePersonalData(account({ role: 'staff', stationIds: [2] }), concern)).toBe(false)
    expect(maySeePersonalData(account({ role: 'deputy', deputyId: 5 }), concern)).toBe(true)
    expect(maySeePersonalData(account({ role: 'deputy', deputyId: 6 }), concern)).toBe(false)
    expect(
      maySeePersonalData(account({ role: 'deputy', deputyId: 6 }), { stationId: 1, deputyId: null }),
    ).toBe(false)
    expect(maySeePersonalData(account({ role: 'admin' }), concern)).toBe(false)
  })

  it('lets a deputy run only their own console and a clerk only their stations', () => {
    expect(canRunConsole(account({ role: 'deputy', deputyId: 5 }), 1, 5)).toBe(true)
    expect(canRunConsole(account({ role: 'deputy', deputyId: 5 }), 1, 6)).toBe(false)
    expect(canRunConsole(account({ role: 'staff', stationIds: [1] }), 1, 6)).toBe(true)
    expect(canRunConsole(account({ role: 'staff', stationIds: [1] }), 2, 6)).toBe(false)
    expect(canRunConsole(account({ role: 'admin' }), 2, 6)).toBe(true)
  })
})
