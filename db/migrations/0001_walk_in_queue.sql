CREATE TABLE `concern_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`concern_id` integer NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_account_id` integer,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `concern_events_concern` ON `concern_events` (`concern_id`,`at`);--> statement-breakpoint
CREATE TABLE `concerns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tracking_code` text NOT NULL,
	`station_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`deputy_id` integer,
	`description` text,
	`resident_name` text,
	`callback_phone` text,
	`personal_data_erased_at` integer,
	`received_on` text NOT NULL,
	`first_response_due_on` text NOT NULL,
	`submission_key` text,
	`kiosk_id` integer,
	`created_by_account_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `concerns_tracking_code_unique` ON `concerns` (`tracking_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `concerns_submission_key_unique` ON `concerns` (`submission_key`);--> statement-breakpoint
CREATE INDEX `concerns_deputy_status` ON `concerns` (`deputy_id`,`status`);--> statement-breakpoint
CREATE INDEX `concerns_station_received` ON `concerns` (`station_id`,`received_on`);--> statement-breakpoint
CREATE TABLE `queue_tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`local_date` text NOT NULL,
	`number` integer NOT NULL,
	`concern_id` integer NOT NULL,
	`kind` text DEFAULT 'walk_in' NOT NULL,
	`slot_at` integer,
	`priority` integer DEFAULT false NOT NULL,
	`deputy_id` integer,
	`status` text DEFAULT 'waiting' NOT NULL,
	`arrived_at` integer NOT NULL,
	`first_called_at` integer,
	`last_called_at` integer,
	`called_deputy_id` integer,
	`call_count` integer DEFAULT 0 NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`outcome` text,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`called_deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_tickets_number_unique` ON `queue_tickets` (`station_id`,`local_date`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `queue_tickets_concern_unique` ON `queue_tickets` (`concern_id`);--> statement-breakpoint
CREATE INDEX `queue_tickets_station_day_status` ON `queue_tickets` (`station_id`,`local_date`,`status`);--> statement-breakpoint
CREATE TABLE `station_presence` (
	`station_id` integer NOT NULL,
	`date` text NOT NULL,
	`deputy_id` integer NOT NULL,
	`present` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`updated_by_account_id` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`station_id`, `date`, `deputy_id`),
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `station_queue_settings` (
	`station_id` integer PRIMARY KEY NOT NULL,
	`priority_every` integer DEFAULT 3 NOT NULL,
	`first_response_working_days` integer DEFAULT 5 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
