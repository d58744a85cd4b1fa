CREATE INDEX `queue_tickets_called_deputy_day` ON `queue_tickets` (`called_deputy_id`,`local_date`);
--> statement-breakpoint
INSERT INTO `data_versions` (`table_name`) VALUES ('concerns'), ('concern_events'), ('queue_tickets');
--> statement-breakpoint
CREATE TRIGGER `concerns_insert_version` AFTER INSERT ON `concerns` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concerns'; END;
--> statement-breakpoint
CREATE TRIGGER `concerns_update_version` AFTER UPDATE ON `concerns` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concerns'; END;
--> statement-breakpoint
CREATE TRIGGER `concerns_delete_version` AFTER DELETE ON `concerns` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concerns'; END;
--> statement-breakpoint
CREATE TRIGGER `concern_events_insert_version` AFTER INSERT ON `concern_events` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concern_events'; END;
--> statement-breakpoint
CREATE TRIGGER `concern_events_update_version` AFTER UPDATE ON `concern_events` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concern_events'; END;
--> statement-breakpoint
CREATE TRIGGER `concern_events_delete_version` AFTER DELETE ON `concern_events` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'concern_events'; END;
--> statement-breakpoint
CREATE TRIGGER `queue_tickets_insert_version` AFTER INSERT ON `queue_tickets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'queue_tickets'; END;
--> statement-breakpoint
CREATE TRIGGER `queue_tickets_update_version` AFTER UPDATE ON `queue_tickets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'queue_tickets'; END;
--> statement-breakpoint
CREATE TRIGGER `queue_tickets_delete_version` AFTER DELETE ON `queue_tickets` BEGIN UPDATE `data_versions` SET `version` = random() WHERE `table_name` = 'queue_tickets'; END;
