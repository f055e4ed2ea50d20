CREATE TABLE `actor_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`actor_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	CONSTRAINT `fk_actor_aliases_actor_id_actors_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `actors` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL UNIQUE,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`kind` text NOT NULL,
	`country_id` integer,
	`predecessor_id` integer,
	`seed_hash` text,
	CONSTRAINT `fk_actors_country_id_actors_id_fk` FOREIGN KEY (`country_id`) REFERENCES `actors`(`id`) ON DELETE SET NULL,
	CONSTRAINT `fk_actors_predecessor_id_actors_id_fk` FOREIGN KEY (`predecessor_id`) REFERENCES `actors`(`id`) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `citations` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`source_id` integer NOT NULL,
	`paragraph` integer NOT NULL,
	`note` text,
	`event_id` integer,
	`actor_id` integer,
	`office_id` integer,
	`claim_id` integer,
	`figure_id` integer,
	`position` integer NOT NULL,
	CONSTRAINT `fk_citations_source_id_sources_id_fk` FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON DELETE RESTRICT,
	CONSTRAINT `fk_citations_event_id_events_id_fk` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_citations_actor_id_actors_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_citations_office_id_offices_id_fk` FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_citations_claim_id_claims_id_fk` FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_citations_figure_id_figures_id_fk` FOREIGN KEY (`figure_id`) REFERENCES `figures`(`id`) ON DELETE CASCADE,
	CONSTRAINT "citations_paragraph_positive" CHECK("paragraph" >= 1),
	CONSTRAINT "citations_one_subject" CHECK(("event_id" is not null) + ("actor_id" is not null) + ("office_id" is not null) + ("claim_id" is not null) + ("figure_id" is not null) = 1)
);
--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`event_id` integer,
	`figure_id` integer,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`status` text NOT NULL,
	`preferred` integer DEFAULT false NOT NULL,
	`reason` text,
	`position` integer NOT NULL,
	CONSTRAINT `fk_claims_event_id_events_id_fk` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_claims_figure_id_figures_id_fk` FOREIGN KEY (`figure_id`) REFERENCES `figures`(`id`) ON DELETE CASCADE,
	CONSTRAINT "claims_one_subject" CHECK(("event_id" is null) <> ("figure_id" is null))
);
--> statement-breakpoint
CREATE TABLE `event_links` (
	`event_id` integer NOT NULL,
	`target_event_id` integer NOT NULL,
	`type` text NOT NULL,
	CONSTRAINT `event_links_pk` PRIMARY KEY(`event_id`, `target_event_id`, `type`),
	CONSTRAINT `fk_event_links_event_id_events_id_fk` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_event_links_target_event_id_events_id_fk` FOREIGN KEY (`target_event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `event_participants` (
	`event_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	CONSTRAINT `event_participants_pk` PRIMARY KEY(`event_id`, `actor_id`, `role`),
	CONSTRAINT `fk_event_participants_event_id_events_id_fk` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_event_participants_actor_id_actors_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `event_sectors` (
	`event_id` integer NOT NULL,
	`sector` text NOT NULL,
	CONSTRAINT `event_sectors_pk` PRIMARY KEY(`event_id`, `sector`),
	CONSTRAINT `fk_event_sectors_event_id_events_id_fk` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL UNIQUE,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`kind` text NOT NULL,
	`date_edtf` text NOT NULL,
	`date_earliest` text NOT NULL,
	`date_latest` text NOT NULL,
	`place` text,
	`amount_value` text,
	`amount_currency` text,
	`amount_approximate` integer DEFAULT false NOT NULL,
	`quantity_value` integer,
	`quantity_unit` text,
	`seed_hash` text,
	CONSTRAINT "events_date_order" CHECK("date_earliest" <= "date_latest"),
	CONSTRAINT "events_amount_pair" CHECK(("amount_value" is null) = ("amount_currency" is null))
);
--> statement-breakpoint
CREATE TABLE `figure_actors` (
	`figure_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	CONSTRAINT `figure_actors_pk` PRIMARY KEY(`figure_id`, `actor_id`),
	CONSTRAINT `fk_figure_actors_figure_id_figures_id_fk` FOREIGN KEY (`figure_id`) REFERENCES `figures`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_figure_actors_actor_id_actors_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL UNIQUE,
	`label` text NOT NULL,
	`indicator` text NOT NULL,
	`period_edtf` text NOT NULL,
	`period_earliest` text NOT NULL,
	`period_latest` text NOT NULL,
	`value` text NOT NULL,
	`currency` text,
	`unit` text,
	`approximate` integer DEFAULT false NOT NULL,
	`seed_hash` text
);
--> statement-breakpoint
CREATE TABLE `offices` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`holder_id` integer NOT NULL,
	`title` text NOT NULL,
	`organization_id` integer,
	`from_edtf` text,
	`to_edtf` text,
	`position` integer NOT NULL,
	CONSTRAINT `fk_offices_holder_id_actors_id_fk` FOREIGN KEY (`holder_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_offices_organization_id_actors_id_fk` FOREIGN KEY (`organization_id`) REFERENCES `actors`(`id`) ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`slug` text NOT NULL UNIQUE,
	`file` text NOT NULL UNIQUE,
	`title` text NOT NULL,
	`author` text,
	`outlet` text,
	`genre` text NOT NULL,
	`published_edtf` text,
	`paragraph_style` text DEFAULT 'blank-lines' NOT NULL,
	`seed_hash` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actor_aliases_name_folded` ON `actor_aliases` (`name_folded`);--> statement-breakpoint
CREATE INDEX `actor_aliases_actor` ON `actor_aliases` (`actor_id`);--> statement-breakpoint
CREATE INDEX `actors_name_folded` ON `actors` (`name_folded`);--> statement-breakpoint
CREATE INDEX `actors_kind` ON `actors` (`kind`);--> statement-breakpoint
CREATE INDEX `citations_source` ON `citations` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `citations_event` ON `citations` (`event_id`);--> statement-breakpoint
CREATE INDEX `citations_actor` ON `citations` (`actor_id`);--> statement-breakpoint
CREATE INDEX `citations_office` ON `citations` (`office_id`);--> statement-breakpoint
CREATE INDEX `citations_claim` ON `citations` (`claim_id`);--> statement-breakpoint
CREATE INDEX `citations_figure` ON `citations` (`figure_id`);--> statement-breakpoint
CREATE INDEX `claims_event` ON `claims` (`event_id`);--> statement-breakpoint
CREATE INDEX `claims_figure` ON `claims` (`figure_id`);--> statement-breakpoint
CREATE INDEX `event_links_target` ON `event_links` (`target_event_id`);--> statement-breakpoint
CREATE INDEX `event_participants_actor` ON `event_participants` (`actor_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `event_sectors_sector` ON `event_sectors` (`sector`);--> statement-breakpoint
CREATE INDEX `events_date` ON `events` (`date_earliest`,`date_latest`,`id`);--> statement-breakpoint
CREATE INDEX `events_kind` ON `events` (`kind`);--> statement-breakpoint
CREATE INDEX `events_title` ON `events` (`title`);--> statement-breakpoint
CREATE INDEX `figure_actors_actor` ON `figure_actors` (`actor_id`);--> statement-breakpoint
CREATE INDEX `offices_holder` ON `offices` (`holder_id`);