// Helper for tests/tap/run.sh: dns.lookup through lwIP's DNS client.
var dns = require('dns');
dns.lookup('petrel.test', { family: 4 }, function (err, address, family) {
  console.log('petrel.test ' + (err ? err.code : address + ' ' + family));
  dns.lookup('nothere.test', function (err2) {
    console.log('nothere.test ' + (err2 ? err2.code : 'resolved'));
  });
});
