CREATE INDEX `actors_seed_slug` ON `actors` (`seed_slug`) WHERE "actors"."seed_slug" is not null;--> statement-breakpoint
CREATE INDEX `actors_seeded` ON `actors` (`id`) WHERE "actors"."seed_hash" is not null;--> statement-breakpoint
CREATE INDEX `events_seed_slug` ON `events` (`seed_slug`) WHERE "events"."seed_slug" is not null;--> statement-breakpoint
CREATE INDEX `events_seeded` ON `events` (`id`) WHERE "events"."seed_hash" is not null;