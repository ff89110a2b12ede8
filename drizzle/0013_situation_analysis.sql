CREATE TYPE "public"."analysis_question_kind" AS ENUM('scale', 'single_choice', 'multiple_choice', 'number', 'free_text');--> statement-breakpoint
CREATE TYPE "public"."analysis_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."analysis_version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"state" "analysis_state" DEFAULT 'open' NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	CONSTRAINT "analyses_membership" UNIQUE("membership_id"),
	CONSTRAINT "analyses_closed" CHECK (("analyses"."state" = 'closed') = ("analyses"."closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "analysis_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "analysis_answers_scale" CHECK ("analysis_answers"."value"->>'kind' <> 'scale' or "analysis_answers"."value"->>'value' in ('1', '2', '3', '4', '5', 'cannot_say'))
);
--> statement-breakpoint
CREATE TABLE "analysis_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"user_id" uuid,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_invitations_token" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "analysis_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"text_fi" text NOT NULL,
	"text_sv" text,
	"text_en" text,
	"score" double precision,
	CONSTRAINT "analysis_options_key" UNIQUE("question_id","key"),
	CONSTRAINT "analysis_options_position" UNIQUE("question_id","position")
);
--> statement-breakpoint
CREATE TABLE "analysis_questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_questionnaires_season" UNIQUE("season_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"kind" "analysis_question_kind" NOT NULL,
	"text_fi" text NOT NULL,
	"text_sv" text,
	"text_en" text,
	"help_fi" text,
	"help_sv" text,
	"help_en" text,
	"required" boolean DEFAULT false NOT NULL,
	"weight" smallint,
	"max_choices" smallint,
	"min_value" double precision,
	"max_value" double precision,
	"integer_only" boolean DEFAULT false NOT NULL,
	"max_length" smallint,
	CONSTRAINT "analysis_questions_key" UNIQUE("version_id","key"),
	CONSTRAINT "analysis_questions_position" UNIQUE("section_id","position"),
	CONSTRAINT "analysis_questions_id_version" UNIQUE("id","version_id"),
	CONSTRAINT "analysis_questions_weight" CHECK ("analysis_questions"."weight" is null or ("analysis_questions"."kind" in ('scale', 'single_choice') and "analysis_questions"."weight" between 1 and 100)),
	CONSTRAINT "analysis_questions_max_choices" CHECK ("analysis_questions"."max_choices" is null or ("analysis_questions"."kind" = 'multiple_choice' and "analysis_questions"."max_choices" >= 1)),
	CONSTRAINT "analysis_questions_max_length" CHECK (("analysis_questions"."kind" = 'free_text') = ("analysis_questions"."max_length" is not null) and ("analysis_questions"."max_length" is null or "analysis_questions"."max_length" between 1 and 4000)),
	CONSTRAINT "analysis_questions_range" CHECK ("analysis_questions"."min_value" is null or "analysis_questions"."max_value" is null or "analysis_questions"."min_value" <= "analysis_questions"."max_value")
);
--> statement-breakpoint
CREATE TABLE "analysis_response_scores" (
	"response_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"analysis_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "analysis_response_scores_response_id_section_id_pk" PRIMARY KEY("response_id","section_id"),
	CONSTRAINT "analysis_response_scores_range" CHECK ("analysis_response_scores"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "analysis_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"analysis_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_responses_invitation" UNIQUE("invitation_id"),
	CONSTRAINT "analysis_responses_id_version" UNIQUE("id","version_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_section_means" (
	"analysis_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"respondents" integer NOT NULL,
	"mean" double precision NOT NULL,
	CONSTRAINT "analysis_section_means_analysis_id_section_id_pk" PRIMARY KEY("analysis_id","section_id"),
	CONSTRAINT "analysis_section_means_respondents" CHECK ("analysis_section_means"."respondents" > 0),
	CONSTRAINT "analysis_section_means_range" CHECK ("analysis_section_means"."mean" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "analysis_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" smallint NOT NULL,
	"focus_area_id" uuid,
	"title_fi" text NOT NULL,
	"title_sv" text,
	"title_en" text,
	"description_fi" text,
	"description_sv" text,
	"description_en" text,
	"weight" smallint DEFAULT 1 NOT NULL,
	"scoring_fingerprint" text,
	CONSTRAINT "analysis_sections_key" UNIQUE("version_id","key"),
	CONSTRAINT "analysis_sections_position" UNIQUE("version_id","position"),
	CONSTRAINT "analysis_sections_id_version" UNIQUE("id","version_id"),
	CONSTRAINT "analysis_sections_weight" CHECK ("analysis_sections"."weight" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "analysis_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"status" "analysis_version_status" DEFAULT 'draft' NOT NULL,
	"fingerprint" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_versions_number" UNIQUE("questionnaire_id","number"),
	CONSTRAINT "analysis_versions_number_positive" CHECK ("analysis_versions"."number" > 0),
	CONSTRAINT "analysis_versions_published" CHECK (("analysis_versions"."status" = 'published') = ("analysis_versions"."published_at" is not null and "analysis_versions"."fingerprint" is not null))
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_version_id_analysis_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."analysis_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answers" ADD CONSTRAINT "analysis_answers_response_fk" FOREIGN KEY ("response_id","version_id") REFERENCES "public"."analysis_responses"("id","version_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answers" ADD CONSTRAINT "analysis_answers_question_fk" FOREIGN KEY ("question_id","version_id") REFERENCES "public"."analysis_questions"("id","version_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_invitations" ADD CONSTRAINT "analysis_invitations_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_invitations" ADD CONSTRAINT "analysis_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_invitations" ADD CONSTRAINT "analysis_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_options" ADD CONSTRAINT "analysis_options_question_id_analysis_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."analysis_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_questionnaires" ADD CONSTRAINT "analysis_questionnaires_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_questions" ADD CONSTRAINT "analysis_questions_section_fk" FOREIGN KEY ("section_id","version_id") REFERENCES "public"."analysis_sections"("id","version_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_response_scores" ADD CONSTRAINT "analysis_response_scores_response_id_analysis_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."analysis_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_response_scores" ADD CONSTRAINT "analysis_response_scores_section_id_analysis_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."analysis_sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_response_scores" ADD CONSTRAINT "analysis_response_scores_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_responses" ADD CONSTRAINT "analysis_responses_invitation_id_analysis_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."analysis_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_responses" ADD CONSTRAINT "analysis_responses_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_responses" ADD CONSTRAINT "analysis_responses_version_id_analysis_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."analysis_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_section_means" ADD CONSTRAINT "analysis_section_means_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_section_means" ADD CONSTRAINT "analysis_section_means_section_id_analysis_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."analysis_sections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_sections" ADD CONSTRAINT "analysis_sections_version_id_analysis_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."analysis_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_sections" ADD CONSTRAINT "analysis_sections_focus_area_id_season_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."season_focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_questionnaire_id_analysis_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."analysis_questionnaires"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_versions" ADD CONSTRAINT "analysis_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analyses_version" ON "analyses" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "analyses_opened_by" ON "analyses" USING btree ("opened_by");--> statement-breakpoint
CREATE INDEX "analyses_closed_by" ON "analyses" USING btree ("closed_by");--> statement-breakpoint
CREATE INDEX "analysis_answers_question" ON "analysis_answers" USING btree ("question_id","response_id");--> statement-breakpoint
CREATE INDEX "analysis_answers_version" ON "analysis_answers" USING btree ("response_id","version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_invitations_person" ON "analysis_invitations" USING btree ("analysis_id","user_id");--> statement-breakpoint
CREATE INDEX "analysis_invitations_user" ON "analysis_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "analysis_invitations_invited_by" ON "analysis_invitations" USING btree ("invited_by");--> statement-breakpoint
CREATE INDEX "analysis_response_scores_section" ON "analysis_response_scores" USING btree ("section_id","analysis_id","score");--> statement-breakpoint
CREATE INDEX "analysis_response_scores_analysis" ON "analysis_response_scores" USING btree ("analysis_id","section_id");--> statement-breakpoint
CREATE INDEX "analysis_responses_analysis" ON "analysis_responses" USING btree ("analysis_id");--> statement-breakpoint
CREATE INDEX "analysis_responses_version" ON "analysis_responses" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "analysis_section_means_section" ON "analysis_section_means" USING btree ("section_id","respondents","mean");--> statement-breakpoint
CREATE INDEX "analysis_sections_focus_area" ON "analysis_sections" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "analysis_sections_scoring" ON "analysis_sections" USING btree ("key","scoring_fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_versions_one_draft" ON "analysis_versions" USING btree ("questionnaire_id") WHERE "analysis_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "analysis_versions_published_by" ON "analysis_versions" USING btree ("published_by");