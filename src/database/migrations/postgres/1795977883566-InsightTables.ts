import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InsightTables1795977883566 implements MigrationInterface {
  name = 'InsightTables1795977883566';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_metrics_uptime_cover\"");
    await queryRunner.query("CREATE TABLE \"maintenance_windows\" (\"id\" SERIAL NOT NULL, \"model_id\" integer, \"starts_at\" TIMESTAMP WITH TIME ZONE, \"ends_at\" TIMESTAMP WITH TIME ZONE, \"cron\" character varying(100), \"duration_minutes\" integer, \"reason\" character varying(500) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c939ec0e19687a7d64b5e357d28\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_maintenance_model\" ON \"maintenance_windows\"  (\"model_id\") ");
    await queryRunner.query("CREATE TABLE \"model_slos\" (\"model_id\" integer NOT NULL, \"availability_percent\" double precision, \"window_days\" integer NOT NULL DEFAULT '30', \"ttft_p95_ms\" integer, \"latency_p95_ms\" integer, \"min_score\" double precision, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_45a1dde2a3472c839c877f94d9c\" PRIMARY KEY (\"model_id\"))");
    await queryRunner.query("CREATE TABLE \"model_status_changes\" (\"id\" SERIAL NOT NULL, \"model_id\" integer NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"previous_status\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"cause\" character varying(300) NOT NULL, CONSTRAINT \"PK_f6b8ea3bd8e90ba2d5aab3d14fc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_status_changes_model_at\" ON \"model_status_changes\"  (\"model_id\", \"at\") ");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"suite_name\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"suite_hash\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" ADD \"suite_name\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" ADD \"suite_hash\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"in_maintenance\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"fingerprint\" character varying(200)");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\"  (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\", \"in_maintenance\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_metrics_uptime_cover\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"fingerprint\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"in_maintenance\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" DROP COLUMN \"suite_hash\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" DROP COLUMN \"suite_name\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"suite_hash\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"suite_name\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_status_changes_model_at\"");
    await queryRunner.query("DROP TABLE \"model_status_changes\"");
    await queryRunner.query("DROP TABLE \"model_slos\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_maintenance_model\"");
    await queryRunner.query("DROP TABLE \"maintenance_windows\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" USING btree (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\") ");
  }
}
