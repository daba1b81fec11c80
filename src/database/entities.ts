import { AlertEntity } from '../alerts/alert.entity.js';
import { CartridgeExecutionEntity } from '../cartridges/cartridge-execution.entity.js';
import { CartridgeEntity } from '../cartridges/cartridge.entity.js';
import { DcrsRunEntity } from '../dcrs/dcrs-run.entity.js';
import { MetricEntity } from '../metrics/metric.entity.js';
import { ManualTestRunEntity } from '../manual-test/manual-test-run.entity.js';
import { ModelEntity } from '../models/model.entity.js';
import { NotificationChannelEntity } from '../notifications/notification-channel.entity.js';
import { NotificationDeliveryEntity } from '../notifications/notification-delivery.entity.js';
import { RoutingChangeEntity } from '../routing/routing-change.entity.js';
import { RoutingStateEntity } from '../routing/routing-state.entity.js';

export const ENTITIES = [
  ModelEntity,
  MetricEntity,
  DcrsRunEntity,
  CartridgeEntity,
  CartridgeExecutionEntity,
  RoutingStateEntity,
  RoutingChangeEntity,
  ManualTestRunEntity,
  AlertEntity,
  NotificationChannelEntity,
  NotificationDeliveryEntity,
];
