/**
 * Child process for `npm run attack`: unauthenticated clients against the bot's port, each attack looping
 * until the process is told to stop (SIGTERM or the parent going away). Loopback only. Reports what it did
 * over IPC when asked. Each attack is one of those found in the security review:
 * - memory: 1 MB bodies sent one byte per write, with well-formed but false Slack signature headers (so the
 *   server must read them) and with none (refused unread);
 * - connections: 1,200 idle sockets and slowloris headers, each reopened a second (ATTACK_REOPEN_MS) after the
 *   server closes it;
 * - flood: unsigned `ssl_check=1&command=…` requests as fast as they are answered.
 */
import { connect, type Socket } from "node:net";

const port = Number(process.env.ATTACK_PORT);
const IDLE_SOCKETS = 1_200;
const SLOWLORIS_SOCKETS = 100;
const BYTE_UPLOADS = 8;
const FLOOD_CONCURRENCY = 16;
const REOPEN_DELAY_MS = Number(process.env.ATTACK_REOPEN_MS ?? 1_000);

const stats = { connectionsOpened: 0, connectionsCutByServer: 0, bytesTrickled: 0, floodRequests: 0, floodAnswered200: 0 };
let stopping = false;

function open(onOpen: (socket: Socket) => void, reopen: () => void): void {
  if (stopping) return;
  const socket = connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  stats.connectionsOpened++;
  socket.on("connect", () => onOpen(socket));
  socket.on("data", () => {});
  socket.on("error", () => {});
  socket.on("close", () => {
    stats.connectionsCutByServer++;
    if (!stopping) setTimeout(reopen, REOPEN_DELAY_MS);
  });
}

function idle(): void {
  open(() => {}, idle);
}

function slowloris(): void {
  open((socket) => {
    socket.write("POST /slack/events HTTP/1.1\r\nHost: bot\r\n");
    const timer = setInterval(() => (socket.writable ? socket.write("X-Slow: 1\r\n") : clearInterval(timer)), 1_000);
    socket.on("close", () => clearInterval(timer));
  }, slowloris);
}

/** A 1 MB body one byte per write; `signed` adds fresh, well-formed (false) signature headers. */
function byteUpload(signed: boolean): void {
  open(
    (socket) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = [
        "POST /slack/events HTTP/1.1",
        "Host: bot",
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${1024 * 1024}`,
        ...(signed ? [`X-Slack-Request-Timestamp: ${timestamp}`, `X-Slack-Signature: v0=${"0".repeat(64)}`] : []),
      ];
      socket.write(`${headers.join("\r\n")}\r\n\r\n`);
      let sent = 0;
      const pump = () => {
        while (!stopping && socket.writable && sent < 1024 * 1024) {
          sent++;
          stats.bytesTrickled++;
          if (!socket.write("a")) return void socket.once("drain", pump);
          // Yield now and then, so every upload (and the reopening) gets its turn.
          if (sent % 256 === 0) return void setImmediate(pump);
        }
      };
      pump();
    },
    () => byteUpload(signed),
  );
}

async function flood(): Promise<void> {
  const body = "ssl_check=1&token=x&command=%2Fsource&text=minsk&user_id=UATTACKER&channel_id=CVICTIM";
  while (!stopping) {
    stats.floodRequests++;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 200) stats.floodAnswered200++;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAY_MS));
    }
  }
}

for (let i = 0; i < IDLE_SOCKETS; i++) idle();
for (let i = 0; i < SLOWLORIS_SOCKETS; i++) slowloris();
for (let i = 0; i < BYTE_UPLOADS; i++) byteUpload(i % 2 === 0);
for (let i = 0; i < FLOOD_CONCURRENCY; i++) void flood();

process.on("message", (message: { report?: boolean }) => {
  if (message.report) process.send?.({ stats });
});
const stop = () => {
  stopping = true;
  process.send?.({ stats }, () => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
};
process.once("SIGTERM", stop);
process.once("disconnect", () => process.exit(0));
