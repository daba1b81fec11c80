import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CartridgesAlertsNotifications1795709387645 implements MigrationInterface {
  name = 'CartridgesAlertsNotifications1795709387645';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"alerts\" (\"id\" SERIAL NOT NULL, \"type\" character varying(32) NOT NULL, \"severity\" character varying(16) NOT NULL, \"subject\" character varying(200) NOT NULL, \"message\" character varying(1000) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"last_notified_at\" TIMESTAMP WITH TIME ZONE, \"open_key\" character varying(250), CONSTRAINT \"UQ_cc0dc70d70bcb3c8a486ce3105a\" UNIQUE (\"open_key\"), CONSTRAINT \"PK_60f895662df096bfcdfab7f4b96\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_alerts_created\" ON \"alerts\"  (\"created_at\") ");
    await queryRunner.query("CREATE TABLE \"notification_channels\" (\"id\" SERIAL NOT NULL, \"name\" character varying(100) NOT NULL, \"kind\" character varying(16) NOT NULL, \"url\" character varying(1000) NOT NULL, \"secret\" character varying(200), \"alert_types\" text, \"min_severity\" character varying(16) NOT NULL DEFAULT 'info', \"enabled\" boolean NOT NULL DEFAULT true, \"origin\" character varying(8) NOT NULL DEFAULT 'api', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_69dd6d53a1bdc77cf870f8713ab\" UNIQUE (\"name\"), CONSTRAINT \"PK_3bc0cb5b60e8659f5fc859b2af0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"notification_deliveries\" (\"id\" SERIAL NOT NULL, \"channel_id\" integer NOT NULL, \"alert_id\" integer, \"event\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"response_status\" integer, \"error\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_81daeff81f237bd384f7cfc4a4c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_deliveries_channel_created\" ON \"notification_deliveries\"  (\"channel_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"schedule_cron\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"schedule_timezone\" character varying(64)");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"check_set\" text");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"depends_on\" text");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"updated_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"cartridges\" ADD \"deleted_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"source\" character varying(16) NOT NULL DEFAULT 'runner'");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"model_used\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"output\" text");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"idempotency_key\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"request_hash\" character varying(64)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_cartridge_executions_idempotency\" ON \"cartridge_executions\"  (\"cartridge_id\", \"idempotency_key\") ");
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" ADD CONSTRAINT \"FK_cb8fc3f1c2debe694670bc9d655\" FOREIGN KEY (\"channel_id\") REFERENCES \"notification_channels\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" DROP CONSTRAINT \"FK_cb8fc3f1c2debe694670bc9d655\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_cartridge_executions_idempotency\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"request_hash\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"idempotency_key\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"output\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"model_used\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"source\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"deleted_at\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"updated_at\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"depends_on\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"check_set\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"schedule_timezone\"");
    await queryRunner.query("ALTER TABLE \"cartridges\" DROP COLUMN \"schedule_cron\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_deliveries_channel_created\"");
    await queryRunner.query("DROP TABLE \"notification_deliveries\"");
    await queryRunner.query("DROP TABLE \"notification_channels\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_alerts_created\"");
    await queryRunner.query("DROP TABLE \"alerts\"");
  }
}
