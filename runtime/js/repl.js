// The REPL: the same code serves stdin/stdout on Linux and the UART on a board.
// Input arrives from the event loop (core.readStart), so timers and sockets keep
// running while the prompt waits. On a terminal it edits lines itself
// (backspace, arrows, history); output from callbacks is printed above the line
// being typed instead of through it.
//
// Raw mode (for tools/petrel-tool, like MicroPython's raw REPL): Ctrl-A on an
// empty line enters it and the REPL answers "raw REPL; CTRL-B to exit\r\n>".
// Each request is text ended by Ctrl-D; the REPL answers "OK", then the run's
// output, then "\x04<exit status>\x04>" once the run is over (its code has
// returned and nothing it started keeps the loop busy, or it called
// process.exit). During a run, stderr output comes between SO (\x0e) and SI (\x0f).
// A request is JS source run as a module, or one directive line:
//   //@petrel:write <path>\n<content>   store a file (the board's file store)
//   //@petrel:run <path> [args...]      run a stored file as the main module
// Ctrl-B leaves raw mode; Ctrl-C during a run interrupts it.
'use strict';
var primitive = require('internal/primitive');
var Console = require('console').Console;

var PROMPT = '> ';
var MORE = '... ';
var HISTORY_MAX = 50;

// util.inspect, but a primitive result (the common case) is printed without
// loading the object inspector, the largest built-in (~32 KB of heap on a board).
function inspect(v, opts) {
  if (primitive.isPrimitive(v)) return primitive.inspectPrimitive(v);
  return require('internal/inspect').inspect(v, opts);
}

// An uncaught error as inspect shows it; when that fails too (out of memory on a
// board: loading the inspector needs some), its stack or text, so that it is
// still reported instead of failing the error handler.
function describeError(e) {
  try {
    return inspect(e);
  } catch (_) {
    return String(e && e.stack || e);
  }
}

exports.start = function (opts) {
  var core = opts.core;
  var terminal = !!opts.terminal && core.setRaw(true);
  var line = '';
  var cursor = 0;
  var pending = []; // lines of an unfinished statement
  var history = [];
  var histPos = -1;
  var esc = '';
  var promptShown = false;
  var onBoard = process.platform === 'none';

  function prompt() { return pending.length ? MORE : PROMPT; }

  function write(s) { core.print(1, s); }

  function redraw() {
    write('\r\x1b[K' + prompt() + line);
    var back = line.length - cursor;
    if (back > 0) write('\x1b[' + back + 'D');
  }

  function showPrompt() {
    promptShown = true;
    if (terminal) redraw(); else write(prompt());
  }

  // Output produced while the prompt is up goes above it, then the line is redrawn.
  function outputStream(fd) {
    return {
      write: function (s) {
        if (terminal && promptShown) {
          core.print(fd, '\r\x1b[K' + String(s).replace(/\n/g, '\r\n'));
          redraw();
        } else {
          core.print(fd, terminal ? String(s).replace(/\n/g, '\r\n') : String(s));
        }
        return true;
      }
    };
  }
  global.console = new Console({ stdout: outputStream(1), stderr: outputStream(2) });

  function print(s) { global.console.log(s); }

  function isIncomplete(e) {
    return e && e.name === 'SyntaxError' && /end of input|unterminated|eof/i.test(e.message);
  }

  function evaluate(src) {
    var code = src;
    // `{ a: 1 }` is an object, not a block, as in Node's REPL.
    if (/^\s*\{/.test(code) && /\}\s*;?\s*$/.test(code)) code = '(' + code.replace(/;\s*$/, '') + ')';
    try {
      var value = core.callInterruptible(function () { return core.evalScript(code, 'repl'); });
      global._ = value;
      print(inspect(value, { colors: false }));
    } catch (e) {
      if (code !== src && e && e.name === 'SyntaxError') { evaluate2(src); return; }
      if (e && e.name === 'RangeError' && /timeout/i.test(e.message)) print('Script execution was interrupted');
      else print('Uncaught ' + describeError(e));
    }
  }
  function evaluate2(src) { // retry without the object-literal parentheses
    try {
      var v = core.callInterruptible(function () { return core.evalScript(src, 'repl'); });
      print(inspect(v));
    } catch (e) {
      print('Uncaught ' + describeError(e));
    }
  }

  function command(cmd) {
    switch (cmd.split(/\s+/)[0]) {
      case '.exit':
        if (onBoard) { print('.exit is not available on a board (press reset instead)'); return true; }
        finish();
        return true;
      case '.help':
        print('.break   abandon the statement being typed\n' +
              '.clear   same as .break\n' +
              '.exit    leave the REPL' + (onBoard ? ' (not on a board)' : '') + '\n' +
              '.help    this text\n' +
              'Ctrl-C interrupts a running statement; Ctrl-D leaves.');
        return true;
      case '.break':
      case '.clear':
        pending = [];
        return true;
      default:
        return false;
    }
  }

  function acceptLine(text) {
    promptShown = false;
    if (terminal) write('\r\n');
    if (!pending.length && text.charAt(0) === '.' && command(text.trim())) return;
    if (text.trim() && (!history.length || history[0] !== text)) {
      history.unshift(text);
      if (history.length > HISTORY_MAX) history.pop();
    }
    histPos = -1;
    pending.push(text);
    var src = pending.join('\n');
    if (!src.trim()) { pending = []; return; }
    try {
      core.compileFunction('function () {' + src + '\n}', 'repl');
    } catch (e) {
      if (isIncomplete(e)) return;
    }
    pending = [];
    evaluate(src);
  }

  function finish() {
    promptShown = false;
    if (terminal) { write('\r\n'); core.setRaw(false); }
    core.readStop();
  }

  // ---- raw mode ----
  var raw = false, rawBuf = [], run = null;
  var EXIT = {}; // thrown by process.exit inside a run
  var CONTROL = /[\x00-\x04]/g;

  function enterRaw() {
    raw = true;
    rawBuf = [];
    promptShown = false;
    write('raw REPL; CTRL-B to exit\r\n>');
  }

  function rawInput(data) {
    for (var i = 0; i < data.length; i++) {
      var ch = data.charAt(i);
      if (ch > '\x04') { // plain text up to the next control byte, in one piece
        CONTROL.lastIndex = i;
        var m = CONTROL.exec(data);
        var j = m ? m.index : data.length;
        rawBuf.push(data.slice(i, j));
        i = j - 1;
        continue;
      }
      if (ch === '\x04') {
        var req = rawBuf.join('');
        rawBuf = [];
        if (run) { write('\x04busy\x04>'); continue; }
        rawRequest(req);
      } else if (ch === '\x02' && !rawBuf.length && !run) {
        raw = false;
        write('\r\n');
        showPrompt();
      } else if (ch === '\x03') {
        rawBuf = [];
        if (run) endRun(130);
      } else {
        rawBuf.push(ch);
      }
    }
  }

  function rawRequest(req) {
    write('OK');
    run = { status: 0 };
    core.frameStderr(true); // the tool routes SO ... SI to its stderr
    var m = /^\/\/@petrel:(write|run) ([^\s]+)(.*)\n?/.exec(req);
    try {
      core.callInterruptible(function () {
        if (m && m[1] === 'write') {
          core.writeFile(m[2], req.slice(m[0].length));
        } else if (m && m[1] === 'run') {
          var args = m[3].trim() ? m[3].trim().split(/\s+/) : [];
          opts.runModule(null, absolute(m[2]), args);
        } else {
          opts.runModule(req, absolute('[raw].js'), []);
        }
      });
    } catch (e) {
      if (e !== EXIT) {
        global.console.error('Uncaught ' + describeError(e));
        endRun(1);
        return;
      }
    }
    // Checked once the ticks this run queued have run (an IP-literal lookup answers
    // in a tick and only then refs its socket), then every few ms.
    if (run) setTimeout(waitForRun, 0).unref();
  }

  function absolute(p) { return p.charAt(0) === '/' ? p : process.cwd().replace(/\/$/, '') + '/' + p; }

  function waitForRun() {
    if (!run) return;
    if (!core.loopBusy()) { endRun(process.exitCode !== undefined ? process.exitCode | 0 : run.status); return; }
    setTimeout(waitForRun, 5).unref();
  }

  function endRun(status) {
    if (!run) return;
    var r = run;
    run = null;
    try {
      process.emit('exit', status);
    } catch (e) {
      global.console.error('Uncaught ' + describeError(e));
      status = status || 1;
    }
    process.removeAllListeners('exit');
    process.exitCode = undefined;
    r.status = status;
    core.frameStderr(false);
    write('\x04' + status + '\x04>');
  }

  opts.setExitHook(function (code) {
    if (!run) return;
    endRun(code);
    throw EXIT;
  });
  opts.setUncaughtHook(function (e) {
    if (e === EXIT) return true;
    if (process.listenerCount('uncaughtException') > 0) return false;
    global.console.error('Uncaught ' + describeError(e));
    if (run) endRun(1);
    return true;
  });

  // Terminal input, a byte at a time: editing keys and escape sequences.
  function key(ch) {
    if (esc) {
      esc += ch;
      if (esc === '\x1b[' || esc === '\x1bO' || /^\x1b\[[0-9]$/.test(esc)) return;
      var k = esc.charAt(esc.length - 1);
      esc = '';
      if (k === 'A' || k === 'B') {
        if (!history.length) return;
        histPos = k === 'A' ? Math.min(histPos + 1, history.length - 1) : Math.max(histPos - 1, -1);
        line = histPos >= 0 ? history[histPos] : '';
        cursor = line.length;
      } else if (k === 'C') {
        if (cursor < line.length) cursor++;
      } else if (k === 'D') {
        if (cursor > 0) cursor--;
      } else if (k === 'H') {
        cursor = 0;
      } else if (k === 'F') {
        cursor = line.length;
      } else if (k === '~' && /3~$/.test(esc + k)) {
        line = line.slice(0, cursor) + line.slice(cursor + 1);
      }
      redraw();
      return;
    }
    switch (ch) {
      case '\x1b': esc = ch; return;
      case '\r': case '\n': {
        var t = line;
        line = '';
        cursor = 0;
        acceptLine(t);
        if (core.isTTY() || terminal) showPrompt();
        return;
      }
      case '\x7f': case '\b':
        if (cursor > 0) { line = line.slice(0, cursor - 1) + line.slice(cursor); cursor--; }
        break;
      case '\x01':
        if (!line && !pending.length) { enterRaw(); return; }
        cursor = 0;
        break;
      case '\x05': cursor = line.length; break;
      case '\x03':
        write('^C\r\n');
        if (!line && !pending.length) print('(To exit, press Ctrl-D or type .exit)');
        line = ''; cursor = 0; pending = [];
        break;
      case '\x04':
        if (!line) { finish(); return; }
        break;
      case '\x15': line = line.slice(cursor); cursor = 0; break;
      default:
        if (ch < ' ') return;
        line = line.slice(0, cursor) + ch + line.slice(cursor);
        cursor++;
    }
    redraw();
  }

  var partial = '';
  core.readStart(function (data) {
    if (data === null) { // end of input
      if (partial) acceptLine(partial);
      partial = '';
      finish();
      return;
    }
    if (raw) { rawInput(data); return; }
    if (data.charAt(0) === '\x01' && !line && !pending.length && !partial) {
      enterRaw();
      if (data.length > 1) rawInput(data.slice(1));
      return;
    }
    if (terminal) {
      for (var i = 0; i < data.length; i++) {
        if (raw) { rawInput(data.slice(i)); return; }
        key(data.charAt(i));
      }
      return;
    }
    // Piped input: whole lines, no echo, prompt after each one like Node's REPL.
    partial += data;
    var nl;
    while ((nl = partial.indexOf('\n')) >= 0) {
      var text = partial.slice(0, nl).replace(/\r$/, '');
      partial = partial.slice(nl + 1);
      acceptLine(text);
      if (!core.isTTY()) continue;
      showPrompt();
    }
  });
  if (terminal) {
    write('Welcome to Petrel ' + process.version + ' (' + process.board + ').\r\nType ".help" for more information.\r\n');
    showPrompt();
  }
};
