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
] as const
export type ConcernStatus = (typeof CONCERN_STATUSES)[number]

export const FEED_KINDS = ['deputy', 'station', 'staff'] as const
export type FeedKind = (typeof FEED_KINDS)[number]

export const REPLY_GRADES = ['A', 'B', 'C', 'D'] as const
export type ReplyGrade = (typeof REPLY_GRADES)[number]
export const VERDICTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export type Verdict = (typeof VERDICTS)[number]
