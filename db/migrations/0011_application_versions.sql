CREATE TABLE `application_versions` (
	`application_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `application_versions_user_idx` ON `application_versions` (`user_id`,`version`,`application_id`);--> statement-breakpoint
ALTER TABLE `user_data_versions` ADD `shared_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `user_data_versions` ADD `removed_version` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- hand-written: every trigger of 0004 is replaced by one that bumps the user's counter and then
-- stamps the affected application(s) with the new value (through the round for signals and people,
-- through every linked round for a person); settings and the time zone stamp the user-wide part
-- instead, and deleting an application records when, so its cached part is dropped.
-- Existing applications start at their user's current version.
INSERT INTO `application_versions` (`application_id`, `user_id`, `version`) SELECT a.`id`, a.`user_id`, COALESCE((SELECT v.`version` FROM `user_data_versions` v WHERE v.`user_id` = a.`user_id`), 0) FROM `applications` a;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `applications_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_insert` AFTER INSERT ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; INSERT OR REPLACE INTO `application_versions` (`application_id`, `user_id`, `version`) VALUES (NEW.`id`, NEW.`user_id`, (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `applications_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_update` AFTER UPDATE ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` = NEW.`id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `applications_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_delete` AFTER DELETE ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`, `removed_version`) VALUES (OLD.`user_id`, 1, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1, `removed_version` = `version` + 1; DELETE FROM `application_versions` WHERE `application_id` = OLD.`id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_insert` AFTER INSERT ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` = NEW.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_update` AFTER UPDATE ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (OLD.`application_id`, NEW.`application_id`); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rounds_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_delete` AFTER DELETE ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` = OLD.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `events_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_insert` AFTER INSERT ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` = NEW.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `events_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_update` AFTER UPDATE ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (OLD.`application_id`, NEW.`application_id`); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `events_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_delete` AFTER DELETE ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` = OLD.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_steps_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_insert` AFTER INSERT ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` = NEW.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_steps_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_update` AFTER UPDATE ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (OLD.`application_id`, NEW.`application_id`); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_steps_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_delete` AFTER DELETE ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` = OLD.`application_id`; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_signals_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_insert` AFTER INSERT ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (NEW.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_signals_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_update` AFTER UPDATE ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (OLD.`round_id`, NEW.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_signals_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_delete` AFTER DELETE ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (OLD.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_interviewers_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_insert` AFTER INSERT ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (NEW.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_interviewers_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_update` AFTER UPDATE ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (OLD.`round_id`, NEW.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `round_interviewers_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_delete` AFTER DELETE ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` IN (SELECT `application_id` FROM `rounds` WHERE `id` IN (OLD.`round_id`)); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `interviewers_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_insert` AFTER INSERT ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `interviewers_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_update` AFTER UPDATE ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = NEW.`user_id`) WHERE `application_id` IN (SELECT r.`application_id` FROM `round_interviewers` ri JOIN `rounds` r ON r.`id` = ri.`round_id` WHERE ri.`interviewer_id` = NEW.`id`); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `interviewers_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_delete` AFTER DELETE ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; UPDATE `application_versions` SET `version` = (SELECT `version` FROM `user_data_versions` WHERE `user_id` = OLD.`user_id`) WHERE `application_id` IN (SELECT r.`application_id` FROM `round_interviewers` ri JOIN `rounds` r ON r.`id` = ri.`round_id` WHERE ri.`interviewer_id` = OLD.`id`); END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_settings_bump_version_on_insert`;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_insert` AFTER INSERT ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`, `shared_version`) VALUES (NEW.`user_id`, 1, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1, `shared_version` = `version` + 1; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_settings_bump_version_on_update`;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_update` AFTER UPDATE ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`, `shared_version`) VALUES (NEW.`user_id`, 1, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1, `shared_version` = `version` + 1; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `guidance_settings_bump_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_delete` AFTER DELETE ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`, `shared_version`) VALUES (OLD.`user_id`, 1, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1, `shared_version` = `version` + 1; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `users_bump_version_on_time_zone`;
--> statement-breakpoint
CREATE TRIGGER `users_bump_version_on_time_zone` AFTER UPDATE OF `time_zone` ON `users` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`, `shared_version`) VALUES (NEW.`id`, 1, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1, `shared_version` = `version` + 1; END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `users_drop_version_on_delete`;
--> statement-breakpoint
CREATE TRIGGER `users_drop_version_on_delete` AFTER DELETE ON `users` BEGIN DELETE FROM `user_data_versions` WHERE `user_id` = OLD.`id`; DELETE FROM `application_versions` WHERE `user_id` = OLD.`id`; END;
