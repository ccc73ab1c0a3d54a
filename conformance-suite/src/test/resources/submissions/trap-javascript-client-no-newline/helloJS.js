// helloJS.js - HelloInternet client (node)
// node helloJS.js HOST PORT
const net = require('net');

const args = process.argv.slice(2);
if (args.length !== 2 || !/^\d+$/.test(args[1]) || +args[1] < 1 || +args[1] > 65535) {
  console.error('usage: node helloJS.js HOST PORT');
  process.exit(2);
}
const host = args[0].replace(/^\[|\]$/g, '');
const port = Number(args[1]);

let answer = '';
let finished = false;

const client = net.createConnection({ host, port }, () => {
  client.write('Hello in JavaScript');
});
client.setEncoding('utf8');
client.setTimeout(10000);

function done(code, text) {
  if (finished) return;
  finished = true;
  if (code === 0) console.log(text);
  else console.error(text);
  client.destroy();
  process.exitCode = code;
}

client.on('data', (data) => {
  answer += data;
  const nl = answer.indexOf('\n');
  if (nl >= 0) done(0, answer.slice(0, nl).replace(/\r$/, ''));
});
client.on('end', () => {
  if (answer) done(0, answer.replace(/\r$/, ''));
  else done(1, 'the server closed the connection without answering');
});
client.on('timeout', () => done(1, 'no answer from ' + host + ' port ' + port + ' after 10 s'));
client.on('error', (e) => done(1, 'cannot connect to ' + host + ' port ' + port + ': ' + e.message));
