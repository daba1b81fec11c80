// Times every HTTP request, from the first middleware to the last byte written. Installed first in
// app.setup.ts so that requests refused early (body parser, guards) and unmatched ones count too.
import type { NextFunction, Request, Response } from 'express';
import { routeLabel } from './route-label.js';
import type { TelemetryMetrics } from './telemetry.metrics.js';

export function httpMetricsMiddleware(metrics: TelemetryMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    // 'finish': the answer was handed to the OS. A client that went away first is not an answer.
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req), status_code: String(res.statusCode) };
      metrics.httpRequestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}
