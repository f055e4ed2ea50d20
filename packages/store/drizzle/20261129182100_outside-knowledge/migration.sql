ALTER TABLE `actor_aliases` ADD `outside_reason` text;--> statement-breakpoint
ALTER TABLE `events` ADD `date_basis` text;