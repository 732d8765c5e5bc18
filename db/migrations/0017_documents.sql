CREATE TABLE `document_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`version_id` text NOT NULL,
	`application_id` text NOT NULL,
	`round_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`,`user_id`) REFERENCES `document_versions`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`,`user_id`) REFERENCES `applications`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`,`user_id`) REFERENCES `rounds`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_attachments_application_idx` ON `document_attachments` (`application_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `document_attachments_user_idx` ON `document_attachments` (`user_id`,`version_id`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`document_id` text NOT NULL,
	`number` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`,`user_id`) REFERENCES `documents`(`id`,`user_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "document_versions_size_positive" CHECK("document_versions"."size" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_id_user_idx` ON `document_versions` (`id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_number_idx` ON `document_versions` (`document_id`,`number`);--> statement-breakpoint
CREATE INDEX `document_versions_user_idx` ON `document_versions` (`user_id`,`size`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_id_user_idx` ON `documents` (`id`,`user_id`);--> statement-breakpoint
CREATE INDEX `documents_user_idx` ON `documents` (`user_id`,`created_at`);