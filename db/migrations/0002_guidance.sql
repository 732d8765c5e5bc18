CREATE TABLE `guidance_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`thank_you_window_hours` integer NOT NULL,
	`decision_wait_days` integer NOT NULL,
	`follow_up_spacing_days` integer NOT NULL,
	`move_on_follow_ups` integer NOT NULL,
	`prep_lead_days` integer NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `guidance_steps` (
	`user_id` text NOT NULL,
	`application_id` text NOT NULL,
	`key` text NOT NULL,
	`state` text NOT NULL,
	`until` integer,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`application_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`,`user_id`) REFERENCES `applications`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "guidance_steps_until_only_when_snoozed" CHECK(("guidance_steps"."state" = 'snoozed') = ("guidance_steps"."until" is not null))
);
--> statement-breakpoint
CREATE INDEX `guidance_steps_user_idx` ON `guidance_steps` (`user_id`);