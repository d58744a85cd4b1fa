CREATE TABLE `suggestion_actions` (
	`suggestion_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`actor` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`suggestion_id`, `position`),
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `suggestion_concerns` (
	`suggestion_id` integer NOT NULL,
	`concern_id` integer NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`suggestion_id`, `concern_id`),
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_concerns_concern` ON `suggestion_concerns` (`concern_id`);--> statement-breakpoint
CREATE TABLE `suggestion_cosigners` (
	`suggestion_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	`state` text DEFAULT 'invited' NOT NULL,
	`invited_at` integer NOT NULL,
	`answered_at` integer,
	PRIMARY KEY(`suggestion_id`, `deputy_id`),
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_cosigners_deputy` ON `suggestion_cosigners` (`deputy_id`,`state`);--> statement-breakpoint
CREATE TABLE `suggestion_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`suggestion_id` integer NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_account_id` integer,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_events_suggestion` ON `suggestion_events` (`suggestion_id`,`at`);--> statement-breakpoint
CREATE TABLE `suggestion_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`suggestion_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`round` integer NOT NULL,
	`grade` text NOT NULL,
	`text` text NOT NULL,
	`replied_on` text NOT NULL,
	`due_on` text,
	`recorded_by_account_id` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_replies_round_unique` ON `suggestion_replies` (`suggestion_id`,`round`,`unit_id`);--> statement-breakpoint
CREATE INDEX `suggestion_replies_unit` ON `suggestion_replies` (`unit_id`,`replied_on`);--> statement-breakpoint
CREATE TABLE `suggestion_units` (
	`suggestion_id` integer NOT NULL,
	`stage` text NOT NULL,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`suggestion_id`, `stage`, `unit_id`),
	FOREIGN KEY (`suggestion_id`) REFERENCES `suggestions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggestion_units_unit` ON `suggestion_units` (`unit_id`,`stage`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer,
	`number` integer,
	`station_id` integer NOT NULL,
	`lead_deputy_id` integer NOT NULL,
	`kind` text DEFAULT 'other' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`causes` text DEFAULT '' NOT NULL,
	`no_evidence_reason` text DEFAULT '' NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`return_reason` text,
	`due_on` text,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	`verdict` text,
	`quality_first_passed` integer,
	`submitted_at` integer,
	`accepted_at` integer,
	`assigned_at` integer,
	`replied_at` integer,
	`closed_at` integer,
	`created_by_account_id` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestions_number_unique` ON `suggestions` (`year`,`number`);--> statement-breakpoint
CREATE INDEX `suggestions_lead` ON `suggestions` (`lead_deputy_id`,`status`);--> statement-breakpoint
CREATE INDEX `suggestions_station` ON `suggestions` (`station_id`,`status`);--> statement-breakpoint
CREATE INDEX `suggestions_due` ON `suggestions` (`status`,`due_on`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `street_office` integer DEFAULT false NOT NULL;