import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** Where a client on this machine reaches the server. */
  url: string;
  /** Stops accepting and drops open (keep-alive) connections, so shutdown never hangs. */
  close(): Promise<void>;
}

/** Starts `server` on host:port (0 = a free port); a busy port rejects with Node's EADDRINUSE. */
export async function listen(server: http.Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
