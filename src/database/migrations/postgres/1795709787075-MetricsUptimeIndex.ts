import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MetricsUptimeIndex1795709787075 implements MigrationInterface {
  name = 'MetricsUptimeIndex1795709787075';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"idx_metrics_uptime_cover\" ON \"daily_metrics\"  (\"model_id\", \"timestamp\", \"kind\", \"success\", \"error_kind\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"idx_metrics_uptime_cover\"");
  }
}
