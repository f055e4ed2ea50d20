CREATE TABLE `seed_loads` (
	`id` integer PRIMARY KEY,
	`files_hash` text NOT NULL,
	`revision_id` integer NOT NULL,
	`loaded_at` text NOT NULL,
	CONSTRAINT "seed_loads_one_row" CHECK("id" = 1)
);
