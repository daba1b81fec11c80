import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { PublicAccess, RequiresAccess } from './access.decorator.js';
import { markedAccess } from './api-key.guard.js';

class Unmarked {
  handler(): void {}
}

@RequiresAccess('admin')
class AdminOnly {
  handler(): void {}
  @RequiresAccess('read')
  readable(): void {}
}

class Marked {
  @PublicAccess()
  banner(): void {}
  @RequiresAccess('ingest')
  report(): void {}
}

/** The context Nest builds for an HTTP request to `handler` of `controller`. */
function httpContext(controller: new () => object, handler: string, method: string): ExecutionContextHost {
  const handlerFn = (controller.prototype as Record<string, () => void>)[handler];
  return new ExecutionContextHost([{ method }, {}], controller as never, handlerFn);
}

describe('markedAccess', () => {
  const reflector = new Reflector();

  it('reads the mark of the handler, then of its class', () => {
    expect(markedAccess(reflector, httpContext(Marked, 'banner', 'GET'))).toBe('public');
    expect(markedAccess(reflector, httpContext(Marked, 'report', 'POST'))).toBe('ingest');
    expect(markedAccess(reflector, httpContext(AdminOnly, 'handler', 'GET'))).toBe('admin');
    expect(markedAccess(reflector, httpContext(AdminOnly, 'readable', 'GET'))).toBe('read');
  });

  it('fails closed on an unmarked route: a read for GET and HEAD, an admin write for anything else', () => {
    expect(markedAccess(reflector, httpContext(Unmarked, 'handler', 'GET'))).toBe('read');
    expect(markedAccess(reflector, httpContext(Unmarked, 'handler', 'HEAD'))).toBe('read');
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(markedAccess(reflector, httpContext(Unmarked, 'handler', method))).toBe('admin');
    }
  });
});
