CREATE TABLE `password_resets` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
CREATE TABLE `reminder_channels` (
	`user_id` text NOT NULL,
	`channel` text NOT NULL,
	`url` text NOT NULL,
	`secret_sealed` text,
	`carries` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `channel`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reminder_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`item` text NOT NULL,
	`occurrence` text NOT NULL,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`not_before` integer NOT NULL,
	`claim_token` text,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_deliveries_once_idx` ON `reminder_deliveries` (`user_id`,`item`,`occurrence`,`channel`);--> statement-breakpoint
CREATE INDEX `reminder_deliveries_due_idx` ON `reminder_deliveries` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `reminder_deliveries_created_idx` ON `reminder_deliveries` (`created_at`);--> statement-breakpoint
CREATE TABLE `reminder_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`email_on` integer NOT NULL,
	`email_carries` text NOT NULL,
	`digest_hour` integer NOT NULL,
	`quiet_from` integer NOT NULL,
	`quiet_until` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "reminder_settings_hours" CHECK("reminder_settings"."digest_hour" between 0 and 23 and "reminder_settings"."quiet_from" between 0 and 23 and "reminder_settings"."quiet_until" between 0 and 23)
);
