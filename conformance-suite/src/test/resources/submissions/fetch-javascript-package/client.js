// A HelloInternet client in JavaScript (Node.js) whose hello comes from the package hello-line (a loopback
// registry in the tests): tries every address HOST resolves to, in order.
"use strict";
const net = require("net");
const { hello } = require("hello-line");
const dns = require("dns").promises;

function talk(address, port) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: address, port });
    let reply = "";
    sock.setTimeout(10000, () => sock.destroy(new Error("timed out")));
    sock.on("connect", () => sock.write(hello()));
    sock.on("data", (d) => {
      reply += d.toString("utf8");
      if (reply.includes("\n")) { sock.destroy(); resolve(reply); }
    });
    sock.on("end", () => (reply ? resolve(reply) : reject(new Error("no reply"))));
    sock.on("error", reject);
  });
}

async function main() {
  if (process.argv.length !== 4) {
    console.error("usage: client.js HOST PORT");
    return 2;
  }
  const host = process.argv[2].replace(/^\[(.*)\]$/, "$1");
  const port = Number(process.argv[3]);
  let lastError;
  try {
    for (const { address } of await dns.lookup(host, { all: true, verbatim: true })) {
      let reply;
      try {
        reply = await talk(address, port);
      } catch (e) {
        lastError = e;
        if (e.code === "ECONNREFUSED" || e.code === "EHOSTUNREACH" || e.code === "EADDRNOTAVAIL") continue;
        break;
      }
      console.log(reply.split("\n")[0].replace(/\r$/, ""));
      return 0;
    }
  } catch (e) {
    lastError = e;
  }
  console.error(`client: cannot talk to ${host} port ${port}: ${lastError && lastError.message}`);
  return 1;
}

main().then((code) => { process.exitCode = code; });
