ALTER TABLE `actors` ADD `seed_slug` text;--> statement-breakpoint
ALTER TABLE `events` ADD `seed_slug` text;--> statement-breakpoint
ALTER TABLE `figures` ADD `seed_slug` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `seed_slug` text;--> statement-breakpoint
-- Records loaded before this column existed were matched by slug, so that is their seed slug.
UPDATE `sources` SET `seed_slug` = `slug` WHERE `seed_hash` IS NOT NULL;--> statement-breakpoint
UPDATE `actors` SET `seed_slug` = `slug` WHERE `seed_hash` IS NOT NULL;--> statement-breakpoint
UPDATE `events` SET `seed_slug` = `slug` WHERE `seed_hash` IS NOT NULL;--> statement-breakpoint
UPDATE `figures` SET `seed_slug` = `slug` WHERE `seed_hash` IS NOT NULL;
