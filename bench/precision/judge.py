#!/usr/bin/env python3
"""Joins the hand-judged verdicts (judged.tsv) with a run's JSON report and counts what changed.

Usage: judge.py JUDGED_TSV RUN_JSON [RUN_TEXT]
  RUN_JSON  the JSON report of `noescape --all --expected-escapes` on the judged jar
  RUN_TEXT  (optional) the text output of the same run without --expected-escapes, for line counts

For each judged verdict it finds the finding with the same rule, file, line and subject and says
whether the verdict still stands. A judged claim "escapes" (HeapEscape, or a LeakingParameter
message of the escaping form) is gone when the finding disappears or no longer claims escape:
- imprecise and gone  -> fixed
- imprecise, still    -> imprecise
- correct and gone    -> CHECK: either the judgment was wrong or the analysis became unsound;
                         the script exits 1 so that nobody misses it
- correct, still      -> correct
Then the run's totals: findings, HeapEscape findings in the low tier (expected escapes), and,
from RUN_TEXT, output lines and exact duplicate lines.
"""
import collections
import json
import re
import sys


def claim(rule, message):
    """What a message claims: 'escapes' or a weaker flow ('flows')."""
    if rule == "HeapEscape":
        return "flows" if " does not escape, but " in message else "escapes"
    m = re.match(r"leaking param( content)?: \S+(.*)", message)
    if m and m.group(1) is None and (m.group(2) == "" or m.group(2).startswith(" (")):
        return "escapes"
    return "flows"


def expected(fd):
    """The finding's low tier; recomputed as HeapEscapeRule does for a report from before the field."""
    if "expected" in fd:
        return fd["expected"]
    if fd["rule"] != "HeapEscape" or " does not escape, but " in fd["message"]:
        return None
    if "#<clinit>(" in (fd.get("method") or ""):
        return "STATIC_INITIALIZER"
    last = fd["reasons"][-1]["kind"] if fd["reasons"] else None
    return last if last in ("THROWN", "RETURNED") else None


def lookup(by_key, by_line, r):
    """The findings about the judged verdict: same rule, file, line and subject; or, for an allocation
    whose description changed (a javac access constructor's marker argument dropped), the one
    HeapEscape finding on that line."""
    found = by_key.get((r["rule"], r["file"], int(r["line"]), r["subject"]), [])
    if found or r["rule"] != "HeapEscape":
        return found
    same_line = by_line.get((r["rule"], r["file"], int(r["line"])), [])
    return same_line if len(same_line) == 1 else []


def main():
    judged_path, run_path = sys.argv[1], sys.argv[2]
    text_path = sys.argv[3] if len(sys.argv) > 3 else None
    rows = []
    with open(judged_path, encoding="utf-8", newline="\n") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols)))
    with open(run_path, encoding="utf-8") as f:
        run = json.load(f)
    by_key = collections.defaultdict(list)
    by_line = collections.defaultdict(list)
    for fd in run["findings"]:
        by_key[(fd["rule"], fd["file"], fd["line"], fd["subject"])].append(fd)
        by_line[(fd["rule"], fd["file"], fd["line"])].append(fd)

    outcome = collections.Counter()
    suspicious = []
    print("| id | rule | where | subject | judged | cause | now | message now |")
    print("|---:|---|---|---|---|---|---|---|")
    for r in rows:
        found = lookup(by_key, by_line, r)
        still = [fd for fd in found if claim(r["rule"], fd["message"]) == claim(r["rule"], r["message"])]
        judged = r["verdict"]
        if judged == "imprecise":
            now = "imprecise" if still else "fixed"
        elif judged == "correct":
            now = "correct" if still else "CHECK"
            if not still:
                suspicious.append(r)
        else:
            now = judged
        outcome[(judged, now)] += 1
        msg = still[0]["message"] if still else (found[0]["message"] if found else "(not reported)")
        where = r["file"].rsplit("/", 1)[-1] + ":" + r["line"]
        print(f"| {r['id']} | {r['rule']} | {where} | `{r['subject']}` | {judged} | {r['cause']} | {now} | "
              f"{msg.replace('|', '/')} |")
    print()
    judged_imprecise = sum(1 for r in rows if r["verdict"] == "imprecise")
    still_imprecise = outcome[("imprecise", "imprecise")]
    print(f"judged verdicts: {len(rows)}; correct {sum(1 for r in rows if r['verdict'] == 'correct')}, "
          f"imprecise {judged_imprecise}, unsound {sum(1 for r in rows if r['verdict'] == 'unsound')}")
    print(f"imprecise still reported: {still_imprecise} (fixed: {judged_imprecise - still_imprecise}); "
          f"correct verdicts no longer reported (CHECK): {len(suspicious)}")
    findings = run["findings"]
    low = sum(1 for fd in findings if expected(fd))
    print(f"findings with --expected-escapes: {len(findings)}; in the low tier (expected escapes): {low}")
    if text_path:
        with open(text_path, encoding="utf-8", newline="\n") as f:
            lines = [l.rstrip("\n") for l in f]
        dup = sum(c - 1 for c in collections.Counter(lines).values() if c > 1)
        print(f"text output by default: {len(lines)} lines, {dup} exact duplicate lines")
    return 1 if suspicious else 0


if __name__ == "__main__":
    sys.exit(main())
