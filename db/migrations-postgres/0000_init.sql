CREATE TABLE "access_tokens" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"name" text collate "C" NOT NULL,
	"scope" text collate "C" NOT NULL,
	"token_hash" text collate "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"expires_at" timestamp(3) with time zone,
	"last_used_at" timestamp(3) with time zone,
	CONSTRAINT "access_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"application_id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"company" text collate "C" NOT NULL,
	"role_title" text collate "C" NOT NULL,
	"location" text collate "C",
	"work_mode" text collate "C",
	"posting_url" text collate "C",
	"source" text collate "C",
	"salary_min" integer,
	"salary_max" integer,
	"salary_currency" text collate "C",
	"salary_period" text collate "C",
	"status" text collate "C" DEFAULT 'saved' NOT NULL,
	"applied_on" text collate "C",
	"excitement" integer,
	"notes" text collate "C",
	"archived_at" timestamp(0) with time zone,
	"import_id" text collate "C",
	"imported_at" timestamp(0) with time zone,
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"insertion_order" bigint GENERATED ALWAYS AS IDENTITY (sequence name "applications_insertion_order_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "applications_id_user_idx" UNIQUE("id","user_id"),
	CONSTRAINT "applications_excitement_range" CHECK ("applications"."excitement" is null or "applications"."excitement" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" text collate "C" PRIMARY KEY NOT NULL,
	"token" text collate "C" NOT NULL,
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	CONSTRAINT "calendar_feeds_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "custom_signals" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"round_id" text collate "C" NOT NULL,
	"text" text collate "C" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_attachments" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"version_id" text collate "C" NOT NULL,
	"application_id" text collate "C" NOT NULL,
	"round_id" text collate "C",
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"document_id" text collate "C" NOT NULL,
	"number" integer NOT NULL,
	"file_name" text collate "C" NOT NULL,
	"media_type" text collate "C" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text collate "C" NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "document_versions_id_user_idx" UNIQUE("id","user_id"),
	CONSTRAINT "document_versions_size_positive" CHECK ("document_versions"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"kind" text collate "C" NOT NULL,
	"name" text collate "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "documents_id_user_idx" UNIQUE("id","user_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"application_id" text collate "C" NOT NULL,
	"kind" text collate "C" NOT NULL,
	"occurred_at" timestamp(0) with time zone NOT NULL,
	"note" text collate "C",
	"status_before" text collate "C",
	"said_by" text collate "C",
	"offer_base" integer,
	"offer_bonus" integer,
	"offer_currency" text collate "C",
	"offer_equity" text collate "C",
	"offer_start_on" text collate "C",
	"offer_answer_by" text collate "C",
	"offer_notes" text collate "C",
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_parts" (
	"user_id" text collate "C" NOT NULL,
	"application_id" text collate "C" NOT NULL,
	"reader" text collate "C" NOT NULL,
	"version" integer NOT NULL,
	"shared_version" integer NOT NULL,
	"active_count" integer,
	"computed_at" bigint NOT NULL,
	"changes_at" bigint,
	"bytes" integer NOT NULL,
	"body" "bytea" NOT NULL,
	CONSTRAINT "guidance_parts_user_id_application_id_pk" PRIMARY KEY("user_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "guidance_settings" (
	"user_id" text collate "C" PRIMARY KEY NOT NULL,
	"thank_you_window_hours" integer NOT NULL,
	"decision_wait_days" integer NOT NULL,
	"follow_up_spacing_days" integer NOT NULL,
	"move_on_follow_ups" integer NOT NULL,
	"prep_lead_days" integer NOT NULL,
	"application_follow_up_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_steps" (
	"user_id" text collate "C" NOT NULL,
	"application_id" text collate "C" NOT NULL,
	"key" text collate "C" NOT NULL,
	"state" text collate "C" NOT NULL,
	"until" timestamp(0) with time zone,
	"updated_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	CONSTRAINT "guidance_steps_application_id_key_pk" PRIMARY KEY("application_id","key"),
	CONSTRAINT "guidance_steps_until_only_when_snoozed" CHECK (("guidance_steps"."state" = 'snoozed') = ("guidance_steps"."until" is not null))
);
--> statement-breakpoint
CREATE TABLE "health_probe" (
	"id" integer PRIMARY KEY NOT NULL,
	"checked_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"format" text collate "C" NOT NULL,
	"file_name" text collate "C" NOT NULL,
	"file_hash" text collate "C" NOT NULL,
	"added" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"problems" integer NOT NULL,
	"created_at" timestamp(3) with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interviewers" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"name" text collate "C" NOT NULL,
	"title" text collate "C",
	"email" text collate "C",
	"match_key" text collate "C" NOT NULL,
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	CONSTRAINT "interviewers_id_user_idx" UNIQUE("id","user_id")
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"endpoint" text collate "C" NOT NULL,
	"p256dh" text collate "C" NOT NULL,
	"auth" text collate "C" NOT NULL,
	"device_label" text collate "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "push_subscriptions_endpoint_unique" UNIQUE("endpoint")
);
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"user_id" text collate "C" NOT NULL,
	"code_hash" text collate "C" NOT NULL,
	"used_at" timestamp(3) with time zone,
	CONSTRAINT "recovery_codes_user_id_code_hash_pk" PRIMARY KEY("user_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "reminder_channels" (
	"user_id" text collate "C" NOT NULL,
	"channel" text collate "C" NOT NULL,
	"url" text collate "C" NOT NULL,
	"secret_sealed" text collate "C",
	"carries" text collate "C" NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "reminder_channels_user_id_channel_pk" PRIMARY KEY("user_id","channel")
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"item" text collate "C" NOT NULL,
	"occurrence" text collate "C" NOT NULL,
	"channel" text collate "C" NOT NULL,
	"kind" text collate "C" NOT NULL,
	"message" text collate "C" NOT NULL,
	"status" text collate "C" NOT NULL,
	"attempts" integer NOT NULL,
	"not_before" timestamp(3) with time zone NOT NULL,
	"claim_token" text collate "C",
	"lease_until" timestamp(3) with time zone,
	"last_error" text collate "C",
	"created_at" timestamp(3) with time zone NOT NULL,
	"sent_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"user_id" text collate "C" PRIMARY KEY NOT NULL,
	"email_on" boolean NOT NULL,
	"email_carries" text collate "C" NOT NULL,
	"digest_hour" integer NOT NULL,
	"quiet_from" integer NOT NULL,
	"quiet_until" integer NOT NULL,
	"push_carries" text collate "C" DEFAULT 'all' NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	CONSTRAINT "reminder_settings_hours" CHECK ("reminder_settings"."digest_hour" between 0 and 23 and "reminder_settings"."quiet_from" between 0 and 23 and "reminder_settings"."quiet_until" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "round_interviewers" (
	"user_id" text collate "C" NOT NULL,
	"round_id" text collate "C" NOT NULL,
	"interviewer_id" text collate "C" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_interviewers_round_id_interviewer_id_pk" PRIMARY KEY("round_id","interviewer_id")
);
--> statement-breakpoint
CREATE TABLE "round_signals" (
	"user_id" text collate "C" NOT NULL,
	"round_id" text collate "C" NOT NULL,
	"signal" text collate "C" NOT NULL,
	"on_date" text collate "C",
	CONSTRAINT "round_signals_round_id_signal_pk" PRIMARY KEY("round_id","signal"),
	CONSTRAINT "round_signals_date_only_for_timeline" CHECK ("round_signals"."on_date" is null or "round_signals"."signal" = 'hiring_timeline')
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"application_id" text collate "C" NOT NULL,
	"kind" text collate "C" NOT NULL,
	"scheduled_at" timestamp(0) with time zone NOT NULL,
	"duration_minutes" integer,
	"format" text collate "C",
	"location" text collate "C",
	"outcome" text collate "C" DEFAULT 'pending' NOT NULL,
	"notes" text collate "C",
	"prep_notes" text collate "C",
	"thank_you_sent_at" timestamp(0) with time zone,
	"no_next_steps" boolean DEFAULT false NOT NULL,
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"insertion_order" bigint GENERATED ALWAYS AS IDENTITY (sequence name "rounds_insertion_order_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "rounds_id_user_idx" UNIQUE("id","user_id"),
	CONSTRAINT "rounds_duration_positive" CHECK ("rounds"."duration_minutes" is null or "rounds"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"last_seen_at" timestamp(3) with time zone NOT NULL,
	"user_agent" text collate "C",
	"address" text collate "C"
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text collate "C" PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp(3) with time zone NOT NULL,
	"last_failed_at" timestamp(3) with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_up_requests" (
	"token_hash" text collate "C" PRIMARY KEY NOT NULL,
	"email" text collate "C" NOT NULL,
	"name" text collate "C" NOT NULL,
	"password_hash" text collate "C" NOT NULL,
	"time_zone" text collate "C",
	"expires_at" timestamp(3) with time zone NOT NULL,
	"used_at" timestamp(3) with time zone,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "two_factor" (
	"user_id" text collate "C" PRIMARY KEY NOT NULL,
	"secret_sealed" text collate "C" NOT NULL,
	"enabled_at" timestamp(3) with time zone,
	"last_used_step" integer,
	"created_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "undo_records" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"user_id" text collate "C" NOT NULL,
	"label" text collate "C" NOT NULL,
	"before" text collate "C" NOT NULL,
	"versions" text collate "C" NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_data_versions" (
	"user_id" text collate "C" PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"shared_version" integer DEFAULT 0 NOT NULL,
	"removed_version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text collate "C" PRIMARY KEY NOT NULL,
	"email" text collate "C" NOT NULL,
	"name" text collate "C" NOT NULL,
	"password_hash" text collate "C" NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"time_zone" text collate "C",
	"locale" text collate "C",
	"hour_cycle" text collate "C",
	"seen_locale" text collate "C",
	"created_at" timestamp(0) with time zone DEFAULT date_trunc('second', now()) NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_signals" ADD CONSTRAINT "custom_signals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_signals" ADD CONSTRAINT "custom_signals_round_id_user_id_rounds_id_user_id_fk" FOREIGN KEY ("round_id","user_id") REFERENCES "public"."rounds"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_version_fk" FOREIGN KEY ("version_id","user_id") REFERENCES "public"."document_versions"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_application_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "public"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_attachments" ADD CONSTRAINT "document_attachments_round_id_user_id_rounds_id_user_id_fk" FOREIGN KEY ("round_id","user_id") REFERENCES "public"."rounds"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_user_id_documents_id_user_id_fk" FOREIGN KEY ("document_id","user_id") REFERENCES "public"."documents"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_application_id_user_id_applications_id_user_id_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "public"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_parts" ADD CONSTRAINT "guidance_parts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_parts" ADD CONSTRAINT "guidance_parts_application_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "public"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_settings" ADD CONSTRAINT "guidance_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_steps" ADD CONSTRAINT "guidance_steps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_steps" ADD CONSTRAINT "guidance_steps_application_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "public"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviewers" ADD CONSTRAINT "interviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_channels" ADD CONSTRAINT "reminder_channels_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_interviewers" ADD CONSTRAINT "round_interviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_interviewers" ADD CONSTRAINT "round_interviewers_round_id_user_id_rounds_id_user_id_fk" FOREIGN KEY ("round_id","user_id") REFERENCES "public"."rounds"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_interviewers" ADD CONSTRAINT "round_interviewers_interviewer_fk" FOREIGN KEY ("interviewer_id","user_id") REFERENCES "public"."interviewers"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_signals" ADD CONSTRAINT "round_signals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_signals" ADD CONSTRAINT "round_signals_round_id_user_id_rounds_id_user_id_fk" FOREIGN KEY ("round_id","user_id") REFERENCES "public"."rounds"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_application_id_user_id_applications_id_user_id_fk" FOREIGN KEY ("application_id","user_id") REFERENCES "public"."applications"("id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor" ADD CONSTRAINT "two_factor_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "undo_records" ADD CONSTRAINT "undo_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_tokens_user_idx" ON "access_tokens" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "application_versions_user_idx" ON "application_versions" USING btree ("user_id","version","application_id");--> statement-breakpoint
CREATE INDEX "applications_user_updated_id_idx" ON "applications" USING btree ("user_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "applications_user_applied_id_idx" ON "applications" USING btree ("user_id","applied_on","id");--> statement-breakpoint
CREATE INDEX "applications_user_company_id_idx" ON "applications" USING btree ("user_id",lower("company"),"id");--> statement-breakpoint
CREATE INDEX "applications_user_excitement_id_idx" ON "applications" USING btree ("user_id","excitement","id");--> statement-breakpoint
CREATE INDEX "applications_user_updated_order_idx" ON "applications" USING btree ("user_id","updated_at","insertion_order");--> statement-breakpoint
CREATE INDEX "applications_user_import_idx" ON "applications" USING btree ("user_id","import_id");--> statement-breakpoint
CREATE INDEX "applications_user_status_archived_idx" ON "applications" USING btree ("user_id","status","archived_at");--> statement-breakpoint
CREATE INDEX "custom_signals_round_idx" ON "custom_signals" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "document_attachments_application_idx" ON "document_attachments" USING btree ("application_id","round_id");--> statement-breakpoint
CREATE INDEX "document_attachments_user_idx" ON "document_attachments" USING btree ("user_id","version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_idx" ON "document_versions" USING btree ("document_id","number");--> statement-breakpoint
CREATE INDEX "document_versions_user_idx" ON "document_versions" USING btree ("user_id","size");--> statement-breakpoint
CREATE INDEX "documents_user_idx" ON "documents" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "events_application_idx" ON "events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_user_occurred_idx" ON "events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "guidance_steps_user_idx" ON "guidance_steps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "imports_user_created_idx" ON "imports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_user_hash_idx" ON "imports" USING btree ("user_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "interviewers_user_match_idx" ON "interviewers" USING btree ("user_id","match_key");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "push_subscriptions_user_idx" ON "push_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_once_idx" ON "reminder_deliveries" USING btree ("user_id","item","occurrence","channel");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_due_idx" ON "reminder_deliveries" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_created_idx" ON "reminder_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "round_interviewers_interviewer_idx" ON "round_interviewers" USING btree ("interviewer_id");--> statement-breakpoint
CREATE INDEX "round_interviewers_user_idx" ON "round_interviewers" USING btree ("user_id","round_id","position","interviewer_id");--> statement-breakpoint
CREATE INDEX "round_signals_user_idx" ON "round_signals" USING btree ("user_id","round_id","signal","on_date");--> statement-breakpoint
CREATE INDEX "rounds_application_idx" ON "rounds" USING btree ("application_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "rounds_user_scheduled_idx" ON "rounds" USING btree ("user_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "rounds_user_scheduled_order_idx" ON "rounds" USING btree ("user_id","scheduled_at","insertion_order");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "sign_up_requests_expires_idx" ON "sign_up_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "undo_records_user_expires_idx" ON "undo_records" USING btree ("user_id","expires_at");