import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DcrsRoutingManualTests1795708875611 implements MigrationInterface {
  name = 'DcrsRoutingManualTests1795708875611';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500))");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
    await queryRunner.query("CREATE TABLE \"routing_changes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"previous_primary\" varchar(100), \"primary_model\" varchar(100) NOT NULL, \"fallbacks\" text NOT NULL, \"mode\" varchar(16) NOT NULL, \"applied\" boolean NOT NULL, \"dcrs_run_id\" integer, \"reason\" varchar(500) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_routing_changes_created\" ON \"routing_changes\" (\"created_at\") ");
    await queryRunner.query("CREATE TABLE \"routing_state\" (\"id\" integer PRIMARY KEY NOT NULL, \"primary_model\" varchar(100), \"fallbacks\" text NOT NULL, \"mode\" varchar(16) NOT NULL, \"updated_at\" datetime NOT NULL, \"dcrs_run_id\" integer, \"reason\" varchar(500) NOT NULL)");
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL DEFAULT ('completed'), \"trigger\" varchar(16) NOT NULL DEFAULT ('schedule'), \"scheduled_date\" varchar(10), \"finished_at\" datetime, \"duration_ms\" integer, \"results\" text, \"error\" varchar(500), CONSTRAINT \"UQ_ad54686200d467db9dbe2a4b9e4\" UNIQUE (\"scheduled_date\"))");
    await queryRunner.query("INSERT INTO \"temporary_dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\" FROM \"dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"dcrs_logs\"");
    await queryRunner.query("ALTER TABLE \"temporary_dcrs_logs\" RENAME TO \"dcrs_logs\"");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" RENAME TO \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE TABLE \"dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\" FROM \"temporary_dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
    await queryRunner.query("DROP TABLE \"routing_state\"");
    await queryRunner.query("DROP INDEX \"idx_routing_changes_created\"");
    await queryRunner.query("DROP TABLE \"routing_changes\"");
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("DROP TABLE \"manual_test_runs\"");
  }
}
