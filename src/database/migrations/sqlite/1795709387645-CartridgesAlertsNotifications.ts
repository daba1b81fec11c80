import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CartridgesAlertsNotifications1795709387645 implements MigrationInterface {
  name = 'CartridgesAlertsNotifications1795709387645';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"alerts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"type\" varchar(32) NOT NULL, \"severity\" varchar(16) NOT NULL, \"subject\" varchar(200) NOT NULL, \"message\" varchar(1000) NOT NULL, \"created_at\" datetime NOT NULL, \"resolved_at\" datetime, \"acknowledged_at\" datetime, \"last_notified_at\" datetime, \"open_key\" varchar(250), CONSTRAINT \"UQ_cc0dc70d70bcb3c8a486ce3105a\" UNIQUE (\"open_key\"))");
    await queryRunner.query("CREATE INDEX \"idx_alerts_created\" ON \"alerts\" (\"created_at\") ");
    await queryRunner.query("CREATE TABLE \"notification_channels\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"kind\" varchar(16) NOT NULL, \"url\" varchar(1000) NOT NULL, \"secret\" varchar(200), \"alert_types\" text, \"min_severity\" varchar(16) NOT NULL DEFAULT ('info'), \"enabled\" boolean NOT NULL DEFAULT (1), \"origin\" varchar(8) NOT NULL DEFAULT ('api'), \"created_at\" datetime NOT NULL, \"updated_at\" datetime NOT NULL, CONSTRAINT \"UQ_69dd6d53a1bdc77cf870f8713ab\" UNIQUE (\"name\"))");
    await queryRunner.query("CREATE TABLE \"notification_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"channel_id\" integer NOT NULL, \"alert_id\" integer, \"event\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"response_status\" integer, \"error\" varchar(500), \"created_at\" datetime NOT NULL, \"finished_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"idx_deliveries_channel_created\" ON \"notification_deliveries\" (\"channel_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"temporary_cartridges\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500), \"created_at\" datetime NOT NULL, \"schedule_cron\" varchar(100), \"schedule_timezone\" varchar(64), \"check_set\" text, \"depends_on\" text, \"updated_at\" datetime, \"deleted_at\" datetime, CONSTRAINT \"UQ_ce050bc73554d5c203538fe8806\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_cartridges\"(\"id\", \"name\", \"description\", \"created_at\") SELECT \"id\", \"name\", \"description\", \"created_at\" FROM \"cartridges\"");
    await queryRunner.query("DROP TABLE \"cartridges\"");
    await queryRunner.query("ALTER TABLE \"temporary_cartridges\" RENAME TO \"cartridges\"");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("CREATE TABLE \"temporary_cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0), \"source\" varchar(16) NOT NULL DEFAULT ('runner'), \"model_used\" varchar(100), \"output\" text, \"idempotency_key\" varchar(200), \"request_hash\" varchar(64), CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\" FROM \"cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"cartridge_executions\"");
    await queryRunner.query("ALTER TABLE \"temporary_cartridge_executions\" RENAME TO \"cartridge_executions\"");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_cartridge_executions_idempotency\" ON \"cartridge_executions\" (\"cartridge_id\", \"idempotency_key\") ");
    await queryRunner.query("DROP INDEX \"idx_deliveries_channel_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_notification_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"channel_id\" integer NOT NULL, \"alert_id\" integer, \"event\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"response_status\" integer, \"error\" varchar(500), \"created_at\" datetime NOT NULL, \"finished_at\" datetime, CONSTRAINT \"FK_cb8fc3f1c2debe694670bc9d655\" FOREIGN KEY (\"channel_id\") REFERENCES \"notification_channels\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_notification_deliveries\"(\"id\", \"channel_id\", \"alert_id\", \"event\", \"status\", \"attempts\", \"response_status\", \"error\", \"created_at\", \"finished_at\") SELECT \"id\", \"channel_id\", \"alert_id\", \"event\", \"status\", \"attempts\", \"response_status\", \"error\", \"created_at\", \"finished_at\" FROM \"notification_deliveries\"");
    await queryRunner.query("DROP TABLE \"notification_deliveries\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_deliveries\" RENAME TO \"notification_deliveries\"");
    await queryRunner.query("CREATE INDEX \"idx_deliveries_channel_created\" ON \"notification_deliveries\" (\"channel_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_deliveries_channel_created\"");
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" RENAME TO \"temporary_notification_deliveries\"");
    await queryRunner.query("CREATE TABLE \"notification_deliveries\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"channel_id\" integer NOT NULL, \"alert_id\" integer, \"event\" varchar(16) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"response_status\" integer, \"error\" varchar(500), \"created_at\" datetime NOT NULL, \"finished_at\" datetime)");
    await queryRunner.query("INSERT INTO \"notification_deliveries\"(\"id\", \"channel_id\", \"alert_id\", \"event\", \"status\", \"attempts\", \"response_status\", \"error\", \"created_at\", \"finished_at\") SELECT \"id\", \"channel_id\", \"alert_id\", \"event\", \"status\", \"attempts\", \"response_status\", \"error\", \"created_at\", \"finished_at\" FROM \"temporary_notification_deliveries\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_deliveries\"");
    await queryRunner.query("CREATE INDEX \"idx_deliveries_channel_created\" ON \"notification_deliveries\" (\"channel_id\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"uq_cartridge_executions_idempotency\"");
    await queryRunner.query("DROP INDEX \"idx_cartridge_executions_cartridge_started\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" RENAME TO \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE TABLE \"cartridge_executions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"cartridge_id\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"started_at\" datetime NOT NULL, \"finished_at\" datetime, \"duration_ms\" integer, \"summary\" varchar(2000), \"is_demo\" boolean NOT NULL DEFAULT (0), CONSTRAINT \"FK_32fc18547d6e141ece8c8382898\" FOREIGN KEY (\"cartridge_id\") REFERENCES \"cartridges\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"cartridge_executions\"(\"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\") SELECT \"id\", \"cartridge_id\", \"status\", \"started_at\", \"finished_at\", \"duration_ms\", \"summary\", \"is_demo\" FROM \"temporary_cartridge_executions\"");
    await queryRunner.query("DROP TABLE \"temporary_cartridge_executions\"");
    await queryRunner.query("CREATE INDEX \"idx_cartridge_executions_cartridge_started\" ON \"cartridge_executions\" (\"cartridge_id\", \"started_at\") ");
    // Rebuilt in place rather than renamed away: renaming "cartridges" would repoint the foreign keys of the tables referencing it.
    await queryRunner.query("CREATE TABLE \"temporary_cartridges\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(100) NOT NULL, \"description\" varchar(500), \"created_at\" datetime NOT NULL, CONSTRAINT \"UQ_ce050bc73554d5c203538fe8806\" UNIQUE (\"name\"))");
    await queryRunner.query("INSERT INTO \"temporary_cartridges\"(\"id\", \"name\", \"description\", \"created_at\") SELECT \"id\", \"name\", \"description\", \"created_at\" FROM \"cartridges\"");
    await queryRunner.query("DROP TABLE \"cartridges\"");
    await queryRunner.query("ALTER TABLE \"temporary_cartridges\" RENAME TO \"cartridges\"");
    await queryRunner.query("DROP INDEX \"idx_deliveries_channel_created\"");
    await queryRunner.query("DROP TABLE \"notification_deliveries\"");
    await queryRunner.query("DROP TABLE \"notification_channels\"");
    await queryRunner.query("DROP INDEX \"idx_alerts_created\"");
    await queryRunner.query("DROP TABLE \"alerts\"");
  }
}
