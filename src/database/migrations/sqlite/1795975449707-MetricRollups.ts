import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricRollups1795975449707 implements MigrationInterface {
  name = 'MetricRollups1795975449707';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"metric_rollup_backfill\" (\"id\" integer PRIMARY KEY NOT NULL, \"through_id\" integer NOT NULL, \"done_id\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"metric_rollups\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"resolution\" varchar(4) NOT NULL, \"bucket_start\" datetime NOT NULL, \"model_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"calls\" integer NOT NULL DEFAULT (0), \"successes\" integer NOT NULL DEFAULT (0), \"maintenance_calls\" integer NOT NULL DEFAULT (0), \"uptime_counted\" integer NOT NULL DEFAULT (0), \"uptime_up\" integer NOT NULL DEFAULT (0), \"errors\" text NOT NULL DEFAULT ('{}'), \"score_sum\" double precision NOT NULL DEFAULT (0), \"score_count\" integer NOT NULL DEFAULT (0), \"response_time_sum\" double precision NOT NULL DEFAULT (0), \"response_time_hist\" text NOT NULL DEFAULT ('{}'), \"latency_hist\" text NOT NULL DEFAULT ('{}'), \"ttft_hist\" text NOT NULL DEFAULT ('{}'), \"tps_hist\" text NOT NULL DEFAULT ('{}'), \"output_tokens_sum\" double precision NOT NULL DEFAULT (0), \"input_tokens_sum\" double precision NOT NULL DEFAULT (0), \"cost_sum\" double precision NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"idx_metric_rollups_bucket\" ON \"metric_rollups\" (\"resolution\", \"bucket_start\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_metric_rollups_key\" ON \"metric_rollups\" (\"resolution\", \"model_id\", \"bucket_start\", \"kind\") ");
    await queryRunner.query("DROP INDEX \"idx_metric_rollups_bucket\"");
    await queryRunner.query("DROP INDEX \"uq_metric_rollups_key\"");
    await queryRunner.query("CREATE TABLE \"temporary_metric_rollups\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"resolution\" varchar(4) NOT NULL, \"bucket_start\" datetime NOT NULL, \"model_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"calls\" integer NOT NULL DEFAULT (0), \"successes\" integer NOT NULL DEFAULT (0), \"maintenance_calls\" integer NOT NULL DEFAULT (0), \"uptime_counted\" integer NOT NULL DEFAULT (0), \"uptime_up\" integer NOT NULL DEFAULT (0), \"errors\" text NOT NULL DEFAULT ('{}'), \"score_sum\" double precision NOT NULL DEFAULT (0), \"score_count\" integer NOT NULL DEFAULT (0), \"response_time_sum\" double precision NOT NULL DEFAULT (0), \"response_time_hist\" text NOT NULL DEFAULT ('{}'), \"latency_hist\" text NOT NULL DEFAULT ('{}'), \"ttft_hist\" text NOT NULL DEFAULT ('{}'), \"tps_hist\" text NOT NULL DEFAULT ('{}'), \"output_tokens_sum\" double precision NOT NULL DEFAULT (0), \"input_tokens_sum\" double precision NOT NULL DEFAULT (0), \"cost_sum\" double precision NOT NULL DEFAULT (0), CONSTRAINT \"FK_46c02466b3b01201fd256e28123\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_metric_rollups\"(\"id\", \"resolution\", \"bucket_start\", \"model_id\", \"kind\", \"calls\", \"successes\", \"maintenance_calls\", \"uptime_counted\", \"uptime_up\", \"errors\", \"score_sum\", \"score_count\", \"response_time_sum\", \"response_time_hist\", \"latency_hist\", \"ttft_hist\", \"tps_hist\", \"output_tokens_sum\", \"input_tokens_sum\", \"cost_sum\") SELECT \"id\", \"resolution\", \"bucket_start\", \"model_id\", \"kind\", \"calls\", \"successes\", \"maintenance_calls\", \"uptime_counted\", \"uptime_up\", \"errors\", \"score_sum\", \"score_count\", \"response_time_sum\", \"response_time_hist\", \"latency_hist\", \"ttft_hist\", \"tps_hist\", \"output_tokens_sum\", \"input_tokens_sum\", \"cost_sum\" FROM \"metric_rollups\"");
    await queryRunner.query("DROP TABLE \"metric_rollups\"");
    await queryRunner.query("ALTER TABLE \"temporary_metric_rollups\" RENAME TO \"metric_rollups\"");
    await queryRunner.query("CREATE INDEX \"idx_metric_rollups_bucket\" ON \"metric_rollups\" (\"resolution\", \"bucket_start\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_metric_rollups_key\" ON \"metric_rollups\" (\"resolution\", \"model_id\", \"bucket_start\", \"kind\") ");
    // Rows already stored are rolled up at boot (metrics/rollups/rollup-backfill.service.ts), up to this id.
    await queryRunner.query(
      'INSERT INTO "metric_rollup_backfill" ("id", "through_id", "done_id") SELECT 1, COALESCE(MAX("id"), 0), 0 FROM "daily_metrics"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_metric_rollups_key\"");
    await queryRunner.query("DROP INDEX \"idx_metric_rollups_bucket\"");
    await queryRunner.query("ALTER TABLE \"metric_rollups\" RENAME TO \"temporary_metric_rollups\"");
    await queryRunner.query("CREATE TABLE \"metric_rollups\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"resolution\" varchar(4) NOT NULL, \"bucket_start\" datetime NOT NULL, \"model_id\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"calls\" integer NOT NULL DEFAULT (0), \"successes\" integer NOT NULL DEFAULT (0), \"maintenance_calls\" integer NOT NULL DEFAULT (0), \"uptime_counted\" integer NOT NULL DEFAULT (0), \"uptime_up\" integer NOT NULL DEFAULT (0), \"errors\" text NOT NULL DEFAULT ('{}'), \"score_sum\" double precision NOT NULL DEFAULT (0), \"score_count\" integer NOT NULL DEFAULT (0), \"response_time_sum\" double precision NOT NULL DEFAULT (0), \"response_time_hist\" text NOT NULL DEFAULT ('{}'), \"latency_hist\" text NOT NULL DEFAULT ('{}'), \"ttft_hist\" text NOT NULL DEFAULT ('{}'), \"tps_hist\" text NOT NULL DEFAULT ('{}'), \"output_tokens_sum\" double precision NOT NULL DEFAULT (0), \"input_tokens_sum\" double precision NOT NULL DEFAULT (0), \"cost_sum\" double precision NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"metric_rollups\"(\"id\", \"resolution\", \"bucket_start\", \"model_id\", \"kind\", \"calls\", \"successes\", \"maintenance_calls\", \"uptime_counted\", \"uptime_up\", \"errors\", \"score_sum\", \"score_count\", \"response_time_sum\", \"response_time_hist\", \"latency_hist\", \"ttft_hist\", \"tps_hist\", \"output_tokens_sum\", \"input_tokens_sum\", \"cost_sum\") SELECT \"id\", \"resolution\", \"bucket_start\", \"model_id\", \"kind\", \"calls\", \"successes\", \"maintenance_calls\", \"uptime_counted\", \"uptime_up\", \"errors\", \"score_sum\", \"score_count\", \"response_time_sum\", \"response_time_hist\", \"latency_hist\", \"ttft_hist\", \"tps_hist\", \"output_tokens_sum\", \"input_tokens_sum\", \"cost_sum\" FROM \"temporary_metric_rollups\"");
    await queryRunner.query("DROP TABLE \"temporary_metric_rollups\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_metric_rollups_key\" ON \"metric_rollups\" (\"resolution\", \"model_id\", \"bucket_start\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"idx_metric_rollups_bucket\" ON \"metric_rollups\" (\"resolution\", \"bucket_start\") ");
    await queryRunner.query("DROP INDEX \"uq_metric_rollups_key\"");
    await queryRunner.query("DROP INDEX \"idx_metric_rollups_bucket\"");
    await queryRunner.query("DROP TABLE \"metric_rollups\"");
    await queryRunner.query("DROP TABLE \"metric_rollup_backfill\"");
  }
}
