ALTER TABLE `applications` ADD `imported_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `said_by` text;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_base` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_bonus` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_currency` text;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_equity` text;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_start_on` text;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_answer_by` text;--> statement-breakpoint
ALTER TABLE `events` ADD `offer_notes` text;--> statement-breakpoint
-- hand-written below
-- Applications imported before this column existed reached Shortlist when their import ran (imports.created_at is in ms).
UPDATE `applications` SET `imported_at` = (SELECT `imports`.`created_at` / 1000 FROM `imports` WHERE `imports`.`id` = `applications`.`import_id`) WHERE `import_id` IS NOT NULL;
