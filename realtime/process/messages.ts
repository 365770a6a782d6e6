// What the main process and its feed process say to each other over the IPC channel.
export type ToFeedProcess<Config> =
  | { type: 'start'; config: Config }
  /** Comes with the connection's handle; `raw` (base64) is the upgrade request as it was received. */
  | { type: 'upgrade'; raw: string }
  | { type: 'stop' }
  /** Asks for the feed process's metrics (prom-client's getMetricsAsJSON), answered with the same `id`. */
  | { type: 'metrics'; id: number };

export type FromFeedProcess =
  /** `port` is where, on 127.0.0.1, the main process proxies long-polling requests. */
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string }
  /** One JSON log line of the feed process's logger. */
  | { type: 'log'; line: string }
  | { type: 'metrics'; id: number; metrics: object[] };
