/**
 * The value lists of the schema's enum columns. Plain data without drizzle, so routes and views
 * import them from here; db/schema.ts re-exports them for queries and types.
 */
export const ROLES = ['admin', 'staff', 'deputy'] as const
export type Role = (typeof ROLES)[number]

export const CLOSURE_KINDS = ['holiday', 'workday', 'station_closed'] as const
export type ClosureKind = (typeof CLOSURE_KINDS)[number]

export const CONCERN_STATUSES = [
  'received',
  'answered',
  'referred',
  'suggestion',
  'in_progress',
  'replied',
  'closed',
  'reopened',
  'duplicate',
  'out_of_scope',
  'withdrawn',
  // A walk-in who never came to the deputy and left no phone (issue 15): not a finished, withdrawn
  // or unanswered concern, so no figure counts it; the record shows how many apart.
  'no_show_no_contact',
  // A phone-submitted concern a clerk marked as spam (issue 16): never on a deputy's list or in
  // any figure; the resident's status page says it was not accepted.
  'spam',
] as const
export type ConcernStatus = (typeof CONCERN_STATUSES)[number]

export const FEED_KINDS = ['deputy', 'station', 'staff'] as const
export type FeedKind = (typeof FEED_KINDS)[number]

export const REPLY_GRADES = ['A', 'B', 'C', 'D'] as const
export type ReplyGrade = (typeof REPLY_GRADES)[number]
export const VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Verdict = (typeof VERDICTS)[number]

/** Kinds of place in the places register (issue 16/17): what a street office's list holds. */
export const PLACE_KINDS = ['community', 'village', 'estate', 'firm', 'school', 'market', 'other'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** A firm's trade, for the report's street (furniture, home textiles, fine chemicals, …). */
export const PLACE_SECTORS = [
  'furniture',
  'home_textiles',
  'fine_chemicals',
  'small_appliances',
  'nursery_plants',
  'other',
] as const
export type PlaceSector = (typeof PLACE_SECTORS)[number]

/** 入户走访, 企业座谈, 进校园, 集中接待 at a place. */
export const VISIT_KINDS = ['home_visits', 'firm_forum', 'school', 'reception_at_place'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]
export const VISIT_STATUSES = ['planned', 'held', 'cancelled'] as const
export type VisitStatus = (typeof VISIT_STATUSES)[number]

/** A phone-submitted concern waits for a clerk's look ('pending') when its station asks for one. */
export const TRIAGE_STATES = ['pending', 'accepted', 'spam'] as const
export type TriageState = (typeof TRIAGE_STATES)[number]
/** A station's rule for phone concerns: reach the deputy at once, or after a clerk's look. */
export const TRIAGE_RULES = ['immediate', 'after_review'] as const
export type TriageRule = (typeof TRIAGE_RULES)[number]

/** How a staff or deputy account wants its notices: the webhook (chat bot) or SMS to its phone. */
export const NOTIFY_CHANNELS = ['webhook', 'sms'] as const
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number]
/** The outbox's delivery path for one message. */
export const OUTBOX_CHANNELS = ['webhook', 'sms'] as const
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number]

// ── Deputies' suggestions (代表建议, issue 18) ─────────────────────────────────────────────────

/**
 * Where a suggestion stands: the deputy drafts (or reworks a returned one), submits, the street
 * office accepts and assigns it to units, the units reply, the lead deputy gives a verdict, which
 * closes it or sends it back for re-handling. Transitions live in server/domain/suggestion-lifecycle.ts.
 */
export const SUGGESTION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'assigned',
  'replied',
  'rehandling',
  'closed',
  'withdrawn',
] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

/** The templates' kinds: the five commonest, and anything else. */
export const SUGGESTION_KINDS = [
  'infrastructure',
  'traffic',
  'environment',
  'social_security',
  'business',
  'other',
] as const
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]

/** 主办 (lead unit) and 协办 (assisting unit). */
export const SUGGESTION_UNIT_ROLES = ['lead', 'assist'] as const
export type SuggestionUnitRole = (typeof SUGGESTION_UNIT_ROLES)[number]
/** A unit the deputy proposes in the draft, or one the street office assigned. */
export const SUGGESTION_UNIT_STAGES = ['proposed', 'assigned'] as const
export type SuggestionUnitStage = (typeof SUGGESTION_UNIT_STAGES)[number]

/** A co-signing deputy (联名) is invited by the lead, then confirms or declines on their own screen. */
export const COSIGN_STATES = ['invited', 'confirmed', 'declined'] as const
export type CosignState = (typeof COSIGN_STATES)[number]

/** What happened to a suggestion, on its timeline (and, for residents, on linked concerns'). */
export const SUGGESTION_EVENT_ACTIONS = [
  'created',
  'edited',
  'concerns_linked',
  'concerns_unlinked',
  'cosigner_invited',
  'cosigner_confirmed',
  'cosigner_declined',
  'submit_refused',
  'submitted',
  'returned',
  'accepted',
  'assigned',
  'unit_replied',
  'replied',
  'verdict',
  'rehandling',
  'closed',
  'withdrawn',
  'escalated',
] as const
export type SuggestionEventAction = (typeof SUGGESTION_EVENT_ACTIONS)[number]
