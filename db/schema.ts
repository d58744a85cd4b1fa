import { sql } from 'drizzle-orm'
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import {
  CLOSURE_KINDS,
  CONCERN_STATUSES,
  COSIGN_STATES,
  FEED_KINDS,
  NOTIFY_CHANNELS,
  OUTBOX_CHANNELS,
  PLACE_KINDS,
  PLACE_SECTORS,
  REPLY_GRADES,
  type ReplyGrade,
  ROLES,
  SUGGESTION_EVENT_ACTIONS,
  SUGGESTION_KINDS,
  SUGGESTION_STATUSES,
  SUGGESTION_UNIT_ROLES,
  SUGGESTION_UNIT_STAGES,
  TRIAGE_RULES,
  TRIAGE_STATES,
  VERDICTS,
  type Verdict,
  VISIT_KINDS,
  VISIT_STATUSES,
} from './enums.ts'

export * from './enums.ts'

/** Instants are UTC milliseconds; local calendar dates are 'YYYY-MM-DD' text. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' })
const createdAt = () => instant('created_at').notNull()
const updatedAt = () => instant('updated_at').notNull()

/** Names of places and categories in the three interface languages; zh-Hans is required. */
const names = {
  nameZhHans: text('name_zh_hans').notNull(),
  nameZhHant: text('name_zh_hant').notNull().default(''),
  nameEn: text('name_en').notNull().default(''),
}

export const streets = sqliteTable('streets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ...names,
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const stations = sqliteTable(
  'stations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    streetId: integer('street_id')
      .notNull()
      .references(() => streets.id),
    /** Letter prefix of this station's ticket numbers, e.g. 'A' in A-007. */
    code: text('code').notNull(),
    ...names,
    address: text('address').notNull().default(''),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    /** Printed on every slip (issue 15): the station's phone and its opening hours per language. */
    phone: text('phone').notNull().default(''),
    openingHoursZhHans: text('opening_hours_zh_hans').notNull().default(''),
    openingHoursZhHant: text('opening_hours_zh_hant').notNull().default(''),
    openingHoursEn: text('opening_hours_en').notNull().default(''),
    /** What a kiosk returns to after a slip or an idle reset: its language and text size. */
    defaultLocale: text('default_locale', { enum: ['zh-Hans', 'zh-Hant', 'en'] })
      .notNull()
      .default('zh-Hans'),
    defaultLargeText: integer('default_large_text', { mode: 'boolean' }).notNull().default(false),
    /** Phone-submitted concerns (issue 16) reach the deputy at once or after a clerk's look. */
    phoneTriage: text('phone_triage', { enum: TRIAGE_RULES }).notNull().default('after_review'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('stations_code_unique').on(t.code)],
)

export const districts = sqliteTable(
  'districts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    streetId: integer('street_id')
      .notNull()
      .references(() => streets.id),
    ...names,
    /** The station whose community room serves this district. */
    stationId: integer('station_id').references(() => stations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('districts_name_unique').on(t.streetId, t.nameZhHans)],
)

/**
 * The places register (issues 16, 17): 社区, 村, 小区, 企业, 学校, 市场… that residents recognise,
 * each in one electoral district, so a resident who picks a place finds their district. Size hints
 * are optional; coordinates are WGS-84 degrees.
 */
export const places = sqliteTable(
  'places',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    ...names,
    /** For firms: the trade (furniture, home textiles, …); null for other kinds. */
    sector: text('sector', { enum: PLACE_SECTORS }),
    address: text('address').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    households: integer('households'),
    residents: integer('residents'),
    employees: integer('employees'),
    students: integer('students'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('places_name_unique').on(t.districtId, t.nameZhHans),
    index('places_kind').on(t.kind, t.districtId),
  ],
)

export const deputies = sqliteTable('deputies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  homeStationId: integer('home_station_id')
    .notNull()
    .references(() => stations.id),
  /** Public line about the deputy, e.g. occupation; no personal contact data. */
  title: text('title').notNull().default(''),
  /** Public introduction on the deputy's page (issue 16), per language. */
  introZhHans: text('intro_zh_hans').notNull().default(''),
  introZhHant: text('intro_zh_hant').notNull().default(''),
  introEn: text('intro_en').notNull().default(''),
  /** The deputy's own work unit and home village or community (issue 17): for concentration. */
  workUnitPlaceId: integer('work_unit_place_id').references(() => places.id),
  homePlaceId: integer('home_place_id').references(() => places.id),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

export const deputyDistricts = sqliteTable(
  'deputy_districts',
  {
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
  },
  (t) => [
    primaryKey({ columns: [t.deputyId, t.districtId] }),
    index('deputy_districts_district').on(t.districtId),
  ],
)

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** Set for role 'deputy': the deputy this account acts as. */
    deputyId: integer('deputy_id').references(() => deputies.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The account's own mobile number, for notices by SMS (issue 16); '' when none. */
    phone: text('phone').notNull().default(''),
    /** Where this account's notices go: the webhook (chat bot) or SMS to `phone`. */
    notifyChannel: text('notify_channel', { enum: NOTIFY_CHANNELS }).notNull().default('webhook'),
    /** Staff of the street's people's congress office (issue 18): they review and assign suggestions. */
    streetOffice: integer('street_office', { mode: 'boolean' }).notNull().default(false),
    /** Set by an administrator: every page leads to /me/password until the owner changes it. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('accounts_username_unique').on(t.username)],
)

/** Stations a staff account may act for. */
export const accountStations = sqliteTable(
  'account_stations',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.stationId] })],
)

export const authSessions = sqliteTable(
  'auth_sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('auth_sessions_account').on(t.accountId)],
)

export const handlingUnits = sqliteTable(
  'handling_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...names,
    contact: text('contact').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('handling_units_name_unique').on(t.nameZhHans)],
)

export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('topics_name_unique').on(t.nameZhHans)],
)

/** Phrase chips a resident can pick at the kiosk instead of typing (issue 15), per topic. */
export const topicPhrases = sqliteTable(
  'topic_phrases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    ...names,
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('topic_phrases_name_unique').on(t.topicId, t.nameZhHans)],
)

/**
 * The holiday calendar. 'holiday' closes every station that day, 'workday' is a make-up working
 * day (调休) that counts as working even on a weekend, 'station_closed' closes one station.
 */
export const closures = sqliteTable(
  'closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    kind: text('kind', { enum: CLOSURE_KINDS }).notNull(),
    /** Only for 'station_closed'; 0 stands for "every station" so the unique index can hold. */
    stationId: integer('station_id').notNull().default(0),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('closures_day_unique').on(t.date, t.stationId)],
)

export const kiosks = sqliteTable(
  'kiosks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    label: text('label').notNull(),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: instant('pairing_expires_at'),
    deviceTokenHash: text('device_token_hash'),
    pairedAt: instant('paired_at'),
    revokedAt: instant('revoked_at'),
    lastSeenAt: instant('last_seen_at'),
    /** A receipt printer is attached: the slip page prints itself once (issue 15). */
    hasReceiptPrinter: integer('has_receipt_printer', { mode: 'boolean' }).notNull().default(false),
    /** As a room board, speak each call aloud (a chime is always played). */
    voiceAnnouncements: integer('voice_announcements', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('kiosks_pairing_code_unique').on(t.pairingCodeHash),
    uniqueIndex('kiosks_device_token_unique').on(t.deviceTokenHash),
  ],
)

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: instant('at').notNull(),
    actorAccountId: integer('actor_account_id').references(() => accounts.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [index('audit_log_at').on(t.at)],
)

/** Small key/value settings, e.g. whether this database holds demo data. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

/**
 * A version per table that cached views read (issue 9). Triggers in migration 0007 set a table's
 * row to a fresh random number on every insert, update and delete, whoever writes (the app, a job,
 * the CLI), so a cache keyed by these versions never outlives the data it was built from. Random
 * rather than counting up: a rolled-back write restores the old number, and a later write must
 * not reuse the one a cache may have seen inside that transaction.
 */
export const dataVersions = sqliteTable('data_versions', {
  tableName: text('table_name').primaryKey(),
  version: integer('version').notNull().default(0),
})

export const JOB_RUN_STATUSES = ['running', 'done', 'failed'] as const

/**
 * One row per (job, planned slot). Claiming a slot is inserting its row, so the unique index
 * decides which process runs it; a running row's lease lets another process take over a crash.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    /** The planned time this run stands for, as an ISO instant in UTC. */
    slot: text('slot').notNull(),
    status: text('status', { enum: JOB_RUN_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    leaseUntil: instant('lease_until').notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
    error: text('error'),
    /** Short summary the job returns, e.g. "3 messages sent". */
    result: text('result'),
  },
  (t) => [
    uniqueIndex('job_runs_slot_unique').on(t.job, t.slot),
    index('job_runs_job_started').on(t.job, t.startedAt),
  ],
)

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'expired'] as const

/** Notifications waiting to go out; the dedupe key makes enqueueing the same notice twice a no-op. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    /** Who it is for, e.g. 'account:12', 'station:3', 'street-office'. */
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dueAt: instant('due_at').notNull(),
    /** After this instant the message is useless and is marked expired instead of sent. */
    expiresAt: instant('expires_at'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    /** 'sms' messages go to `phone` with the provider's template for `kind` and `smsParams`. */
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull().default('webhook'),
    /** A resident's or staff member's mobile number; erased with the concern's personal data. */
    phone: text('phone'),
    smsParams: text('sms_params', { mode: 'json' }).$type<Record<string, string>>(),
    /** The concern or booking a resident's SMS is about, so erasing its personal data finds it. */
    concernId: integer('concern_id').references(() => concerns.id),
    bookingId: integer('booking_id').references(() => receptionBookings.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_unique').on(t.dedupeKey),
    index('outbox_pending').on(t.status, t.nextAttemptAt),
    // Erasing a concern's or a booking's personal data finds its messages (and FK checks use them).
    index('outbox_concern').on(t.concernId),
    index('outbox_booking').on(t.bookingId),
  ],
)

// ── Walk-in queue and concerns (issue 4) ────────────────────────────────────────────────────────

/** Every state of DESIGN §4.4; the transitions live in the concern lifecycle, not here. */

/** 'phone_web': raised by the resident on their own phone (the /m/ pages, issue 16). */
export const CONCERN_CHANNELS = [
  'kiosk',
  'reception',
  'phone',
  'wechat',
  'letter',
  'visit',
  'phone_web',
] as const
export type ConcernChannel = (typeof CONCERN_CHANNELS)[number]

/**
 * What a resident raised. `residentName`, `callbackPhone` and `description` are the personal
 * fields: nullable so they can be erased after closure while the concern and its statistics stay.
 */
export const concerns = sqliteTable(
  'concerns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short unambiguous code (secrets.UNAMBIGUOUS), stored without a dash. */
    trackingCode: text('tracking_code').notNull(),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    channel: text('channel', { enum: CONCERN_CHANNELS }).notNull(),
    status: text('status', { enum: CONCERN_STATUSES }).notNull().default('received'),
    /** The deputy whose backlog holds it; null while a walk-in waits for whoever is present. */
    deputyId: integer('deputy_id').references(() => deputies.id),
    description: text('description'),
    residentName: text('resident_name'),
    callbackPhone: text('callback_phone'),
    personalDataErasedAt: instant('personal_data_erased_at'),
    /** Local date (station's zone) the concern was received. */
    receivedOn: text('received_on').notNull(),
    /** Local date by which the deputy owes a first response (working days). */
    firstResponseDueOn: text('first_response_due_on').notNull(),
    /** Idempotency key of the kiosk form that created it; a repeated submission finds this row. */
    submissionKey: text('submission_key'),
    kioskId: integer('kiosk_id').references(() => kiosks.id),
    createdByAccountId: integer('created_by_account_id').references(() => accounts.id),
    /** Where the resident lives or works (issue 17), when they said; a contact for coverage. */
    placeId: integer('place_id').references(() => places.id),
    /** The visit it was raised at (channel 'visit'). */
    visitId: integer('visit_id').references(() => visits.id),
    /** Phone concerns only: waiting for a clerk's look, let through, or spam. */
    triage: text('triage', { enum: TRIAGE_STATES }),
    /** The resident agreed to notices by SMS to `callbackPhone`. */
    smsConsent: integer('sms_consent', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('concerns_tracking_code_unique').on(t.trackingCode),
    index('concerns_place').on(t.placeId, t.receivedOn),
    index('concerns_visit').on(t.visitId),
    index('concerns_triage').on(t.triage, t.stationId),
    uniqueIndex('concerns_submission_key_unique').on(t.submissionKey),
    index('concerns_deputy_status').on(t.deputyId, t.status),
    index('concerns_station_received').on(t.stationId, t.receivedOn),
  ],
)

/** The phrase chips a resident picked for a concern at the kiosk. */
export const concernPhrases = sqliteTable(
  'concern_phrases',
  {
    concernId: integer('concern_id')
      .notNull()
      .references(() => concerns.id),
    phraseId: integer('phrase_id')
      .notNull()
      .references(() => topicPhrases.id),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.phraseId] })],
)

/** A resident pressed 呼叫工作人员 on a kiosk (issue 15); open until a clerk answers it. */
export const staffCalls = sqliteTable(
  'staff_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    kioskId: integer('kiosk_id').references(() => kiosks.id),
    createdAt: createdAt(),
    answeredAt: instant('answered_at'),
    answeredByAccountId: integer('answered_by_account_id').references(() => accounts.id),
  },
  (t) => [index('staff_calls_station_open').on(t.stationId, t.answeredAt)],
)

export const CONCERN_EVENT_ACTIONS = [
  'created',
  'called',
  'served',
  'no_show',
  'transferred',
  'carried_over',
  'assigned',
  'status_changed',
  // Follow-up (issue 8): a unit's reply recorded, the resident's verdict, an administrator's undo,
  // an overdue escalation, a duplicate linked to this master, personal fields erased.
  'unit_replied',
  'verdict',
  'undone',
  'escalated',
  'duplicate_linked',
  'erased',
  // A clerk let a pending phone concern through to its deputy (issue 16; spam is a status change).
  'triage_accepted',
] as const
export type ConcernEventAction = (typeof CONCERN_EVENT_ACTIONS)[number]
export const ACTOR_KINDS = ['kiosk', 'account', 'system', 'resident'] as const

/** The concern's timeline: who did what when, and the status before and after. */
export const concernEvents = sqliteTable(
  'concern_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    concernId: integer('concern_id')
      .notNull()
      .references(() => concerns.id),
    at: instant('at').notNull(),
    action: text('action', { enum: CONCERN_EVENT_ACTIONS }).notNull(),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    actorAccountId: integer('actor_account_id').references(() => accounts.id),
    fromStatus: text('from_status', { enum: CONCERN_STATUSES }),
    toStatus: text('to_status', { enum: CONCERN_STATUSES }).notNull(),
    /** Staff-only remark; never shown on the public tracking page. */
    note: text('note').notNull().default(''),
    /** What a follow-up step carried (deadline, unit, grade, reply, verdict, undo link, state before). */
    detail: text('detail', { mode: 'json' }).$type<ConcernEventDetail>().notNull().default(sql`'{}'`),
  },
  (t) => [index('concern_events_concern').on(t.concernId, t.at)],
)

export const TICKET_KINDS = ['walk_in', 'booking'] as const
export const TICKET_STATUSES = ['waiting', 'called', 'parked', 'served', 'no_show', 'carried_over'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
export const TICKET_OUTCOMES = ['answered', 'follow_up'] as const
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number]

/**
 * A number in one station's queue for one local day. The unique index on (station, date, number)
 * is what keeps two tickets from ever sharing a number.
 */
export const queueTickets = sqliteTable(
  'queue_tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    localDate: text('local_date').notNull(),
    number: integer('number').notNull(),
    concernId: integer('concern_id')
      .notNull()
      .references(() => concerns.id),
    kind: text('kind', { enum: TICKET_KINDS }).notNull().default('walk_in'),
    /** For a checked-in booking: the start of its slot. */
    slotAt: instant('slot_at'),
    priority: integer('priority', { mode: 'boolean' }).notNull().default(false),
    /** The deputy asked for; null means whoever is present. */
    deputyId: integer('deputy_id').references(() => deputies.id),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('waiting'),
    /** Place in the walk-in order; a transfer keeps it. */
    arrivedAt: instant('arrived_at').notNull(),
    firstCalledAt: instant('first_called_at'),
    lastCalledAt: instant('last_called_at'),
    calledDeputyId: integer('called_deputy_id').references(() => deputies.id),
    callCount: integer('call_count').notNull().default(0),
    /** Where to go, copied from the deputy's presence when called (e.g. 接待室 2). */
    place: text('place').notNull().default(''),
    outcome: text('outcome', { enum: TICKET_OUTCOMES }),
    finishedAt: instant('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_unique').on(t.stationId, t.localDate, t.number),
    uniqueIndex('queue_tickets_concern_unique').on(t.concernId),
    index('queue_tickets_station_day_status').on(t.stationId, t.localDate, t.status),
    // The deputy record counts a deputy's served tickets in a period.
    index('queue_tickets_called_deputy_day').on(t.calledDeputyId, t.localDate),
  ],
)

/** Which deputies a clerk marked present at a station on a local date (later: from the roster). */
export const stationPresence = sqliteTable(
  'station_presence',
  {
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    present: integer('present', { mode: 'boolean' }).notNull(),
    place: text('place').notNull().default(''),
    updatedByAccountId: integer('updated_by_account_id').references(() => accounts.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.date, t.deputyId] }),
    // The deputy record counts a deputy's reception days across stations.
    index('station_presence_deputy_date').on(t.deputyId, t.date),
  ],
)

/** A station's queue rules; a station without a row uses the column defaults. */
export const stationQueueSettings = sqliteTable('station_queue_settings', {
  stationId: integer('station_id')
    .primaryKey()
    .references(() => stations.id),
  /** One priority ticket (elderly, disabled) after every N others; 0 turns the rule off. */
  priorityEvery: integer('priority_every').notNull().default(3),
  /** Working days the deputy has for a first response. */
  firstResponseWorkingDays: integer('first_response_working_days').notNull().default(5),
  updatedAt: updatedAt(),
})

// ── Duty roster (issue 6) ───────────────────────────────────────────────────────────────────────
// People on duty are a staff account or a deputy: two nullable references, exactly one set (a
// published entry may have neither: a slot that was a gap when it was published).

const onePerson = (table: string) =>
  check(`${table}_one_person`, sql`(account_id is null) <> (deputy_id is null)`)
const personRefs = () => ({
  accountId: integer('account_id').references(() => accounts.id),
  deputyId: integer('deputy_id').references(() => deputies.id),
})

/** A kind of service slot at a station (e.g. 上午 09:00–12:00 Mon–Fri); changed by a new version from a date. */
export const rosterSlotDefs = sqliteTable(
  'roster_slot_defs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    /** Short code that names the half-day in the roster's identity (station × date × code). */
    code: text('code').notNull(),
    ...names,
    /** Wall-clock 'HH:MM' in the station's zone; end after start, same day. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** ISO weekdays, comma-separated: '1,2,3,4,5'. */
    weekdays: text('weekdays').notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roster_slot_defs_station').on(t.stationId, t.code)],
)

export const ROSTER_UNITS = ['slot', 'day', 'week'] as const

/** One version of a rotation layer at a station; the newest version whose day has come applies. */
export const rosterRules = sqliteTable(
  'roster_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    layer: integer('layer').notNull().default(1),
    effectiveFrom: text('effective_from').notNull(),
    unit: text('unit', { enum: ROSTER_UNITS }).notNull(),
    interval: integer('interval').notNull().default(1),
    startPosition: integer('start_position').notNull().default(0),
    /** Slot codes this layer covers, comma-separated; '' covers all. */
    slotCodes: text('slot_codes').notNull().default(''),
    /** ISO weekdays this layer covers, comma-separated; '' covers all. */
    weekdays: text('weekdays').notNull().default(''),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('roster_rules_version_unique').on(t.stationId, t.layer, t.effectiveFrom)],
)

/** The ordered people of a rotation version. */
export const rosterRuleParticipants = sqliteTable(
  'roster_rule_participants',
  {
    ruleId: integer('rule_id')
      .notNull()
      .references(() => rosterRules.id),
    position: integer('position').notNull(),
    ...personRefs(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.position] }), onePerson('roster_rule_participants')],
)

/** A person away from one local date to another, both included. No reason is stored. */
export const rosterAbsences = sqliteTable(
  'roster_absences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...personRefs(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    createdBy: integer('created_by').references(() => accounts.id),
    cancelledAt: instant('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    onePerson('roster_absences'),
    index('roster_absences_account').on(t.accountId),
    index('roster_absences_deputy').on(t.deputyId),
  ],
)

export const ROSTER_SWAP_STATUSES = ['open', 'taken', 'approved', 'declined', 'cancelled', 'expired'] as const

/** A request to hand one published slot to someone else: open → taken → approved, or expired. */
export const rosterSwaps = sqliteTable(
  'roster_swaps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    slotCode: text('slot_code').notNull(),
    fromAccountId: integer('from_account_id').references(() => accounts.id),
    fromDeputyId: integer('from_deputy_id').references(() => deputies.id),
    toAccountId: integer('to_account_id').references(() => accounts.id),
    toDeputyId: integer('to_deputy_id').references(() => deputies.id),
    status: text('status', { enum: ROSTER_SWAP_STATUSES }).notNull().default('open'),
    requestedBy: integer('requested_by').references(() => accounts.id),
    takenBy: integer('taken_by').references(() => accounts.id),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decidedAt: instant('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('roster_swaps_one_from', sql`(from_account_id is null) <> (from_deputy_id is null)`),
    // One live request per slot; the index, not a read-then-write, decides.
    uniqueIndex('roster_swaps_one_live')
      .on(t.stationId, t.date, t.slotCode)
      .where(sql`status in ('open', 'taken')`),
    index('roster_swaps_station_date').on(t.stationId, t.date),
  ],
)

/** A clerk's override: one person holds the matching slots of a date range. */
export const rosterOverrides = sqliteTable(
  'roster_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** Slot codes, comma-separated; '' covers every slot of those days. */
    slotCodes: text('slot_codes').notNull().default(''),
    ...personRefs(),
    createdBy: integer('created_by').references(() => accounts.id),
    removedAt: instant('removed_at'),
    removedBy: integer('removed_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [onePerson('roster_overrides'), index('roster_overrides_station').on(t.stationId, t.fromDate)],
)

/** Each time a station's roster was published, and through which local date. */
export const rosterPublications = sqliteTable(
  'roster_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    publishedThrough: text('published_through').notNull(),
    publishedBy: integer('published_by').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index('roster_publications_station').on(t.stationId, t.publishedThrough)],
)

/**
 * What was published for each slot: the rotation's person after absence substitution, before
 * swaps and overrides. Written once and never updated, so later rule changes cannot move it.
 */
export const rosterEntries = sqliteTable(
  'roster_entries',
  {
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    slotCode: text('slot_code').notNull(),
    ...personRefs(),
    publicationId: integer('publication_id')
      .notNull()
      .references(() => rosterPublications.id),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.date, t.slotCode] }),
    check('roster_entries_at_most_one', sql`account_id is null or deputy_id is null`),
  ],
)

// ── Reception days and booking (issue 5) ────────────────────────────────────────────────────────

/**
 * How a plan picks its dates: every week on `weekdays`; the `nthOfMonth` (1–5, -1 = last) of
 * `weekdays` in each month; or `dayOfMonth` in the listed `months` ("the 15th of odd months").
 */
export const RECEPTION_PATTERNS = ['weekly', 'nth_weekday', 'month_day'] as const
export type ReceptionPattern = (typeof RECEPTION_PATTERNS)[number]

/** A deputy's recurring reception at a station (接待安排); sessions are generated from it. */
export const receptionPlans = sqliteTable(
  'reception_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    pattern: text('pattern', { enum: RECEPTION_PATTERNS }).notNull().default('weekly'),
    /** ISO weekdays, comma-separated ('1,3'); for 'weekly' and 'nth_weekday'. */
    weekdays: text('weekdays').notNull().default(''),
    nthOfMonth: integer('nth_of_month'),
    dayOfMonth: integer('day_of_month'),
    /** Months 1–12, comma-separated; '' is every month. For 'nth_weekday' and 'month_day'. */
    months: text('months').notNull().default(''),
    /** Wall-clock 'HH:MM' in the station's zone; end after start, same day. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    capacityPerSlot: integer('capacity_per_slot').notNull().default(1),
    /** Room shown to residents, e.g. 接待室 1. */
    place: text('place').notNull().default(''),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    /** An ended plan generates nothing more; its future sessions are cancelled. */
    endedAt: instant('ended_at'),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reception_plans_station').on(t.stationId), index('reception_plans_deputy').on(t.deputyId)],
)

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]
/** Why a session was cancelled: by a clerk (sticky), or because the plan no longer yields it. */
export const SESSION_CANCEL_REASONS = ['clerk', 'plan', 'closure', 'absence'] as const
export type SessionCancelReason = (typeof SESSION_CANCEL_REASONS)[number]

/**
 * One dated reception (接待日 / 场次). Generated sessions are identified by (plan, planDate), so
 * regenerating never duplicates one; a clerk's move changes `date`/times but keeps `planDate`.
 * `sequence` grows and `updatedAt` moves on every change (iCal SEQUENCE / LAST-MODIFIED).
 */
export const receptionSessions = sqliteTable(
  'reception_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').references(() => receptionPlans.id),
    planDate: text('plan_date'),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    /** Local date and wall-clock times in the station's zone. */
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    capacityPerSlot: integer('capacity_per_slot').notNull(),
    place: text('place').notNull().default(''),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason', { enum: SESSION_CANCEL_REASONS }),
    cancelledAt: instant('cancelled_at'),
    /** Set when a clerk moved it; the plan no longer changes its date or times. */
    movedAt: instant('moved_at'),
    movedFromDate: text('moved_from_date'),
    movedFromStartTime: text('moved_from_start_time'),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reception_sessions_plan_date_unique').on(t.planId, t.planDate),
    index('reception_sessions_station_date').on(t.stationId, t.date),
    index('reception_sessions_deputy_date').on(t.deputyId, t.date),
    index('reception_sessions_updated').on(t.updatedAt),
  ],
)

export const BOOKING_STATUSES = ['booked', 'checked_in', 'served', 'no_show', 'cancelled'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const BOOKING_CHANNELS = ['kiosk', 'clerk', 'phone_web'] as const
export type BookingChannel = (typeof BOOKING_CHANNELS)[number]
export const BOOKING_CANCELLERS = ['resident', 'clerk', 'session'] as const
export const BOOKING_CALLBACK_REASONS = ['session_cancelled', 'session_moved', 'slot_removed'] as const

/**
 * A resident's hold on one seat of one slot (预约). The partial unique index on (session, slot,
 * seat) over live bookings is what stops a double booking; a cancelled booking frees its seat.
 * `openLimitKey` ('deputy:phone' while the station limits open bookings) is unique among 'booked'.
 * Name and phone are personal fields, nullable so they can be erased. Nothing is deleted.
 */
export const receptionBookings = sqliteTable(
  'reception_bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short unambiguous code (secrets.UNAMBIGUOUS, 6 characters), stored without a dash. */
    code: text('code').notNull(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => receptionSessions.id),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    /** Slot number within the session (0-based) and seat within the slot (1..capacity). */
    slotIndex: integer('slot_index').notNull(),
    seat: integer('seat').notNull(),
    slotAt: instant('slot_at').notNull(),
    slotEndsAt: instant('slot_ends_at').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    residentName: text('resident_name'),
    residentPhone: text('resident_phone'),
    openLimitKey: text('open_limit_key'),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('booked'),
    channel: text('channel', { enum: BOOKING_CHANNELS }).notNull(),
    kioskId: integer('kiosk_id').references(() => kiosks.id),
    createdByAccountId: integer('created_by_account_id').references(() => accounts.id),
    /** Idempotency key of the form that created it; a repeated submission finds this row. */
    submissionKey: text('submission_key'),
    concernId: integer('concern_id').references(() => concerns.id),
    ticketId: integer('ticket_id').references(() => queueTickets.id),
    checkedInAt: instant('checked_in_at'),
    finishedAt: instant('finished_at'),
    noShowAt: instant('no_show_at'),
    cancelledAt: instant('cancelled_at'),
    cancelledBy: text('cancelled_by', { enum: BOOKING_CANCELLERS }),
    /** On the station's call-back list when set and not done (session cancelled or moved). */
    callbackReason: text('callback_reason', { enum: BOOKING_CALLBACK_REASONS }),
    callbackRequestedAt: instant('callback_requested_at'),
    callbackDoneAt: instant('callback_done_at'),
    callbackDoneBy: integer('callback_done_by').references(() => accounts.id),
    /** Where the resident lives or works (issue 17), when they said. */
    placeId: integer('place_id').references(() => places.id),
    /** The resident agreed to a confirmation and a reminder by SMS to `residentPhone`. */
    smsConsent: integer('sms_consent', { mode: 'boolean' }).notNull().default(false),
    personalDataErasedAt: instant('personal_data_erased_at'),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reception_bookings_code_unique').on(t.code),
    // Foreign-key checks on concerns and queue tickets look bookings up by these.
    index('reception_bookings_concern').on(t.concernId),
    index('reception_bookings_ticket').on(t.ticketId),
    uniqueIndex('reception_bookings_submission_key_unique').on(t.submissionKey),
    uniqueIndex('reception_bookings_seat_unique')
      .on(t.sessionId, t.slotIndex, t.seat)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('reception_bookings_open_limit_unique').on(t.openLimitKey).where(sql`status = 'booked'`),
    index('reception_bookings_session').on(t.sessionId, t.slotIndex),
    index('reception_bookings_station_slot').on(t.stationId, t.slotAt),
    index('reception_bookings_status_end').on(t.status, t.slotEndsAt),
    index('reception_bookings_updated').on(t.updatedAt),
    // Coverage: a deputy's contacts are the bookings at their districts' places or their own.
    index('reception_bookings_place').on(t.placeId, t.slotAt),
    index('reception_bookings_deputy').on(t.deputyId, t.slotAt),
  ],
)

/** A station's booking rules; a station without a row uses the column defaults. */
export const stationBookingSettings = sqliteTable('station_booking_settings', {
  stationId: integer('station_id')
    .primaryKey()
    .references(() => stations.id),
  /** A slot must start at least this many minutes after booking. */
  minNoticeMinutes: integer('min_notice_minutes').notNull().default(120),
  /** Slots can be booked up to this many days ahead (local dates). */
  horizonDays: integer('horizon_days').notNull().default(30),
  /** One open ('booked') booking per phone number per deputy. */
  onePerPhonePerDeputy: integer('one_per_phone_per_deputy', { mode: 'boolean' }).notNull().default(true),
  updatedAt: updatedAt(),
})

// ── Calendar feeds (issue 7) ────────────────────────────────────────────────────────────────────

/**
 * A calendar subscription link (订阅链接). The token travels in the URL path and is the only
 * credential, so only its sha256 is stored; one live token per feed (kind × subject), enforced by
 * the partial unique index. `subjectId` is a deputy, station or staff account id by `kind`.
 * `renderedHash` / `renderedAt` are the feed's high-water mark: the hash of the last bytes served
 * and when they first changed, so Last-Modified moves on removals too and never goes back.
 */
export const feedTokens = sqliteTable(
  'feed_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: FEED_KINDS }).notNull(),
    subjectId: integer('subject_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Language the feed's text is written in: the issuer's interface language. */
    locale: text('locale').notNull().default('zh-Hans'),
    createdBy: integer('created_by').references(() => accounts.id),
    revokedAt: instant('revoked_at'),
    revokedBy: integer('revoked_by').references(() => accounts.id),
    renderedHash: text('rendered_hash'),
    renderedAt: instant('rendered_at'),
    lastFetchedAt: instant('last_fetched_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('feed_tokens_hash_unique').on(t.tokenHash),
    uniqueIndex('feed_tokens_one_live').on(t.kind, t.subjectId).where(sql`revoked_at is null`),
  ],
)

// ── Concern follow-up (issue 8) ─────────────────────────────────────────────────────────────────

/** The deadlines a concern can wait on (DESIGN §4.4), each counted in working days. */
export const FOLLOW_UP_DUE_KINDS = [
  'first_response',
  'unit_reply',
  'suggestion_reply',
  'relay',
  'rehandling',
] as const
export type FollowUpDueKind = (typeof FOLLOW_UP_DUE_KINDS)[number]
/** A handling unit's reply: A solved, B being solved, C planned for later, D for reference. */
/** Where a resident gave a verdict: kiosk by code, clerk's call-back, the slip's phone page, the deputy's device right after being served. */
export const VERDICT_CHANNELS = ['kiosk', 'callback', 'phone', 'on_the_spot'] as const
export type VerdictChannel = (typeof VERDICT_CHANNELS)[number]

/** The follow-up state of one concern as it was before a step; an undo puts it back. */
export type FollowUpSnapshot = {
  masterConcernId: number | null
  handlingUnitId: number | null
  dueKind: FollowUpDueKind | null
  dueOn: string | null
  escalationLevel: number
  replyGrade: ReplyGrade | null
  publicSummary: string | null
}

/** The `detail` of a concern event; every field is optional and most steps carry a few. */
export type ConcernEventDetail = {
  /** The deadline in force after this step; null clears it. */
  due?: { kind: FollowUpDueKind; on: string } | null
  /** Follow-up state before this step (null: there was none yet), for an undo. */
  before?: FollowUpSnapshot | null
  unitId?: number
  grade?: ReplyGrade
  /** The unit's reply as the clerk recorded it (staff only). */
  unitReply?: string
  /** Words to the resident: shown on the tracking page and the kiosk. */
  reply?: string
  verdict?: Verdict
  via?: VerdictChannel
  /** The resident's own word with a verdict: personal, erased with the other personal fields. */
  comment?: string
  /** For out_of_scope: the channel the resident should use instead. */
  rightChannel?: string
  masterId?: number
  duplicateId?: number
  /** On 'duplicate_linked': the same phone concern was sent again and merged into this one. */
  resubmitted?: true
  /** For 'undone': the event it reverses. */
  undoes?: number
  /** For 'escalated': the escalation level. */
  level?: number
}

/**
 * Where a concern stands in its follow-up: its current deadline, the unit it went to, the grade
 * of the unit's last reply, the master it duplicates, and a summary a clerk wrote for the public
 * monthly report. One row per concern, created by its first follow-up step; a concern without a
 * row waits only on its first response (concerns.first_response_due_on).
 */
export const concernFollowUps = sqliteTable(
  'concern_follow_ups',
  {
    concernId: integer('concern_id')
      .primaryKey()
      .references(() => concerns.id),
    masterConcernId: integer('master_concern_id').references(() => concerns.id),
    handlingUnitId: integer('handling_unit_id').references(() => handlingUnits.id),
    dueKind: text('due_kind', { enum: FOLLOW_UP_DUE_KINDS }),
    /** Local date (station's zone) by which the current step is owed; null when nothing is owed. */
    dueOn: text('due_on'),
    /** Highest escalation level sent to the street office for the current deadline. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    replyGrade: text('reply_grade', { enum: REPLY_GRADES }),
    /** Written by a clerk for the public monthly report: no names, phones or addresses. */
    publicSummary: text('public_summary'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('concern_follow_ups_master').on(t.masterConcernId),
    index('concern_follow_ups_due').on(t.dueOn),
  ],
)

// ── Outreach (issue 17) and the deputies' public pages (issue 16) ──────────────────────────────

/**
 * A deputy's outreach to a place (走访): planned, then held (with people met and a summary) or
 * cancelled (with a reason). `sequence` grows on every change, for the calendar feeds.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    placeId: integer('place_id')
      .notNull()
      .references(() => places.id),
    /** The station that organises it: its clerks may plan and log it, its feed and board show it. */
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    kind: text('kind', { enum: VISIT_KINDS }).notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('planned'),
    /** Public note on the plan, e.g. "重点听取企业用工问题"; no personal data. */
    note: text('note').notNull().default(''),
    cancelReason: text('cancel_reason'),
    /** A count only: names are never required. */
    peopleMet: integer('people_met'),
    summary: text('summary'),
    loggedAt: instant('logged_at'),
    createdByAccountId: integer('created_by_account_id').references(() => accounts.id),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('visits_starts').on(t.startsAt),
    index('visits_place').on(t.placeId, t.startsAt),
    index('visits_station').on(t.stationId, t.startsAt),
  ],
)

/** The deputies going on a visit. */
export const visitDeputies = sqliteTable(
  'visit_deputies',
  {
    visitId: integer('visit_id')
      .notNull()
      .references(() => visits.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.deputyId] }), index('visit_deputies_deputy').on(t.deputyId)],
)

/** A deputy's photo for the public pages, resized on upload; served with its ETag. */
export const deputyPhotos = sqliteTable('deputy_photos', {
  deputyId: integer('deputy_id')
    .primaryKey()
    .references(() => deputies.id),
  contentType: text('content_type').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** sha256 of the bytes, the strong ETag. */
  etag: text('etag').notNull(),
  updatedAt: updatedAt(),
})

// ── Deputies' suggestions (代表建议, issue 18) ─────────────────────────────────────────────────

/**
 * A deputy's suggestion to the handling units: one matter, its facts, causes and concrete actions,
 * led by one deputy with co-signers, built from residents' concerns. `year`/`number` are given at
 * the first submission (建议第 N 号). `round` counts re-handlings; `dueOn` is the units' deadline of
 * the current round (local date of `stationId`, the lead deputy's home station at drafting).
 */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year'),
    number: integer('number'),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id),
    leadDeputyId: integer('lead_deputy_id')
      .notNull()
      .references(() => deputies.id),
    kind: text('kind', { enum: SUGGESTION_KINDS }).notNull().default('other'),
    title: text('title').notNull().default(''),
    /** 现状: the problem with its facts. */
    problem: text('problem').notNull().default(''),
    /** 原因分析. */
    causes: text('causes').notNull().default(''),
    /** Why no resident's concern is linked, when none is. */
    noEvidenceReason: text('no_evidence_reason').notNull().default(''),
    /** Urgent suggestions get the short deadline (statutory practice: one month instead of three). */
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('draft'),
    /** The street office's reason when it returned the suggestion to the deputy. */
    returnReason: text('return_reason'),
    dueOn: text('due_on'),
    /** Highest escalation level sent for the current deadline. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    round: integer('round').notNull().default(0),
    /** The lead deputy's latest verdict on the handling. */
    verdict: text('verdict', { enum: VERDICTS }),
    /** Whether the first submission attempt passed every required quality item (null: none yet). */
    qualityFirstPassed: integer('quality_first_passed', { mode: 'boolean' }),
    submittedAt: instant('submitted_at'),
    acceptedAt: instant('accepted_at'),
    assignedAt: instant('assigned_at'),
    repliedAt: instant('replied_at'),
    closedAt: instant('closed_at'),
    createdByAccountId: integer('created_by_account_id').references(() => accounts.id),
    /** Grows on every edit: a form saved over a newer version is refused, nothing typed is lost. */
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('suggestions_number_unique').on(t.year, t.number),
    index('suggestions_lead').on(t.leadDeputyId, t.status),
    index('suggestions_station').on(t.stationId, t.status),
    index('suggestions_due').on(t.status, t.dueOn),
  ],
)

/** 具体建议: numbered actions, each saying who should act. */
export const suggestionActions = sqliteTable(
  'suggestion_actions',
  {
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Who should do it, in the deputy's words (e.g. 区住建局, 物业公司). */
    actor: text('actor').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.position] })],
)

/** Units the deputy proposes (stage 'proposed') and the office assigns ('assigned'): 主办 / 协办. */
export const suggestionUnits = sqliteTable(
  'suggestion_units',
  {
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    stage: text('stage', { enum: SUGGESTION_UNIT_STAGES }).notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    role: text('role', { enum: SUGGESTION_UNIT_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.stage, t.unitId] }),
    index('suggestion_units_unit').on(t.unitId, t.stage),
  ],
)

/** Co-signing deputies (联名): each confirms or declines on their own screen. */
export const suggestionCosigners = sqliteTable(
  'suggestion_cosigners',
  {
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    deputyId: integer('deputy_id')
      .notNull()
      .references(() => deputies.id),
    state: text('state', { enum: COSIGN_STATES }).notNull().default('invited'),
    invitedAt: instant('invited_at').notNull(),
    answeredAt: instant('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.deputyId] }),
    index('suggestion_cosigners_deputy').on(t.deputyId, t.state),
  ],
)

/** Residents' concerns a suggestion is built on (its evidence). */
export const suggestionConcerns = sqliteTable(
  'suggestion_concerns',
  {
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    concernId: integer('concern_id')
      .notNull()
      .references(() => concerns.id),
    linkedAt: instant('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.concernId] }),
    index('suggestion_concerns_concern').on(t.concernId),
  ],
)

/**
 * A unit's reply to a suggestion in one round, recorded by the office's staff and graded A–D.
 * `dueOn` is the round's deadline at the time, so "on time" stays what it was.
 */
export const suggestionReplies = sqliteTable(
  'suggestion_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => handlingUnits.id),
    round: integer('round').notNull(),
    grade: text('grade', { enum: REPLY_GRADES }).notNull(),
    /** The unit's reply as recorded; public (no personal data), relayed to linked residents. */
    text: text('text').notNull(),
    /** Local date the reply arrived; on time when not after `dueOn`. */
    repliedOn: text('replied_on').notNull(),
    dueOn: text('due_on'),
    recordedByAccountId: integer('recorded_by_account_id').references(() => accounts.id),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('suggestion_replies_round_unique').on(t.suggestionId, t.round, t.unitId),
    index('suggestion_replies_unit').on(t.unitId, t.repliedOn),
  ],
)

/** What to show for a suggestion event: the verdict, grade, unit, reason, quality items failed… */
export type SuggestionEventDetail = {
  verdict?: Verdict
  grade?: ReplyGrade
  unitId?: number
  unitIds?: number[]
  deputyId?: number
  concernIds?: number[]
  dueOn?: string | null
  round?: number
  level?: number
  /** Quality items that failed on a refused submission. */
  failed?: string[]
  number?: string
}

/** A suggestion's timeline; linked concerns' timelines show its public part. */
export const suggestionEvents = sqliteTable(
  'suggestion_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    suggestionId: integer('suggestion_id')
      .notNull()
      .references(() => suggestions.id),
    at: instant('at').notNull(),
    action: text('action', { enum: SUGGESTION_EVENT_ACTIONS }).notNull(),
    actorKind: text('actor_kind', { enum: ACTOR_KINDS }).notNull(),
    actorAccountId: integer('actor_account_id').references(() => accounts.id),
    fromStatus: text('from_status', { enum: SUGGESTION_STATUSES }),
    toStatus: text('to_status', { enum: SUGGESTION_STATUSES }).notNull(),
    /** A reason (return, verdict) or remark; shown to deputies and staff, not on public pages. */
    note: text('note').notNull().default(''),
    detail: text('detail', { mode: 'json' }).$type<SuggestionEventDetail>().notNull().default(sql`'{}'`),
  },
  (t) => [index('suggestion_events_suggestion').on(t.suggestionId, t.at)],
)
