// Load client for the HTTP scenarios, in its own process: on {cmd: "load", url, connections, seconds,
// headers} it runs autocannon and answers {rps, p50, p99, non2xx, errors}.
import autocannon from 'autocannon';

process.on('message', async (message) => {
  if (message.cmd !== 'load') return;
  try {
    const result = await autocannon({
      url: message.url,
      connections: message.connections,
      duration: message.seconds,
      headers: message.headers ?? {},
    });
    process.send({
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    });
  } catch (error) {
    process.send({ error: String(error?.message ?? error) });
  }
});
