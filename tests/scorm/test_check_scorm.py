#!/usr/bin/env python3
"""The SCORM checker must be able to fail: builds broken packages in a temporary folder and expects
check_scorm.py to reject each one with the check that names the fault (and to accept the intact one, so
a rejection is never the baseline's fault). Built from the real web/scorm sources plus a stand-in page,
so it needs no Emscripten build. Prints "ok - ..." / "not ok - ..." and "N passed, N failed".
"""
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "..", "..", "web", "scorm")
CHECKER = os.path.join(HERE, "check_scorm.py")


def read(name):
    with open(os.path.join(SOURCES, name), encoding="utf-8") as f:
        return f.read()


MANIFEST = (read("imsmanifest.xml.in")
            .replace("@PROJECT_VERSION@", "0.0.0")
            .replace("@LABCALC_SCORM_TITLE@", "labcalc (self-test)"))
# Big enough to pass as the real page, with its title; the wasm is not needed to test packaging.
PAGE = ("<!doctype html><title>labcalc: self-test</title><script>\n"
        + "// padding\n" * 12000 + "</script>\n")


def good_files():
    return {
        "imsmanifest.xml": MANIFEST,
        "launch.html": read("launch.html"),
        "launch.js": read("launch.js"),
        "launch.css": read("launch.css"),
        "labcalc.html": PAGE,
    }


def without(name):
    files = good_files()
    del files[name]
    return files


def with_files(**extra):
    files = good_files()
    files.update(extra)
    return files


def edit(name, *pairs):
    """good_files() with name's text edited by (old, new) pairs; each old must be there."""
    files = good_files()
    for old, new in zip(pairs[::2], pairs[1::2]):
        assert old in files[name], "fixture out of date: %r not in %s" % (old, name)
        files[name] = files[name].replace(old, new)
    return files


def moved_manifest():
    files = good_files()
    files["course/imsmanifest.xml"] = files.pop("imsmanifest.xml")
    return files


def remote_script_page():
    return with_files(**{"labcalc.html": PAGE.replace(
        "<script>", '<script src="https://cdn.example.com/x.js"></script><script>', 1)})


# (what is broken, files or raw zip bytes, the start of the check that must fail)
CASES = [
    ("a listed file is missing", without("launch.css"), "every <file href> is in the zip"),
    ("a file is not listed", with_files(**{"notes.txt": "x"}), "every file in the zip is listed"),
    ("the SCO href names no file",
     edit("imsmanifest.xml", 'href="launch.html">', 'href="start.html">'), "the SCO's href is a file in the zip"),
    ("no imsmanifest.xml", without("imsmanifest.xml"), "imsmanifest.xml is at the zip root"),
    ("imsmanifest.xml in a subfolder", moved_manifest(), "imsmanifest.xml is at the zip root"),
    ("schemaversion is SCORM 2004",
     edit("imsmanifest.xml", "<schemaversion>1.2<", "<schemaversion>2004 3rd Edition<"),
     "metadata schemaversion is 1.2"),
    ("the manifest is not well-formed", edit("imsmanifest.xml", "</resources>", ""), "imsmanifest.xml is well-formed"),
    ("the manifest uses another namespace",
     edit("imsmanifest.xml", 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
          'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"'), "root element is <manifest>"),
    ("the adlcp prefix is renamed",
     edit("imsmanifest.xml", "xmlns:adlcp=", "xmlns:scorm=", "adlcp:scormtype", "scorm:scormtype"),
     'declares xmlns:adlcp="'),
    ("the default organization does not exist",
     edit("imsmanifest.xml", 'default="labcalc_org"', 'default="other_org"'), "exactly one default organization"),
    ("an item points at no resource",
     edit("imsmanifest.xml", 'identifierref="labcalc_sco"', 'identifierref="nothing"'),
     "every item's identifierref names a resource"),
    ("two elements share an identifier",
     edit("imsmanifest.xml", 'identifier="labcalc_item"', 'identifier="labcalc_org"'), "every identifier is unique"),
    ("an entry escapes the package", with_files(**{"../evil.html": "x"}), "entry names are relative"),
    ("an entry has a backslash", with_files(**{"sub\\page.html": "x"}), "entry names are relative"),
    ("launch.html does not frame labcalc.html",
     edit("launch.html", 'src="labcalc.html"', 'src="other.html"'), "launch.html loads labcalc.html"),
    ("labcalc.html is a placeholder", with_files(**{"labcalc.html": "<title>labcalc</title>"}),
     "labcalc.html is the real page"),
    ("labcalc.html loads a remote script", remote_script_page(), "labcalc.html loads no script over http(s)"),
    ("the file is not a zip", b"PK not really a zip", "opens as a zip"),
]


def write_package(path, content):
    if isinstance(content, bytes):
        with open(path, "wb") as f:
            f.write(content)
        return
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in content.items():
            zf.writestr(name, text)


def run_checker(path):
    proc = subprocess.run([sys.executable, CHECKER, path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def main():
    passed = failed = 0

    def report(what, ok, output):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("ok - " + what)
        else:
            failed += 1
            print("not ok - " + what)
            # Indented so a summary-line grep over the log never takes the checker's line for ours.
            for line in output.splitlines():
                print("    # " + line)

    with tempfile.TemporaryDirectory(prefix="labcalc-scorm-") as tmp:
        good = os.path.join(tmp, "good.zip")
        write_package(good, good_files())
        code, out = run_checker(good)
        report("accepts the intact package built from web/scorm", code == 0, out)

        for i, (what, content, check) in enumerate(CASES):
            path = os.path.join(tmp, "bad%02d.zip" % i)
            write_package(path, content)
            code, out = run_checker(path)
            named = any(line.startswith("not ok - ") and check in line for line in out.splitlines())
            report("rejects: %s (%s)" % (what, check), code == 1 and named, out)

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
