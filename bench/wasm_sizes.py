#!/usr/bin/env python3
"""Where a page's wasm bytes go: code per owner (labcalc's core, UI and web glue, Dear ImGui,
nlohmann/json, libc++, libc) and the data segments, raw and gzip -9 (each group compressed on its own, so
the groups add up to a little more than the whole file).

Needs function names, so measure a build linked with --profiling-funcs (same code, plus a name section):
  cmake -S . -B build/web-names -G Ninja -DCMAKE_BUILD_TYPE=Release -DLABCALC_BUILD_WEB=ON \\
        -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \\
        -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
  cmake --build build/web-names --target labcalc_web labcalc_bare_page
  bench/wasm_sizes.py build/web-names/site/index.wasm [GROUP [N]]   # GROUP: also its N largest functions
"""
import re
import sys
import zlib
from collections import defaultdict


def leb128(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def read_module(data):
    """Function bodies (index, bytes), function names by index, and the data segments' bytes."""
    if data[:4] != b"\0asm":
        sys.exit("wasm_sizes: not a WebAssembly module")
    i, imported_functions = 8, 0
    bodies, names, data_bytes = [], {}, b""
    while i < len(data):
        section, i = data[i], i + 1
        size, i = leb128(data, i)
        start, end = i, i + size
        if section == 2:  # imports: function imports come first in the function index space
            count, j = leb128(data, start)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    n, j = leb128(data, j)
                    j += n
                kind, j = data[j], j + 1
                if kind == 0:
                    _, j = leb128(data, j)
                    imported_functions += 1
                elif kind == 1:  # table: element type, limits
                    j += 1
                    flags, j = leb128(data, j)
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 2:  # memory: limits
                    flags, j = leb128(data, j)
                    _, j = leb128(data, j)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 3:  # global: type, mutability
                    j += 2
        elif section == 10:  # code
            count, j = leb128(data, start)
            for k in range(count):
                n, j = leb128(data, j)
                bodies.append((imported_functions + k, data[j:j + n]))
                j += n
        elif section == 11:  # data
            data_bytes = data[start:end]
        elif section == 0:  # custom: the "name" section's function names
            n, j = leb128(data, start)
            if data[j:j + n] == b"name":
                j += n
                while j < end:
                    sub, j = data[j], j + 1
                    n, j = leb128(data, j)
                    sub_end = j + n
                    if sub == 1:
                        count, j = leb128(data, j)
                        for _ in range(count):
                            index, j = leb128(data, j)
                            n, j = leb128(data, j)
                            names[index] = data[j:j + n].decode("utf-8", "replace")
                            j += n
                    j = sub_end
        i = end
    return bodies, names, data_bytes


def owner(name):
    if "nlohmann" in name:
        return "nlohmann/json"
    if "labcalc::core" in name:
        return "labcalc core"
    if "labcalc::ui" in name:
        return "labcalc ui"
    if "labcalc::platform" in name or name.startswith("labcalc_"):
        return "labcalc web glue"
    if "ImGui" in name or re.match(r"(Im[A-Z]|stbtt|stbrp|stb_)", name):
        return "Dear ImGui"
    if name.startswith("std::") or "__2" in name:
        return "libc++"
    return "libc and the rest"


def gz(chunks):
    return len(zlib.compress(b"".join(chunks), 9))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    bodies, names, data_bytes = read_module(data)
    if not names:
        print("wasm_sizes: no function names (link with --profiling-funcs); everything counts as one group")
    groups = defaultdict(list)
    for index, body in bodies:
        name = names.get(index, "?")
        groups[owner(name)].append((name, body))
    code = [b for _, b in bodies]
    print(f"{sys.argv[1]}: {len(data) / 1024:.1f} KB, gzip -9 {gz([data]) / 1024:.1f} KB")
    print(f"{'':22s} {'raw KB':>8s} {'gzip KB':>8s} functions")
    print(f"{'code':22s} {sum(map(len, code)) / 1024:8.1f} {gz(code) / 1024:8.1f} {len(code):9d}")
    print(f"{'data segments':22s} {len(data_bytes) / 1024:8.1f} {gz([data_bytes]) / 1024:8.1f}")
    for group, items in sorted(groups.items(), key=lambda kv: -sum(len(b) for _, b in kv[1])):
        raw = sum(len(b) for _, b in items)
        print(f"  {group:20s} {raw / 1024:8.1f} {gz([b for _, b in items]) / 1024:8.1f} {len(items):9d}")
    if len(sys.argv) > 2:
        largest = sorted(((len(b), n) for n, b in groups.get(sys.argv[2], [])), reverse=True)
        for size, name in largest[: int(sys.argv[3]) if len(sys.argv) > 3 else 20]:
            print(f"{size:8d}  {name[:150]}")


if __name__ == "__main__":
    main()
