-- Which device token stands for which kiosk and station: versioned so requests can resolve kiosks
-- from memory. last_seen_at is written by the kiosk start screen itself, which keeps its copy in
-- step, and pairing codes are read only when redeemed; neither moves the version.
INSERT INTO `data_versions` (`table_name`) VALUES ('kiosks');
--> statement-breakpoint
CREATE TRIGGER `kiosks_insert_version` AFTER INSERT ON `kiosks` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'kiosks'; END;
--> statement-breakpoint
CREATE TRIGGER `kiosks_update_version` AFTER UPDATE OF `id`, `station_id`, `label`, `device_token_hash`, `revoked_at` ON `kiosks` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'kiosks'; END;
--> statement-breakpoint
CREATE TRIGGER `kiosks_delete_version` AFTER DELETE ON `kiosks` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'kiosks'; END;
