import { Initial1795707955486 } from './1795707955486-Initial.js';
import { ProbingColumns1795708728014 } from './1795708728014-ProbingColumns.js';
import { DcrsRoutingManualTests1795708875611 } from './1795708875611-DcrsRoutingManualTests.js';
import { CartridgesAlertsNotifications1795709387645 } from './1795709387645-CartridgesAlertsNotifications.js';
import { MetricsUptimeIndex1795709787075 } from './1795709787075-MetricsUptimeIndex.js';
import { UptimeIndexCaseId1795714769885 } from './1795714769885-UptimeIndexCaseId.js';
import { NoticeDedupeKey1795967777666 } from './1795967777666-NoticeDedupeKey.js';
import { AddOwnerHeartbeat1795967943604 } from './1795967943604-AddOwnerHeartbeat.js';
import { ManualTestQueue1795968500372 } from './1795968500372-ManualTestQueue.js';
import { OneRunningDcrsRun1795968519585 } from './1795968519585-OneRunningDcrsRun.js';
import { MetricRollups1795975449707 } from './1795975449707-MetricRollups.js';
import { InsightTables1795977883566 } from './1795977883566-InsightTables.js';
import { CostQuotaRouting1795976090006 } from './1795976090006-CostQuotaRouting.js';

export const POSTGRES_MIGRATIONS: Function[] = [
  Initial1795707955486,
  ProbingColumns1795708728014,
  DcrsRoutingManualTests1795708875611,
  CartridgesAlertsNotifications1795709387645,
  MetricsUptimeIndex1795709787075,
  UptimeIndexCaseId1795714769885,
  NoticeDedupeKey1795967777666,
  AddOwnerHeartbeat1795967943604,
  ManualTestQueue1795968500372,
  OneRunningDcrsRun1795968519585,
  MetricRollups1795975449707,
  InsightTables1795977883566,
  CostQuotaRouting1795976090006,
];
