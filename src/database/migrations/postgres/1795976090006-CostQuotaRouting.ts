import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CostQuotaRouting1795976090006 implements MigrationInterface {
  name = 'CostQuotaRouting1795976090006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"model_prices\" (\"id\" SERIAL NOT NULL, \"model_id\" integer NOT NULL, \"input_per_million\" double precision NOT NULL, \"output_per_million\" double precision NOT NULL, \"currency\" character varying(3) NOT NULL, \"effective_from\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_1409a57d11faf4496339c681f6e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"idx_model_prices_model_effective\" ON \"model_prices\"  (\"model_id\", \"effective_from\") ");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_requests_remaining\" integer");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_requests_limit\" integer");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_tokens_remaining\" integer");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_tokens_limit\" integer");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_requests_reset_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_tokens_reset_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"quota_read_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"input_tokens\" integer");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"cost\" double precision");
    await queryRunner.query("ALTER TABLE \"routing_state\" ADD \"rule\" character varying(16)");
    await queryRunner.query("ALTER TABLE \"routing_state\" ADD \"compared\" text");
    await queryRunner.query("ALTER TABLE \"model_prices\" ADD CONSTRAINT \"FK_f711ebb0c10fde3f8ab4cd368aa\" FOREIGN KEY (\"model_id\") REFERENCES \"models\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"model_prices\" DROP CONSTRAINT \"FK_f711ebb0c10fde3f8ab4cd368aa\"");
    await queryRunner.query("ALTER TABLE \"routing_state\" DROP COLUMN \"compared\"");
    await queryRunner.query("ALTER TABLE \"routing_state\" DROP COLUMN \"rule\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"cost\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"input_tokens\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_read_at\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_tokens_reset_at\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_requests_reset_at\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_tokens_limit\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_tokens_remaining\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_requests_limit\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"quota_requests_remaining\"");
    await queryRunner.query("DROP INDEX \"public\".\"idx_model_prices_model_effective\"");
    await queryRunner.query("DROP TABLE \"model_prices\"");
  }
}
