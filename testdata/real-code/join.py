#!/usr/bin/env python3
"""Joins the hand-judged real-code findings (<library>.tsv) with a fresh run of the command line
(target/<library>/out.json) and prints what changed and the metrics. See README.md.

usage: join.py DIR LIBRARY...   (DIR holds the .tsv files and target/)"""
import json
import os
import sys

TRUE_TARGET = 90.0   # % of reported warnings TRUE and not on a cold path
WORTH_TARGET = 60.0  # % of reported warnings worth a PR (yes or marginal)
MERGE_SPAN = 3       # a call starting up to this many lines above may absorb a judged finding


def read_judged(path):
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        rows = []
        for n, line in enumerate(f, 2):
            cells = line.rstrip('\n').split('\t')
            if len(cells) != len(header):
                sys.exit('%s:%d: %d cells, expected %d' % (path, n, len(cells), len(header)))
            row = dict(zip(header, cells))
            row['line'] = int(row['line'])
            rows.append(row)
    return rows


def read_current(path, src_prefix):
    with open(path, encoding='utf-8') as f:
        report = json.load(f)
    found = []
    for r in report['findings']:
        file = r['file']
        if file.startswith(src_prefix):
            file = file[len(src_prefix):]
        found.append({'rule': r['rule'], 'file': file, 'line': r['line'],
                      'column': '' if r.get('column') is None else str(r['column']),
                      'method': r.get('method') or '', 'message': r['message']})
    return found


def key(f):
    return (f['rule'], f['file'], f['line'], f['column'])


def where(f):
    col = ':' + f['column'] if f['column'] else ''
    return '%s %s:%d%s' % (f['rule'], f['file'], f['line'], col)


def good(row):
    return row['true'] == 'yes' and row['cold'] == 'no'


def worth(row):
    return row['worth'] in ('yes', 'marginal')


def pct(n, d):
    return '%5.1f %%' % (100.0 * n / d) if d else '    -  '


def join(lib, judged, current):
    """Matches each current finding to at most one judged row: by key, then by rule, file and
    line (the column moved). Unmatched judged rows are merged (a current finding of the same
    method starts on their line or up to MERGE_SPAN lines above) or gone."""
    by_key = {key(r): r for r in judged}
    by_line = {}
    for r in judged:
        by_line.setdefault((r['rule'], r['file'], r['line']), []).append(r)
    matched = []       # (current, judged row, how)
    new = []
    used = set()
    for f in current:
        r = by_key.get(key(f))
        how = 'key'
        if r is None or id(r) in used:
            r = next((c for c in by_line.get((f['rule'], f['file'], f['line']), ())
                      if id(c) not in used and key(c) not in {key(x) for x in current}), None)
            how = 'column'
        if r is None:
            new.append(f)
        else:
            used.add(id(r))
            matched.append((f, r, how))
    merged, gone = [], []
    for r in judged:
        if id(r) in used:
            continue
        into = [f for f in current if f['file'] == r['file']
                and r['line'] - MERGE_SPAN <= f['line'] <= r['line']
                and (not f['method'] or not r['method'] or f['method'] == r['method'])]
        if into:
            merged.append((r, min(into, key=lambda f: (r['line'] - f['line'], f['rule']))))
        else:
            gone.append(r)
    return matched, new, merged, gone


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    root, libs = argv[1], argv[2:]
    verbose = os.environ.get('VERBOSE') == '1'
    totals = []
    details = []
    for lib in libs:
        judged = read_judged(os.path.join(root, lib + '.tsv'))
        current = read_current(os.path.join(root, 'target', lib, 'out.json'),
                               'target/%s/src/' % lib)
        matched, new, merged, gone = join(lib, judged, current)
        changed = [(f, r) for f, r, _ in matched if f['message'] != r['message']]
        moved = [(f, r) for f, r, how in matched if how == 'column']
        rows = [r for _, r, _ in matched]
        totals.append((lib, len(current), len(judged), rows, new, merged, gone, changed))
        out = []
        for r in gone:
            out.append('  gone     %s  [TRUE %s, COLD %s, WORTH %s] %s' % (
                where(r), r['true'], r['cold'], r['worth'], r['note']))
        for r, f in merged:
            out.append('  merged   %s  into %s' % (where(r), where(f)))
        for f, r in moved:
            out.append('  moved    %s  (judged at column %s)' % (where(f), r['column'] or '-'))
        for f, r in changed:
            out.append('  changed  %s' % where(f))
            if verbose:
                out.append('           was: ' + r['message'])
                out.append('           now: ' + f['message'])
        for f in new:
            out.append('  NEW      %s  %s' % (where(f), f['message']))
        if out:
            details.append('%s:' % lib)
            details.extend(out)

    print('(a) Differences from the judged set')
    print('\n'.join(details) if details else '  none: every judged finding is reported, unchanged, and nothing new')
    print()
    print('(b) Metrics (over the warnings reported now that carry a judgment)')
    head = '%-22s %8s %7s %5s %7s %6s %7s %9s %9s %9s' % (
        'library', 'reported', 'judged', 'new', 'changed', 'gone', 'merged',
        'TRUE!COLD', 'ADVICE ok', 'WORTH y/m')
    print(head)
    print('-' * len(head))
    agg = {'cur': 0, 'rows': [], 'new': 0, 'changed': 0, 'gone': [], 'merged': 0}
    for lib, ncur, njudged, rows, new, merged, gone, changed in totals:
        print('%-22s %8d %7d %5d %7d %6d %7d %9s %9s %9s' % (
            lib, ncur, len(rows), len(new), len(changed), len(gone), len(merged),
            pct(sum(good(r) for r in rows), len(rows)),
            pct(sum(r['advice'] == 'yes' for r in rows), len(rows)),
            pct(sum(worth(r) for r in rows), len(rows))))
        agg['cur'] += ncur
        agg['rows'] += rows
        agg['new'] += len(new)
        agg['changed'] += len(changed)
        agg['gone'] += gone
        agg['merged'] += len(merged)
    rows = agg['rows']
    print('-' * len(head))
    print('%-22s %8d %7d %5d %7d %6d %7d %9s %9s %9s' % (
        'all', agg['cur'], len(rows), agg['new'], agg['changed'], len(agg['gone']), agg['merged'],
        pct(sum(good(r) for r in rows), len(rows)),
        pct(sum(r['advice'] == 'yes' for r in rows), len(rows)),
        pct(sum(worth(r) for r in rows), len(rows))))
    print()
    by_rule = {}
    for r in rows:
        by_rule.setdefault(r['rule'], []).append(r)
    print('%-22s %8s %9s %9s %9s' % ('rule (judged)', 'count', 'TRUE!COLD', 'ADVICE ok', 'WORTH y/m'))
    for rule, rs in sorted(by_rule.items(), key=lambda e: (-len(e[1]), e[0])):
        print('%-22s %8d %9s %9s %9s' % (rule, len(rs), pct(sum(good(r) for r in rs), len(rs)),
                                         pct(sum(r['advice'] == 'yes' for r in rs), len(rs)),
                                         pct(sum(worth(r) for r in rs), len(rs))))
    print()
    n_good = sum(good(r) for r in rows)
    n_worth = sum(worth(r) for r in rows)
    print('warnings reported:                 %d (%d judged, %d new and unjudged)'
          % (agg['cur'], len(rows), agg['new']))
    print('TRUE and not COLD:                 %d of %d = %s  (target >= %.0f %%)'
          % (n_good, len(rows), pct(n_good, len(rows)).strip(), TRUE_TARGET))
    print('WORTH a PR (yes or marginal):      %d of %d = %s  (target >= %.0f %%; yes alone: %d)'
          % (n_worth, len(rows), pct(n_worth, len(rows)).strip(), WORTH_TARGET,
             sum(r['worth'] == 'yes' for r in rows)))
    print('judged WORTH-yes findings lost:    %d (marginal lost: %d)'
          % (sum(r['worth'] == 'yes' for r in agg['gone']),
             sum(r['worth'] == 'marginal' for r in agg['gone'])))
    print('judged findings gone:              %d (%d of them TRUE and not COLD); merged: %d'
          % (len(agg['gone']), sum(good(r) for r in agg['gone']), agg['merged']))
    if agg['new']:
        print('note: %d new findings carry no judgment and are left out of the percentages: '
              'judge them (README.md, "Adding judgments")' % agg['new'])


if __name__ == '__main__':
    main(sys.argv)
