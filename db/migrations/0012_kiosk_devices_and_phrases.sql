CREATE TABLE `concern_phrases` (
	`concern_id` integer NOT NULL,
	`phrase_id` integer NOT NULL,
	PRIMARY KEY(`concern_id`, `phrase_id`),
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`phrase_id`) REFERENCES `topic_phrases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`kiosk_id` integer,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	`answered_by_account_id` integer,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_calls_station_open` ON `staff_calls` (`station_id`,`answered_at`);--> statement-breakpoint
CREATE TABLE `topic_phrases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`name_zh_hans` text NOT NULL,
	`name_zh_hant` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topic_phrases_name_unique` ON `topic_phrases` (`topic_id`,`name_zh_hans`);--> statement-breakpoint
ALTER TABLE `kiosks` ADD `has_receipt_printer` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `kiosks` ADD `voice_announcements` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `opening_hours_zh_hans` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `opening_hours_zh_hant` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `opening_hours_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `default_locale` text DEFAULT 'zh-Hans' NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `default_large_text` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Kiosk screens are cached by data versions (migration 0007): phrase chips are schedule-like data,
-- and a kiosk's printer and voice settings belong to what its device token resolves to.
INSERT INTO `data_versions` (`table_name`) VALUES ('topic_phrases');
--> statement-breakpoint
CREATE TRIGGER `topic_phrases_insert_version` AFTER INSERT ON `topic_phrases` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topic_phrases'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_phrases_update_version` AFTER UPDATE ON `topic_phrases` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topic_phrases'; END;
--> statement-breakpoint
CREATE TRIGGER `topic_phrases_delete_version` AFTER DELETE ON `topic_phrases` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'topic_phrases'; END;
--> statement-breakpoint
DROP TRIGGER `kiosks_update_version`;
--> statement-breakpoint
CREATE TRIGGER `kiosks_update_version` AFTER UPDATE OF `id`, `station_id`, `label`, `device_token_hash`, `revoked_at`, `has_receipt_printer`, `voice_announcements` ON `kiosks` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'kiosks'; END;
