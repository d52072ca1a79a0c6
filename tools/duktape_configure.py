#!/usr/bin/python3
"""Runs Duktape's own tools/configure.py at build time, under Python 3:
`duktape_configure.py DUKTAPE_SRC WORK OUT HEADER... -- CONFIGURE_ARGS...`

Why: a board that wants Duktape's ROM built-ins (built-in objects and strings as
const data in flash, DUK_USE_ROM_OBJECTS) needs a duktape.c generated for them;
Debian's prebuilt amalgamation (duktape-dev) has none. The generator ships in the
duktape source package (tools/configure.py, genconfig.py, genbuiltins.py), which
is Python 2 only. This script never edits that package: it copies its tools/ to
WORK/tools, converts the copy with Python's lib2to3 (print, dict views, ...) and
then applies the few fixes 2to3 cannot know about, each checked to match once:

- Python 2 strings were byte strings. The tools read and write every file as
  bytes ('rb'/'wb') and index them with ord(). Here all files are read and written
  as latin-1 text, so a str holds one character per byte, as before; genbuiltins'
  own convention already is "bytes as U+0000..U+00FF".
- Integer '/' (now '//'), sort(cmp=...) (now key=), str.encode('hex'/'base64'),
  yaml.load without a loader (now safe_load).

Checked: for the stock configuration this produces Duktape 2.7.0's shipped
src/duktape.c byte for byte (with --line-directives, as it was made).

HEADER...: the C headers the board appends to duk_config.h (runtime/
duk_config_common.h and the board's). Their plain DUK_USE_xxx options are given
to configure.py too (#undef -> false, #define -> true, its number or the line
verbatim), because genbuiltins leaves out the built-ins a false option disables
(Proxy, CBOR, ...), which the appended header alone could not do; the header is
still appended after genconfig's output and has the last word in C.
"""
import json
import os
import re
import shutil
import subprocess
import sys

# (file, old, new): applied to the 2to3-converted copy; each old text must occur once.
FIXES = [
    ("configure.py", "stderr=subprocess.PIPE)", "stderr=subprocess.PIPE, encoding='latin-1')"),
    ("configure.py", "duk_major = duk_version / 10000\n                duk_minor = (duk_version % 10000) / 100",
     "duk_major = duk_version // 10000\n                duk_minor = (duk_version % 10000) // 100"),
    ("configure.py", "duk_major = duk_version / 10000\n        duk_minor = duk_version / 100 % 100",
     "duk_major = duk_version // 10000\n        duk_minor = duk_version // 100 % 100"),
    ("configure.py", "                line = line.decode('utf-8')\n",
     "                line = line.encode('latin-1').decode('utf-8')\n"),
    ("configure.py", "f_out.write(c.encode('ascii'))", "f_out.write(c)"),
    ("genbuiltins.py", "(ver / 10000, (ver / 100) % 100", "(ver // 10000, (ver // 100) % 100"),
    ("genbuiltins.py", "val = val['bytes'].decode('hex')", "val = bytes.fromhex(val['bytes']).decode('latin-1')"),
    ("genbuiltins.py", "(val.encode('hex'), data.encode('hex'))",
     "(val.encode('latin-1').hex(), data.encode('latin-1').hex())"),
    # py2: `if isinstance(val, unicode): val = val.encode('utf-8')`; never true here
    ("genbuiltins.py", "                val = val.encode('utf-8')\n", "                pass\n"),
    ("genbuiltins.py", "        val = val.decode('hex')\n", "        val = bytes.fromhex(val).decode('latin-1')\n"),
    ("genbuiltins.py", "struct.pack('>d', float(v)).encode('hex')", "struct.pack('>d', float(v)).hex()"),
    ("genbuiltins.py", "val = struct.pack('>d', float(val))\n",
     "val = struct.pack('>d', float(val)).decode('latin-1')\n"),
    ("genbuiltins.py", "unicode_to_bytes(s['str']).encode('base64').strip()",
     "__import__('base64').b64encode(unicode_to_bytes(s['str']).encode('latin-1')).decode('ascii')"),
    # Room for Petrel's own ROM strings (tools/duktape_rom_strings.py): genbuiltins numbers
    # every ROM string and object for 16-bit pointer compression (not used by Petrel) from
    # 0xf800, room for 2048; must match DUK_USE_ROM_PTRCOMP_FIRST (the board's header).
    ("genbuiltins.py", "ROMPTR_FIRST = 0xf800", "ROMPTR_FIRST = 0x8000"),
    # py2's repr of a byte string, in the comments of duk_strings.h (keeps duktape.c ASCII)
    ("genbuiltins.py", "idx, repr(s['str']))", "idx, ascii(s['str']))"),
    ("genbuiltins.py", "strs.sort(cmp=sortCmp)", "strs.sort(key=lambda a: (getCat(a), a['_idx']))"),
    # ROM light functions keep node's names (board.mk: --rom-auto-lightfunc). A built-in
    # method converted to a light function (an 8-byte value in its object's property
    # table instead of a ROM function object of its own) has no object to hold its
    # `name`; genbuiltins then also writes petrel_rom_lightfunc_name(), which finds the
    # function among the properties of the objects that hold such methods (a list of
    # their addresses: 4 B per object, no table of names) and returns its key, so a
    # method is converted only when its name is its key; runtime/lightfunc_names.c asks
    # it. A method whose name is not plain ASCII, or whose function and magic are also
    # under another key (trimLeft, the same function as trimStart), stays one function
    # object wherever it is.
    ("genbuiltins.py", "            if not p.get('auto_lightfunc', True):\n",
     "            lf_name = None\n"
     "            for p2 in targ['properties']:\n"
     "                if p2['key'] == 'name' and isinstance(p2['value'], str) and all(' ' <= c <= '~' and c not in '\\\\\\\"' for c in p2['value']):\n"
     "                    lf_name = p2['value']\n"
     "            if lf_name is None:\n"
     "                reasons.append('no-name')\n"
     "            if not p.get('auto_lightfunc', True):\n"),
    ("genbuiltins.py", "                'varargs': lf_varargs\n            }\n",
     "                'varargs': lf_varargs,\n                'name': lf_name,\n                'orig': p['value']\n            }\n"),
    ("genbuiltins.py", "    logger.debug('Converted %d built-in function properties to lightfuncs, %d skipped as non-eligible' % (num_converted, num_skipped))\n",
     "    names = {}\n"
     "    for o in meta['objects']:\n"
     "        for p in o['properties']:\n"
     "            v = p['value']\n"
     "            if isinstance(v, dict) and v.get('type') == 'lightfunc' and 'orig' in v:\n"
     "                names.setdefault((v['native'], v['magic']), set()).add(v['name'] if v['name'] == p['key'] else None)\n"
     "    for o in meta['objects']:\n"
     "        for p in o['properties']:\n"
     "            v = p['value']\n"
     "            if isinstance(v, dict) and v.get('type') == 'lightfunc' and 'orig' in v:\n"
     "                if len(names[(v['native'], v['magic'])]) > 1 or None in names[(v['native'], v['magic'])]:\n"
     "                    p['value'] = v['orig']\n"
     "                    num_converted -= 1\n"
     "                else:\n"
     "                    ROM_LF_OWNERS.setdefault(o['id'], len(ROM_LF_OWNERS))\n"
     "                    del v['orig']\n"
     "    logger.debug('Converted %d built-in function properties to lightfuncs, %d skipped as non-eligible' % (num_converted, num_skipped))\n"),
    ("genbuiltins.py", "def metadata_convert_lightfuncs(meta):\n",
     "ROM_LF_OWNERS = {}\ndef metadata_convert_lightfuncs(meta):\n"),
    ("genbuiltins.py", "    # Undefine helpers.\n",
     "    genc.emitLine('/* Petrel: the ROM objects whose methods are light functions; a method\\'s name is')\n"
     "    genc.emitLine(' * the key it has there (runtime/lightfunc_names.c, tools/duktape_configure.py) */')\n"
     "    genc.emitLine('static const duk_hobject * const petrel_rom_lf_owners[] = {')\n"
     "    for oid, _ in sorted(ROM_LF_OWNERS.items(), key=lambda a: a[1]):\n"
     "        genc.emitLine('\\t(const duk_hobject *) &%s,' % bi_obj_map[oid])\n"
     "    genc.emitLine('\\tNULL')\n"
     "    genc.emitLine('};')\n"
     "    genc.emitLine('const char *petrel_rom_lightfunc_name(duk_c_function fn, int magic);')\n"
     "    genc.emitLine('const char *petrel_rom_lightfunc_name(duk_c_function fn, int magic) {')\n"
     "    genc.emitLine('\\tconst duk_hobject * const *o;')\n"
     "    genc.emitLine('\\tfor (o = petrel_rom_lf_owners; *o != NULL; o++) {')\n"
     "    genc.emitLine('\\t\\tduk_hobject *h = (duk_hobject *) DUK_LOSE_CONST(*o);')\n"
     "    genc.emitLine('\\t\\tduk_uint_fast32_t i;')\n"
     "    genc.emitLine('\\t\\tfor (i = 0; i < DUK_HOBJECT_GET_ENEXT(h); i++) {')\n"
     "    genc.emitLine('\\t\\t\\tduk_hstring *key = DUK_HOBJECT_E_GET_KEY(NULL, h, i);')\n"
     "    genc.emitLine('\\t\\t\\tduk_tval *tv = DUK_HOBJECT_E_GET_VALUE_TVAL_PTR(NULL, h, i);')\n"
     "    genc.emitLine('\\t\\t\\tduk_c_function f;')\n"
     "    genc.emitLine('\\t\\t\\tduk_small_uint_t lf_flags;')\n"
     "    genc.emitLine('\\t\\t\\tif (key == NULL || DUK_HSTRING_HAS_SYMBOL(key) || DUK_HOBJECT_E_SLOT_IS_ACCESSOR(NULL, h, i) || !DUK_TVAL_IS_LIGHTFUNC(tv)) continue;')\n"
     "    genc.emitLine('\\t\\t\\tDUK_TVAL_GET_LIGHTFUNC(tv, f, lf_flags);')\n"
     "    genc.emitLine('\\t\\t\\tif (f == fn && (int) DUK_LFUNC_FLAGS_GET_MAGIC(lf_flags) == magic) return (const char *) DUK_HSTRING_GET_DATA(key);')\n"
     "    genc.emitLine('\\t\\t}')\n"
     "    genc.emitLine('\\t}')\n"
     "    genc.emitLine('\\treturn NULL;')\n"
     "    genc.emitLine('}')\n"
     "    # Undefine helpers.\n"),
    # py2: `if isinstance(x, unicode): x = x.encode('utf-8')`, which 2to3 made str
    ("genconfig.py", "    if isinstance(x, str):\n        x = x.encode('utf-8')\n    if not isinstance(x, str):",
     "    if not isinstance(x, str):"),
    ("dukutil.py", "        if isinstance(data, str):\n            data = data.encode('utf-8')\n        if isinstance(data, str):",
     "        if isinstance(data, str):"),
    ("dukutil.py", "return nbits / 8", "return nbits // 8"),
    ("dukutil.py", "(skip * (res % 256)) / 256", "(skip * (res % 256)) // 256"),
    ("extract_caseconv.py", "(conv_i - start_i) / skip + 1", "(conv_i - start_i) // skip + 1"),
    ("extract_caseconv.py", "65536 / block_size", "65536 // block_size"),
    ("extract_caseconv.py", "res.sort(cmp=mycmp)", "res.sort(key=lambda a: int(a[0], 16))"),
    ("extract_chars.py", "y = cp / width", "y = cp // width"),
    ("extract_chars.py", "res.sort(cmp=mycmp)", "res.sort(key=lambda a: int(a.split(';')[0], 16))"),
]

# open(x, 'rb') / open(x, 'wb') -> latin-1 text (one character per byte, no newline translation)
OPEN_MODE = re.compile(r"""(open\([^()]*(?:\([^()]*\)[^()]*)*), ['"]([rw])b['"]\)""")


def convert_tools(src_tools, dst_tools):
    if os.path.exists(dst_tools):
        shutil.rmtree(dst_tools)
    shutil.copytree(src_tools, dst_tools)
    subprocess.run([sys.executable, "-W", "ignore", "-m", "lib2to3", "-w", "-n", dst_tools],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    texts = {}
    for fn in os.listdir(dst_tools):
        if fn.endswith(".py"):
            with open(os.path.join(dst_tools, fn), encoding="utf-8") as f:
                text = OPEN_MODE.sub(r"\1, '\2', encoding='latin-1', newline='')", f.read())
            texts[fn] = text.replace("yaml.load(", "yaml.safe_load(")
    for fn, old, new in FIXES:
        n = texts[fn].count(old)
        if n != 1:
            sys.exit("duktape_configure: %s: expected %r once, found it %d times" % (fn, old, n))
        texts[fn] = texts[fn].replace(old, new)
    for fn, text in texts.items():
        with open(os.path.join(dst_tools, fn), "w", encoding="utf-8") as f:
            f.write(text)


DEFINE = re.compile(r"^\s*#\s*(define|undef)\s+(DUK_USE_\w+)(\(?)\s*(.*?)\s*(/\*.*)?$")


def header_options(headers):
    """The DUK_USE_xxx options of HEADERS as configure.py options, the last word on
    each winning: false, true, a number, or the #define line itself (verbatim)."""
    opts = {}
    for h in headers:
        with open(h, encoding="utf-8") as f:
            for line in f:
                m = DEFINE.match(line)
                if not m:
                    continue
                what, name, paren, value = m.group(1), m.group(2), m.group(3), m.group(4)
                if what == "undef":
                    opts[name] = False
                elif not paren and value == "":
                    opts[name] = True
                elif not paren and re.fullmatch(r"0x[0-9a-fA-F]+|[0-9]+", value):
                    opts[name] = int(value, 0)
                else:  # function-like or an expression: genconfig learns the provider exists
                    opts[name] = {"verbatim": line.split("/*")[0].strip()}
    return opts


def main(argv):
    if "--" not in argv or argv.index("--") < 3:
        sys.exit("usage: duktape_configure.py DUKTAPE_SRC WORK OUT HEADER... -- CONFIGURE_ARGS...")
    sep = argv.index("--")
    duk, work, out = (os.path.abspath(a) for a in argv[:3])
    headers, extra = argv[3:sep], argv[sep + 1:]
    tools = os.path.join(work, "tools")
    convert_tools(os.path.join(duk, "tools"), tools)
    opt_file = os.path.join(work, "options.yaml")
    with open(opt_file, "w", encoding="utf-8") as f:
        json.dump(header_options(headers), f, indent=0, sort_keys=True)  # JSON is YAML
    if os.path.exists(out):
        shutil.rmtree(out)
    cmd = [sys.executable, os.path.join(tools, "configure.py"), "--quiet",
           "--source-directory", os.path.join(duk, "src-input"),
           "--config-metadata", os.path.join(duk, "config"),
           "--license-file", os.path.join(duk, "LICENSE.txt"),
           "--authors-file", os.path.join(duk, "AUTHORS.rst"),
           "--duk-dist-meta", os.path.join(duk, "duk_dist_meta.json"),
           "--output-directory", out, "--option-file", opt_file] + extra
    subprocess.run(cmd, check=True, cwd=work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
