// A HelloInternet server in TypeScript (Node.js): event loop; a 300 ms timer is the quiet period.
import * as net from "net";

const HELLO = /^Hello in [^\s\x00-\x1f\x7f]{1,64}$/u;
const port = Number(process.argv[2]);
if (process.argv.length !== 3 || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error("usage: node server.js PORT");
  process.exit(2);
}

function isHello(bytes: Buffer): boolean {
  const text = bytes.toString("utf8");
  return !text.includes("\uFFFD") && HELLO.test(text);
}

function stripCr(b: Buffer): Buffer {
  return b.length && b[b.length - 1] === 13 ? b.subarray(0, -1) : b;
}

const server = net.createServer({ allowHalfOpen: true }, (conn: net.Socket) => {
  let buf: Buffer = Buffer.alloc(0);
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const finish = (reply?: string): void => {
    done = true;
    clearTimeout(timer);
    conn.end(reply);
  };
  const answer = (line: Buffer): void => {
    if (isHello(line)) {
      process.stdout.write(line.toString("utf8") + "\n");
      finish("Goodbye in TypeScript\n");
    } else {
      finish(`Error: expected "Hello in <language>", got ${JSON.stringify(line.subarray(0, 100).toString())}\n`);
    }
  };
  conn.setTimeout(30000, () => conn.destroy()); // silent for 30 s: give up
  conn.on("error", () => undefined); // reset by the client: nothing to do
  conn.on("data", (data: Buffer) => {
    if (done) return;
    buf = Buffer.concat([buf, data]);
    let i: number;
    while (!done && (i = buf.indexOf(10)) >= 0) {
      const line = stripCr(buf.subarray(0, i));
      buf = buf.subarray(i + 1);
      if (line.length) answer(line); // empty lines are ignored
    }
    if (done) return;
    if (buf.length > 1024) return finish("Error: line longer than 1024 bytes\n");
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (isHello(stripCr(buf))) answer(stripCr(buf));
    }, 300);
  });
  conn.on("end", () => { // the client closed its side
    if (done) return;
    if (stripCr(buf).length) answer(stripCr(buf));
    else finish();
  });
});
server.on("error", (e: Error) => {
  console.error(`server: cannot listen on port ${port}: ${e.message}`);
  process.exit(1);
});
server.listen(port, () => console.error(`listening on port ${port}`));
