import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricRollups1795975449707 implements MigrationInterface {
  name = 'MetricRollups1795975449707';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"metric_rollup_backfill\" (\"id\" integer NOT NULL, \"through_id\" integer NOT NULL, \"done_id\" integer NOT NULL, CONSTRAINT \"PK_7ed2e7a2e92e0ac28bd766d3ac9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"metric_rollups\" (\"id\" SERIAL NOT NULL, \"resolution\" character varying(4) NOT NULL, \"bucket_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"model_id\" integer NOT NULL, \"kind\" character varying(16) NOT NULL, \"calls\" integer NOT NULL DEFAULT '0', \"successes\" integer NOT NULL DEFAULT '0', \"maintenance_calls\" integer NOT NULL DEFAULT '0', \"uptime_counted\" integer NOT NULL DEFAULT '0', \"uptime_up\" integer NOT NULL DEFAULT '0', \"errors\" text NOT NULL DEFAULT '{}', \"score_sum\" double precision NOT NULL DEFAULT '0', \"score_count\" integer NOT NULL DEFAULT '0', \"response_time_sum\" double precision NOT NULL DEFAULT '0', \"response_time_hist\" text NOT NULL DEFAULT '{}', \"latency_hist\" text NOT NULL DEFAULT '{}', \"ttft_hist\" text NOT NULL DEFAULT '{}', \"tps_hist\" text NOT NULL DEFAULT '{}', \"output_tokens_sum\" double precision NOT NULL DEFAULT '0', \"input_tokens_sum\" double precision NOT NULL DEFAULT '0', \"cost_sum\" double precision NOT NULL DEFAULT '0', CONSTRAINT \"PK_b90f9a715ccd835fc3a564a2246\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_metric_rollups_bucket\" ON \"metric_rollups\"  (\"resolution\", \"bucket_start\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_metric_rollups_key\" ON \"metric_rollups\"  (\"resolution\", \"model_id\", \"bucket_start\", \"kind\") ");
    await queryRunner.query("ALTER TABLE \"metric_rollups\" ADD CONSTRAINT \"FK_46c02466b3b01201fd256e28123\" FOREIGN KEY (\"model_id\") REFERENCES \"models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Rows already stored are rolled up at boot (metrics/rollups/rollup-backfill.service.ts), up to this id.
    await queryRunner.query(
      'INSERT INTO "metric_rollup_backfill" ("id", "through_id", "done_id") SELECT 1, COALESCE(MAX("id"), 0), 0 FROM "daily_metrics"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"metric_rollups\" DROP CONSTRAINT \"FK_46c02466b3b01201fd256e28123\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_metric_rollups_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_metric_rollups_bucket\"");
    await queryRunner.query("DROP TABLE \"metric_rollups\"");
    await queryRunner.query("DROP TABLE \"metric_rollup_backfill\"");
  }
}
