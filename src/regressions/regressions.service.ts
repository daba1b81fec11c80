// Run-to-run comparisons (GET /api/dcrs/runs/:id/compare) and the quality_regression alert after
// each completed DCRS run.
import { Inject, Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/alerts.service.js';
import { notFound } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { DcrsProgressEvent } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.js';
import type { RunComparisonResponse } from './dto/run-comparison.response.js';
import { RegressionsRepository } from './regressions.repository.js';
import { compareRuns, decideRegressionAlerts } from './run-comparison.js';

@Injectable()
export class RegressionsService {
  constructor(
    private readonly repository: RegressionsRepository,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async compare(runId: number, baselineId?: number): Promise<RunComparisonResponse> {
    const run = await this.repository.findRun(runId);
    if (!run) throw notFound(`DCRS run ${runId} not found`);
    const baseline =
      baselineId !== undefined
        ? await this.repository.findRun(baselineId)
        : run.suiteHash
          ? await this.repository.findPreviousRunOfSuite(run.id, run.suiteHash)
          : null;
    if (baselineId !== undefined && !baseline) throw notFound(`DCRS run ${baselineId} not found`);
    const base = {
      run_id: run.id,
      baseline_run_id: baseline?.id ?? null,
      suite_hash: run.suiteHash,
      baseline_suite_hash: baseline?.suiteHash ?? null,
      suite_name: run.suiteName,
    };
    if (!baseline) {
      return { ...base, comparable: false, reason: 'No earlier completed run of the same suite', models: [] };
    }
    if (!run.suiteHash || run.suiteHash !== baseline.suiteHash) {
      return {
        ...base,
        comparable: false,
        reason: 'The runs used different evaluation suites (their content hashes differ): their cases do not compare',
        models: [],
      };
    }
    const [current, earlier] = await Promise.all([
      this.repository.findRunCases(run.id),
      this.repository.findRunCases(baseline.id),
    ]);
    return {
      ...base,
      comparable: true,
      reason: null,
      models: compareRuns(current, earlier).map((c) => ({
        model: c.model,
        score: c.score,
        baseline_score: c.baselineScore,
        score_delta: c.scoreDelta,
        pass_to_fail: c.passToFail,
        fail_to_pass: c.failToPass,
        fingerprint: c.fingerprint,
        baseline_fingerprint: c.baselineFingerprint,
        fingerprint_changed: c.fingerprintChanged,
      })),
    };
  }

  @OnDomainEvent('dcrs.progress')
  onRunProgress(progress: DcrsProgressEvent): void {
    if (progress.phase !== 'completed') return;
    void this.checkRun(progress.runId);
  }

  /**
   * Compares a completed run with the previous run of its suite and records its regressions, as one
   * alert decision (so that AlertsService.idle() covers the comparison too). Never rejects.
   */
  checkRun(runId: number): Promise<void> {
    return this.alerts.evaluate('dcrs.regression', async () => {
      const comparison = await this.compare(runId);
      if (!comparison.comparable || comparison.baseline_run_id === null) return [];
      const comparisons = comparison.models.map((m) => ({
        model: m.model,
        score: m.score,
        baselineScore: m.baseline_score,
        scoreDelta: m.score_delta,
        passToFail: m.pass_to_fail,
        failToPass: m.fail_to_pass,
        fingerprint: m.fingerprint,
        baselineFingerprint: m.baseline_fingerprint,
        fingerprintChanged: m.fingerprint_changed,
      }));
      return decideRegressionAlerts(runId, comparison.baseline_run_id, comparisons, {
        minFlips: this.config.insight.qualityRegressionMinFlips,
        onFingerprint: this.config.insight.qualityRegressionOnFingerprint,
      });
    });
  }
}
