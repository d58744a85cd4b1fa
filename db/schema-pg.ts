// Generated from db/schema.ts by db/pg/generate-schema.ts (`npm run db:generate:pg`): do not edit.
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  customType,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const streets = pgTable('streets', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  nameZhHans: text('name_zh_hans').notNull(),
  nameZhHant: text('name_zh_hant').notNull().default(''),
  nameEn: text('name_en').notNull().default(''),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
})

export const stations = pgTable(
  'stations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    streetId: bigint('street_id', { mode: 'number' })
      .notNull()
      .references(() => streets.id),
    code: text('code').notNull(),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    address: text('address').notNull().default(''),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    phone: text('phone').notNull().default(''),
    openingHoursZhHans: text('opening_hours_zh_hans').notNull().default(''),
    openingHoursZhHant: text('opening_hours_zh_hant').notNull().default(''),
    openingHoursEn: text('opening_hours_en').notNull().default(''),
    defaultLocale: text('default_locale').notNull().default('zh-Hans'),
    defaultLargeText: bigint('default_large_text', { mode: 'number' }).notNull().default(0),
    phoneTriage: text('phone_triage').notNull().default('after_review'),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('stations_code_unique').on(t.code)],
)

export const districts = pgTable(
  'districts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    streetId: bigint('street_id', { mode: 'number' })
      .notNull()
      .references(() => streets.id),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    stationId: bigint('station_id', { mode: 'number' }).references(() => stations.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('districts_name_unique').on(t.streetId, t.nameZhHans)],
)

export const places = pgTable(
  'places',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    districtId: bigint('district_id', { mode: 'number' })
      .notNull()
      .references(() => districts.id),
    kind: text('kind').notNull(),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    sector: text('sector'),
    address: text('address').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    households: bigint('households', { mode: 'number' }),
    residents: bigint('residents', { mode: 'number' }),
    employees: bigint('employees', { mode: 'number' }),
    students: bigint('students', { mode: 'number' }),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('places_name_unique').on(t.districtId, t.nameZhHans),
    index('places_kind').on(t.kind, t.districtId),
  ],
)

export const deputies = pgTable('deputies', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  homeStationId: bigint('home_station_id', { mode: 'number' })
    .notNull()
    .references(() => stations.id),
  title: text('title').notNull().default(''),
  introZhHans: text('intro_zh_hans').notNull().default(''),
  introZhHant: text('intro_zh_hant').notNull().default(''),
  introEn: text('intro_en').notNull().default(''),
  workUnitPlaceId: bigint('work_unit_place_id', { mode: 'number' }).references(() => places.id),
  homePlaceId: bigint('home_place_id', { mode: 'number' }).references(() => places.id),
  active: bigint('active', { mode: 'number' }).notNull().default(1),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
})

export const deputyDistricts = pgTable(
  'deputy_districts',
  {
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    districtId: bigint('district_id', { mode: 'number' })
      .notNull()
      .references(() => districts.id),
  },
  (t) => [
    primaryKey({ columns: [t.deputyId, t.districtId] }),
    index('deputy_districts_district').on(t.districtId),
  ],
)

export const accounts = pgTable(
  'accounts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    phone: text('phone').notNull().default(''),
    notifyChannel: text('notify_channel').notNull().default('webhook'),
    streetOffice: bigint('street_office', { mode: 'number' }).notNull().default(0),
    mustChangePassword: bigint('must_change_password', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('accounts_username_unique').on(t.username)],
)

export const accountStations = pgTable(
  'account_stations',
  {
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.stationId] })],
)

export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('auth_sessions_account').on(t.accountId)],
)

export const handlingUnits = pgTable(
  'handling_units',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    contact: text('contact').notNull().default(''),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('handling_units_name_unique').on(t.nameZhHans)],
)

export const topics = pgTable(
  'topics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('topics_name_unique').on(t.nameZhHans)],
)

export const topicPhrases = pgTable(
  'topic_phrases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    active: bigint('active', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('topic_phrases_name_unique').on(t.topicId, t.nameZhHans)],
)

export const closures = pgTable(
  'closures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    stationId: bigint('station_id', { mode: 'number' }).notNull().default(0),
    name: text('name').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('closures_day_unique').on(t.date, t.stationId)],
)

export const kiosks = pgTable(
  'kiosks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    label: text('label').notNull(),
    pairingCodeHash: text('pairing_code_hash'),
    pairingExpiresAt: bigint('pairing_expires_at', { mode: 'number' }),
    deviceTokenHash: text('device_token_hash'),
    pairedAt: bigint('paired_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
    hasReceiptPrinter: bigint('has_receipt_printer', { mode: 'number' }).notNull().default(0),
    voiceAnnouncements: bigint('voice_announcements', { mode: 'number' }).notNull().default(1),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('kiosks_pairing_code_unique').on(t.pairingCodeHash),
    uniqueIndex('kiosks_device_token_unique').on(t.deviceTokenHash),
  ],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: bigint('at', { mode: 'number' }).notNull(),
    actorAccountId: bigint('actor_account_id', { mode: 'number' }).references(() => accounts.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull().default(''),
    detail: text('detail').notNull().default(sql`'{}'`),
  },
  (t) => [index('audit_log_at').on(t.at)],
)

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

export const dataVersions = pgTable('data_versions', {
  tableName: text('table_name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
})

export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    status: text('status').notNull(),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(1),
    leaseUntil: bigint('lease_until', { mode: 'number' }).notNull(),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    error: text('error'),
    result: text('result'),
  },
  (t) => [
    uniqueIndex('job_runs_slot_unique').on(t.job, t.slot),
    index('job_runs_job_started').on(t.job, t.startedAt),
  ],
)

export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dueAt: bigint('due_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }),
    status: text('status').notNull().default('pending'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    lastError: text('last_error'),
    sentAt: bigint('sent_at', { mode: 'number' }),
    channel: text('channel').notNull().default('webhook'),
    phone: text('phone'),
    smsParams: text('sms_params'),
    concernId: bigint('concern_id', { mode: 'number' }).references((): AnyPgColumn => concerns.id),
    bookingId: bigint('booking_id', { mode: 'number' }).references((): AnyPgColumn => receptionBookings.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_unique').on(t.dedupeKey),
    index('outbox_pending').on(t.status, t.nextAttemptAt),
    index('outbox_concern').on(t.concernId),
    index('outbox_booking').on(t.bookingId),
  ],
)

export const concerns = pgTable(
  'concerns',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trackingCode: text('tracking_code').notNull(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id),
    channel: text('channel').notNull(),
    status: text('status').notNull().default('received'),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    description: text('description'),
    residentName: text('resident_name'),
    callbackPhone: text('callback_phone'),
    personalDataErasedAt: bigint('personal_data_erased_at', { mode: 'number' }),
    receivedOn: text('received_on').notNull(),
    firstResponseDueOn: text('first_response_due_on').notNull(),
    submissionKey: text('submission_key'),
    kioskId: bigint('kiosk_id', { mode: 'number' }).references(() => kiosks.id),
    createdByAccountId: bigint('created_by_account_id', { mode: 'number' }).references(() => accounts.id),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    visitId: bigint('visit_id', { mode: 'number' }).references((): AnyPgColumn => visits.id),
    triage: text('triage'),
    smsConsent: bigint('sms_consent', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
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

export const concernPhrases = pgTable(
  'concern_phrases',
  {
    concernId: bigint('concern_id', { mode: 'number' })
      .notNull()
      .references(() => concerns.id),
    phraseId: bigint('phrase_id', { mode: 'number' })
      .notNull()
      .references(() => topicPhrases.id),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.phraseId] })],
)

export const staffCalls = pgTable(
  'staff_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    kioskId: bigint('kiosk_id', { mode: 'number' }).references(() => kiosks.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }),
    answeredByAccountId: bigint('answered_by_account_id', { mode: 'number' }).references(() => accounts.id),
  },
  (t) => [index('staff_calls_station_open').on(t.stationId, t.answeredAt)],
)

export const concernEvents = pgTable(
  'concern_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    concernId: bigint('concern_id', { mode: 'number' })
      .notNull()
      .references(() => concerns.id),
    at: bigint('at', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorAccountId: bigint('actor_account_id', { mode: 'number' }).references(() => accounts.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    detail: text('detail').notNull().default(sql`'{}'`),
  },
  (t) => [index('concern_events_concern').on(t.concernId, t.at)],
)

export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    localDate: text('local_date').notNull(),
    number: bigint('number', { mode: 'number' }).notNull(),
    concernId: bigint('concern_id', { mode: 'number' })
      .notNull()
      .references(() => concerns.id),
    kind: text('kind').notNull().default('walk_in'),
    slotAt: bigint('slot_at', { mode: 'number' }),
    priority: bigint('priority', { mode: 'number' }).notNull().default(0),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    status: text('status').notNull().default('waiting'),
    arrivedAt: bigint('arrived_at', { mode: 'number' }).notNull(),
    firstCalledAt: bigint('first_called_at', { mode: 'number' }),
    lastCalledAt: bigint('last_called_at', { mode: 'number' }),
    calledDeputyId: bigint('called_deputy_id', { mode: 'number' }).references(() => deputies.id),
    callCount: bigint('call_count', { mode: 'number' }).notNull().default(0),
    place: text('place').notNull().default(''),
    outcome: text('outcome'),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_unique').on(t.stationId, t.localDate, t.number),
    uniqueIndex('queue_tickets_concern_unique').on(t.concernId),
    index('queue_tickets_station_day_status').on(t.stationId, t.localDate, t.status),
    index('queue_tickets_called_deputy_day').on(t.calledDeputyId, t.localDate),
  ],
)

export const stationPresence = pgTable(
  'station_presence',
  {
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    present: bigint('present', { mode: 'number' }).notNull(),
    place: text('place').notNull().default(''),
    updatedByAccountId: bigint('updated_by_account_id', { mode: 'number' }).references(() => accounts.id),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.date, t.deputyId] }),
    index('station_presence_deputy_date').on(t.deputyId, t.date),
  ],
)

export const stationQueueSettings = pgTable('station_queue_settings', {
  stationId: bigint('station_id', { mode: 'number' })
    .primaryKey()
    .references(() => stations.id),
  priorityEvery: bigint('priority_every', { mode: 'number' }).notNull().default(3),
  firstResponseWorkingDays: bigint('first_response_working_days', { mode: 'number' }).notNull().default(5),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
})

export const rosterSlotDefs = pgTable(
  'roster_slot_defs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    code: text('code').notNull(),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    weekdays: text('weekdays').notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    sortOrder: bigint('sort_order', { mode: 'number' }).notNull().default(0),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('roster_slot_defs_station').on(t.stationId, t.code)],
)

export const rosterRules = pgTable(
  'roster_rules',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    layer: bigint('layer', { mode: 'number' }).notNull().default(1),
    effectiveFrom: text('effective_from').notNull(),
    unit: text('unit').notNull(),
    interval: bigint('interval', { mode: 'number' }).notNull().default(1),
    startPosition: bigint('start_position', { mode: 'number' }).notNull().default(0),
    slotCodes: text('slot_codes').notNull().default(''),
    weekdays: text('weekdays').notNull().default(''),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('roster_rules_version_unique').on(t.stationId, t.layer, t.effectiveFrom)],
)

export const rosterRuleParticipants = pgTable(
  'roster_rule_participants',
  {
    ruleId: bigint('rule_id', { mode: 'number' })
      .notNull()
      .references(() => rosterRules.id),
    position: bigint('position', { mode: 'number' }).notNull(),
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.position] }),
    check('roster_rule_participants_one_person', sql`(account_id is null) <> (deputy_id is null)`),
  ],
)

export const rosterAbsences = pgTable(
  'roster_absences',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    cancelledAt: bigint('cancelled_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('roster_absences_account').on(t.accountId),
    index('roster_absences_deputy').on(t.deputyId),
    check('roster_absences_one_person', sql`(account_id is null) <> (deputy_id is null)`),
  ],
)

export const rosterSwaps = pgTable(
  'roster_swaps',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    slotCode: text('slot_code').notNull(),
    fromAccountId: bigint('from_account_id', { mode: 'number' }).references(() => accounts.id),
    fromDeputyId: bigint('from_deputy_id', { mode: 'number' }).references(() => deputies.id),
    toAccountId: bigint('to_account_id', { mode: 'number' }).references(() => accounts.id),
    toDeputyId: bigint('to_deputy_id', { mode: 'number' }).references(() => deputies.id),
    status: text('status').notNull().default('open'),
    requestedBy: bigint('requested_by', { mode: 'number' }).references(() => accounts.id),
    takenBy: bigint('taken_by', { mode: 'number' }).references(() => accounts.id),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => accounts.id),
    decidedAt: bigint('decided_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('roster_swaps_one_live')
      .on(t.stationId, t.date, t.slotCode)
      .where(sql`status in ('open', 'taken')`),
    index('roster_swaps_station_date').on(t.stationId, t.date),
    check('roster_swaps_one_from', sql`(from_account_id is null) <> (from_deputy_id is null)`),
  ],
)

export const rosterOverrides = pgTable(
  'roster_overrides',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    slotCodes: text('slot_codes').notNull().default(''),
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    removedAt: bigint('removed_at', { mode: 'number' }),
    removedBy: bigint('removed_by', { mode: 'number' }).references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('roster_overrides_station').on(t.stationId, t.fromDate),
    check('roster_overrides_one_person', sql`(account_id is null) <> (deputy_id is null)`),
  ],
)

export const rosterPublications = pgTable(
  'roster_publications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    publishedThrough: text('published_through').notNull(),
    publishedBy: bigint('published_by', { mode: 'number' }).references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('roster_publications_station').on(t.stationId, t.publishedThrough)],
)

export const rosterEntries = pgTable(
  'roster_entries',
  {
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    slotCode: text('slot_code').notNull(),
    accountId: bigint('account_id', { mode: 'number' }).references(() => accounts.id),
    deputyId: bigint('deputy_id', { mode: 'number' }).references(() => deputies.id),
    publicationId: bigint('publication_id', { mode: 'number' })
      .notNull()
      .references(() => rosterPublications.id),
  },
  (t) => [
    primaryKey({ columns: [t.stationId, t.date, t.slotCode] }),
    check('roster_entries_at_most_one', sql`account_id is null or deputy_id is null`),
  ],
)

export const receptionPlans = pgTable(
  'reception_plans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    pattern: text('pattern').notNull().default('weekly'),
    weekdays: text('weekdays').notNull().default(''),
    nthOfMonth: bigint('nth_of_month', { mode: 'number' }),
    dayOfMonth: bigint('day_of_month', { mode: 'number' }),
    months: text('months').notNull().default(''),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: bigint('slot_minutes', { mode: 'number' }).notNull().default(30),
    capacityPerSlot: bigint('capacity_per_slot', { mode: 'number' }).notNull().default(1),
    place: text('place').notNull().default(''),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    endedAt: bigint('ended_at', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('reception_plans_station').on(t.stationId), index('reception_plans_deputy').on(t.deputyId)],
)

export const receptionSessions = pgTable(
  'reception_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: bigint('plan_id', { mode: 'number' }).references(() => receptionPlans.id),
    planDate: text('plan_date'),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: bigint('starts_at', { mode: 'number' }).notNull(),
    endsAt: bigint('ends_at', { mode: 'number' }).notNull(),
    slotMinutes: bigint('slot_minutes', { mode: 'number' }).notNull(),
    capacityPerSlot: bigint('capacity_per_slot', { mode: 'number' }).notNull(),
    place: text('place').notNull().default(''),
    status: text('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    cancelledAt: bigint('cancelled_at', { mode: 'number' }),
    movedAt: bigint('moved_at', { mode: 'number' }),
    movedFromDate: text('moved_from_date'),
    movedFromStartTime: text('moved_from_start_time'),
    sequence: bigint('sequence', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('reception_sessions_plan_date_unique').on(t.planId, t.planDate),
    index('reception_sessions_station_date').on(t.stationId, t.date),
    index('reception_sessions_deputy_date').on(t.deputyId, t.date),
    index('reception_sessions_updated').on(t.updatedAt),
  ],
)

export const receptionBookings = pgTable(
  'reception_bookings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull(),
    sessionId: bigint('session_id', { mode: 'number' })
      .notNull()
      .references(() => receptionSessions.id),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    slotIndex: bigint('slot_index', { mode: 'number' }).notNull(),
    seat: bigint('seat', { mode: 'number' }).notNull(),
    slotAt: bigint('slot_at', { mode: 'number' }).notNull(),
    slotEndsAt: bigint('slot_ends_at', { mode: 'number' }).notNull(),
    topicId: bigint('topic_id', { mode: 'number' })
      .notNull()
      .references(() => topics.id),
    residentName: text('resident_name'),
    residentPhone: text('resident_phone'),
    openLimitKey: text('open_limit_key'),
    status: text('status').notNull().default('booked'),
    channel: text('channel').notNull(),
    kioskId: bigint('kiosk_id', { mode: 'number' }).references(() => kiosks.id),
    createdByAccountId: bigint('created_by_account_id', { mode: 'number' }).references(() => accounts.id),
    submissionKey: text('submission_key'),
    concernId: bigint('concern_id', { mode: 'number' }).references(() => concerns.id),
    ticketId: bigint('ticket_id', { mode: 'number' }).references(() => queueTickets.id),
    checkedInAt: bigint('checked_in_at', { mode: 'number' }),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    noShowAt: bigint('no_show_at', { mode: 'number' }),
    cancelledAt: bigint('cancelled_at', { mode: 'number' }),
    cancelledBy: text('cancelled_by'),
    callbackReason: text('callback_reason'),
    callbackRequestedAt: bigint('callback_requested_at', { mode: 'number' }),
    callbackDoneAt: bigint('callback_done_at', { mode: 'number' }),
    callbackDoneBy: bigint('callback_done_by', { mode: 'number' }).references(() => accounts.id),
    placeId: bigint('place_id', { mode: 'number' }).references(() => places.id),
    smsConsent: bigint('sms_consent', { mode: 'number' }).notNull().default(0),
    personalDataErasedAt: bigint('personal_data_erased_at', { mode: 'number' }),
    sequence: bigint('sequence', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('reception_bookings_code_unique').on(t.code),
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
    index('reception_bookings_place').on(t.placeId, t.slotAt),
    index('reception_bookings_deputy').on(t.deputyId, t.slotAt),
  ],
)

export const stationBookingSettings = pgTable('station_booking_settings', {
  stationId: bigint('station_id', { mode: 'number' })
    .primaryKey()
    .references(() => stations.id),
  minNoticeMinutes: bigint('min_notice_minutes', { mode: 'number' }).notNull().default(120),
  horizonDays: bigint('horizon_days', { mode: 'number' }).notNull().default(30),
  onePerPhonePerDeputy: bigint('one_per_phone_per_deputy', { mode: 'number' }).notNull().default(1),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
})

export const feedTokens = pgTable(
  'feed_tokens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    tokenHash: text('token_hash').notNull(),
    locale: text('locale').notNull().default('zh-Hans'),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => accounts.id),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    revokedBy: bigint('revoked_by', { mode: 'number' }).references(() => accounts.id),
    renderedHash: text('rendered_hash'),
    renderedAt: bigint('rendered_at', { mode: 'number' }),
    lastFetchedAt: bigint('last_fetched_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('feed_tokens_hash_unique').on(t.tokenHash),
    uniqueIndex('feed_tokens_one_live').on(t.kind, t.subjectId).where(sql`revoked_at is null`),
  ],
)

export const concernFollowUps = pgTable(
  'concern_follow_ups',
  {
    concernId: bigint('concern_id', { mode: 'number' })
      .primaryKey()
      .references(() => concerns.id),
    masterConcernId: bigint('master_concern_id', { mode: 'number' }).references(() => concerns.id),
    handlingUnitId: bigint('handling_unit_id', { mode: 'number' }).references(() => handlingUnits.id),
    dueKind: text('due_kind'),
    dueOn: text('due_on'),
    escalationLevel: bigint('escalation_level', { mode: 'number' }).notNull().default(0),
    replyGrade: text('reply_grade'),
    publicSummary: text('public_summary'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('concern_follow_ups_master').on(t.masterConcernId),
    index('concern_follow_ups_due').on(t.dueOn),
  ],
)

export const visits = pgTable(
  'visits',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    placeId: bigint('place_id', { mode: 'number' })
      .notNull()
      .references(() => places.id),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    kind: text('kind').notNull(),
    startsAt: bigint('starts_at', { mode: 'number' }).notNull(),
    endsAt: bigint('ends_at', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
    cancelReason: text('cancel_reason'),
    peopleMet: bigint('people_met', { mode: 'number' }),
    summary: text('summary'),
    loggedAt: bigint('logged_at', { mode: 'number' }),
    createdByAccountId: bigint('created_by_account_id', { mode: 'number' }).references(() => accounts.id),
    sequence: bigint('sequence', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('visits_starts').on(t.startsAt),
    index('visits_place').on(t.placeId, t.startsAt),
    index('visits_station').on(t.stationId, t.startsAt),
  ],
)

export const visitDeputies = pgTable(
  'visit_deputies',
  {
    visitId: bigint('visit_id', { mode: 'number' })
      .notNull()
      .references(() => visits.id),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.deputyId] }), index('visit_deputies_deputy').on(t.deputyId)],
)

export const deputyPhotos = pgTable('deputy_photos', {
  deputyId: bigint('deputy_id', { mode: 'number' })
    .primaryKey()
    .references(() => deputies.id),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  width: bigint('width', { mode: 'number' }).notNull(),
  height: bigint('height', { mode: 'number' }).notNull(),
  etag: text('etag').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
})

export const suggestions = pgTable(
  'suggestions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: bigint('year', { mode: 'number' }),
    number: bigint('number', { mode: 'number' }),
    stationId: bigint('station_id', { mode: 'number' })
      .notNull()
      .references(() => stations.id),
    leadDeputyId: bigint('lead_deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    kind: text('kind').notNull().default('other'),
    title: text('title').notNull().default(''),
    problem: text('problem').notNull().default(''),
    causes: text('causes').notNull().default(''),
    noEvidenceReason: text('no_evidence_reason').notNull().default(''),
    urgent: bigint('urgent', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    dueOn: text('due_on'),
    escalationLevel: bigint('escalation_level', { mode: 'number' }).notNull().default(0),
    round: bigint('round', { mode: 'number' }).notNull().default(0),
    verdict: text('verdict'),
    qualityFirstPassed: bigint('quality_first_passed', { mode: 'number' }),
    submittedAt: bigint('submitted_at', { mode: 'number' }),
    acceptedAt: bigint('accepted_at', { mode: 'number' }),
    assignedAt: bigint('assigned_at', { mode: 'number' }),
    repliedAt: bigint('replied_at', { mode: 'number' }),
    closedAt: bigint('closed_at', { mode: 'number' }),
    createdByAccountId: bigint('created_by_account_id', { mode: 'number' }).references(() => accounts.id),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('suggestions_number_unique').on(t.year, t.number),
    index('suggestions_lead').on(t.leadDeputyId, t.status),
    index('suggestions_station').on(t.stationId, t.status),
    index('suggestions_due').on(t.status, t.dueOn),
  ],
)

export const suggestionActions = pgTable(
  'suggestion_actions',
  {
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    position: bigint('position', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    actor: text('actor').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.position] })],
)

export const suggestionUnits = pgTable(
  'suggestion_units',
  {
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    stage: text('stage').notNull(),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => handlingUnits.id),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.stage, t.unitId] }),
    index('suggestion_units_unit').on(t.unitId, t.stage),
  ],
)

export const suggestionCosigners = pgTable(
  'suggestion_cosigners',
  {
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    deputyId: bigint('deputy_id', { mode: 'number' })
      .notNull()
      .references(() => deputies.id),
    state: text('state').notNull().default('invited'),
    invitedAt: bigint('invited_at', { mode: 'number' }).notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.deputyId] }),
    index('suggestion_cosigners_deputy').on(t.deputyId, t.state),
  ],
)

export const suggestionConcerns = pgTable(
  'suggestion_concerns',
  {
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    concernId: bigint('concern_id', { mode: 'number' })
      .notNull()
      .references(() => concerns.id),
    linkedAt: bigint('linked_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.concernId] }),
    index('suggestion_concerns_concern').on(t.concernId),
  ],
)

export const suggestionReplies = pgTable(
  'suggestion_replies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    unitId: bigint('unit_id', { mode: 'number' })
      .notNull()
      .references(() => handlingUnits.id),
    round: bigint('round', { mode: 'number' }).notNull(),
    grade: text('grade').notNull(),
    text: text('text').notNull(),
    repliedOn: text('replied_on').notNull(),
    dueOn: text('due_on'),
    recordedByAccountId: bigint('recorded_by_account_id', { mode: 'number' }).references(() => accounts.id),
    recordedAt: bigint('recorded_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('suggestion_replies_round_unique').on(t.suggestionId, t.round, t.unitId),
    index('suggestion_replies_unit').on(t.unitId, t.repliedOn),
  ],
)

export const suggestionEvents = pgTable(
  'suggestion_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    suggestionId: bigint('suggestion_id', { mode: 'number' })
      .notNull()
      .references(() => suggestions.id),
    at: bigint('at', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorAccountId: bigint('actor_account_id', { mode: 'number' }).references(() => accounts.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    detail: text('detail').notNull().default(sql`'{}'`),
  },
  (t) => [index('suggestion_events_suggestion').on(t.suggestionId, t.at)],
)
