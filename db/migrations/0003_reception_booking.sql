CREATE TABLE `reception_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`session_id` integer NOT NULL,
	`station_id` integer NOT NULL,
	`deputy_id` integer NOT NULL,
	`slot_index` integer NOT NULL,
	`seat` integer NOT NULL,
	`slot_at` integer NOT NULL,
	`slot_ends_at` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`resident_name` text,
	`resident_phone` text,
	`open_limit_key` text,
	`status` text DEFAULT 'booked' NOT NULL,
	`channel` text NOT NULL,
	`kiosk_id` integer,
	`created_by_account_id` integer,
	`submission_key` text,
	`concern_id` integer,
	`ticket_id` integer,
	`checked_in_at` integer,
	`finished_at` integer,
	`no_show_at` integer,
	`cancelled_at` integer,
	`cancelled_by` text,
	`callback_reason` text,
	`callback_requested_at` integer,
	`callback_done_at` integer,
	`callback_done_by` integer,
	`personal_data_erased_at` integer,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `reception_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concern_id`) REFERENCES `concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `queue_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`callback_done_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reception_bookings_code_unique` ON `reception_bookings` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `reception_bookings_submission_key_unique` ON `reception_bookings` (`submission_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `reception_bookings_seat_unique` ON `reception_bookings` (`session_id`,`slot_index`,`seat`) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `reception_bookings_open_limit_unique` ON `reception_bookings` (`open_limit_key`) WHERE status = 'booked';--> statement-breakpoint
CREATE INDEX `reception_bookings_session` ON `reception_bookings` (`session_id`,`slot_index`);--> statement-breakpoint
CREATE INDEX `reception_bookings_station_slot` ON `reception_bookings` (`station_id`,`slot_at`);--> statement-breakpoint
CREATE INDEX `reception_bookings_status_end` ON `reception_bookings` (`status`,`slot_ends_at`);--> statement-breakpoint
CREATE INDEX `reception_bookings_updated` ON `reception_bookings` (`updated_at`);--> statement-breakpoint
CREATE TABLE `reception_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deputy_id` integer NOT NULL,
	`station_id` integer NOT NULL,
	`pattern` text DEFAULT 'weekly' NOT NULL,
	`weekdays` text DEFAULT '' NOT NULL,
	`nth_of_month` integer,
	`day_of_month` integer,
	`months` text DEFAULT '' NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`slot_minutes` integer DEFAULT 30 NOT NULL,
	`capacity_per_slot` integer DEFAULT 1 NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`ended_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reception_plans_station` ON `reception_plans` (`station_id`);--> statement-breakpoint
CREATE INDEX `reception_plans_deputy` ON `reception_plans` (`deputy_id`);--> statement-breakpoint
CREATE TABLE `reception_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer,
	`plan_date` text,
	`deputy_id` integer NOT NULL,
	`station_id` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`slot_minutes` integer NOT NULL,
	`capacity_per_slot` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`cancelled_at` integer,
	`moved_at` integer,
	`moved_from_date` text,
	`moved_from_start_time` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `reception_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deputy_id`) REFERENCES `deputies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reception_sessions_plan_date_unique` ON `reception_sessions` (`plan_id`,`plan_date`);--> statement-breakpoint
CREATE INDEX `reception_sessions_station_date` ON `reception_sessions` (`station_id`,`date`);--> statement-breakpoint
CREATE INDEX `reception_sessions_deputy_date` ON `reception_sessions` (`deputy_id`,`date`);--> statement-breakpoint
CREATE INDEX `reception_sessions_updated` ON `reception_sessions` (`updated_at`);--> statement-breakpoint
CREATE TABLE `station_booking_settings` (
	`station_id` integer PRIMARY KEY NOT NULL,
	`min_notice_minutes` integer DEFAULT 120 NOT NULL,
	`horizon_days` integer DEFAULT 30 NOT NULL,
	`one_per_phone_per_deputy` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
