CREATE TABLE `concern_follow_ups` (
	`concern_id` integer PRIMARY KEY NOT NULL,
	`master_concern_id` integer,
	`handling_unit_id` integer,
	`due_kind` text,
	`due_on` text,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`reply_grade` text,
	`public_summary` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`master_concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handling_unit_id`) REFERENCES `handling_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `concern_follow_ups_master` ON `concern_follow_ups` (`master_concern_id`);--> statement-breakpoint
CREATE INDEX `concern_follow_ups_due` ON `concern_follow_ups` (`due_on`);--> statement-breakpoint
ALTER TABLE `concern_events` ADD `detail` text DEFAULT '{}' NOT NULL;