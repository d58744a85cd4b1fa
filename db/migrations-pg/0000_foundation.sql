CREATE TABLE "account_stations" (
	"account_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	CONSTRAINT "account_stations_account_id_station_id_pk" PRIMARY KEY("account_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"deputy_id" bigint,
	"active" bigint DEFAULT 1 NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"notify_channel" text DEFAULT 'webhook' NOT NULL,
	"street_office" bigint DEFAULT 0 NOT NULL,
	"must_change_password" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor_account_id" bigint,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text DEFAULT '' NOT NULL,
	"detail" text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"date" text NOT NULL,
	"kind" text NOT NULL,
	"station_id" bigint DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"concern_id" bigint NOT NULL,
	"at" bigint NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_account_id" bigint,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"detail" text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_follow_ups" (
	"concern_id" bigint PRIMARY KEY NOT NULL,
	"master_concern_id" bigint,
	"handling_unit_id" bigint,
	"due_kind" text,
	"due_on" text,
	"escalation_level" bigint DEFAULT 0 NOT NULL,
	"reply_grade" text,
	"public_summary" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_phrases" (
	"concern_id" bigint NOT NULL,
	"phrase_id" bigint NOT NULL,
	CONSTRAINT "concern_phrases_concern_id_phrase_id_pk" PRIMARY KEY("concern_id","phrase_id")
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"station_id" bigint NOT NULL,
	"topic_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"deputy_id" bigint,
	"description" text,
	"resident_name" text,
	"callback_phone" text,
	"personal_data_erased_at" bigint,
	"received_on" text NOT NULL,
	"first_response_due_on" text NOT NULL,
	"submission_key" text,
	"kiosk_id" bigint,
	"created_by_account_id" bigint,
	"place_id" bigint,
	"visit_id" bigint,
	"triage" text,
	"sms_consent" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_versions" (
	"table_name" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deputies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"home_station_id" bigint NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"intro_zh_hans" text DEFAULT '' NOT NULL,
	"intro_zh_hant" text DEFAULT '' NOT NULL,
	"intro_en" text DEFAULT '' NOT NULL,
	"work_unit_place_id" bigint,
	"home_place_id" bigint,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deputy_districts" (
	"deputy_id" bigint NOT NULL,
	"district_id" bigint NOT NULL,
	CONSTRAINT "deputy_districts_deputy_id_district_id_pk" PRIMARY KEY("deputy_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "deputy_photos" (
	"deputy_id" bigint PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" bigint NOT NULL,
	"height" bigint NOT NULL,
	"etag" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"street_id" bigint NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"station_id" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_tokens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"locale" text DEFAULT 'zh-Hans' NOT NULL,
	"created_by" bigint,
	"revoked_at" bigint,
	"revoked_by" bigint,
	"rendered_hash" text,
	"rendered_at" bigint,
	"last_fetched_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_units" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"status" text NOT NULL,
	"attempts" bigint DEFAULT 1 NOT NULL,
	"lease_until" bigint NOT NULL,
	"started_at" bigint NOT NULL,
	"finished_at" bigint,
	"error" text,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "kiosks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"label" text NOT NULL,
	"pairing_code_hash" text,
	"pairing_expires_at" bigint,
	"device_token_hash" text,
	"paired_at" bigint,
	"revoked_at" bigint,
	"last_seen_at" bigint,
	"has_receipt_printer" bigint DEFAULT 0 NOT NULL,
	"voice_announcements" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"due_at" bigint NOT NULL,
	"expires_at" bigint,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"sent_at" bigint,
	"channel" text DEFAULT 'webhook' NOT NULL,
	"phone" text,
	"sms_params" text,
	"concern_id" bigint,
	"booking_id" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"district_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sector" text,
	"address" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"households" bigint,
	"residents" bigint,
	"employees" bigint,
	"students" bigint,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"local_date" text NOT NULL,
	"number" bigint NOT NULL,
	"concern_id" bigint NOT NULL,
	"kind" text DEFAULT 'walk_in' NOT NULL,
	"slot_at" bigint,
	"priority" bigint DEFAULT 0 NOT NULL,
	"deputy_id" bigint,
	"status" text DEFAULT 'waiting' NOT NULL,
	"arrived_at" bigint NOT NULL,
	"first_called_at" bigint,
	"last_called_at" bigint,
	"called_deputy_id" bigint,
	"call_count" bigint DEFAULT 0 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"outcome" text,
	"finished_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_bookings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"session_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	"deputy_id" bigint NOT NULL,
	"slot_index" bigint NOT NULL,
	"seat" bigint NOT NULL,
	"slot_at" bigint NOT NULL,
	"slot_ends_at" bigint NOT NULL,
	"topic_id" bigint NOT NULL,
	"resident_name" text,
	"resident_phone" text,
	"open_limit_key" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"channel" text NOT NULL,
	"kiosk_id" bigint,
	"created_by_account_id" bigint,
	"submission_key" text,
	"concern_id" bigint,
	"ticket_id" bigint,
	"checked_in_at" bigint,
	"finished_at" bigint,
	"no_show_at" bigint,
	"cancelled_at" bigint,
	"cancelled_by" text,
	"callback_reason" text,
	"callback_requested_at" bigint,
	"callback_done_at" bigint,
	"callback_done_by" bigint,
	"place_id" bigint,
	"sms_consent" bigint DEFAULT 0 NOT NULL,
	"personal_data_erased_at" bigint,
	"sequence" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deputy_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	"pattern" text DEFAULT 'weekly' NOT NULL,
	"weekdays" text DEFAULT '' NOT NULL,
	"nth_of_month" bigint,
	"day_of_month" bigint,
	"months" text DEFAULT '' NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"slot_minutes" bigint DEFAULT 30 NOT NULL,
	"capacity_per_slot" bigint DEFAULT 1 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"ended_at" bigint,
	"created_by" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" bigint,
	"plan_date" text,
	"deputy_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	"date" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"slot_minutes" bigint NOT NULL,
	"capacity_per_slot" bigint NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"cancelled_at" bigint,
	"moved_at" bigint,
	"moved_from_date" text,
	"moved_from_start_time" text,
	"sequence" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_absences" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint,
	"deputy_id" bigint,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"created_by" bigint,
	"cancelled_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "roster_absences_one_person" CHECK ((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE TABLE "roster_entries" (
	"station_id" bigint NOT NULL,
	"date" text NOT NULL,
	"slot_code" text NOT NULL,
	"account_id" bigint,
	"deputy_id" bigint,
	"publication_id" bigint NOT NULL,
	CONSTRAINT "roster_entries_station_id_date_slot_code_pk" PRIMARY KEY("station_id","date","slot_code"),
	CONSTRAINT "roster_entries_at_most_one" CHECK (account_id is null or deputy_id is null)
);
--> statement-breakpoint
CREATE TABLE "roster_overrides" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"slot_codes" text DEFAULT '' NOT NULL,
	"account_id" bigint,
	"deputy_id" bigint,
	"created_by" bigint,
	"removed_at" bigint,
	"removed_by" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "roster_overrides_one_person" CHECK ((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE TABLE "roster_publications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"published_through" text NOT NULL,
	"published_by" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_rule_participants" (
	"rule_id" bigint NOT NULL,
	"position" bigint NOT NULL,
	"account_id" bigint,
	"deputy_id" bigint,
	CONSTRAINT "roster_rule_participants_rule_id_position_pk" PRIMARY KEY("rule_id","position"),
	CONSTRAINT "roster_rule_participants_one_person" CHECK ((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE TABLE "roster_rules" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"layer" bigint DEFAULT 1 NOT NULL,
	"effective_from" text NOT NULL,
	"unit" text NOT NULL,
	"interval" bigint DEFAULT 1 NOT NULL,
	"start_position" bigint DEFAULT 0 NOT NULL,
	"slot_codes" text DEFAULT '' NOT NULL,
	"weekdays" text DEFAULT '' NOT NULL,
	"created_by" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_slot_defs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"weekdays" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"created_by" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_swaps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"date" text NOT NULL,
	"slot_code" text NOT NULL,
	"from_account_id" bigint,
	"from_deputy_id" bigint,
	"to_account_id" bigint,
	"to_deputy_id" bigint,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by" bigint,
	"taken_by" bigint,
	"decided_by" bigint,
	"decided_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "roster_swaps_one_from" CHECK ((from_account_id is null) <> (from_deputy_id is null))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"station_id" bigint NOT NULL,
	"kiosk_id" bigint,
	"created_at" bigint NOT NULL,
	"answered_at" bigint,
	"answered_by_account_id" bigint
);
--> statement-breakpoint
CREATE TABLE "station_booking_settings" (
	"station_id" bigint PRIMARY KEY NOT NULL,
	"min_notice_minutes" bigint DEFAULT 120 NOT NULL,
	"horizon_days" bigint DEFAULT 30 NOT NULL,
	"one_per_phone_per_deputy" bigint DEFAULT 1 NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_presence" (
	"station_id" bigint NOT NULL,
	"date" text NOT NULL,
	"deputy_id" bigint NOT NULL,
	"present" bigint NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"updated_by_account_id" bigint,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "station_presence_station_id_date_deputy_id_pk" PRIMARY KEY("station_id","date","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "station_queue_settings" (
	"station_id" bigint PRIMARY KEY NOT NULL,
	"priority_every" bigint DEFAULT 3 NOT NULL,
	"first_response_working_days" bigint DEFAULT 5 NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"street_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"opening_hours_zh_hans" text DEFAULT '' NOT NULL,
	"opening_hours_zh_hant" text DEFAULT '' NOT NULL,
	"opening_hours_en" text DEFAULT '' NOT NULL,
	"default_locale" text DEFAULT 'zh-Hans' NOT NULL,
	"default_large_text" bigint DEFAULT 0 NOT NULL,
	"phone_triage" text DEFAULT 'after_review' NOT NULL,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_actions" (
	"suggestion_id" bigint NOT NULL,
	"position" bigint NOT NULL,
	"text" text NOT NULL,
	"actor" text DEFAULT '' NOT NULL,
	CONSTRAINT "suggestion_actions_suggestion_id_position_pk" PRIMARY KEY("suggestion_id","position")
);
--> statement-breakpoint
CREATE TABLE "suggestion_concerns" (
	"suggestion_id" bigint NOT NULL,
	"concern_id" bigint NOT NULL,
	"linked_at" bigint NOT NULL,
	CONSTRAINT "suggestion_concerns_suggestion_id_concern_id_pk" PRIMARY KEY("suggestion_id","concern_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_cosigners" (
	"suggestion_id" bigint NOT NULL,
	"deputy_id" bigint NOT NULL,
	"state" text DEFAULT 'invited' NOT NULL,
	"invited_at" bigint NOT NULL,
	"answered_at" bigint,
	CONSTRAINT "suggestion_cosigners_suggestion_id_deputy_id_pk" PRIMARY KEY("suggestion_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"suggestion_id" bigint NOT NULL,
	"at" bigint NOT NULL,
	"action" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_account_id" bigint,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"detail" text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_replies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"suggestion_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"round" bigint NOT NULL,
	"grade" text NOT NULL,
	"text" text NOT NULL,
	"replied_on" text NOT NULL,
	"due_on" text,
	"recorded_by_account_id" bigint,
	"recorded_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_units" (
	"suggestion_id" bigint NOT NULL,
	"stage" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "suggestion_units_suggestion_id_stage_unit_id_pk" PRIMARY KEY("suggestion_id","stage","unit_id")
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" bigint,
	"number" bigint,
	"station_id" bigint NOT NULL,
	"lead_deputy_id" bigint NOT NULL,
	"kind" text DEFAULT 'other' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"causes" text DEFAULT '' NOT NULL,
	"no_evidence_reason" text DEFAULT '' NOT NULL,
	"urgent" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"due_on" text,
	"escalation_level" bigint DEFAULT 0 NOT NULL,
	"round" bigint DEFAULT 0 NOT NULL,
	"verdict" text,
	"quality_first_passed" bigint,
	"submitted_at" bigint,
	"accepted_at" bigint,
	"assigned_at" bigint,
	"replied_at" bigint,
	"closed_at" bigint,
	"created_by_account_id" bigint,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic_phrases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic_id" bigint NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name_zh_hans" text NOT NULL,
	"name_zh_hant" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" bigint DEFAULT 0 NOT NULL,
	"active" bigint DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_deputies" (
	"visit_id" bigint NOT NULL,
	"deputy_id" bigint NOT NULL,
	CONSTRAINT "visit_deputies_visit_id_deputy_id_pk" PRIMARY KEY("visit_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"place_id" bigint NOT NULL,
	"station_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"starts_at" bigint NOT NULL,
	"ends_at" bigint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"cancel_reason" text,
	"people_met" bigint,
	"summary" text,
	"logged_at" bigint,
	"created_by_account_id" bigint,
	"sequence" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_stations" ADD CONSTRAINT "account_stations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_stations" ADD CONSTRAINT "account_stations_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_events" ADD CONSTRAINT "concern_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_follow_ups" ADD CONSTRAINT "concern_follow_ups_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_follow_ups" ADD CONSTRAINT "concern_follow_ups_master_concern_id_concerns_id_fk" FOREIGN KEY ("master_concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_follow_ups" ADD CONSTRAINT "concern_follow_ups_handling_unit_id_handling_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_phrases" ADD CONSTRAINT "concern_phrases_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_phrases" ADD CONSTRAINT "concern_phrases_phrase_id_topic_phrases_id_fk" FOREIGN KEY ("phrase_id") REFERENCES "public"."topic_phrases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_home_station_id_stations_id_fk" FOREIGN KEY ("home_station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_work_unit_place_id_places_id_fk" FOREIGN KEY ("work_unit_place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_home_place_id_places_id_fk" FOREIGN KEY ("home_place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_districts" ADD CONSTRAINT "deputy_districts_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_districts" ADD CONSTRAINT "deputy_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_photos" ADD CONSTRAINT "deputy_photos_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feed_tokens" ADD CONSTRAINT "feed_tokens_revoked_by_accounts_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_booking_id_reception_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."reception_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_called_deputy_id_deputies_id_fk" FOREIGN KEY ("called_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_ticket_id_queue_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."queue_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_callback_done_by_accounts_id_fk" FOREIGN KEY ("callback_done_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_plans" ADD CONSTRAINT "reception_plans_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_plans" ADD CONSTRAINT "reception_plans_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_plans" ADD CONSTRAINT "reception_plans_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_plan_id_reception_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."reception_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_absences" ADD CONSTRAINT "roster_absences_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_absences" ADD CONSTRAINT "roster_absences_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_absences" ADD CONSTRAINT "roster_absences_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD CONSTRAINT "roster_entries_publication_id_roster_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."roster_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_removed_by_accounts_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_publications" ADD CONSTRAINT "roster_publications_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_publications" ADD CONSTRAINT "roster_publications_published_by_accounts_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rule_participants" ADD CONSTRAINT "roster_rule_participants_rule_id_roster_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."roster_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rule_participants" ADD CONSTRAINT "roster_rule_participants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rule_participants" ADD CONSTRAINT "roster_rule_participants_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rules" ADD CONSTRAINT "roster_rules_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rules" ADD CONSTRAINT "roster_rules_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_slot_defs" ADD CONSTRAINT "roster_slot_defs_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_slot_defs" ADD CONSTRAINT "roster_slot_defs_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_from_account_id_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_from_deputy_id_deputies_id_fk" FOREIGN KEY ("from_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_to_account_id_accounts_id_fk" FOREIGN KEY ("to_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_to_deputy_id_deputies_id_fk" FOREIGN KEY ("to_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_taken_by_accounts_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_swaps" ADD CONSTRAINT "roster_swaps_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_calls" ADD CONSTRAINT "staff_calls_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_calls" ADD CONSTRAINT "staff_calls_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_calls" ADD CONSTRAINT "staff_calls_answered_by_account_id_accounts_id_fk" FOREIGN KEY ("answered_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_booking_settings" ADD CONSTRAINT "station_booking_settings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_presence" ADD CONSTRAINT "station_presence_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_presence" ADD CONSTRAINT "station_presence_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_presence" ADD CONSTRAINT "station_presence_updated_by_account_id_accounts_id_fk" FOREIGN KEY ("updated_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_queue_settings" ADD CONSTRAINT "station_queue_settings_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_actions" ADD CONSTRAINT "suggestion_actions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_concerns" ADD CONSTRAINT "suggestion_concerns_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_concerns" ADD CONSTRAINT "suggestion_concerns_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_cosigners" ADD CONSTRAINT "suggestion_cosigners_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_cosigners" ADD CONSTRAINT "suggestion_cosigners_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_events" ADD CONSTRAINT "suggestion_events_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_events" ADD CONSTRAINT "suggestion_events_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_recorded_by_account_id_accounts_id_fk" FOREIGN KEY ("recorded_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_units" ADD CONSTRAINT "suggestion_units_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_units" ADD CONSTRAINT "suggestion_units_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_lead_deputy_id_deputies_id_fk" FOREIGN KEY ("lead_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_phrases" ADD CONSTRAINT "topic_phrases_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_deputies" ADD CONSTRAINT "visit_deputies_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_deputies" ADD CONSTRAINT "visit_deputies_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_account_id_accounts_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_unique" ON "accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "auth_sessions_account" ON "auth_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "closures_day_unique" ON "closures" USING btree ("date","station_id");--> statement-breakpoint
CREATE INDEX "concern_events_concern" ON "concern_events" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "concern_follow_ups_master" ON "concern_follow_ups" USING btree ("master_concern_id");--> statement-breakpoint
CREATE INDEX "concern_follow_ups_due" ON "concern_follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_tracking_code_unique" ON "concerns" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "concerns_place" ON "concerns" USING btree ("place_id","received_on");--> statement-breakpoint
CREATE INDEX "concerns_visit" ON "concerns" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "concerns_triage" ON "concerns" USING btree ("triage","station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_submission_key_unique" ON "concerns" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "concerns_deputy_status" ON "concerns" USING btree ("deputy_id","status");--> statement-breakpoint
CREATE INDEX "concerns_station_received" ON "concerns" USING btree ("station_id","received_on");--> statement-breakpoint
CREATE INDEX "deputy_districts_district" ON "deputy_districts" USING btree ("district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "districts_name_unique" ON "districts" USING btree ("street_id","name_zh_hans");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_hash_unique" ON "feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_tokens_one_live" ON "feed_tokens" USING btree ("kind","subject_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "handling_units_name_unique" ON "handling_units" USING btree ("name_zh_hans");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_slot_unique" ON "job_runs" USING btree ("job","slot");--> statement-breakpoint
CREATE INDEX "job_runs_job_started" ON "job_runs" USING btree ("job","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kiosks_pairing_code_unique" ON "kiosks" USING btree ("pairing_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "kiosks_device_token_unique" ON "kiosks" USING btree ("device_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_unique" ON "outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_concern" ON "outbox" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "outbox_booking" ON "outbox" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_name_unique" ON "places" USING btree ("district_id","name_zh_hans");--> statement-breakpoint
CREATE INDEX "places_kind" ON "places" USING btree ("kind","district_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_unique" ON "queue_tickets" USING btree ("station_id","local_date","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_concern_unique" ON "queue_tickets" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "queue_tickets_station_day_status" ON "queue_tickets" USING btree ("station_id","local_date","status");--> statement-breakpoint
CREATE INDEX "queue_tickets_called_deputy_day" ON "queue_tickets" USING btree ("called_deputy_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_code_unique" ON "reception_bookings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "reception_bookings_concern" ON "reception_bookings" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "reception_bookings_ticket" ON "reception_bookings" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_submission_key_unique" ON "reception_bookings" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_seat_unique" ON "reception_bookings" USING btree ("session_id","slot_index","seat") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_open_limit_unique" ON "reception_bookings" USING btree ("open_limit_key") WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX "reception_bookings_session" ON "reception_bookings" USING btree ("session_id","slot_index");--> statement-breakpoint
CREATE INDEX "reception_bookings_station_slot" ON "reception_bookings" USING btree ("station_id","slot_at");--> statement-breakpoint
CREATE INDEX "reception_bookings_status_end" ON "reception_bookings" USING btree ("status","slot_ends_at");--> statement-breakpoint
CREATE INDEX "reception_bookings_updated" ON "reception_bookings" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "reception_plans_station" ON "reception_plans" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "reception_plans_deputy" ON "reception_plans" USING btree ("deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_sessions_plan_date_unique" ON "reception_sessions" USING btree ("plan_id","plan_date");--> statement-breakpoint
CREATE INDEX "reception_sessions_station_date" ON "reception_sessions" USING btree ("station_id","date");--> statement-breakpoint
CREATE INDEX "reception_sessions_deputy_date" ON "reception_sessions" USING btree ("deputy_id","date");--> statement-breakpoint
CREATE INDEX "reception_sessions_updated" ON "reception_sessions" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "roster_absences_account" ON "roster_absences" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "roster_absences_deputy" ON "roster_absences" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "roster_overrides_station" ON "roster_overrides" USING btree ("station_id","from_date");--> statement-breakpoint
CREATE INDEX "roster_publications_station" ON "roster_publications" USING btree ("station_id","published_through");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_rules_version_unique" ON "roster_rules" USING btree ("station_id","layer","effective_from");--> statement-breakpoint
CREATE INDEX "roster_slot_defs_station" ON "roster_slot_defs" USING btree ("station_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_swaps_one_live" ON "roster_swaps" USING btree ("station_id","date","slot_code") WHERE status in ('open', 'taken');--> statement-breakpoint
CREATE INDEX "roster_swaps_station_date" ON "roster_swaps" USING btree ("station_id","date");--> statement-breakpoint
CREATE INDEX "staff_calls_station_open" ON "staff_calls" USING btree ("station_id","answered_at");--> statement-breakpoint
CREATE INDEX "station_presence_deputy_date" ON "station_presence" USING btree ("deputy_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_code_unique" ON "stations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "suggestion_concerns_concern" ON "suggestion_concerns" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "suggestion_cosigners_deputy" ON "suggestion_cosigners" USING btree ("deputy_id","state");--> statement-breakpoint
CREATE INDEX "suggestion_events_suggestion" ON "suggestion_events" USING btree ("suggestion_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_replies_round_unique" ON "suggestion_replies" USING btree ("suggestion_id","round","unit_id");--> statement-breakpoint
CREATE INDEX "suggestion_replies_unit" ON "suggestion_replies" USING btree ("unit_id","replied_on");--> statement-breakpoint
CREATE INDEX "suggestion_units_unit" ON "suggestion_units" USING btree ("unit_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_number_unique" ON "suggestions" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "suggestions_lead" ON "suggestions" USING btree ("lead_deputy_id","status");--> statement-breakpoint
CREATE INDEX "suggestions_station" ON "suggestions" USING btree ("station_id","status");--> statement-breakpoint
CREATE INDEX "suggestions_due" ON "suggestions" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "topic_phrases_name_unique" ON "topic_phrases" USING btree ("topic_id","name_zh_hans");--> statement-breakpoint
CREATE UNIQUE INDEX "topics_name_unique" ON "topics" USING btree ("name_zh_hans");--> statement-breakpoint
CREATE INDEX "visit_deputies_deputy" ON "visit_deputies" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "visits_starts" ON "visits" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "visits_place" ON "visits" USING btree ("place_id","starts_at");--> statement-breakpoint
CREATE INDEX "visits_station" ON "visits" USING btree ("station_id","starts_at");