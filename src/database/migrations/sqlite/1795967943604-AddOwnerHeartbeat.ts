import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOwnerHeartbeat1795967943604 implements MigrationInterface {
  name = 'AddOwnerHeartbeat1795967943604';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("CREATE TABLE \"temporary_manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\" FROM \"manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"manual_test_runs\"");
    await queryRunner.query("ALTER TABLE \"temporary_manual_test_runs\" RENAME TO \"manual_test_runs\"");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
    await queryRunner.query("DROP INDEX \"uq_cartridge_executions_idempotency\"");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("CREATE TABLE \"temporary_cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0), \"source\" varchar(16) NOT NULL DEFAULT ('runner'), \"model_used\" varchar(100), \"output\" text, \"idempotency_key\" varchar(200), \"request_hash\" varchar(64), \"owner\" varchar(200), \"heartbeat_at\" datetime, CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\", \"source\", \"model_used\", \"output\", \"idempotency_key\", \"request_hash\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\", \"source\", \"model_used\", \"output\", \"idempotency_key\", \"request_hash\" FROM \"cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"cartridge_executions\"");
    await queryRunner.query("ALTER TABLE \"temporary_cartridge_executions\" RENAME TO \"cartridge_executions\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_cartridge_executions_idempotency\" ON \"cartridge_executions\" (\"cartridge_id\", \"idempotency_key\") ");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("CREATE TABLE \"temporary_dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL DEFAULT ('completed'), \"trigger\" varchar(16) NOT NULL DEFAULT ('schedule'), \"scheduled_date\" varchar(10), \"finished_at\" datetime, \"duration_ms\" integer, \"results\" text, \"error\" varchar(500), \"owner\" varchar(200), \"heartbeat_at\" datetime, CONSTRAINT \"UQ_ad54686200d467db9dbe2a4b9e4\" UNIQUE (\"scheduled_date\"))");
    await queryRunner.query("INSERT INTO \"temporary_dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\" FROM \"dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"dcrs_logs\"");
    await queryRunner.query("ALTER TABLE \"temporary_dcrs_logs\" RENAME TO \"dcrs_logs\"");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" RENAME TO \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE TABLE \"dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0), \"status\" varchar(16) NOT NULL DEFAULT ('completed'), \"trigger\" varchar(16) NOT NULL DEFAULT ('schedule'), \"scheduled_date\" varchar(10), \"finished_at\" datetime, \"duration_ms\" integer, \"results\" text, \"error\" varchar(500), CONSTRAINT \"UQ_ad54686200d467db9dbe2a4b9e4\" UNIQUE (\"scheduled_date\"))");
    await queryRunner.query("INSERT INTO \"dcrs_logs\"(\"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\") SELECT \"id\", \"date\", \"execution_time\", \"total_tests\", \"avg_score\", \"best_model\", \"changes_applied\", \"timestamp\", \"is_demo\", \"status\", \"trigger\", \"scheduled_date\", \"finished_at\", \"duration_ms\", \"results\", \"error\" FROM \"temporary_dcrs_logs\"");
    await queryRunner.query("DROP TABLE \"temporary_dcrs_logs\"");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("DROP INDEX \"uq_cartridge_executions_idempotency\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" RENAME TO \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE TABLE \"cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0), \"source\" varchar(16) NOT NULL DEFAULT ('runner'), \"model_used\" varchar(100), \"output\" text, \"idempotency_key\" varchar(200), \"request_hash\" varchar(64), CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\", \"source\", \"model_used\", \"output\", \"idempotency_key\", \"request_hash\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\", \"source\", \"model_used\", \"output\", \"idempotency_key\", \"request_hash\" FROM \"temporary_cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_cartridge_executions_idempotency\" ON \"cartridge_executions\" (\"cartridge_id\", \"idempotency_key\") ");
    await queryRunner.query("DROP INDEX \"idx_manual_test_runs_requested\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" RENAME TO \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE TABLE \"manual_test_runs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"status\" varchar(16) NOT NULL, \"models\" text NOT NULL, \"requested_at\" datetime NOT NULL, \"start_time\" datetime, \"end_time\" datetime, \"results\" text, \"error\" varchar(500))");
    await queryRunner.query("INSERT INTO \"manual_test_runs\"(\"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\") SELECT \"id\", \"status\", \"models\", \"requested_at\", \"start_time\", \"end_time\", \"results\", \"error\" FROM \"temporary_manual_test_runs\"");
    await queryRunner.query("DROP TABLE \"temporary_manual_test_runs\"");
    await queryRunner.query("CREATE INDEX \"idx_manual_test_runs_requested\" ON \"manual_test_runs\" (\"requested_at\") ");
  }
}
