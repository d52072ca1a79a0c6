// StringDecoder never splits a character, whatever the chunking.
var assert = require('assert');
var StringDecoder = require('string_decoder').StringDecoder;
var text = 'a€b𝄞c';
var bytes = Buffer.from(text);
for (var cut = 0; cut <= bytes.length; cut++) {
  for (var cut2 = cut; cut2 <= bytes.length; cut2++) {
    var d = new StringDecoder('utf8');
    var s = d.write(bytes.slice(0, cut)) + d.write(bytes.slice(cut, cut2)) + d.end(bytes.slice(cut2));
    assert.strictEqual(s, text, 'cuts at ' + cut + ',' + cut2);
  }
}
var h = new StringDecoder('hex');
assert.strictEqual(h.write(Buffer.from([1, 255])) + h.end(), '01ff');
var b64 = new StringDecoder('base64');
assert.strictEqual(b64.write(Buffer.from('ab')) + b64.write(Buffer.from('c')) + b64.end(), 'YWJj');
var u = new StringDecoder('utf8');
assert.strictEqual(u.write(Buffer.from([0xe2, 0x82])), '');
assert.strictEqual(u.end(), '\ufffd');
assert.throws(function () { return new StringDecoder('klingon'); }, { code: 'ERR_UNKNOWN_ENCODING' });
