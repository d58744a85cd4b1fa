CREATE INDEX `reception_bookings_concern` ON `reception_bookings` (`concern_id`);--> statement-breakpoint
CREATE INDEX `reception_bookings_ticket` ON `reception_bookings` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `station_presence_deputy_date` ON `station_presence` (`deputy_id`,`date`);