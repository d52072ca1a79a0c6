"""Writing a generated file, for the build's Python tools (duktape_rom_strings.py,
es_methods_yaml.py, duktape_patch.py): never half-written (a temporary file renamed
into place), and, where asked, left alone when its content is the same, so that
what make builds from it is not rebuilt."""
import os


def write_atomically(path, text):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def write_if_changed(path, text):
    """Writes text to path unless path holds it already; whether it wrote."""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return False
    write_atomically(path, text)
    return True
