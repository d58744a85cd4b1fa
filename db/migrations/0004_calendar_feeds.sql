CREATE TABLE `feed_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`locale` text DEFAULT 'zh-Hans' NOT NULL,
	`created_by` integer,
	`revoked_at` integer,
	`revoked_by` integer,
	`rendered_hash` text,
	`rendered_at` integer,
	`last_fetched_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feed_tokens_hash_unique` ON `feed_tokens` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `feed_tokens_one_live` ON `feed_tokens` (`kind`,`subject_id`) WHERE revoked_at is null;