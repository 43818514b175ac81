// The container's HEALTHCHECK: healthy while the hub answers /healthz on its own port (a liveness check;
// /readyz also asks the database). Exit 0 healthy, 1 not.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const port = Number(process.env.BATON_HUB_PORT ?? 8787);
// A hub serving TLS itself presents a certificate for its public name, not for loopback: this probe
// only asks whether the process answers, so it does not check the name.
const request = process.env.BATON_TLS_CERT ? httpsRequest : httpRequest;
const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 4000, rejectUnauthorized: false }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timed out')));
req.on('error', (error) => {
  console.error(`healthcheck: ${error.message}`);
  process.exit(1);
});
req.end();
