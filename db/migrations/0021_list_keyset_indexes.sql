DROP INDEX `applications_user_updated_idx`;--> statement-breakpoint
CREATE INDEX `applications_user_updated_id_idx` ON `applications` (`user_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `applications_user_applied_id_idx` ON `applications` (`user_id`,`applied_on`,`id`);--> statement-breakpoint
CREATE INDEX `applications_user_company_id_idx` ON `applications` (`user_id`,lower("company"),`id`);--> statement-breakpoint
CREATE INDEX `applications_user_excitement_id_idx` ON `applications` (`user_id`,`excitement`,`id`);