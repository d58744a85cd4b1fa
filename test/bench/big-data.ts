import type { Db } from '../../db/client.ts'
import { insertRuleVersion, insertSlotDef } from '../../db/queries/roster.ts'
import { randomCode, sha256 } from '../../server/domain/secrets.ts'
import { addDays } from '../../server/domain/zoned-time.ts'

/** Sizes of the city the benchmark builds (issue 9). */
export const CITY = {
  stations: 200,
  deputies: 2_000,
  concerns: 100_000,
  kiosks: 1_000,
  waitingPerConsole: 30,
}

export type BigDataSize = typeof CITY

/** Ten times the city (issue 20): the PostgreSQL bench's `--province` data set. */
export const PROVINCE: BigDataSize = {
  stations: 2_000,
  deputies: 20_000,
  concerns: 1_000_000,
  kiosks: 10_000,
  waitingPerConsole: 30,
}

/** Two letters up to 676 stations (the city's codes as before), three beyond. */
function stationCode(s: number): string {
  const letter = (n: number) => String.fromCharCode(65 + (n % 26))
  return s < 676
    ? `${letter(s)}${letter(Math.floor(s / 26))}`
    : `${letter(s)}${letter(Math.floor(s / 26))}${letter(Math.floor(s / 676))}`
}

export type BigData = {
  kioskTokens: { token: string; stationId: number }[]
  adminSession: string
  /** A clerk of station 1. */
  staffSession: string
  /** Deputy 1's calendar feed token. */
  feedToken: string
  /** Sessions in the coming weeks, one deputy per station, open for booking (large capacity). */
  openSessions: { id: number; stationId: number; deputyId: number }[]
  deputySessions: { token: string; deputyId: number; stationId: number }[]
  trackingCodes: string[]
  today: string
}

/** A small deterministic PRNG, so two runs build the same city. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚'

/**
 * Residents' names and mobile numbers from a PRNG of their own, so the rest of the city is the
 * same as before they were added (the staff search is measured over them).
 */
function residents() {
  const rnd = prng(7)
  const pick = (s: string) => s[Math.floor(rnd() * s.length)]!
  return {
    name: () => `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}`,
    phone: () => `13${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
  }
}

const STATUSES = ['received', 'referred', 'in_progress', 'replied', 'closed', 'answered', 'reopened'] as const

/**
 * Fills a migrated, empty database with a city: 200 stations, 2,000 deputies, 1,000 paired
 * kiosks, 100,000 concerns with timelines over the past year, a roster rotation per station
 * running for a year, and a queue of waiting tickets today. Raw prepared statements in one
 * transaction per area, because going through the HTTP layer would take hours.
 */
export function buildBigData(db: Db, now: Date, size: BigDataSize = CITY): BigData {
  const sqlite = db.$client
  const rnd = prng(42)
  const ms = now.getTime()
  const today = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
  const yearAgo = addDays(today, -365)
  const out: BigData = {
    kioskTokens: [],
    adminSession: `bench-admin-${'z'.repeat(32)}`,
    staffSession: `bench-staff-${'s'.repeat(32)}`,
    feedToken: `bench-feed-${'f'.repeat(32)}`,
    openSessions: [],
    deputySessions: [],
    trackingCodes: [],
    today,
  }

  sqlite.transaction(() => {
    sqlite
      .prepare(
        "insert into streets (name_zh_hans, name_zh_hant, name_en, created_at, updated_at) values ('全市', '全市', 'The city', ?, ?)",
      )
      .run(ms, ms)
    const station = sqlite.prepare(
      "insert into stations (street_id, code, name_zh_hans, name_zh_hant, name_en, address, time_zone, created_at, updated_at) values (1, ?, ?, ?, ?, '', 'Asia/Shanghai', ?, ?)",
    )
    const district = sqlite.prepare(
      'insert into districts (street_id, name_zh_hans, name_zh_hant, name_en, station_id, created_at, updated_at) values (1, ?, ?, ?, ?, ?, ?)',
    )
    for (let s = 1; s <= size.stations; s++) {
      station.run(stationCode(s), `第${s}联络站`, `第${s}聯絡站`, `Station ${s}`, ms, ms)
      district.run(`第${s}选区`, `第${s}選區`, `District ${s}`, s, ms, ms)
    }
    const topic = sqlite.prepare(
      'insert into topics (name_zh_hans, name_zh_hant, name_en, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
    )
    for (let i = 1; i <= 12; i++) topic.run(`议题${i}`, `議題${i}`, `Topic ${i}`, i, ms, ms)
    const deputy = sqlite.prepare(
      'insert into deputies (name, home_station_id, created_at, updated_at) values (?, ?, ?, ?)',
    )
    const dd = sqlite.prepare('insert into deputy_districts (deputy_id, district_id) values (?, ?)')
    const account = sqlite.prepare(
      "insert into accounts (username, display_name, password_hash, role, deputy_id, created_at, updated_at) values (?, ?, 'scrypt$1$1$1$x$x', 'deputy', ?, ?, ?)",
    )
    const session = sqlite.prepare(
      'insert into auth_sessions (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)',
    )
    for (let d = 1; d <= size.deputies; d++) {
      const home = ((d - 1) % size.stations) + 1
      deputy.run(`代表${d}`, home, ms, ms)
      dd.run(d, home)
      const accountId = Number(account.run(`deputy${d}`, `代表${d}`, d, ms, ms).lastInsertRowid)
      if (d <= size.stations) {
        const token = `bench-session-${d}-${'x'.repeat(24)}`
        session.run(sha256(token), accountId, ms, ms + 30 * 86_400_000)
        out.deputySessions.push({ token, deputyId: d, stationId: home })
      }
    }
    const adminId = Number(
      sqlite
        .prepare(
          "insert into accounts (username, display_name, password_hash, role, created_at, updated_at) values ('bench-admin', '管理员', 'scrypt$1$1$1$x$x', 'admin', ?, ?)",
        )
        .run(ms, ms).lastInsertRowid,
    )
    session.run(sha256(out.adminSession), adminId, ms, ms + 30 * 86_400_000)
    const staffId = Number(
      sqlite
        .prepare(
          "insert into accounts (username, display_name, password_hash, role, created_at, updated_at) values ('bench-staff', '工作人员', 'scrypt$1$1$1$x$x', 'staff', ?, ?)",
        )
        .run(ms, ms).lastInsertRowid,
    )
    sqlite.prepare('insert into account_stations (account_id, station_id) values (?, 1)').run(staffId)
    session.run(sha256(out.staffSession), staffId, ms, ms + 30 * 86_400_000)
    sqlite
      .prepare(
        "insert into feed_tokens (kind, subject_id, token_hash, created_at, updated_at) values ('deputy', 1, ?, ?, ?)",
      )
      .run(sha256(out.feedToken), ms, ms)
    const kiosk = sqlite.prepare(
      "insert into kiosks (station_id, label, device_token_hash, paired_at, created_at, updated_at) values (?, 'bench', ?, ?, ?, ?)",
    )
    for (let k = 1; k <= size.kiosks; k++) {
      const stationId = ((k - 1) % size.stations) + 1
      const token = `bench-kiosk-${k}-${'y'.repeat(24)}`
      kiosk.run(stationId, sha256(token), ms, ms, ms)
      out.kioskTokens.push({ token, stationId })
    }
  })()

  sqlite.transaction(() => {
    const concern = sqlite.prepare(
      `insert into concerns (tracking_code, station_id, topic_id, channel, status, deputy_id, description, callback_phone,
         resident_name, received_on, first_response_due_on, created_at, updated_at)
       values (?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const event = sqlite.prepare(
      `insert into concern_events (concern_id, at, action, actor_kind, from_status, to_status, note) values (?, ?, ?, 'system', ?, ?, '')`,
    )
    const codes = new Set<string>()
    const person = residents()
    for (let i = 0; i < size.concerns; i++) {
      let code = randomCode(8)
      while (codes.has(code)) code = randomCode(8)
      codes.add(code)
      const daysAgo = Math.floor(rnd() * 365)
      const at = ms - daysAgo * 86_400_000
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!
      const deputyId = 1 + Math.floor(rnd() * size.deputies)
      const stationId = ((deputyId - 1) % size.stations) + 1
      const day = addDays(today, -daysAgo)
      const id = Number(
        concern.run(
          code,
          stationId,
          1 + Math.floor(rnd() * 12),
          status,
          deputyId,
          '楼道灯坏了很久',
          person.phone(),
          person.name(),
          day,
          addDays(day, 7),
          at,
          at,
        ).lastInsertRowid,
      )
      event.run(id, at, 'created', null, 'received')
      if (status !== 'received') event.run(id, at + 3_600_000, 'status_changed', 'received', status)
      if (i % 100 === 0) out.trackingCodes.push(code)
    }
    const ticket = sqlite.prepare(
      `insert into queue_tickets (station_id, local_date, number, concern_id, status, arrived_at, created_at, updated_at)
       values (?, ?, ?, ?, 'waiting', ?, ?, ?)`,
    )
    const todayConcern = sqlite.prepare(
      `insert into concerns (tracking_code, station_id, topic_id, channel, status, received_on, first_response_due_on, created_at, updated_at)
       values (?, ?, 1, 'kiosk', 'received', ?, ?, ?, ?)`,
    )
    const presence = sqlite.prepare(
      "insert into station_presence (station_id, date, deputy_id, present, place, updated_at) values (?, ?, ?, 1, '接待室', ?)",
    )
    for (const { stationId, deputyId } of out.deputySessions) {
      presence.run(stationId, today, deputyId, ms)
      for (let n = 1; n <= size.waitingPerConsole; n++) {
        let code = randomCode(8)
        while (codes.has(code)) code = randomCode(8)
        codes.add(code)
        const id = Number(todayConcern.run(code, stationId, today, addDays(today, 7), ms, ms).lastInsertRowid)
        ticket.run(stationId, today, n, id, ms - (size.waitingPerConsole - n) * 60_000, ms, ms)
      }
    }
  })()

  // A year of weekly reception days for one deputy per station, with bookings on past ones, and
  // the coming weeks open with room for the benchmark's bookings.
  sqlite.transaction(() => {
    const sessionRow = sqlite.prepare(
      `insert into reception_sessions (deputy_id, station_id, date, start_time, end_time, starts_at, ends_at, slot_minutes,
         capacity_per_slot, place, status, created_at, updated_at)
       values (?, ?, ?, '09:00', '11:30', ?, ?, 30, ?, '接待室', 'scheduled', ?, ?)`,
    )
    const booking = sqlite.prepare(
      `insert into reception_bookings (code, session_id, station_id, deputy_id, slot_index, seat, slot_at, slot_ends_at, topic_id,
         resident_name, resident_phone, status, channel, created_at, updated_at)
       values (?, ?, ?, ?, ?, 1, ?, ?, 1, ?, ?, 'served', 'kiosk', ?, ?)`,
    )
    const bookingCodes = new Set<string>()
    const person = residents()
    for (const { deputyId, stationId } of out.deputySessions) {
      for (let week = -52; week <= 4; week++) {
        const date = addDays(today, week * 7 + 2)
        const startsAt = Date.parse(`${date}T01:00:00Z`)
        const future = startsAt > ms
        const id = Number(
          sessionRow.run(
            deputyId,
            stationId,
            date,
            startsAt,
            startsAt + 150 * 60_000,
            future ? 100_000 : 2,
            ms,
            ms,
          ).lastInsertRowid,
        )
        if (future && week >= 1) out.openSessions.push({ id, stationId, deputyId })
        if (future) continue
        for (let slot = 0; slot < 3; slot++) {
          let code = randomCode(6)
          while (bookingCodes.has(code)) code = randomCode(6)
          bookingCodes.add(code)
          const at = startsAt + slot * 30 * 60_000
          booking.run(
            code,
            id,
            stationId,
            deputyId,
            slot,
            at,
            at + 30 * 60_000,
            person.name(),
            person.phone(),
            ms,
            ms,
          )
        }
      }
    }
  })()

  // A year of duty: morning and afternoon slots on working days, five deputies taking turns.
  for (let s = 1; s <= size.stations; s++) {
    for (const [code, start, end] of [
      ['am', '09:00', '12:00'],
      ['pm', '14:00', '17:30'],
    ] as const) {
      insertSlotDef(
        db,
        s,
        {
          code,
          nameZhHans: code,
          nameZhHant: code,
          nameEn: code,
          start,
          end,
          weekdays: [1, 2, 3, 4, 5],
          validFrom: yearAgo,
        },
        1,
        now,
      )
    }
    const participants = [0, 1, 2, 3, 4].map((k) => `deputy:${s + k * size.stations}` as const)
    insertRuleVersion(
      db,
      s,
      {
        layer: 1,
        effectiveFrom: yearAgo,
        unit: 'slot',
        interval: 1,
        startPosition: 0,
        slotCodes: [],
        weekdays: [],
        participants,
      },
      1,
      now,
    )
  }
  sqlite.pragma('optimize')
  return out
}
