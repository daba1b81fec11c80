import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProbingColumns1795708728014 implements MigrationInterface {
  name = 'ProbingColumns1795708728014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"temporary_models\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"api_type\" varchar(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT (0), \"response_time\" integer NOT NULL DEFAULT (0), \"uptime_percent\" double precision NOT NULL DEFAULT (100), \"status\" varchar(16) NOT NULL DEFAULT ('healthy'), \"updated_at\" datetime NOT NULL, \"provider_model\" varchar(200), \"base_url\" varchar(500), \"enabled\" boolean NOT NULL DEFAULT (1), \"consecutive_failures\" integer NOT NULL DEFAULT (0), \"consecutive_successes\" integer NOT NULL DEFAULT (0), \"last_probe_at\" datetime, \"last_error_kind\" varchar(32), \"rate_limited_until\" datetime, \"deleted_at\" datetime, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_models\"(\"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\") SELECT \"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\" FROM \"models\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("ALTER TABLE \"temporary_models\" RENAME TO \"models\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), \"success\" boolean NOT NULL DEFAULT (1), \"error_kind\" varchar(32), \"ttft_ms\" integer, \"tokens_per_second\" double precision, \"output_tokens\" integer, \"case_id\" varchar(100), \"run_id\" varchar(64), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\" FROM \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("ALTER TABLE \"temporary_daily_metrics\" RENAME TO \"daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" RENAME TO \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\" FROM \"temporary_daily_metrics\"");
    await queryRunner.query("DROP TABLE \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    // Rebuilt in place rather than renamed away: renaming "models" would repoint the foreign keys of the tables referencing it.
    await queryRunner.query("CREATE TABLE \"temporary_models\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"api_type\" varchar(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT (0), \"response_time\" integer NOT NULL DEFAULT (0), \"uptime_percent\" double precision NOT NULL DEFAULT (100), \"status\" varchar(16) NOT NULL DEFAULT ('healthy'), \"updated_at\" datetime NOT NULL, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_models\"(\"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\") SELECT \"id\", \"name\", \"api_type\", \"last_score\", \"response_time\", \"uptime_percent\", \"status\", \"updated_at\" FROM \"models\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("ALTER TABLE \"temporary_models\" RENAME TO \"models\"");
  }
}
