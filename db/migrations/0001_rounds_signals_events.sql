CREATE TABLE `custom_signals` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`round_id` text NOT NULL,
	`text` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`,`user_id`) REFERENCES `rounds`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `custom_signals_round_idx` ON `custom_signals` (`round_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`application_id` text NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`note` text,
	`status_before` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`,`user_id`) REFERENCES `applications`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `events_application_idx` ON `events` (`application_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_user_occurred_idx` ON `events` (`user_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `interviewers` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`email` text,
	`match_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviewers_id_user_idx` ON `interviewers` (`id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `interviewers_user_match_idx` ON `interviewers` (`user_id`,`match_key`);--> statement-breakpoint
CREATE TABLE `round_interviewers` (
	`user_id` text NOT NULL,
	`round_id` text NOT NULL,
	`interviewer_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `interviewer_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`,`user_id`) REFERENCES `rounds`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`interviewer_id`,`user_id`) REFERENCES `interviewers`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_interviewers_interviewer_idx` ON `round_interviewers` (`interviewer_id`);--> statement-breakpoint
CREATE TABLE `round_signals` (
	`user_id` text NOT NULL,
	`round_id` text NOT NULL,
	`signal` text NOT NULL,
	`on_date` text,
	PRIMARY KEY(`round_id`, `signal`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`,`user_id`) REFERENCES `rounds`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_signals_date_only_for_timeline" CHECK("round_signals"."on_date" is null or "round_signals"."signal" = 'hiring_timeline')
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`application_id` text NOT NULL,
	`kind` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`duration_minutes` integer,
	`format` text,
	`location` text,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`notes` text,
	`prep_notes` text,
	`thank_you_sent_at` integer,
	`no_next_steps` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`,`user_id`) REFERENCES `applications`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rounds_duration_positive" CHECK("rounds"."duration_minutes" is null or "rounds"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_id_user_idx` ON `rounds` (`id`,`user_id`);--> statement-breakpoint
CREATE INDEX `rounds_application_idx` ON `rounds` (`application_id`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `rounds_user_scheduled_idx` ON `rounds` (`user_id`,`scheduled_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_id_user_idx` ON `applications` (`id`,`user_id`);