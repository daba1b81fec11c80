import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UptimeIndexCaseId1795714769885 implements MigrationInterface {
  name = 'UptimeIndexCaseId1795714769885';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\", \"case_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_metrics_uptime_cover\"");
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\" (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\") ");
  }
}
