import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795707955486 implements MigrationInterface {
  name = 'Initial1795707955486';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cartridges\" (\"id\" SERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"description\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_ce050bc73554d5c203538fe8806\" UNIQUE (\"name\"), CONSTRAINT \"PK_adf50667518c946d21f0237dc9e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"cartridge_executions\" (\"id\" SERIAL NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" character varying(16) NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, \"duration_ms\" integer, \"summary\" character varying(2000), \"is_demo\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_a49c12d5c293627a329ae14fcfb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\"  (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("CREATE TABLE \"dcrs_logs\" (\"id\" SERIAL NOT NULL, \"date\" date NOT NULL, \"execution_time\" TIMESTAMP WITH TIME ZONE NOT NULL, \"total_tests\" integer NOT NULL, \"avg_score\" double precision NOT NULL, \"best_model\" character varying(100) NOT NULL, \"changes_applied\" boolean NOT NULL DEFAULT false, \"timestamp\" TIMESTAMP WITH TIME ZONE NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_5f89aa4c819333d1b036eb7d531\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_dcrs_date\" ON \"dcrs_logs\"  (\"date\") ");
    await queryRunner.query("CREATE TABLE \"models\" (\"id\" SERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"api_type\" character varying(32) NOT NULL, \"last_score\" double precision NOT NULL DEFAULT '0', \"response_time\" integer NOT NULL DEFAULT '0', \"uptime_percent\" double precision NOT NULL DEFAULT '100', \"status\" character varying(16) NOT NULL DEFAULT 'healthy', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_3492c71396207453cf17c0928fb\" UNIQUE (\"name\"), CONSTRAINT \"PK_ef9ed7160ea69013636466bf2d5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"daily_metrics\" (\"id\" SERIAL NOT NULL, \"date\" date NOT NULL, \"model_id\" integer NOT NULL, \"score\" double precision NOT NULL, \"response_time\" integer NOT NULL, \"timestamp\" TIMESTAMP WITH TIME ZONE NOT NULL, \"kind\" character varying(16) NOT NULL DEFAULT 'probe', CONSTRAINT \"PK_0b33a3faffa5fbb3d4dad78c4e9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_date\" ON \"daily_metrics\"  (\"date\") ");
    await queryRunner.query("CREATE INDEX \"idx_model_id\" ON \"daily_metrics\"  (\"model_id\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_timestamp\" ON \"daily_metrics\"  (\"timestamp\") ");
    await queryRunner.query("CREATE INDEX \"idx_metrics_model_timestamp\" ON \"daily_metrics\"  (\"model_id\", \"timestamp\") ");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\" FOREIGN KEY (\"model_id\") REFERENCES \"models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP CONSTRAINT \"FK_ee184cd7c9e69ec334ca27875b1\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_metrics_model_timestamp\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_metrics_timestamp\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_model_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_date\"");
    await queryRunner.query("DROP TABLE \"daily_metrics\"");
    await queryRunner.query("DROP TABLE \"models\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_dcrs_date\"");
    await queryRunner.query("DROP TABLE \"dcrs_logs\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("DROP TABLE \"cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"cartridges\"");
  }
}
