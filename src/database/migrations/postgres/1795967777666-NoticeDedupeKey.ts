import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NoticeDedupeKey1795967777666 implements MigrationInterface {
  name = 'NoticeDedupeKey1795967777666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"alerts\" ADD \"dedupe_key\" character varying(320)");
    await queryRunner.query("ALTER TABLE \"alerts\" ADD CONSTRAINT \"UQ_e63c11f6e79b317fa7726ccb606\" UNIQUE (\"dedupe_key\")");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"alerts\" DROP CONSTRAINT \"UQ_e63c11f6e79b317fa7726ccb606\"");
    await queryRunner.query("ALTER TABLE \"alerts\" DROP COLUMN \"dedupe_key\"");
  }
}
