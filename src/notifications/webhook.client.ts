// Sends one JSON POST to a channel without letting it reach a refused address: the name is resolved
// here, every address checked, and the connection made to the checked address (so a DNS answer that
// changes between check and connect cannot slip through), with the original Host header and TLS
// server name. Redirects are answers, never followed. Errors never carry the URL (it may be a secret).
import { Inject, Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { isRetryableStatus } from './delivery-policy.js';
import { forbiddenAddressReason, isHostAllowed, normalizeHost, staticUrlProblem } from '../common/webhook-address.js';
import { WebhookResolver } from './webhook-resolver.js';

export type SendOutcome =
  { ok: true; status: number } | { ok: false; status: number | null; error: string; retryable: boolean };

interface Target {
  url: URL;
  host: string;
  address: string;
  family: number;
}

class Refused extends Error {}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

@Injectable()
export class WebhookClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resolver: WebhookResolver,
  ) {}

  /** One try. `stop` aborts it (the server is stopping). */
  async post(
    rawUrl: string,
    body: string,
    headers: Readonly<Record<string, string>>,
    stop?: AbortSignal,
  ): Promise<SendOutcome> {
    const { timeoutMs } = this.config.notifications;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = stop ? AbortSignal.any([deadline, stop]) : deadline;
    try {
      const target = await this.resolve(rawUrl, signal);
      const status = await this.send(target, body, headers, signal);
      if (status >= 200 && status < 300) return { ok: true, status };
      if (status >= 300 && status < 400)
        return { ok: false, status, error: `redirect not followed (HTTP ${status})`, retryable: false };
      return { ok: false, status, error: `HTTP ${status}`, retryable: isRetryableStatus(status) };
    } catch (error) {
      if (error instanceof Refused) return { ok: false, status: null, error: error.message, retryable: false };
      if (stop?.aborted) return { ok: false, status: null, error: 'aborted: the server is stopping', retryable: false };
      if (deadline.aborted) return { ok: false, status: null, error: `timeout after ${timeoutMs} ms`, retryable: true };
      const code = (error as { code?: unknown }).code;
      const known = typeof code === 'string' ? NETWORK_ERRORS[code] : undefined;
      if (known) return { ok: false, status: null, error: known, retryable: true };
      if (typeof code === 'string' && /CERT|SSL|TLS/.test(code))
        return { ok: false, status: null, error: `TLS error (${code})`, retryable: false };
      return {
        ok: false,
        status: null,
        error: `network error${typeof code === 'string' ? ` (${code})` : ''}`,
        retryable: true,
      };
    }
  }

  private async resolve(rawUrl: string, signal: AbortSignal): Promise<Target> {
    const { allowedHosts } = this.config.notifications;
    const problem = staticUrlProblem(rawUrl, allowedHosts);
    if (problem) throw new Refused(`url ${problem}`);
    const url = new URL(rawUrl);
    const host = normalizeHost(url.hostname);
    const family = isIP(host);
    const addresses = family !== 0 ? [{ address: host, family }] : await abortable(this.resolver.resolve(host), signal);
    if (addresses.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
    if (!isHostAllowed(host, allowedHosts)) {
      for (const { address } of addresses) {
        const reason = forbiddenAddressReason(address);
        if (reason) throw new Refused(`refused: ${host} resolves to a ${reason} address (${address})`);
      }
    }
    return { url, host, address: addresses[0].address, family: addresses[0].family };
  }

  private send(
    target: Target,
    body: string,
    headers: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<number> {
    const { url, host, address, family } = target;
    const options: RequestOptions = {
      host: address,
      family,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: {
        ...headers,
        host: url.host,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'SHawn-Brain-Notifier/1.0',
      },
      agent: false,
      signal,
      // TLS checks the certificate against the name in the URL, not the address connected to.
      ...(url.protocol === 'https:' && isIP(host) === 0 ? { servername: host } : {}),
    };
    const request = url.protocol === 'https:' ? httpsRequest(options) : httpRequest(options);
    return new Promise<number>((resolve, reject) => {
      request.on('response', (response: IncomingMessage) => {
        // The answer's body is read and dropped; the try ends when it is complete (or at the deadline).
        response.on('error', reject);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
