import { parseRawCommand } from './raw-ws.protocol.js';

describe('raw /ws commands', () => {
  it("the seed's plain text get_models, with or without surrounding blanks, and its JSON form", () => {
    expect(parseRawCommand('get_models')).toEqual({ kind: 'get_models' });
    expect(parseRawCommand(' get_models\n')).toEqual({ kind: 'get_models' });
    expect(parseRawCommand('{"type":"get_models"}')).toEqual({ kind: 'get_models' });
  });

  it('subscribe and unsubscribe carry validated topics', () => {
    expect(parseRawCommand('{"type":"subscribe","topics":["dcrs","alerts"]}')).toEqual({
      kind: 'subscribe',
      topics: ['dcrs', 'alerts'],
    });
    expect(parseRawCommand('{"type":"unsubscribe","topics":"dcrs"}')).toEqual({
      kind: 'unsubscribe',
      topics: ['dcrs'],
    });
    expect(parseRawCommand('{"type":"subscribe","topics":["nope"]}')).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('Unknown topic "nope"') as string,
    });
  });

  it.each([
    ['hello', /^Unknown message "hello": send get_models/],
    ['GET_MODELS', /^Unknown message "GET_MODELS"/],
    ['{"type":"delete_everything"}', /^Unknown message type "delete_everything"/],
    ['{"topics":["dcrs"]}', /^A JSON message needs a "type"/],
    ['[1,2]', /^A JSON message needs a "type"/],
    ['null', /^A JSON message needs a "type"/],
  ])('%s is answered with an error message', (text, message) => {
    const command = parseRawCommand(text);
    expect(command.kind).toBe('invalid');
    expect(command.kind === 'invalid' && command.message).toMatch(message);
  });

  it('does not echo a long message back in full', () => {
    const command = parseRawCommand('x'.repeat(5000));
    expect(command.kind === 'invalid' && command.message.length).toBeLessThan(200);
  });

  it('a binary frame is not understood', () => {
    expect(parseRawCommand(null)).toEqual({
      kind: 'invalid',
      message: expect.stringMatching(/^Binary messages/) as string,
    });
  });
});
