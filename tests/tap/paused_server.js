// Helper for tests/tap/run.sh: accepts K connections paused (pauseOnConnect),
// leaves their data in the stack for HOLD ms after the K-th arrived (windows
// fill up; on linux-lwip-tiny lwIP's 16 pool pbufs run out and frames from the
// NIC are dropped), then reads everything. Each peer sends the lines "1\n" ..
// "N\n" (seq N); every line must follow the one before. Prints "port P", then
// "got K x N lines" or what went wrong.
var net = require('net');
var K = Number(process.argv[2]) || 6, N = Number(process.argv[3]) || 100000, HOLD = Number(process.argv[4]) || 1500;
var socks = [], done = 0, problems = [];
var server = net.createServer({ pauseOnConnect: true }, function (s) {
  var last = 0, partial = '';
  socks.push(s);
  s.setEncoding('latin1');
  s.on('data', function (d) {
    var lines = (partial + d).split('\n');
    partial = lines.pop();
    for (var i = 0; i < lines.length; i++) {
      if (Number(lines[i]) !== last + 1 && problems.length < 5) problems.push('after ' + last + ': ' + JSON.stringify(lines[i]));
      last = Number(lines[i]);
    }
  });
  s.on('error', function (e) { problems.push(e.code); });
  s.on('end', function () {
    if (last !== N || partial !== '') problems.push('ended at ' + last);
    s.end();
    if (++done === K) {
      console.log(problems.length ? 'problems: ' + problems.join('; ') : 'got ' + K + ' x ' + N + ' lines');
      server.close();
    }
  });
  if (socks.length === K) setTimeout(function () { socks.forEach(function (x) { x.resume(); }); }, HOLD);
});
server.listen(0, '0.0.0.0', function () { console.log('port ' + server.address().port); });
