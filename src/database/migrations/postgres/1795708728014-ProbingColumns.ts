import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProbingColumns1795708728014 implements MigrationInterface {
  name = 'ProbingColumns1795708728014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"models\" ADD \"provider_model\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"base_url\" character varying(500)");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"enabled\" boolean NOT NULL DEFAULT true");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"consecutive_failures\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"consecutive_successes\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"last_probe_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"last_error_kind\" character varying(32)");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"rate_limited_until\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"models\" ADD \"deleted_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"success\" boolean NOT NULL DEFAULT true");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"error_kind\" character varying(32)");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"ttft_ms\" integer");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"tokens_per_second\" double precision");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"output_tokens\" integer");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"case_id\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" ADD \"run_id\" character varying(64)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"run_id\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"case_id\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"output_tokens\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"tokens_per_second\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"ttft_ms\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"error_kind\"");
    await queryRunner.query("ALTER TABLE \"daily_metrics\" DROP COLUMN \"success\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"deleted_at\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"rate_limited_until\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"last_error_kind\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"last_probe_at\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"consecutive_successes\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"consecutive_failures\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"enabled\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"base_url\"");
    await queryRunner.query("ALTER TABLE \"models\" DROP COLUMN \"provider_model\"");
  }
}
