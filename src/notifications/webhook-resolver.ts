// How the webhook client turns a channel's host name into addresses. A provider of its own so that a
// test can script the answers: a name that answers a public address first and a loopback one the next
// time is how DNS rebinding gets past a check that the connection does not reuse.
import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  /** 4 or 6. */
  family: number;
}

export abstract class WebhookResolver {
  /** Every address of the name, in the resolver's order. */
  abstract resolve(host: string): Promise<ResolvedAddress[]>;
}

@Injectable()
export class DnsWebhookResolver extends WebhookResolver {
  resolve(host: string): Promise<ResolvedAddress[]> {
    return lookup(host, { all: true, verbatim: true });
  }
}
