CREATE TABLE `roster_absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`deputy_id` integer,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`created_by` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_absences_one_person" CHECK((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE INDEX `roster_absences_account` ON `roster_absences` (`account_id`);--> statement-breakpoint
CREATE INDEX `roster_absences_deputy` ON `roster_absences` (`deputy_id`);--> statement-breakpoint
CREATE TABLE `roster_entries` (
	`station_id` integer NOT NULL,
	`date` text NOT NULL,
	`slot_code` text NOT NULL,
	`account_id` integer,
	`deputy_id` integer,
	`publication_id` integer NOT NULL,
	PRIMARY KEY(`station_id`, `date`, `slot_code`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`publication_id`) REFERENCES `roster_publications`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_entries_at_most_one" CHECK(account_id is null or deputy_id is null)
);
--> statement-breakpoint
CREATE TABLE `roster_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`slot_codes` text DEFAULT '' NOT NULL,
	`account_id` integer,
	`deputy_id` integer,
	`created_by` integer,
	`removed_at` integer,
	`removed_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_overrides_one_person" CHECK((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE INDEX `roster_overrides_station` ON `roster_overrides` (`station_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `roster_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`published_through` text NOT NULL,
	`published_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_publications_station` ON `roster_publications` (`station_id`,`published_through`);--> statement-breakpoint
CREATE TABLE `roster_rule_participants` (
	`rule_id` integer NOT NULL,
	`position` integer NOT NULL,
	`account_id` integer,
	`deputy_id` integer,
	PRIMARY KEY(`rule_id`, `position`),
	FOREIGN KEY (`rule_id`) REFERENCES `roster_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_rule_participants_one_person" CHECK((account_id is null) <> (deputy_id is null))
);
--> statement-breakpoint
CREATE TABLE `roster_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`layer` integer DEFAULT 1 NOT NULL,
	`effective_from` text NOT NULL,
	`unit` text NOT NULL,
	`interval` integer DEFAULT 1 NOT NULL,
	`start_position` integer DEFAULT 0 NOT NULL,
	`slot_codes` text DEFAULT '' NOT NULL,
	`weekdays` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_rules_version_unique` ON `roster_rules` (`station_id`,`layer`,`effective_from`);--> statement-breakpoint
CREATE TABLE `roster_slot_defs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_zh_hans` text NOT NULL,
	`name_zh_hant` text DEFAULT '' NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`weekdays` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_slot_defs_station` ON `roster_slot_defs` (`station_id`,`code`);--> statement-breakpoint
CREATE TABLE `roster_swaps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`date` text NOT NULL,
	`slot_code` text NOT NULL,
	`from_account_id` integer,
	`from_deputy_id` integer,
	`to_account_id` integer,
	`to_deputy_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`requested_by` integer,
	`taken_by` integer,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taken_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "roster_swaps_one_from" CHECK((from_account_id is null) <> (from_deputy_id is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_swaps_one_live` ON `roster_swaps` (`station_id`,`date`,`slot_code`) WHERE status in ('open', 'taken');--> statement-breakpoint
CREATE INDEX `roster_swaps_station_date` ON `roster_swaps` (`station_id`,`date`);