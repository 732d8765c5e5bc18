ALTER TABLE `users` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `users` ADD `hour_cycle` text;--> statement-breakpoint
ALTER TABLE `users` ADD `seen_locale` text;