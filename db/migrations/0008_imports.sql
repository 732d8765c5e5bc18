CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`added` integer NOT NULL,
	`duplicates` integer NOT NULL,
	`problems` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `imports_user_created_idx` ON `imports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `imports_user_hash_idx` ON `imports` (`user_id`,`file_hash`);--> statement-breakpoint
ALTER TABLE `applications` ADD `import_id` text;--> statement-breakpoint
CREATE INDEX `applications_user_import_idx` ON `applications` (`user_id`,`import_id`);