import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DcrsRoutingManualTests1795708875611 implements MigrationInterface {
  name = 'DcrsRoutingManualTests1795708875611';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"manual_test_runs\" (\"id\" character varying(36) NOT NULL, \"status\" character varying(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"start_time\" TIMESTAMP WITH TIME ZONE, \"end_time\" TIMESTAMP WITH TIME ZONE, \"results\" text, \"error\" character varying(500), CONSTRAINT \"PK_c14aa8c23afce24ad82536f1230\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\"  (\"requested_at\") ");
    await queryRunner.query("CREATE TABLE \"routing_changes\" (\"id\" SERIAL NOT NULL, \"previous_primary\" character varying(100), \"primary_model\" character varying(100) NOT NULL, \"fallbacks\" text NOT NULL, \"mode\" character varying(16) NOT NULL, \"applied\" boolean NOT NULL, \"dcrs_run_id\" integer, \"reason\" character varying(500) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_329a1e455346b435c9f158a8849\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_routing_changes_created\" ON \"routing_changes\"  (\"created_at\") ");
    await queryRunner.query("CREATE TABLE \"routing_state\" (\"id\" integer NOT NULL, \"primary_model\" character varying(100), \"fallbacks\" text NOT NULL, \"mode\" character varying(16) NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"dcrs_run_id\" integer, \"reason\" character varying(500) NOT NULL, CONSTRAINT \"PK_7c16db8e59ffa4df0549c20dbeb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"status\" character varying(16) NOT NULL DEFAULT 'completed'");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"trigger\" character varying(16) NOT NULL DEFAULT 'schedule'");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"scheduled_date\" character varying(10)");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD CONSTRAINT \"UQ_bb5debadc827bb7aa9e24feca1a\" UNIQUE (\"scheduled_date\")");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"finished_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"duration_ms\" integer");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"results\" text");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"error\" character varying(500)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"error\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"results\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"duration_ms\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"finished_at\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP CONSTRAINT \"UQ_bb5debadc827bb7aa9e24feca1a\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"scheduled_date\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"trigger\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"status\"");
    await queryRunner.query("DROP TABLE \"routing_state\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_routing_changes_created\"");
    await queryRunner.query("DROP TABLE \"routing_changes\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_manual_test_runs_requested\"");
    await queryRunner.query("DROP TABLE \"manual_test_runs\"");
  }
}
