-- Which token stands for which feed: versioned so the feed route can resolve tokens from memory.
-- Only writes that change that move the version; the served marks (rendered_hash, rendered_at,
-- last_fetched_at) are written by the feed route itself, which keeps its copy in step.
INSERT INTO `data_versions` (`table_name`) VALUES ('feed_tokens');
--> statement-breakpoint
CREATE TRIGGER `feed_tokens_insert_version` AFTER INSERT ON `feed_tokens` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'feed_tokens'; END;
--> statement-breakpoint
CREATE TRIGGER `feed_tokens_update_version` AFTER UPDATE OF `id`, `kind`, `subject_id`, `token_hash`, `locale`, `revoked_at` ON `feed_tokens` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'feed_tokens'; END;
--> statement-breakpoint
CREATE TRIGGER `feed_tokens_delete_version` AFTER DELETE ON `feed_tokens` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'feed_tokens'; END;
