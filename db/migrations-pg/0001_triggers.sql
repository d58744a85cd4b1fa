-- Hand-written (decision 0044). Every table with a bigserial id gets its id as SQLite's AUTOINCREMENT
-- would give it: drizzle's SQLite dialect inserts an explicit null into an omitted id, which takes
-- the next value of the column's sequence here, and an explicit id moves the sequence past it so
-- the next generated id is the largest so far plus one.
CREATE FUNCTION liaison_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seq regclass := pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id')::regclass;
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(seq);
  ELSIF NEW.id > coalesce(pg_sequence_last_value(seq), 0) THEN
    PERFORM setval(seq, NEW.id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "streets_fill_id" BEFORE INSERT ON "streets" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "stations_fill_id" BEFORE INSERT ON "stations" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "districts_fill_id" BEFORE INSERT ON "districts" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "places_fill_id" BEFORE INSERT ON "places" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "deputies_fill_id" BEFORE INSERT ON "deputies" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "accounts_fill_id" BEFORE INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "handling_units_fill_id" BEFORE INSERT ON "handling_units" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "topics_fill_id" BEFORE INSERT ON "topics" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_fill_id" BEFORE INSERT ON "topic_phrases" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "closures_fill_id" BEFORE INSERT ON "closures" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "kiosks_fill_id" BEFORE INSERT ON "kiosks" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "audit_log_fill_id" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "job_runs_fill_id" BEFORE INSERT ON "job_runs" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "outbox_fill_id" BEFORE INSERT ON "outbox" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "concerns_fill_id" BEFORE INSERT ON "concerns" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "staff_calls_fill_id" BEFORE INSERT ON "staff_calls" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "concern_events_fill_id" BEFORE INSERT ON "concern_events" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_fill_id" BEFORE INSERT ON "queue_tickets" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_fill_id" BEFORE INSERT ON "roster_slot_defs" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_rules_fill_id" BEFORE INSERT ON "roster_rules" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_absences_fill_id" BEFORE INSERT ON "roster_absences" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_fill_id" BEFORE INSERT ON "roster_swaps" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_fill_id" BEFORE INSERT ON "roster_overrides" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "roster_publications_fill_id" BEFORE INSERT ON "roster_publications" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "reception_plans_fill_id" BEFORE INSERT ON "reception_plans" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_fill_id" BEFORE INSERT ON "reception_sessions" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_fill_id" BEFORE INSERT ON "reception_bookings" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_fill_id" BEFORE INSERT ON "feed_tokens" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "visits_fill_id" BEFORE INSERT ON "visits" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "suggestions_fill_id" BEFORE INSERT ON "suggestions" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "suggestion_replies_fill_id" BEFORE INSERT ON "suggestion_replies" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
CREATE TRIGGER "suggestion_events_fill_id" BEFORE INSERT ON "suggestion_events" FOR EACH ROW EXECUTE FUNCTION liaison_fill_id();
--> statement-breakpoint
-- The data versions of SQLite's migrations 0007-0010, 0012 and 0013: every insert, update and
-- delete of a versioned table sets its row to a fresh random number, and tells the other app
-- processes on this schema (LISTEN liaison_data) that their caches may be stale. PostgreSQL sends
-- a transaction's notifications at its commit, once per distinct payload.
CREATE FUNCTION liaison_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = ('x' || substr(md5(random()::text), 1, 16))::bit(64)::bigint
    WHERE table_name = TG_TABLE_NAME;
  PERFORM pg_notify('liaison_data', current_schema());
  RETURN NULL;
END;
$$;
--> statement-breakpoint
INSERT INTO data_versions (table_name) VALUES ('streets'), ('stations'), ('districts'), ('deputies'), ('deputy_districts'), ('accounts'), ('account_stations'), ('handling_units'), ('topics'), ('closures'), ('settings'), ('station_presence'), ('station_queue_settings'), ('station_booking_settings'), ('roster_slot_defs'), ('roster_rules'), ('roster_rule_participants'), ('roster_absences'), ('roster_swaps'), ('roster_overrides'), ('roster_publications'), ('roster_entries'), ('reception_plans'), ('reception_sessions'), ('reception_bookings'), ('topic_phrases'), ('places'), ('visits'), ('visit_deputies'), ('concerns'), ('concern_events'), ('queue_tickets'), ('feed_tokens'), ('kiosks');
--> statement-breakpoint
CREATE TRIGGER "streets_insert_version" AFTER INSERT ON "streets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "streets_update_version" AFTER UPDATE ON "streets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "streets_delete_version" AFTER DELETE ON "streets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "stations_insert_version" AFTER INSERT ON "stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "stations_update_version" AFTER UPDATE ON "stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "stations_delete_version" AFTER DELETE ON "stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "districts_insert_version" AFTER INSERT ON "districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "districts_update_version" AFTER UPDATE ON "districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "districts_delete_version" AFTER DELETE ON "districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputies_insert_version" AFTER INSERT ON "deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputies_update_version" AFTER UPDATE ON "deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputies_delete_version" AFTER DELETE ON "deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_insert_version" AFTER INSERT ON "deputy_districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_update_version" AFTER UPDATE ON "deputy_districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_delete_version" AFTER DELETE ON "deputy_districts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "accounts_insert_version" AFTER INSERT ON "accounts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "accounts_update_version" AFTER UPDATE ON "accounts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "accounts_delete_version" AFTER DELETE ON "accounts" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "account_stations_insert_version" AFTER INSERT ON "account_stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "account_stations_update_version" AFTER UPDATE ON "account_stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "account_stations_delete_version" AFTER DELETE ON "account_stations" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "handling_units_insert_version" AFTER INSERT ON "handling_units" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "handling_units_update_version" AFTER UPDATE ON "handling_units" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "handling_units_delete_version" AFTER DELETE ON "handling_units" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topics_insert_version" AFTER INSERT ON "topics" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topics_update_version" AFTER UPDATE ON "topics" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topics_delete_version" AFTER DELETE ON "topics" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "closures_insert_version" AFTER INSERT ON "closures" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "closures_update_version" AFTER UPDATE ON "closures" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "closures_delete_version" AFTER DELETE ON "closures" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "settings_insert_version" AFTER INSERT ON "settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "settings_update_version" AFTER UPDATE ON "settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "settings_delete_version" AFTER DELETE ON "settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_presence_insert_version" AFTER INSERT ON "station_presence" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_presence_update_version" AFTER UPDATE ON "station_presence" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_presence_delete_version" AFTER DELETE ON "station_presence" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_insert_version" AFTER INSERT ON "station_queue_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_update_version" AFTER UPDATE ON "station_queue_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_delete_version" AFTER DELETE ON "station_queue_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_insert_version" AFTER INSERT ON "station_booking_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_update_version" AFTER UPDATE ON "station_booking_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_delete_version" AFTER DELETE ON "station_booking_settings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_insert_version" AFTER INSERT ON "roster_slot_defs" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_update_version" AFTER UPDATE ON "roster_slot_defs" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_delete_version" AFTER DELETE ON "roster_slot_defs" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rules_insert_version" AFTER INSERT ON "roster_rules" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rules_update_version" AFTER UPDATE ON "roster_rules" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rules_delete_version" AFTER DELETE ON "roster_rules" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_insert_version" AFTER INSERT ON "roster_rule_participants" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_update_version" AFTER UPDATE ON "roster_rule_participants" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_delete_version" AFTER DELETE ON "roster_rule_participants" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_absences_insert_version" AFTER INSERT ON "roster_absences" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_absences_update_version" AFTER UPDATE ON "roster_absences" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_absences_delete_version" AFTER DELETE ON "roster_absences" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_insert_version" AFTER INSERT ON "roster_swaps" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_update_version" AFTER UPDATE ON "roster_swaps" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_delete_version" AFTER DELETE ON "roster_swaps" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_insert_version" AFTER INSERT ON "roster_overrides" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_update_version" AFTER UPDATE ON "roster_overrides" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_delete_version" AFTER DELETE ON "roster_overrides" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_publications_insert_version" AFTER INSERT ON "roster_publications" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_publications_update_version" AFTER UPDATE ON "roster_publications" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_publications_delete_version" AFTER DELETE ON "roster_publications" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_entries_insert_version" AFTER INSERT ON "roster_entries" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_entries_update_version" AFTER UPDATE ON "roster_entries" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "roster_entries_delete_version" AFTER DELETE ON "roster_entries" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_plans_insert_version" AFTER INSERT ON "reception_plans" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_plans_update_version" AFTER UPDATE ON "reception_plans" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_plans_delete_version" AFTER DELETE ON "reception_plans" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_insert_version" AFTER INSERT ON "reception_sessions" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_update_version" AFTER UPDATE ON "reception_sessions" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_delete_version" AFTER DELETE ON "reception_sessions" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_insert_version" AFTER INSERT ON "reception_bookings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_update_version" AFTER UPDATE ON "reception_bookings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_delete_version" AFTER DELETE ON "reception_bookings" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_insert_version" AFTER INSERT ON "topic_phrases" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_update_version" AFTER UPDATE ON "topic_phrases" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_delete_version" AFTER DELETE ON "topic_phrases" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "places_insert_version" AFTER INSERT ON "places" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "places_update_version" AFTER UPDATE ON "places" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "places_delete_version" AFTER DELETE ON "places" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visits_insert_version" AFTER INSERT ON "visits" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visits_update_version" AFTER UPDATE ON "visits" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visits_delete_version" AFTER DELETE ON "visits" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_insert_version" AFTER INSERT ON "visit_deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_update_version" AFTER UPDATE ON "visit_deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_delete_version" AFTER DELETE ON "visit_deputies" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concerns_insert_version" AFTER INSERT ON "concerns" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concerns_update_version" AFTER UPDATE ON "concerns" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concerns_delete_version" AFTER DELETE ON "concerns" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concern_events_insert_version" AFTER INSERT ON "concern_events" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concern_events_update_version" AFTER UPDATE ON "concern_events" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "concern_events_delete_version" AFTER DELETE ON "concern_events" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_insert_version" AFTER INSERT ON "queue_tickets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_update_version" AFTER UPDATE ON "queue_tickets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_delete_version" AFTER DELETE ON "queue_tickets" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_insert_version" AFTER INSERT ON "feed_tokens" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_update_version" AFTER UPDATE OF "id", "kind", "subject_id", "token_hash", "locale", "revoked_at" ON "feed_tokens" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_delete_version" AFTER DELETE ON "feed_tokens" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "kiosks_insert_version" AFTER INSERT ON "kiosks" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "kiosks_update_version" AFTER UPDATE OF "id", "station_id", "label", "device_token_hash", "revoked_at", "has_receipt_printer", "voice_announcements" ON "kiosks" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
--> statement-breakpoint
CREATE TRIGGER "kiosks_delete_version" AFTER DELETE ON "kiosks" FOR EACH ROW EXECUTE FUNCTION liaison_bump_version();
