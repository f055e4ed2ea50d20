DROP INDEX IF EXISTS `events_kind`;--> statement-breakpoint
CREATE INDEX `events_kind_date` ON `events` (`kind`,`date_earliest`,`date_latest`,`id`);--> statement-breakpoint
CREATE INDEX `events_archived` ON `events` (`id`) WHERE "events"."archived_at" is not null;