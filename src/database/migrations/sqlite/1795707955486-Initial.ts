import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795707955486 implements MigrationInterface {
  name = 'Initial1795707955486';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cartridges\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500), \"created_at\" datetime NOT NULL, CONSTRAINT \"UQ_ce050bc73554d5c203538fe8806\" UNIQUE (\"name\"))");
    await queryRunner.query("CREATE TABLE \"cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("CREATE TABLE \"dcrs_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"execution_time\" datetime NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" varchar(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT (0), \"timestamp\" datetime NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\" (\"date\") ");
    await queryRunner.query("CREATE TABLE \"models\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"api_type\" varchar(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT (0), \"response_time\" integer NOT NULL DEFAULT (0), \"uptime_percent\" double precision NOT NULL DEFAULT (100), \"status\" varchar(16) NOT NULL DEFAULT ('healthy'), \"updated_at\" datetime NOT NULL, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"))");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'))");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("CREATE TABLE \"temporary_cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0), CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\" FROM \"cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"cartridge_executions\"");
    await queryRunner.query("ALTER TABLE \"temporary_cartridge_executions\" RENAME TO \"cartridge_executions\"");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("CREATE TABLE \"temporary_daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'), CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\" FROM \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("ALTER TABLE \"temporary_daily_metrics\" RENAME TO \"daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" RENAME TO \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" datetime NOT NULL, \"kind\" varchar(16) NOT NULL DEFAULT ('probe'))");
    await queryRunner.query("INSERT INTO \"daily_metrics\"(\"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\") SELECT \"id\", \"date\", \"model_id\", \"score\", \"response_time\", \"timestamp\", \"kind\" FROM \"temporary_daily_metrics\"");
    await queryRunner.query("DROP TABLE \"temporary_daily_metrics\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\" (\"model_id\", \"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\" (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\" (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\" (\"date\") ");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" RENAME TO \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE TABLE \"cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\" FROM \"temporary_cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("DROP INDEX \"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"idx_date\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("DROP INDEX \"idx_dcrs_date\"");
    await queryRunner.query("DROP TABLE \"dcrs_logs\"");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("DROP TABLE \"cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"cartridges\"");
  }
}
