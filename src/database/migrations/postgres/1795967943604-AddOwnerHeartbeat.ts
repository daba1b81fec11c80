import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOwnerHeartbeat1795967943604 implements MigrationInterface {
  name = 'AddOwnerHeartbeat1795967943604';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" ADD \"owner\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" ADD \"heartbeat_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"owner\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" ADD \"heartbeat_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"owner\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" ADD \"heartbeat_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"heartbeat_at\"");
    await queryRunner.query("ALTER TABLE \"dcrs_logs\" DROP COLUMN \"owner\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"heartbeat_at\"");
    await queryRunner.query("ALTER TABLE \"cartridge_executions\" DROP COLUMN \"owner\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" DROP COLUMN \"heartbeat_at\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" DROP COLUMN \"owner\"");
  }
}
