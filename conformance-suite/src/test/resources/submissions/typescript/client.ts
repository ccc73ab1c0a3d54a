// A HelloInternet client in TypeScript (Node.js): tries every address HOST resolves to, in order.
import * as net from "net";
import { promises as dns } from "dns";

function talk(address: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: address, port });
    let reply = "";
    sock.setTimeout(10000, () => sock.destroy(new Error("timed out")));
    sock.on("connect", () => sock.write("Hello in TypeScript\n"));
    sock.on("data", (d: Buffer) => {
      reply += d.toString("utf8");
      if (reply.includes("\n")) {
        sock.destroy();
        resolve(reply);
      }
    });
    sock.on("end", () => (reply ? resolve(reply) : reject(new Error("no reply"))));
    sock.on("error", reject);
  });
}

async function main(): Promise<number> {
  if (process.argv.length !== 4) {
    console.error("usage: node client.js HOST PORT");
    return 2;
  }
  const host = process.argv[2].replace(/^\[(.*)\]$/, "$1");
  const port = Number(process.argv[3]);
  let lastError: unknown;
  try {
    for (const { address } of await dns.lookup(host, { all: true, verbatim: true })) {
      let reply: string;
      try {
        reply = await talk(address, port);
      } catch (e) {
        lastError = e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "EADDRNOTAVAIL") continue;
        break;
      }
      console.log(reply.split("\n")[0].replace(/\r$/, ""));
      return 0;
    }
  } catch (e) {
    lastError = e;
  }
  console.error(`client: cannot talk to ${host} port ${port}: ${lastError instanceof Error ? lastError.message : lastError}`);
  return 1;
}

main().then((code) => {
  process.exitCode = code;
});
