import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OneRunningDcrsRun1795968519585 implements MigrationInterface {
  name = 'OneRunningDcrsRun1795968519585';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Two instances may have left two runs running: the older ones fail, so that the index can hold.
    await queryRunner.query(
      "UPDATE \"dcrs_logs\" SET \"status\" = 'failed', \"error\" = 'Interrupted: another run was going' WHERE \"status\" = 'running' AND \"id\" <> (SELECT max(\"id\") FROM \"dcrs_logs\" WHERE \"status\" = 'running')",
    );
    await queryRunner.query("CREATE UNIQUE INDEX \"idx_dcrs_one_running\" ON \"dcrs_logs\" (\"status\") WHERE status = 'running'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_dcrs_one_running\"");
  }
}
