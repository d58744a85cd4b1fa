-- Hand-written (decisions 0044, 0045). The data-version triggers of 0001 ran once per row: a
-- multi-row insert of 50 walk-ins updated the same data_versions row and queued a notification 50
-- times (1.2 ms for 50 rows, against 0.2 ms once per statement). They now run once per statement. A statement that changes no row moves no version, as on SQLite, by looking
-- at its transition table; an UPDATE OF some columns cannot have one (PostgreSQL refuses a
-- transition table with a column list), so such a trigger moves the version whenever one of its
-- columns is set, even on no row.
CREATE FUNCTION liaison_bump_version_of_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE data_versions SET version = ('x' || substr(md5(random()::text), 1, 16))::bit(64)::bigint
      WHERE table_name = TG_TABLE_NAME;
    PERFORM pg_notify('liaison_data', current_schema());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION liaison_bump_version_of_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = ('x' || substr(md5(random()::text), 1, 16))::bit(64)::bigint
    WHERE table_name = TG_TABLE_NAME;
  PERFORM pg_notify('liaison_data', current_schema());
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "streets_insert_version" ON "streets";
--> statement-breakpoint
CREATE TRIGGER "streets_insert_version" AFTER INSERT ON "streets" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "streets_update_version" ON "streets";
--> statement-breakpoint
CREATE TRIGGER "streets_update_version" AFTER UPDATE ON "streets" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "streets_delete_version" ON "streets";
--> statement-breakpoint
CREATE TRIGGER "streets_delete_version" AFTER DELETE ON "streets" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "stations_insert_version" ON "stations";
--> statement-breakpoint
CREATE TRIGGER "stations_insert_version" AFTER INSERT ON "stations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "stations_update_version" ON "stations";
--> statement-breakpoint
CREATE TRIGGER "stations_update_version" AFTER UPDATE ON "stations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "stations_delete_version" ON "stations";
--> statement-breakpoint
CREATE TRIGGER "stations_delete_version" AFTER DELETE ON "stations" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "districts_insert_version" ON "districts";
--> statement-breakpoint
CREATE TRIGGER "districts_insert_version" AFTER INSERT ON "districts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "districts_update_version" ON "districts";
--> statement-breakpoint
CREATE TRIGGER "districts_update_version" AFTER UPDATE ON "districts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "districts_delete_version" ON "districts";
--> statement-breakpoint
CREATE TRIGGER "districts_delete_version" AFTER DELETE ON "districts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputies_insert_version" ON "deputies";
--> statement-breakpoint
CREATE TRIGGER "deputies_insert_version" AFTER INSERT ON "deputies" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputies_update_version" ON "deputies";
--> statement-breakpoint
CREATE TRIGGER "deputies_update_version" AFTER UPDATE ON "deputies" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputies_delete_version" ON "deputies";
--> statement-breakpoint
CREATE TRIGGER "deputies_delete_version" AFTER DELETE ON "deputies" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputy_districts_insert_version" ON "deputy_districts";
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_insert_version" AFTER INSERT ON "deputy_districts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputy_districts_update_version" ON "deputy_districts";
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_update_version" AFTER UPDATE ON "deputy_districts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "deputy_districts_delete_version" ON "deputy_districts";
--> statement-breakpoint
CREATE TRIGGER "deputy_districts_delete_version" AFTER DELETE ON "deputy_districts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "accounts_insert_version" ON "accounts";
--> statement-breakpoint
CREATE TRIGGER "accounts_insert_version" AFTER INSERT ON "accounts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "accounts_update_version" ON "accounts";
--> statement-breakpoint
CREATE TRIGGER "accounts_update_version" AFTER UPDATE ON "accounts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "accounts_delete_version" ON "accounts";
--> statement-breakpoint
CREATE TRIGGER "accounts_delete_version" AFTER DELETE ON "accounts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "account_stations_insert_version" ON "account_stations";
--> statement-breakpoint
CREATE TRIGGER "account_stations_insert_version" AFTER INSERT ON "account_stations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "account_stations_update_version" ON "account_stations";
--> statement-breakpoint
CREATE TRIGGER "account_stations_update_version" AFTER UPDATE ON "account_stations" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "account_stations_delete_version" ON "account_stations";
--> statement-breakpoint
CREATE TRIGGER "account_stations_delete_version" AFTER DELETE ON "account_stations" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "handling_units_insert_version" ON "handling_units";
--> statement-breakpoint
CREATE TRIGGER "handling_units_insert_version" AFTER INSERT ON "handling_units" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "handling_units_update_version" ON "handling_units";
--> statement-breakpoint
CREATE TRIGGER "handling_units_update_version" AFTER UPDATE ON "handling_units" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "handling_units_delete_version" ON "handling_units";
--> statement-breakpoint
CREATE TRIGGER "handling_units_delete_version" AFTER DELETE ON "handling_units" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topics_insert_version" ON "topics";
--> statement-breakpoint
CREATE TRIGGER "topics_insert_version" AFTER INSERT ON "topics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topics_update_version" ON "topics";
--> statement-breakpoint
CREATE TRIGGER "topics_update_version" AFTER UPDATE ON "topics" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topics_delete_version" ON "topics";
--> statement-breakpoint
CREATE TRIGGER "topics_delete_version" AFTER DELETE ON "topics" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "closures_insert_version" ON "closures";
--> statement-breakpoint
CREATE TRIGGER "closures_insert_version" AFTER INSERT ON "closures" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "closures_update_version" ON "closures";
--> statement-breakpoint
CREATE TRIGGER "closures_update_version" AFTER UPDATE ON "closures" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "closures_delete_version" ON "closures";
--> statement-breakpoint
CREATE TRIGGER "closures_delete_version" AFTER DELETE ON "closures" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "settings_insert_version" ON "settings";
--> statement-breakpoint
CREATE TRIGGER "settings_insert_version" AFTER INSERT ON "settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "settings_update_version" ON "settings";
--> statement-breakpoint
CREATE TRIGGER "settings_update_version" AFTER UPDATE ON "settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "settings_delete_version" ON "settings";
--> statement-breakpoint
CREATE TRIGGER "settings_delete_version" AFTER DELETE ON "settings" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_presence_insert_version" ON "station_presence";
--> statement-breakpoint
CREATE TRIGGER "station_presence_insert_version" AFTER INSERT ON "station_presence" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_presence_update_version" ON "station_presence";
--> statement-breakpoint
CREATE TRIGGER "station_presence_update_version" AFTER UPDATE ON "station_presence" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_presence_delete_version" ON "station_presence";
--> statement-breakpoint
CREATE TRIGGER "station_presence_delete_version" AFTER DELETE ON "station_presence" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_queue_settings_insert_version" ON "station_queue_settings";
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_insert_version" AFTER INSERT ON "station_queue_settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_queue_settings_update_version" ON "station_queue_settings";
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_update_version" AFTER UPDATE ON "station_queue_settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_queue_settings_delete_version" ON "station_queue_settings";
--> statement-breakpoint
CREATE TRIGGER "station_queue_settings_delete_version" AFTER DELETE ON "station_queue_settings" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_booking_settings_insert_version" ON "station_booking_settings";
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_insert_version" AFTER INSERT ON "station_booking_settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_booking_settings_update_version" ON "station_booking_settings";
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_update_version" AFTER UPDATE ON "station_booking_settings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "station_booking_settings_delete_version" ON "station_booking_settings";
--> statement-breakpoint
CREATE TRIGGER "station_booking_settings_delete_version" AFTER DELETE ON "station_booking_settings" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_slot_defs_insert_version" ON "roster_slot_defs";
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_insert_version" AFTER INSERT ON "roster_slot_defs" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_slot_defs_update_version" ON "roster_slot_defs";
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_update_version" AFTER UPDATE ON "roster_slot_defs" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_slot_defs_delete_version" ON "roster_slot_defs";
--> statement-breakpoint
CREATE TRIGGER "roster_slot_defs_delete_version" AFTER DELETE ON "roster_slot_defs" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rules_insert_version" ON "roster_rules";
--> statement-breakpoint
CREATE TRIGGER "roster_rules_insert_version" AFTER INSERT ON "roster_rules" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rules_update_version" ON "roster_rules";
--> statement-breakpoint
CREATE TRIGGER "roster_rules_update_version" AFTER UPDATE ON "roster_rules" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rules_delete_version" ON "roster_rules";
--> statement-breakpoint
CREATE TRIGGER "roster_rules_delete_version" AFTER DELETE ON "roster_rules" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rule_participants_insert_version" ON "roster_rule_participants";
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_insert_version" AFTER INSERT ON "roster_rule_participants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rule_participants_update_version" ON "roster_rule_participants";
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_update_version" AFTER UPDATE ON "roster_rule_participants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_rule_participants_delete_version" ON "roster_rule_participants";
--> statement-breakpoint
CREATE TRIGGER "roster_rule_participants_delete_version" AFTER DELETE ON "roster_rule_participants" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_absences_insert_version" ON "roster_absences";
--> statement-breakpoint
CREATE TRIGGER "roster_absences_insert_version" AFTER INSERT ON "roster_absences" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_absences_update_version" ON "roster_absences";
--> statement-breakpoint
CREATE TRIGGER "roster_absences_update_version" AFTER UPDATE ON "roster_absences" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_absences_delete_version" ON "roster_absences";
--> statement-breakpoint
CREATE TRIGGER "roster_absences_delete_version" AFTER DELETE ON "roster_absences" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_swaps_insert_version" ON "roster_swaps";
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_insert_version" AFTER INSERT ON "roster_swaps" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_swaps_update_version" ON "roster_swaps";
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_update_version" AFTER UPDATE ON "roster_swaps" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_swaps_delete_version" ON "roster_swaps";
--> statement-breakpoint
CREATE TRIGGER "roster_swaps_delete_version" AFTER DELETE ON "roster_swaps" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_overrides_insert_version" ON "roster_overrides";
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_insert_version" AFTER INSERT ON "roster_overrides" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_overrides_update_version" ON "roster_overrides";
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_update_version" AFTER UPDATE ON "roster_overrides" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_overrides_delete_version" ON "roster_overrides";
--> statement-breakpoint
CREATE TRIGGER "roster_overrides_delete_version" AFTER DELETE ON "roster_overrides" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_publications_insert_version" ON "roster_publications";
--> statement-breakpoint
CREATE TRIGGER "roster_publications_insert_version" AFTER INSERT ON "roster_publications" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_publications_update_version" ON "roster_publications";
--> statement-breakpoint
CREATE TRIGGER "roster_publications_update_version" AFTER UPDATE ON "roster_publications" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_publications_delete_version" ON "roster_publications";
--> statement-breakpoint
CREATE TRIGGER "roster_publications_delete_version" AFTER DELETE ON "roster_publications" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_entries_insert_version" ON "roster_entries";
--> statement-breakpoint
CREATE TRIGGER "roster_entries_insert_version" AFTER INSERT ON "roster_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_entries_update_version" ON "roster_entries";
--> statement-breakpoint
CREATE TRIGGER "roster_entries_update_version" AFTER UPDATE ON "roster_entries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "roster_entries_delete_version" ON "roster_entries";
--> statement-breakpoint
CREATE TRIGGER "roster_entries_delete_version" AFTER DELETE ON "roster_entries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_plans_insert_version" ON "reception_plans";
--> statement-breakpoint
CREATE TRIGGER "reception_plans_insert_version" AFTER INSERT ON "reception_plans" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_plans_update_version" ON "reception_plans";
--> statement-breakpoint
CREATE TRIGGER "reception_plans_update_version" AFTER UPDATE ON "reception_plans" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_plans_delete_version" ON "reception_plans";
--> statement-breakpoint
CREATE TRIGGER "reception_plans_delete_version" AFTER DELETE ON "reception_plans" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_sessions_insert_version" ON "reception_sessions";
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_insert_version" AFTER INSERT ON "reception_sessions" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_sessions_update_version" ON "reception_sessions";
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_update_version" AFTER UPDATE ON "reception_sessions" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_sessions_delete_version" ON "reception_sessions";
--> statement-breakpoint
CREATE TRIGGER "reception_sessions_delete_version" AFTER DELETE ON "reception_sessions" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_bookings_insert_version" ON "reception_bookings";
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_insert_version" AFTER INSERT ON "reception_bookings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_bookings_update_version" ON "reception_bookings";
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_update_version" AFTER UPDATE ON "reception_bookings" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "reception_bookings_delete_version" ON "reception_bookings";
--> statement-breakpoint
CREATE TRIGGER "reception_bookings_delete_version" AFTER DELETE ON "reception_bookings" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topic_phrases_insert_version" ON "topic_phrases";
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_insert_version" AFTER INSERT ON "topic_phrases" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topic_phrases_update_version" ON "topic_phrases";
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_update_version" AFTER UPDATE ON "topic_phrases" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "topic_phrases_delete_version" ON "topic_phrases";
--> statement-breakpoint
CREATE TRIGGER "topic_phrases_delete_version" AFTER DELETE ON "topic_phrases" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "places_insert_version" ON "places";
--> statement-breakpoint
CREATE TRIGGER "places_insert_version" AFTER INSERT ON "places" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "places_update_version" ON "places";
--> statement-breakpoint
CREATE TRIGGER "places_update_version" AFTER UPDATE ON "places" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "places_delete_version" ON "places";
--> statement-breakpoint
CREATE TRIGGER "places_delete_version" AFTER DELETE ON "places" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visits_insert_version" ON "visits";
--> statement-breakpoint
CREATE TRIGGER "visits_insert_version" AFTER INSERT ON "visits" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visits_update_version" ON "visits";
--> statement-breakpoint
CREATE TRIGGER "visits_update_version" AFTER UPDATE ON "visits" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visits_delete_version" ON "visits";
--> statement-breakpoint
CREATE TRIGGER "visits_delete_version" AFTER DELETE ON "visits" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visit_deputies_insert_version" ON "visit_deputies";
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_insert_version" AFTER INSERT ON "visit_deputies" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visit_deputies_update_version" ON "visit_deputies";
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_update_version" AFTER UPDATE ON "visit_deputies" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "visit_deputies_delete_version" ON "visit_deputies";
--> statement-breakpoint
CREATE TRIGGER "visit_deputies_delete_version" AFTER DELETE ON "visit_deputies" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concerns_insert_version" ON "concerns";
--> statement-breakpoint
CREATE TRIGGER "concerns_insert_version" AFTER INSERT ON "concerns" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concerns_update_version" ON "concerns";
--> statement-breakpoint
CREATE TRIGGER "concerns_update_version" AFTER UPDATE ON "concerns" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concerns_delete_version" ON "concerns";
--> statement-breakpoint
CREATE TRIGGER "concerns_delete_version" AFTER DELETE ON "concerns" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concern_events_insert_version" ON "concern_events";
--> statement-breakpoint
CREATE TRIGGER "concern_events_insert_version" AFTER INSERT ON "concern_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concern_events_update_version" ON "concern_events";
--> statement-breakpoint
CREATE TRIGGER "concern_events_update_version" AFTER UPDATE ON "concern_events" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "concern_events_delete_version" ON "concern_events";
--> statement-breakpoint
CREATE TRIGGER "concern_events_delete_version" AFTER DELETE ON "concern_events" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "queue_tickets_insert_version" ON "queue_tickets";
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_insert_version" AFTER INSERT ON "queue_tickets" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "queue_tickets_update_version" ON "queue_tickets";
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_update_version" AFTER UPDATE ON "queue_tickets" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "queue_tickets_delete_version" ON "queue_tickets";
--> statement-breakpoint
CREATE TRIGGER "queue_tickets_delete_version" AFTER DELETE ON "queue_tickets" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "feed_tokens_insert_version" ON "feed_tokens";
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_insert_version" AFTER INSERT ON "feed_tokens" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "feed_tokens_update_version" ON "feed_tokens";
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_update_version" AFTER UPDATE OF "id", "kind", "subject_id", "token_hash", "locale", "revoked_at" ON "feed_tokens" FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_statement();
--> statement-breakpoint
DROP TRIGGER "feed_tokens_delete_version" ON "feed_tokens";
--> statement-breakpoint
CREATE TRIGGER "feed_tokens_delete_version" AFTER DELETE ON "feed_tokens" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "kiosks_insert_version" ON "kiosks";
--> statement-breakpoint
CREATE TRIGGER "kiosks_insert_version" AFTER INSERT ON "kiosks" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP TRIGGER "kiosks_update_version" ON "kiosks";
--> statement-breakpoint
CREATE TRIGGER "kiosks_update_version" AFTER UPDATE OF "id", "station_id", "label", "device_token_hash", "revoked_at", "has_receipt_printer", "voice_announcements" ON "kiosks" FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_statement();
--> statement-breakpoint
DROP TRIGGER "kiosks_delete_version" ON "kiosks";
--> statement-breakpoint
CREATE TRIGGER "kiosks_delete_version" AFTER DELETE ON "kiosks" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION liaison_bump_version_of_rows();
--> statement-breakpoint
DROP FUNCTION liaison_bump_version();
