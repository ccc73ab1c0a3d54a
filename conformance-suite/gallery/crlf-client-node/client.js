// crlf-client-node: a correct client that ends its hello with CR LF, as telnet and many
// Windows programs do ("Hello in JavaScript\r\n"). The protocol allows that.
// Breaks: nothing.
'use strict';
const net = require('net');

const [host, portArg] = process.argv.slice(2);
const port = Number(portArg);
if (process.argv.length !== 4 || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node client.js HOST PORT');
  process.exit(2);
}
const name = host.replace(/^\[(.*)\]$/, '$1');           // "[::1]" -> "::1"
let reply = Buffer.alloc(0);

function done(code) {
  const i = reply.indexOf(10);
  const line = (i >= 0 ? reply.subarray(0, i) : reply).toString('utf8').replace(/\r$/, '');
  if (code === 0) console.log(line);
  process.exitCode = code;
  sock.destroy();
}

// net.connect tries every address of a host name (autoSelectFamily, on by default in node 20)
const sock = net.connect({ host: name, port, timeout: 10000 }, () => sock.write('Hello in JavaScript\r\n'));
sock.on('data', (d) => {
  reply = Buffer.concat([reply, d]);
  if (reply.includes(10)) done(0);                        // the reply ends at its LF
});
sock.on('end', () => {
  if (reply.length) return done(0);                       // reply without LF, then close
  console.error('client: the server closed the connection without a reply');
  done(1);
});
sock.on('timeout', () => { console.error(`client: no answer from ${host} port ${port} in 10 s`); done(1); });
sock.on('error', (e) => { console.error(`client: cannot talk to ${host} port ${port}: ${e.message}`); done(1); });
