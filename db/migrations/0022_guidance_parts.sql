CREATE TABLE `guidance_parts` (
	`user_id` text NOT NULL,
	`application_id` text NOT NULL,
	`reader` text NOT NULL,
	`version` integer NOT NULL,
	`shared_version` integer NOT NULL,
	`active_count` integer,
	`computed_at` integer NOT NULL,
	`changes_at` integer,
	`bytes` integer NOT NULL,
	`body` blob NOT NULL,
	PRIMARY KEY(`user_id`, `application_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`,`user_id`) REFERENCES `applications`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
