CREATE TABLE `actor_merges` (
	`from_slug` text PRIMARY KEY,
	`into_actor_id` integer NOT NULL,
	`merged_at` text NOT NULL,
	CONSTRAINT `fk_actor_merges_into_actor_id_actors_id_fk` FOREIGN KEY (`into_actor_id`) REFERENCES `actors`(`id`) ON DELETE CASCADE
);
