// A loopback TCP proxy the tests can cut: existing connections drop and new ones are refused
// until it is restored — a network partition between a replica and its primary.
import net from 'node:net';

export class TcpProxy {
  readonly port: number;
  private readonly server: net.Server;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  private up = true;

  private constructor(server: net.Server, port: number) {
    this.server = server;
    this.port = port;
  }

  static start(targetPort: number): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = net.createServer((client) => {
      if (!proxy!.up) {
        client.destroy();
        return;
      }
      const upstream = net.createConnection({ port: targetPort, host: '127.0.0.1' });
      const pair: [net.Socket, net.Socket] = [client, upstream];
      proxy!.pairs.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        proxy!.pairs.delete(pair);
      };
      client.on('close', drop);
      upstream.on('close', drop);
      client.on('error', drop);
      upstream.on('error', drop);
    });
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
        resolve(proxy);
      });
    });
  }

  /** Drops every connection and refuses new ones. */
  cut(): void {
    this.up = false;
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  restore(): void {
    this.up = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
