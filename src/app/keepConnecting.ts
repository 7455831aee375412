import type { Logger } from "../logger.js";

/** How a connected adapter (Slack Socket Mode, the Discord gateway) stands, for /healthz. */
export interface ConnectionStatus {
  status: "connecting" | "connected" | "retrying";
  /** Why the last attempt failed, in one line. */
  reason?: string;
  /** Failed attempts since the last success. */
  failures: number;
  /** When the next attempt is due, while retrying. */
  retryInSeconds?: number;
}

/** The adapters that hold a connection, by name ("slack-socket", "discord-gateway"), as they stand now. */
export class ConnectionBoard {
  private readonly statuses = new Map<string, ConnectionStatus & { retryAt?: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  set(name: string, status: ConnectionStatus, retryAt?: number): void {
    this.statuses.set(name, { ...status, ...(retryAt !== undefined ? { retryAt } : {}) });
  }

  /** Each adapter's status, with the wait until its next attempt counted from now. */
  report(): Record<string, ConnectionStatus> {
    const report: Record<string, ConnectionStatus> = {};
    for (const [name, { retryAt, ...status }] of this.statuses) {
      report[name] = retryAt === undefined ? status : { ...status, retryInSeconds: Math.max(0, Math.ceil((retryAt - this.now()) / 1000)) };
    }
    return report;
  }

  /** True while any adapter is not connected. */
  get degraded(): boolean {
    return [...this.statuses.values()].some((status) => status.status !== "connected");
  }

  get size(): number {
    return this.statuses.size;
  }
}

/** How long stopping waits for a connection attempt that is still under way. */
const STOP_WAIT_MS = 2_000;

export interface Connection {
  /** Disconnects; never throws. */
  stop(): Promise<void>;
}

export interface BackoffOptions {
  /** The first wait after a failure (default 1 s). */
  initialMs?: number;
  /** The longest wait (default 60 s): a token fixed in the settings is picked up within a minute. */
  maxMs?: number;
  /** [0, 1), for the ±20% jitter that keeps many restarting instances from retrying in step. */
  random?: () => number;
}

export interface KeepConnectingOptions {
  name: string;
  /** One attempt: resolves with the connection, or rejects with one line saying what to check. */
  connect: () => Promise<Connection>;
  board: ConnectionBoard;
  logger: Logger;
  backoff?: BackoffOptions;
}

export interface KeptConnection {
  /** Settles at the first success (never rejects). */
  connected: Promise<void>;
  /** Stops retrying and disconnects, waiting for an attempt in progress. */
  stop(): Promise<void>;
}

/**
 * Connects in the background and, when an attempt fails, tries again after a wait that doubles up to a
 * minute, so one platform being unreachable (or a token being wrong) does not take down the others or the
 * HTTP endpoints. Each failure is one log line and shows on the board (/healthz) with its reason. Once
 * connected, the client's own reconnection (Bolt's, discord.js's) takes over.
 */
export function keepConnecting(options: KeepConnectingOptions): KeptConnection {
  const { name, board, logger } = options;
  const initialMs = options.backoff?.initialMs ?? 1_000;
  const maxMs = options.backoff?.maxMs ?? 60_000;
  const random = options.backoff?.random ?? Math.random;
  let stopped = false;
  let connection: Connection | undefined;
  let attempt: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let markConnected!: () => void;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  const tryOnce = async (): Promise<void> => {
    try {
      const made = await options.connect();
      if (stopped) {
        await made.stop();
        return;
      }
      connection = made;
      failures = 0;
      board.set(name, { status: "connected", failures: 0 });
      markConnected();
    } catch (error) {
      if (stopped) return;
      failures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      const waitMs = Math.round(Math.min(maxMs, initialMs * 2 ** (failures - 1)) * (0.8 + 0.4 * random()));
      board.set(name, { status: "retrying", reason, failures }, Date.now() + waitMs);
      logger.warn({ adapter: name, failures, retryInSeconds: Math.ceil(waitMs / 1000) }, `${reason} Trying again in ${Math.ceil(waitMs / 1000)} s; the other adapters keep serving.`);
      timer = setTimeout(() => {
        timer = undefined;
        attempt = tryOnce();
      }, waitMs);
      // Retrying should never keep a stopping process alive.
      timer.unref();
    }
  };

  board.set(name, { status: "connecting", failures: 0 });
  attempt = tryOnce();
  return {
    connected,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // An attempt still under way disconnects itself when it ends (it sees `stopped`); shutdown need not wait long.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([attempt, new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(waited);
      await connection?.stop();
    },
  };
}
