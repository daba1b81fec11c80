import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { acceptedRequestId, assignRequestId, requestIdOf } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function exchange(headers: Record<string, string> = {}): { req: IncomingMessage; res: ServerResponse } {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return { req, res: new ServerResponse(req) };
}

describe('acceptedRequestId', () => {
  it("takes the caller's id when it is 1 to 128 visible ASCII characters", () => {
    expect(acceptedRequestId('req-42')).toBe('req-42');
    expect(acceptedRequestId('a'.repeat(128))).toBe('a'.repeat(128));
    expect(acceptedRequestId('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).not.toBeNull();
    expect(acceptedRequestId(['first', 'second'])).toBe('first');
  });

  it('refuses an empty, long, spaced, non-ASCII or control-character id', () => {
    for (const value of [undefined, '', 'a'.repeat(129), 'two words', 'línea', 'x\ny', 'tab\there', '\u0000']) {
      expect(acceptedRequestId(value)).toBeNull();
    }
  });
});

describe('assignRequestId', () => {
  it("keeps a sane caller's id and returns it in the X-Request-Id header", () => {
    const { req, res } = exchange({ 'x-request-id': 'from-the-proxy-1' });
    expect(assignRequestId(req, res)).toBe('from-the-proxy-1');
    expect(res.getHeader('X-Request-Id')).toBe('from-the-proxy-1');
    expect(requestIdOf(req)).toBe('from-the-proxy-1');
  });

  it('makes a UUID when the caller sent none or an unusable one', () => {
    for (const headers of [{}, { 'x-request-id': 'not sane at all' }] as Record<string, string>[]) {
      const { req, res } = exchange(headers);
      const id = assignRequestId(req, res);
      expect(id).toMatch(UUID);
      expect(res.getHeader('X-Request-Id')).toBe(id);
    }
  });

  it('gives a request one id however often it is asked', () => {
    const { req, res } = exchange();
    const id = assignRequestId(req, res);
    expect(assignRequestId(req, res)).toBe(id);
    expect(requestIdOf({})).toBeUndefined();
  });
});
