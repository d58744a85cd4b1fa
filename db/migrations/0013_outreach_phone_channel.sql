CREATE TABLE `deputy_photos` (
	`deputy_id` integer PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`etag` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name_zh_hans` text NOT NULL,
	`name_zh_hant` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`sector` text,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`households` integer,
	`residents` integer,
	`employees` integer,
	`students` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_name_unique` ON `places` (`district_id`,`name_zh_hans`);--> statement-breakpoint
CREATE INDEX `places_kind` ON `places` (`kind`,`district_id`);--> statement-breakpoint
CREATE TABLE `visit_deputies` (
	`visit_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	PRIMARY KEY(`visit_id`, `deputy_id`),
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_deputies_deputy` ON `visit_deputies` (`deputy_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place_id` integer NOT NULL,
	`station_id` integer NOT NULL,
	`kind` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`cancel_reason` text,
	`people_met` integer,
	`summary` text,
	`logged_at` integer,
	`created_by_account_id` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_starts` ON `visits` (`starts_at`);--> statement-breakpoint
CREATE INDEX `visits_place` ON `visits` (`place_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `visits_station` ON `visits` (`station_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `notify_channel` text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE `concerns` ADD `place_id` integer REFERENCES places(id);--> statement-breakpoint
ALTER TABLE `concerns` ADD `visit_id` integer REFERENCES visits(id);--> statement-breakpoint
ALTER TABLE `concerns` ADD `triage` text;--> statement-breakpoint
ALTER TABLE `concerns` ADD `sms_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `concerns_place` ON `concerns` (`place_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `concerns_visit` ON `concerns` (`visit_id`);--> statement-breakpoint
CREATE INDEX `concerns_triage` ON `concerns` (`triage`,`station_id`);--> statement-breakpoint
ALTER TABLE `deputies` ADD `intro_zh_hans` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `deputies` ADD `intro_zh_hant` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `deputies` ADD `intro_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `deputies` ADD `work_unit_place_id` integer REFERENCES places(id);--> statement-breakpoint
ALTER TABLE `deputies` ADD `home_place_id` integer REFERENCES places(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sms_params` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `concern_id` integer REFERENCES concerns(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `booking_id` integer REFERENCES reception_bookings(id);--> statement-breakpoint
CREATE INDEX `outbox_concern` ON `outbox` (`concern_id`);--> statement-breakpoint
CREATE INDEX `outbox_booking` ON `outbox` (`booking_id`);--> statement-breakpoint
ALTER TABLE `reception_bookings` ADD `place_id` integer REFERENCES places(id);--> statement-breakpoint
ALTER TABLE `reception_bookings` ADD `sms_consent` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `stations` ADD `phone_triage` text DEFAULT 'after_review' NOT NULL;
--> statement-breakpoint
-- Places and visits are schedule-like data (migration 0007): kiosk start screens, boards, feeds and
-- public pages show them. Deputy photos are served by their own ETag and read by no cache.
INSERT INTO `data_versions` (`table_name`) VALUES ('places');
--> statement-breakpoint
CREATE TRIGGER `places_insert_version` AFTER INSERT ON `places` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'places'; END;
--> statement-breakpoint
CREATE TRIGGER `places_update_version` AFTER UPDATE ON `places` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'places'; END;
--> statement-breakpoint
CREATE TRIGGER `places_delete_version` AFTER DELETE ON `places` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'places'; END;
--> statement-breakpoint
INSERT INTO `data_versions` (`table_name`) VALUES ('visits');
--> statement-breakpoint
CREATE TRIGGER `visits_insert_version` AFTER INSERT ON `visits` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visits'; END;
--> statement-breakpoint
CREATE TRIGGER `visits_update_version` AFTER UPDATE ON `visits` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visits'; END;
--> statement-breakpoint
CREATE TRIGGER `visits_delete_version` AFTER DELETE ON `visits` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visits'; END;
--> statement-breakpoint
INSERT INTO `data_versions` (`table_name`) VALUES ('visit_deputies');
--> statement-breakpoint
CREATE TRIGGER `visit_deputies_insert_version` AFTER INSERT ON `visit_deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visit_deputies'; END;
--> statement-breakpoint
CREATE TRIGGER `visit_deputies_update_version` AFTER UPDATE ON `visit_deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visit_deputies'; END;
--> statement-breakpoint
CREATE TRIGGER `visit_deputies_delete_version` AFTER DELETE ON `visit_deputies` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'visit_deputies'; END;
