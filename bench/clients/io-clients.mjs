// Many Socket.io clients in one process, for the fan-out scenario. argv[2]: {url, count, deltas}.
// {cmd: "connect"} connects them all (deltas: each subscribes with {deltas: true} and waits for its
// model_snapshot); {cmd: "mark"} starts a new tick; {cmd: "collect", expected} waits until the clients have
// `expected` messages since the mark (or 20 s) and answers the delivery latencies (ms: receive time minus
// the message's timestamp, set when the server published it).
import { io } from 'socket.io-client';

const { url, count, deltas } = JSON.parse(process.argv[2]);
const sockets = [];
let latencies = [];
let received = 0;
const EVENTS = ['model_update', 'model_delta'];

function onMessage(raw) {
  const now = Date.now();
  latencies.push(now - Date.parse(raw.timestamp));
  received++;
}

async function connectAll() {
  const batch = 100;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from(
        { length: Math.min(batch, count - i) },
        () =>
          new Promise((resolve, reject) => {
            const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
            for (const event of EVENTS) socket.on(event, onMessage);
            socket.once('connect_error', reject);
            socket.once('connect', () => {
              sockets.push(socket);
              if (!deltas) return resolve();
              socket.once('model_snapshot', () => resolve());
              socket.emit('subscribe', { deltas: true });
            });
          }),
      ),
    );
  }
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'connect') {
      await connectAll();
      process.send({ connected: sockets.length });
    } else if (message.cmd === 'mark') {
      latencies = [];
      received = 0;
      process.send({ ok: true });
    } else if (message.cmd === 'collect') {
      const deadline = Date.now() + 20_000;
      while (received < message.expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      process.send({ latencies, received });
    }
  } catch (error) {
    process.send({ error: String(error?.message ?? error) });
  }
});
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.disconnect();
  process.exit(0);
});
