DROP INDEX `applications_user_status_idx`;--> statement-breakpoint
CREATE INDEX `applications_user_status_archived_idx` ON `applications` (`user_id`,`status`,`archived_at`);