CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`label` text NOT NULL,
	`scope` text NOT NULL,
	`secret_hash` text NOT NULL UNIQUE,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`operation` text NOT NULL,
	`request_hash` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT `idempotency_keys_pk` PRIMARY KEY(`key_id`, `idempotency_key`),
	CONSTRAINT `fk_idempotency_keys_key_id_api_keys_id_fk` FOREIGN KEY (`key_id`) REFERENCES `api_keys`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`entity_slug` text NOT NULL,
	`version` integer NOT NULL,
	`operation` text NOT NULL,
	`key_id` integer,
	`at` text NOT NULL,
	`before` text,
	`after` text,
	CONSTRAINT `fk_revisions_key_id_api_keys_id_fk` FOREIGN KEY (`key_id`) REFERENCES `api_keys`(`id`) ON DELETE RESTRICT
);
--> statement-breakpoint
ALTER TABLE `actors` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `event_links` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `event_sectors` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `figure_actors` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `figures` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_entity_version` ON `revisions` (`entity_type`,`entity_id`,`version`);--> statement-breakpoint
CREATE INDEX `revisions_entity_slug` ON `revisions` (`entity_type`,`entity_slug`,`at`);