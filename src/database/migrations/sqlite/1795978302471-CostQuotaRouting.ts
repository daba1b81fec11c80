import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CostQuotaRouting1795978302471 implements MigrationInterface {
  name = 'CostQuotaRouting1795978302471';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"model_prices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"model_id\" integer NOT NULL, \"input_per_million\" double precision NOT NULL, \"output_per_million\" double precision NOT NULL, \"currency\" varchar(3) NOT NULL, \"effective_from\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_model_prices_model_effective\" ON \"model_prices\" (\"model_id\", \"effective_from\") ");
    await queryRunner.query("CREATE TABLE \"temporary_models\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"api_type\" varchar(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT (0), \"response_time\" integer NOT NULL DEFAULT (0), \"uptime_percent\" double precision NOT NULL DEFAULT (100), \"status\" varchar(16) NOT NULL DEFAULT ('healthy'), \"updated_at\" datetime NOT NULL, \"provider_model\" varchar(200), \"base_url\" varchar(500), \"enabled\" boolean NOT NULL DEFAULT (1), \"consecutive_failures\" integer NOT NULL DEFAULT (0), \"consecutive_successes\" integer NOT NULL DEFAULT (0), \"last_probe_at\" datetime, \"last_error_kind\" varchar(32), \"rate_limited_until\" datetime, \"deleted_at\" datetime, \"quota_requests_remaining\" integer, \"quota_requests_limit\" integer, \"quota_tokens_remaining\" integer, \"quota_tokens_limit\" integer, \"quota_requests_reset_at\" datetime, \"quota_tokens_reset_at\" datetime, \"quota_read_at\" datetime, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_models\"(\"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\", \"provider_model\", \"base_url\", \"enabled\", \"consecutive_failures\", \"consecutive_successes\", \"last_probe_at\", \"last_error_kind\", \"rate_limited_until\", \"deleted_at\") SELECT \"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\", \"provider_model\", \"base_url\", \"enabled\", \"consecutive_failures\", \"consecutive_successes\", \"last_probe_at\", \"last_error_kind\", \"rate_limited_until\", \"deleted_at\" FROM \"models\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("ALTER TABLE \"temporary_models\" RENAME TO \"models\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), \"success\" boolean NOT NULL DEFAULT (1), \"error_kind\" varchar(32), \"ttft_ms\" integer, \"tokens_per_second\" double precision, \"output_tokens\" integer, \"case_id\" varchar(100), \"run_id\" varchar(64), \"in_maintenance\" boolean NOT NULL DEFAULT (0), \"fingerprint\" varchar(200), \"input_tokens\" integer, \"cost\" double precision, CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\", \"in_maintenance\", \"fingerprint\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\", \"in_maintenance\", \"fingerprint\" FROM \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("ALTER TABLE \"temporary_daily_metrics\" RENAME TO \"daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\", \"in_maintenance\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE TABLE \"temporary_routing_state\" (\"id\" integer PRIMARY KEY NOT NULL, \"primary_model\" varchar(100), \"fallbacks\" text NOT NULL, \"mode\" varchar(16) NOT NULL, \"updated_at\" datetime NOT NULL, \"dcrs_run_id\" integer, \"reason\" varchar(500) NOT NULL, \"rule\" varchar(16), \"compared\" text)");
    await queryRunner.query("INSERT INTO \"temporary_routing_state\"(\"id\", \"primary_model\", \"fallbacks\", \"mode\", \"updated_at\", \"dcrs_run_id\", \"reason\") SELECT \"id\", \"primary_model\", \"fallbacks\", \"mode\", \"updated_at\", \"dcrs_run_id\", \"reason\" FROM \"routing_state\"");
    await queryRunner.query("DROP TABLE \"routing_state\"");
    await queryRunner.query("ALTER TABLE \"temporary_routing_state\" RENAME TO \"routing_state\"");
    await queryRunner.query("DROP INDEX \"idx_model_prices_model_effective\"");
    await queryRunner.query("CREATE TABLE \"temporary_model_prices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"model_id\" integer NOT NULL, \"input_per_million\" double precision NOT NULL, \"output_per_million\" double precision NOT NULL, \"currency\" varchar(3) NOT NULL, \"effective_from\" datetime NOT NULL, CONSTRAINT \"FK_f711ebb0c10fde3f8ab4cd368aa\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_model_prices\"(\"id\", \"model_id\", \"input_per_million\", \"output_per_million\", \"currency\", \"effective_from\") SELECT \"id\", \"model_id\", \"input_per_million\", \"output_per_million\", \"currency\", \"effective_from\" FROM \"model_prices\"");
    await queryRunner.query("DROP TABLE \"model_prices\"");
    await queryRunner.query("ALTER TABLE \"temporary_model_prices\" RENAME TO \"model_prices\"");
    await queryRunner.query("CREATE INDEX \"idx_model_prices_model_effective\" ON \"model_prices\" (\"model_id\", \"effective_from\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_model_prices_model_effective\"");
    await queryRunner.query("ALTER TABLE \"model_prices\" RENAME TO \"temporary_model_prices\"");
    await queryRunner.query("CREATE TABLE \"model_prices\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"model_id\" integer NOT NULL, \"input_per_million\" double precision NOT NULL, \"output_per_million\" double precision NOT NULL, \"currency\" varchar(3) NOT NULL, \"effective_from\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"model_prices\"(\"id\", \"model_id\", \"input_per_million\", \"output_per_million\", \"currency\", \"effective_from\") SELECT \"id\", \"model_id\", \"input_per_million\", \"output_per_million\", \"currency\", \"effective_from\" FROM \"temporary_model_prices\"");
    await queryRunner.query("DROP TABLE \"temporary_model_prices\"");
    await queryRunner.query("CREATE INDEX \"idx_model_prices_model_effective\" ON \"model_prices\" (\"model_id\", \"effective_from\") ");
    await queryRunner.query("ALTER TABLE \"routing_state\" RENAME TO \"temporary_routing_state\"");
    await queryRunner.query("CREATE TABLE \"routing_state\" (\"id\" integer PRIMARY KEY NOT NULL, \"primary_model\" varchar(100), \"fallbacks\" text NOT NULL, \"mode\" varchar(16) NOT NULL, \"updated_at\" datetime NOT NULL, \"dcrs_run_id\" integer, \"reason\" varchar(500) NOT NULL)");
    await queryRunner.query("INSERT INTO \"routing_state\"(\"id\", \"primary_model\", \"fallbacks\", \"mode\", \"updated_at\", \"dcrs_run_id\", \"reason\") SELECT \"id\", \"primary_model\", \"fallbacks\", \"mode\", \"updated_at\", \"dcrs_run_id\", \"reason\" FROM \"temporary_routing_state\"");
    await queryRunner.query("DROP TABLE \"temporary_routing_state\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" RENAME TO \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), \"success\" boolean NOT NULL DEFAULT (1), \"error_kind\" varchar(32), \"ttft_ms\" integer, \"tokens_per_second\" double precision, \"output_tokens\" integer, \"case_id\" varchar(100), \"run_id\" varchar(64), \"in_maintenance\" boolean NOT NULL DEFAULT (0), \"fingerprint\" varchar(200), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\", \"in_maintenance\", \"fingerprint\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\", \"in_maintenance\", \"fingerprint\" FROM \"temporary_daily_metrics\"");
    await queryRunner.query("DROP TABLE \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\", \"in_maintenance\") ");
    // Rebuilt in place rather than renamed away: renaming "models" would repoint the foreign keys of the tables referencing it.
    await queryRunner.query("CREATE TABLE \"temporary_models\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"api_type\" varchar(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT (0), \"response_time\" integer NOT NULL DEFAULT (0), \"uptime_percent\" double precision NOT NULL DEFAULT (100), \"status\" varchar(16) NOT NULL DEFAULT ('healthy'), \"updated_at\" datetime NOT NULL, \"provider_model\" varchar(200), \"base_url\" varchar(500), \"enabled\" boolean NOT NULL DEFAULT (1), \"consecutive_failures\" integer NOT NULL DEFAULT (0), \"consecutive_successes\" integer NOT NULL DEFAULT (0), \"last_probe_at\" datetime, \"last_error_kind\" varchar(32), \"rate_limited_until\" datetime, \"deleted_at\" datetime, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_models\"(\"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\", \"provider_model\", \"base_url\", \"enabled\", \"consecutive_failures\", \"consecutive_successes\", \"last_probe_at\", \"last_error_kind\", \"rate_limited_until\", \"deleted_at\") SELECT \"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\", \"provider_model\", \"base_url\", \"enabled\", \"consecutive_failures\", \"consecutive_successes\", \"last_probe_at\", \"last_error_kind\", \"rate_limited_until\", \"deleted_at\" FROM \"models\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("ALTER TABLE \"temporary_models\" RENAME TO \"models\"");
    await queryRunner.query("DROP INDEX \"idx_model_prices_model_effective\"");
    await queryRunner.query("DROP TABLE \"model_prices\"");
  }
}
