// A tiny HTTP CONNECT proxy for Firefox, which has no --host-resolver-rules: the profile's proxy prefs
// point here, tunnels to the mapped hosts go to the local fixture server, and everything else is
// refused, so a test never reaches the real network (and a page that tries shows up in `refused`).
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  /** `host:port` of every request that was refused, for a failing test's report. */
  refused: string[];
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1: CONNECT to any of `hosts` (any port) is tunnelled to 127.0.0.1:`targetPort`. */
export async function startConnectProxy(hosts: readonly string[], targetPort: number): Promise<ConnectProxy> {
  const mapped = new Set(hosts.map((host) => host.toLowerCase()));
  const refused: string[] = [];
  const sockets = new Set<Socket>();

  // Plain-HTTP requests (captive-portal checks and the like) are never ours: refuse them.
  const server = createServer((req, res) => {
    refused.push(req.headers.host ?? req.url ?? '?');
    res.writeHead(403).end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').toLowerCase();
    if (!mapped.has(host)) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    // Either side closing or failing ends the tunnel; the errors themselves are the browser's business.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
