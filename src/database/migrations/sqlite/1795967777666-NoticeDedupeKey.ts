import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeDedupeKey1795967777666 implements MigrationInterface {
  name = 'NoticeDedupeKey1795967777666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_alerts_created\"");
    await queryRunner.query("CREATE TABLE \"temporary_alerts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"type\" varchar(32) NOT NULL, \"severity\" varchar(16) NOT NULL, \"subject\" varchar(200) NOT NULL, \"message\" varchar(1000) NOT NULL, \"created_at\" datetime NOT NULL, \"resolved_at\" datetime, \"acknowledged_at\" datetime, \"last_notified_at\" datetime, \"open_key\" varchar(250), \"dedupe_key\" varchar(320), CONSTRAINT \"UQ_cc0dc70d70bcb3c8a486ce3105a\" UNIQUE (\"open_key\"), CONSTRAINT \"UQ_f2e07df6d638c4be325a6ef3fca\" UNIQUE (\"dedupe_key\"))");
    await queryRunner.query("INSERT INTO \"temporary_alerts\"(\"id\", \"type\", \"severity\", \"subject\", \"message\", \"created_at\", \"resolved_at\", \"acknowledged_at\", \"last_notified_at\", \"open_key\") SELECT \"id\", \"type\", \"severity\", \"subject\", \"message\", \"created_at\", \"resolved_at\", \"acknowledged_at\", \"last_notified_at\", \"open_key\" FROM \"alerts\"");
    await queryRunner.query("DROP TABLE \"alerts\"");
    await queryRunner.query("ALTER TABLE \"temporary_alerts\" RENAME TO \"alerts\"");
    await queryRunner.query("CREATE INDEX \"idx_alerts_created\" ON \"alerts\" (\"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_alerts_created\"");
    await queryRunner.query("ALTER TABLE \"alerts\" RENAME TO \"temporary_alerts\"");
    await queryRunner.query("CREATE TABLE \"alerts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"type\" varchar(32) NOT NULL, \"severity\" varchar(16) NOT NULL, \"subject\" varchar(200) NOT NULL, \"message\" varchar(1000) NOT NULL, \"created_at\" datetime NOT NULL, \"resolved_at\" datetime, \"acknowledged_at\" datetime, \"last_notified_at\" datetime, \"open_key\" varchar(250), CONSTRAINT \"UQ_cc0dc70d70bcb3c8a486ce3105a\" UNIQUE (\"open_key\"))");
    await queryRunner.query("INSERT INTO \"alerts\"(\"id\", \"type\", \"severity\", \"subject\", \"message\", \"created_at\", \"resolved_at\", \"acknowledged_at\", \"last_notified_at\", \"open_key\") SELECT \"id\", \"type\", \"severity\", \"subject\", \"message\", \"created_at\", \"resolved_at\", \"acknowledged_at\", \"last_notified_at\", \"open_key\" FROM \"temporary_alerts\"");
    await queryRunner.query("DROP TABLE \"temporary_alerts\"");
    await queryRunner.query("CREATE INDEX \"idx_alerts_created\" ON \"alerts\" (\"created_at\") ");
  }
}
