#!/usr/bin/env python3
"""Checks labcalc's SCORM 1.2 package (build/web/labcalc-scorm.zip) the way an LMS import would see it.

Usage: check_scorm.py PACKAGE.zip
Prints "ok - ..." / "not ok - ..." per check and "N passed, N failed"; exits 1 if any check fails.
Standard library only, so it runs wherever the build runs (Emscripten already needs python3).
"""
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": IMSCP, "adlcp": ADLCP}
MANIFEST = "imsmanifest.xml"
MIN_PAGE_BYTES = 100 * 1024  # the real single-file page inlines the wasm: about 1 MB


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok - " + what)
        else:
            self.failed += 1
            print("not ok - " + what + (": " + detail if detail else ""))
        return ok


def entry_name_problem(name):
    # LMSs unpack into their own file store: an entry must not escape the package or depend on the OS.
    if "\\" in name:
        return "backslash"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "absolute path"
    if ".." in name.split("/"):
        return "'..' component"
    return None


def local_path(href):
    # Manifest hrefs are URLs relative to the package root: drop query and fragment, undo %-escapes.
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    return urllib.parse.unquote(parts.path)


def check_manifest(report, root, raw, files):
    """Every manifest check; files is the set of file entries in the zip (directories excluded)."""
    report.check("root element is <manifest> in the IMS CP 1.1.2 namespace (" + IMSCP + ")",
                 root.tag == "{%s}manifest" % IMSCP, "found " + root.tag)
    # Moodle matches attribute names literally (ADLCP:SCORMTYPE), so the prefix matters, not only the URI.
    report.check("declares xmlns:adlcp=\"" + ADLCP + "\"",
                 re.search(r'xmlns:adlcp\s*=\s*["\']' + re.escape(ADLCP) + r'["\']', raw) is not None)

    schema = root.findtext("cp:metadata/cp:schema", default=None, namespaces=NS)
    version = root.findtext("cp:metadata/cp:schemaversion", default=None, namespaces=NS)
    report.check("metadata schema is 'ADL SCORM'", (schema or "").strip() == "ADL SCORM", repr(schema))
    report.check("metadata schemaversion is 1.2", (version or "").strip() == "1.2", repr(version))

    # Identifiers: all of them unique (they are xs:ID in the schema).
    ids = [el.get("identifier") for el in root.iter() if el.get("identifier") is not None]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    report.check("every identifier is unique (identifiers: %d)" % len(ids), not dupes, ", ".join(dupes))

    orgs_el = root.find("cp:organizations", NS)
    orgs = orgs_el.findall("cp:organization", NS) if orgs_el is not None else []
    default = orgs_el.get("default") if orgs_el is not None else None
    matching = [o for o in orgs if o.get("identifier") == default]
    report.check("exactly one default organization, and it exists",
                 orgs_el is not None and default is not None and len(matching) == 1,
                 "default=%r, %d organization(s) with that identifier" % (default, len(matching)))

    resources = {r.get("identifier"): r for r in root.findall("cp:resources/cp:resource", NS)}
    items = list(root.iter("{%s}item" % IMSCP))
    dangling = [i.get("identifier") for i in items
                if i.get("identifierref") is not None and i.get("identifierref") not in resources]
    report.check("every item's identifierref names a resource (items: %d)" % len(items),
                 bool(items) and not dangling,
                 "no items" if not items else "dangling: " + ", ".join(map(str, dangling)))

    scos = [r for r in resources.values() if r.get("{%s}scormtype" % ADLCP) == "sco"]
    report.check("has a resource with adlcp:scormtype=\"sco\"", bool(scos))
    bad = []
    for r in scos:
        path = local_path(r.get("href") or "")
        if not path or path not in files:
            bad.append("%s href=%r" % (r.get("identifier"), r.get("href")))
    report.check("the SCO's href is a file in the zip", bool(scos) and not bad, "; ".join(bad))

    listed = set()
    missing = []
    for f in root.iter("{%s}file" % IMSCP):
        path = local_path(f.get("href") or "")
        if not path or path not in files:
            missing.append(repr(f.get("href")))
        if path:
            listed.add(path)
    report.check("every <file href> is in the zip (listed: %d)" % len(listed), not missing,
                 "missing: " + ", ".join(missing))
    unlisted = sorted(files - listed - {MANIFEST})
    report.check("every file in the zip is listed in the manifest", not unlisted,
                 "unlisted: " + ", ".join(unlisted))


def check_pages(report, zf, files):
    launch = zf.read("launch.html").decode("utf-8", "replace") if "launch.html" in files else ""
    for target, tag in (("launch.js", "script"), ("labcalc.html", "iframe")):
        ref = re.search(r'<%s\b[^>]*\bsrc\s*=\s*["\']%s["\']' % (tag, re.escape(target)), launch, re.I)
        report.check("launch.html loads %s (<%s src>) and it is in the zip" % (target, tag),
                     ref is not None and target in files,
                     "no launch.html" if not launch else ("not referenced" if ref is None else "not in zip"))

    page = zf.read("labcalc.html") if "labcalc.html" in files else b""
    text = page.decode("utf-8", "replace")
    report.check("labcalc.html is the real page (> %d KB, %d bytes)" % (MIN_PAGE_BYTES // 1024, len(page)),
                 len(page) > MIN_PAGE_BYTES)
    report.check("labcalc.html has a <title> naming labcalc",
                 re.search(r"<title>[^<]*labcalc[^<]*</title>", text, re.I) is not None)
    # Self-contained: LMSs may be offline or forbid third-party script, so no remote script at all.
    remote = re.findall(r'<script\b[^>]*\bsrc\s*=\s*["\']?\s*((?:https?:)?//[^"\'\s>]*)', text, re.I)
    report.check("labcalc.html loads no script over http(s)", bool(page) and not remote, ", ".join(remote))


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    report = Report()
    try:
        zf = zipfile.ZipFile(argv[1])
    except (OSError, zipfile.BadZipFile) as err:
        report.check("%s opens as a zip" % argv[1], False, str(err))
        print("%d passed, %d failed" % (report.passed, report.failed))
        return 1
    with zf:
        names = zf.namelist()
        report.check("%s opens as a zip (%d entries)" % (argv[1], len(names)), True)
        bad = ["%r (%s)" % (n, entry_name_problem(n)) for n in names if entry_name_problem(n)]
        report.check("entry names are relative, without '..' or backslashes", not bad, ", ".join(bad))
        files = {n for n in names if not n.endswith("/")}

        has_manifest = report.check(MANIFEST + " is at the zip root", MANIFEST in files,
                                    "entries: " + ", ".join(sorted(files)))
        root = None
        raw = ""
        if has_manifest:
            data = zf.read(MANIFEST)
            raw = data.decode("utf-8", "replace")
            try:
                root = ET.fromstring(data)
            except ET.ParseError as err:
                report.check(MANIFEST + " is well-formed XML", False, str(err))
            else:
                report.check(MANIFEST + " is well-formed XML", True)
        if root is not None:
            check_manifest(report, root, raw, files)
        else:
            report.check("manifest checks", False, "no usable " + MANIFEST)
        check_pages(report, zf, files)

    print("%d passed, %d failed" % (report.passed, report.failed))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
