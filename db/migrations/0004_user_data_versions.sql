-- Cached next steps are reused only while this per-user counter is unchanged. Triggers, not
-- application code, bump it, so every write (any code path, a test, a shell) invalidates them.
CREATE TABLE `user_data_versions` (
	`user_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);

--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_insert` AFTER INSERT ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_update` AFTER UPDATE ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `applications_bump_version_on_delete` AFTER DELETE ON `applications` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_insert` AFTER INSERT ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_update` AFTER UPDATE ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `rounds_bump_version_on_delete` AFTER DELETE ON `rounds` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_insert` AFTER INSERT ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_update` AFTER UPDATE ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_signals_bump_version_on_delete` AFTER DELETE ON `round_signals` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_insert` AFTER INSERT ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_update` AFTER UPDATE ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `round_interviewers_bump_version_on_delete` AFTER DELETE ON `round_interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_insert` AFTER INSERT ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_update` AFTER UPDATE ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `interviewers_bump_version_on_delete` AFTER DELETE ON `interviewers` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_insert` AFTER INSERT ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_update` AFTER UPDATE ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `events_bump_version_on_delete` AFTER DELETE ON `events` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_insert` AFTER INSERT ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_update` AFTER UPDATE ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_steps_bump_version_on_delete` AFTER DELETE ON `guidance_steps` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_insert` AFTER INSERT ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_update` AFTER UPDATE ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `guidance_settings_bump_version_on_delete` AFTER DELETE ON `guidance_settings` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (OLD.`user_id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_bump_version_on_time_zone` AFTER UPDATE OF `time_zone` ON `users` BEGIN INSERT INTO `user_data_versions` (`user_id`, `version`) VALUES (NEW.`id`, 1) ON CONFLICT(`user_id`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `users_drop_version_on_delete` AFTER DELETE ON `users` BEGIN DELETE FROM `user_data_versions` WHERE `user_id` = OLD.`id`; END;
