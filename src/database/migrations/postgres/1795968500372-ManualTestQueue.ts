import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManualTestQueue1795968500372 implements MigrationInterface {
  name = 'ManualTestQueue1795968500372';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Instances before the shared queue may have left several runs testing: all but the newest fail.
    await queryRunner.query(
      "UPDATE \"manual_test_runs\" SET \"status\" = 'failed', \"error\" = 'Interrupted: another run was going' WHERE \"status\" = 'testing' AND \"id\" <> (SELECT \"id\" FROM \"manual_test_runs\" WHERE \"status\" = 'testing' ORDER BY \"requested_at\" DESC LIMIT 1)",
    );
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" ADD \"queue_order\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_manual_test_one_testing\" ON \"manual_test_runs\"  (\"status\") WHERE status = 'testing'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_manual_test_one_testing\"");
    await queryRunner.query("ALTER TABLE \"manual_test_runs\" DROP COLUMN \"queue_order\"");
  }
}
