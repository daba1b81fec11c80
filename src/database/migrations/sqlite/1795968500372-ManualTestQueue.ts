import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManualTestQueue1795968500372 implements MigrationInterface {
  name = 'ManualTestQueue1795968500372';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Instances before the shared queue may have left several runs testing: all but the newest fail.
    await queryRunner.query(
      "UPDATE \"manual_test_runs\" SET \"status\" = 'failed', \"error\" = 'Interrupted: another run was going' WHERE \"status\" = 'testing' AND \"id\" <> (SELECT \"id\" FROM \"manual_test_runs\" WHERE \"status\" = 'testing' ORDER BY \"requested_at\" DESC LIMIT 1)",
    );
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("CREATE TABLE \"temporary_manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, \"queue_order\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\" FROM \"manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"manual_test_runs\"");
    await queryRunner.query("ALTER TABLE \"temporary_manual_test_runs\" RENAME TO \"manual_test_runs\"");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_manual_test_one_testing\" ON \"manual_test_runs\" (\"status\") WHERE status = 'testing'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_manual_test_one_testing\"");
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" RENAME TO \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE TABLE \"manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime)");
    await queryRunner.query("INSERT INTO \"manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\", \"owner\", \"heartbeat_at\" FROM \"temporary_manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
  }
}
