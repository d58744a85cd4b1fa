CREATE TABLE `data_versions` (
	`table_name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_versions` (`table_name`) VALUES ('streets'), ('stations'), ('districts'), ('deputies'), ('deputy_districts'), ('accounts'), ('account_stations'), ('handling_units'), ('topics'), ('closures'), ('settings'), ('station_presence'), ('station_queue_settings'), ('station_booking_settings'), ('roster_slot_defs'), ('roster_rules'), ('roster_rule_participants'), ('roster_absences'), ('roster_swaps'), ('roster_overrides'), ('roster_publications'), ('roster_entries'), ('reception_plans'), ('reception_sessions'), ('reception_bookings');
--> statement-breakpoint
CREATE TRIGGER `streets_insert_version` AFTER INSERT ON `streets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'streets'; END;
--> statement-breakpoint
CREATE TRIGGER `streets_update_version` AFTER UPDATE ON `streets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'streets'; END;
--> statement-breakpoint
CREATE TRIGGER `streets_delete_version` AFTER DELETE ON `streets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'streets'; END;
--> statement-breakpoint
CREATE TRIGGER `stations_insert_version` AFTER INSERT ON `stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'stations'; END;
--> statement-breakpoint
CREATE TRIGGER `stations_update_version` AFTER UPDATE ON `stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'stations'; END;
--> statement-breakpoint
CREATE TRIGGER `stations_delete_version` AFTER DELETE ON `stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'stations'; END;
--> statement-breakpoint
CREATE TRIGGER `districts_insert_version` AFTER INSERT ON `districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'districts'; END;
--> statement-breakpoint
CREATE TRIGGER `districts_update_version` AFTER UPDATE ON `districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'districts'; END;
--> statement-breakpoint
CREATE TRIGGER `districts_delete_version` AFTER DELETE ON `districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'districts'; END;
--> statement-breakpoint
CREATE TRIGGER `deputies_insert_version` AFTER INSERT ON `deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputies'; END;
--> statement-breakpoint
CREATE TRIGGER `deputies_update_version` AFTER UPDATE ON `deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputies'; END;
--> statement-breakpoint
CREATE TRIGGER `deputies_delete_version` AFTER DELETE ON `deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputies'; END;
--> statement-breakpoint
CREATE TRIGGER `deputy_districts_insert_version` AFTER INSERT ON `deputy_districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputy_districts'; END;
--> statement-breakpoint
CREATE TRIGGER `deputy_districts_update_version` AFTER UPDATE ON `deputy_districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputy_districts'; END;
--> statement-breakpoint
CREATE TRIGGER `deputy_districts_delete_version` AFTER DELETE ON `deputy_districts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'deputy_districts'; END;
--> statement-breakpoint
CREATE TRIGGER `accounts_insert_version` AFTER INSERT ON `accounts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'accounts'; END;
--> statement-breakpoint
CREATE TRIGGER `accounts_update_version` AFTER UPDATE ON `accounts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'accounts'; END;
--> statement-breakpoint
CREATE TRIGGER `accounts_delete_version` AFTER DELETE ON `accounts` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'accounts'; END;
--> statement-breakpoint
CREATE TRIGGER `account_stations_insert_version` AFTER INSERT ON `account_stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'account_stations'; END;
--> statement-breakpoint
CREATE TRIGGER `account_stations_update_version` AFTER UPDATE ON `account_stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'account_stations'; END;
--> statement-breakpoint
CREATE TRIGGER `account_stations_delete_version` AFTER DELETE ON `account_stations` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'account_stations'; END;
--> statement-breakpoint
CREATE TRIGGER `handling_units_insert_version` AFTER INSERT ON `handling_units` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'handling_units'; END;
--> statement-breakpoint
CREATE TRIGGER `handling_units_update_version` AFTER UPDATE ON `handling_units` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'handling_units'; END;
--> statement-breakpoint
CREATE TRIGGER `handling_units_delete_version` AFTER DELETE ON `handling_units` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'handling_units'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_insert_version` AFTER INSERT ON `topics` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_update_version` AFTER UPDATE ON `topics` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `topics_delete_version` AFTER DELETE ON `topics` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topics'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_insert_version` AFTER INSERT ON `closures` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'closures'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_update_version` AFTER UPDATE ON `closures` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'closures'; END;
--> statement-breakpoint
CREATE TRIGGER `closures_delete_version` AFTER DELETE ON `closures` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'closures'; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_version` AFTER INSERT ON `settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'settings'; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_version` AFTER UPDATE ON `settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'settings'; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_version` AFTER DELETE ON `settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_presence_insert_version` AFTER INSERT ON `station_presence` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_presence'; END;
--> statement-breakpoint
CREATE TRIGGER `station_presence_update_version` AFTER UPDATE ON `station_presence` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_presence'; END;
--> statement-breakpoint
CREATE TRIGGER `station_presence_delete_version` AFTER DELETE ON `station_presence` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_presence'; END;
--> statement-breakpoint
CREATE TRIGGER `station_queue_settings_insert_version` AFTER INSERT ON `station_queue_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_queue_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_queue_settings_update_version` AFTER UPDATE ON `station_queue_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_queue_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_queue_settings_delete_version` AFTER DELETE ON `station_queue_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_queue_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_booking_settings_insert_version` AFTER INSERT ON `station_booking_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_booking_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_booking_settings_update_version` AFTER UPDATE ON `station_booking_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_booking_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `station_booking_settings_delete_version` AFTER DELETE ON `station_booking_settings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'station_booking_settings'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_slot_defs_insert_version` AFTER INSERT ON `roster_slot_defs` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_slot_defs'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_slot_defs_update_version` AFTER UPDATE ON `roster_slot_defs` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_slot_defs'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_slot_defs_delete_version` AFTER DELETE ON `roster_slot_defs` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_slot_defs'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rules_insert_version` AFTER INSERT ON `roster_rules` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rules'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rules_update_version` AFTER UPDATE ON `roster_rules` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rules'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rules_delete_version` AFTER DELETE ON `roster_rules` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rules'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rule_participants_insert_version` AFTER INSERT ON `roster_rule_participants` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rule_participants'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rule_participants_update_version` AFTER UPDATE ON `roster_rule_participants` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rule_participants'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_rule_participants_delete_version` AFTER DELETE ON `roster_rule_participants` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_rule_participants'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_absences_insert_version` AFTER INSERT ON `roster_absences` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_absences'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_absences_update_version` AFTER UPDATE ON `roster_absences` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_absences'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_absences_delete_version` AFTER DELETE ON `roster_absences` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_absences'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_swaps_insert_version` AFTER INSERT ON `roster_swaps` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_swaps'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_swaps_update_version` AFTER UPDATE ON `roster_swaps` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_swaps'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_swaps_delete_version` AFTER DELETE ON `roster_swaps` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_swaps'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_overrides_insert_version` AFTER INSERT ON `roster_overrides` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_overrides'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_overrides_update_version` AFTER UPDATE ON `roster_overrides` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_overrides'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_overrides_delete_version` AFTER DELETE ON `roster_overrides` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_overrides'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_publications_insert_version` AFTER INSERT ON `roster_publications` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_publications'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_publications_update_version` AFTER UPDATE ON `roster_publications` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_publications'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_publications_delete_version` AFTER DELETE ON `roster_publications` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_publications'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_insert_version` AFTER INSERT ON `roster_entries` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_entries'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_update_version` AFTER UPDATE ON `roster_entries` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_entries'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_entries_delete_version` AFTER DELETE ON `roster_entries` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'roster_entries'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_plans_insert_version` AFTER INSERT ON `reception_plans` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_plans'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_plans_update_version` AFTER UPDATE ON `reception_plans` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_plans'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_plans_delete_version` AFTER DELETE ON `reception_plans` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_plans'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_sessions_insert_version` AFTER INSERT ON `reception_sessions` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_sessions'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_sessions_update_version` AFTER UPDATE ON `reception_sessions` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_sessions'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_sessions_delete_version` AFTER DELETE ON `reception_sessions` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_sessions'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_bookings_insert_version` AFTER INSERT ON `reception_bookings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_bookings'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_bookings_update_version` AFTER UPDATE ON `reception_bookings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_bookings'; END;
--> statement-breakpoint
CREATE TRIGGER `reception_bookings_delete_version` AFTER DELETE ON `reception_bookings` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'reception_bookings'; END;
