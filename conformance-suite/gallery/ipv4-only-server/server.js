// ipv4-only-server: correct, but listens on 0.0.0.0 only, so clients that connect to ::1
// (often what "localhost" means first) get "connection refused".
// Breaks: SRV-IPV6.
'use strict';
const net = require('net');

const HELLO = /^Hello in [^\s\x00-\x1f\x7f]{1,64}$/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const port = Number(process.argv[2]);
if (process.argv.length !== 3 || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node server.js PORT');
  process.exit(2);
}

function stripCr(b) { return b.length && b[b.length - 1] === 13 ? b.subarray(0, -1) : b; }
function helloText(b) { try { const t = utf8.decode(b); return HELLO.test(t) ? t : null; } catch { return null; } }

const server = net.createServer({ allowHalfOpen: true }, (sock) => {
  let buf = Buffer.alloc(0), done = false, quiet = null;
  const answer = (line) => {
    done = true;
    clearTimeout(quiet);
    const hello = helloText(line);
    if (hello) {
      console.log(hello);
      sock.end('Goodbye in JavaScript\n');
    } else {
      const got = line.subarray(0, 100).toString('utf8');
      sock.end(`Error: expected "Hello in <language>", got "${got}"\n`);
    }
  };
  sock.on('data', (d) => {
    if (done) return;                             // after the reply: ignore the rest
    buf = Buffer.concat([buf, d]);
    let i;
    while ((i = buf.indexOf(10)) >= 0) {
      const line = stripCr(buf.subarray(0, i));
      buf = buf.subarray(i + 1);
      if (line.length) return answer(line);       // empty lines are ignored
    }
    if (buf.length > 1024) { done = true; return sock.end('Error: line longer than 1024 bytes\n'); }
    clearTimeout(quiet);                          // 300 ms of quiet: a hello without LF?
    quiet = setTimeout(() => { if (helloText(stripCr(buf))) answer(stripCr(buf)); }, 300);
  });
  sock.on('end', () => { if (done) return; if (stripCr(buf).length) answer(stripCr(buf)); else sock.end(); });
  sock.on('error', () => clearTimeout(quiet));   // reset by the client: nothing to do
  sock.setTimeout(30000, () => sock.destroy());
});
server.listen(port, '0.0.0.0', () => console.error(`listening on port ${port}`));  // BUG: IPv4 only
