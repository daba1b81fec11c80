import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightTables1795977883566 implements MigrationInterface {
  name = 'InsightTables1795977883566';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("CREATE TABLE \"maintenance_windows\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"model_id\" integer, \"starts_at\" datetime, \"ends_at\" datetime, \"cron\" varchar(100), \"duration_minutes\" integer, \"reason\" varchar(500) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_maintenance_model\" ON \"maintenance_windows\" (\"model_id\") ");
    await queryRunner.query("CREATE TABLE \"model_slos\" (\"model_id\" integer PRIMARY KEY NOT NULL, \"availability_percent\" double precision, \"window_days\" integer NOT NULL DEFAULT (30), \"ttft_p95_ms\" integer, \"latency_p95_ms\" integer, \"min_score\" double precision, \"updated_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE TABLE \"model_status_changes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"model_id\" integer NOT NULL, \"at\" datetime NOT NULL, \"previous_status\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"cause\" varchar(300) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_status_changes_model_at\" ON \"model_status_changes\" (\"model_id\", \"at\") ");
    await queryRunner.query("DROP INDEX \"idx_dcrs_one_running\"");
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL DEFAULT ('completed'), \"trigger\" varchar(16) NOT NULL DEFAULT ('schedule'), \"scheduled_date\" varchar(10), \"finished_at\" datetime, \"duration_ms\" integer, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, \"suite_name\" varchar(100), \"suite_hash\" varchar(64), CONSTRAINT \"UQ_ad54686200d467db9dbe2a4b9e4\" UNIQUE (\"scheduled_date\"))");
    await queryRunner.query("INSERT INTO \"temporary_dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\", \"owner\", \"heartbeat_at\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\", \"owner\", \"heartbeat_at\" FROM \"dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"dcrs_logs\"");
    await queryRunner.query("ALTER TABLE \"temporary_dcrs_logs\" RENAME TO \"dcrs_logs\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_dcrs_one_running\" ON \"dcrs_logs\" (\"status\") WHERE status = 'running'");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
    await queryRunner.query("DROP INDEX \"idx_manual_test_one_testing\"");
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("CREATE TABLE \"temporary_manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, \"queue_order\" integer NOT NULL DEFAULT (0), \"suite_name\" varchar(100), \"suite_hash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\", \"queue_order\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\", \"queue_order\" FROM \"manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"manual_test_runs\"");
    await queryRunner.query("ALTER TABLE \"temporary_manual_test_runs\" RENAME TO \"manual_test_runs\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_manual_test_one_testing\" ON \"manual_test_runs\" (\"status\") WHERE status = 'testing'");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("CREATE TABLE \"temporary_daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), \"success\" boolean NOT NULL DEFAULT (1), \"error_kind\" varchar(32), \"ttft_ms\" integer, \"tokens_per_second\" double precision, \"output_tokens\" integer, \"case_id\" varchar(100), \"run_id\" varchar(64), \"in_maintenance\" boolean NOT NULL DEFAULT (0), \"fingerprint\" varchar(200), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\" FROM \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("ALTER TABLE \"temporary_daily_metrics\" RENAME TO \"daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\", \"in_maintenance\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" RENAME TO \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), \"success\" boolean NOT NULL DEFAULT (1), \"error_kind\" varchar(32), \"ttft_ms\" integer, \"tokens_per_second\" double precision, \"output_tokens\" integer, \"case_id\" varchar(100), \"run_id\" varchar(64), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"ttft_ms\", \"tokens_per_second\", \"output_tokens\", \"case_id\", \"run_id\" FROM \"temporary_daily_metrics\"");
    await queryRunner.query("DROP TABLE \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("DROP INDEX \"idx_manual_test_one_testing\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" RENAME TO \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE TABLE \"manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, \"queue_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\", \"queue_order\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\", \"queue_order\" FROM \"temporary_manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_manual_test_one_testing\" ON \"manual_test_runs\" (\"status\") WHERE status = 'testing'");
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("DROP INDEX \"idx_dcrs_one_running\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" RENAME TO \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE TABLE \"dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL DEFAULT ('completed'), \"trigger\" varchar(16) NOT NULL DEFAULT ('schedule'), \"scheduled_date\" varchar(10), \"finished_at\" datetime, \"duration_ms\" integer, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, CONSTRAINT \"UQ_ad54686200d467db9dbe2a4b9e4\" UNIQUE (\"scheduled_date\"))");
    await queryRunner.query("INSERT INTO \"dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\", \"owner\", \"heartbeat_at\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\", \"owner\", \"heartbeat_at\" FROM \"temporary_dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_dcrs_one_running\" ON \"dcrs_logs\" (\"status\") WHERE status = 'running'");
    await queryRunner.query("DROP INDEX \"idx_status_changes_model_at\"");
    await queryRunner.query("DROP TABLE \"model_status_changes\"");
    await queryRunner.query("DROP TABLE \"model_slos\"");
    await queryRunner.query("DROP INDEX \"idx_maintenance_model\"");
    await queryRunner.query("DROP TABLE \"maintenance_windows\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\") ");
  }
}
