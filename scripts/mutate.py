#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make mutate: do the tests see a deliberate break?

Each mutant of tests/mutants.txt (format described at its top) is applied,
one at a time, to a copy of the source tree in build/mutate/tree - never
to the real sources.  The copy is made once (git ls-files, the working
copy's contents) and kept between runs, so its host test build is
incremental: per mutant only the mutated file and what depends on it is
rebuilt, and the file is restored afterwards.  Then the host test runner
(build/host/kunit_tests of the copy, ASan + UBSan) runs - every suite, or
the mutant's "suites:" - and, if the mutant still lives and names a fuzz
target ("fuzz:"), that target replays its committed corpus once.

One line per mutant: KILLED (by which suite/case, or a crash, or a
timeout) or SURVIVED; then "killed N of M".  The exit status is non-zero
if a mutant survived, if its original snippet is not found exactly once
in its file (a refactor made it stale: update the mutant, do not drop
it), if a mutant does not compile, or if the unmutated copy fails.

  scripts/mutate.py                 all mutants
  scripts/mutate.py NAME...         only these (names as in the file)
  scripts/mutate.py --list          names and descriptions
  scripts/mutate.py --check         only check that every snippet is found
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREE = os.path.join(ROOT, 'build', 'mutate', 'tree')
RUNNER = 'build/host/kunit_tests'
TEST_TIMEOUT = 120	# a mutant that loops forever is killed by the timeout
BUILD_TIMEOUT = 900


class Mutant:
    def __init__(self, name, desc, line):
        self.name, self.desc, self.line = name, desc, line
        self.file = None
        self.suites = []
        self.fuzz = []
        self.make = []
        self.old, self.new = [], []

    def snippets(self):
        return '\n'.join(self.old), '\n'.join(self.new)


def parse(path):
    """The mutant list: see the comment at the top of tests/mutants.txt."""
    mutants, m = [], None
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if line.startswith('=='):
                hit = re.match(r'==\s*([\w.-]+):\s*(.+)$', line)
                if not hit:
                    sys.exit(f'{path}:{n}: expected "== name: description"')
                m = Mutant(hit.group(1), hit.group(2).strip(), n)
                mutants.append(m)
            elif not line.strip() or line.startswith('#'):
                continue
            elif m is None:
                sys.exit(f'{path}:{n}: text before the first "== name: description"')
            elif line.startswith('-'):
                m.old.append(line[1:])
            elif line.startswith('+'):
                m.new.append(line[1:])
            elif line.startswith('file:'):
                m.file = line[5:].strip()
            elif line.startswith('suites:'):
                m.suites = line[7:].split()
            elif line.startswith('fuzz:'):
                m.fuzz = line[5:].split()
            elif line.startswith('make:'):
                m.make = line[5:].split()
            else:
                sys.exit(f'{path}:{n}: unknown line: {line!r}')
    names = set()
    for m in mutants:
        if not m.file or not m.old:
            sys.exit(f'{path}:{m.line}: mutant {m.name} needs "file:" and "-" lines')
        if m.old == m.new:
            sys.exit(f'{path}:{m.line}: mutant {m.name} changes nothing')
        if m.name in names:
            sys.exit(f'{path}:{m.line}: mutant {m.name} named twice')
        names.add(m.name)
    return mutants


def sync_tree():
    """Copy the working copy's tracked files into TREE, touching only what changed."""
    files = subprocess.run(['git', 'ls-files', '-z'], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split('\0')
    files = [f for f in files if f and os.path.isfile(os.path.join(ROOT, f))]
    keep = set(files)
    for f in files:
        src, dst = os.path.join(ROOT, f), os.path.join(TREE, f)
        with open(src, 'rb') as s:
            data = s.read()
        try:
            with open(dst, 'rb') as d:
                if d.read() == data:
                    continue
        except FileNotFoundError:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, 'wb') as d:
            d.write(data)
        shutil.copymode(src, dst)
    # files the working copy no longer has (a stale .c would still be built)
    for dirpath, dirnames, filenames in os.walk(TREE):
        rel = os.path.relpath(dirpath, TREE)
        if rel == 'build' or rel.startswith('build' + os.sep):
            dirnames[:] = []
            continue
        for fn in filenames:
            f = os.path.normpath(os.path.join(rel, fn))
            if f not in keep:
                os.unlink(os.path.join(dirpath, fn))


def make(target, jobs):
    try:
        r = subprocess.run(['make', f'-j{jobs}', target], cwd=TREE, capture_output=True,
                           text=True, timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, f'make {target}: timed out'
    return r.returncode == 0, r.stdout + r.stderr


def run_tests(suites):
    """(killed, what): run the copy's host runner, say which cases failed."""
    env = dict(os.environ, ORDERLY_QUIET='1', ASAN_OPTIONS='detect_leaks=1')
    try:
        r = subprocess.run([os.path.join(TREE, RUNNER)] + suites, cwd=TREE, env=env,
                           capture_output=True, text=True, errors='replace',
                           timeout=TEST_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        return True, f'timeout after {TEST_TIMEOUT}s'
    failed, suite = [], None
    for line in r.stdout.splitlines():
        hit = re.match(r'\s*# Subtest: (\S+)', line)
        if hit:
            suite = hit.group(1)
        hit = re.match(r'    not ok \d+ (\S+)', line)
        if hit:
            failed.append(f'{suite}/{hit.group(1)}')
    if r.returncode == 0:
        return False, ''
    if failed:
        more = f' +{len(failed) - 3} more' if len(failed) > 3 else ''
        return True, ', '.join(failed[:3]) + more
    if 'passed,' not in r.stdout:
        why = next((l.strip() for l in (r.stdout + r.stderr).splitlines()
                    if re.search(r'BUG|ERROR|runtime error|Segmentation|Aborted', l)),
                   f'exit status {r.returncode}')
        return True, f'crash in suite {suite}: {why[:100]}'
    return True, f'exit status {r.returncode}'


def run_fuzz(target, jobs):
    ok, log = make(f'build/fuzz/{target}', jobs)
    if not ok:
        return None, f'fuzz target {target} does not build'
    corpus = os.path.join(TREE, 'tests', 'fuzz', 'corpus', target)
    work = os.path.join(TREE, 'build', 'mutate-fuzz')
    os.makedirs(work, exist_ok=True)
    try:
        r = subprocess.run([os.path.join(TREE, 'build', 'fuzz', target), '-runs=0', corpus],
                           cwd=work, env=dict(os.environ, ORDERLY_QUIET='1'),
                           capture_output=True, text=True, errors='replace',
                           timeout=TEST_TIMEOUT)
    except subprocess.TimeoutExpired:
        return True, f'{target} corpus: timeout'
    if r.returncode == 0:
        return False, ''
    why = next((l.strip() for l in r.stderr.splitlines()
                if l.startswith(target + ':') or 'invariant broken' in l or 'ERROR' in l),
               f'exit status {r.returncode}')
    return True, f'{target} corpus: {why[:100]}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('names', nargs='*', help='run only these mutants')
    ap.add_argument('--list', action='store_true', help='list the mutants')
    ap.add_argument('--check', action='store_true', help='only check that every snippet is found')
    ap.add_argument('--mutants', default=os.path.join(ROOT, 'tests', 'mutants.txt'))
    ap.add_argument('-j', '--jobs', type=int, default=2)
    args = ap.parse_args()

    mutants = parse(args.mutants)
    if args.list:
        for m in mutants:
            print(f'{m.name:24} {m.file:22} {m.desc}')
        return 0
    if args.names:
        unknown = set(args.names) - {m.name for m in mutants}
        if unknown:
            sys.exit('mutate: no mutant named ' + ', '.join(sorted(unknown)))
        mutants = [m for m in mutants if m.name in args.names]

    stale = 0
    for m in mutants:
        try:
            with open(os.path.join(ROOT, m.file)) as f:
                n = f.read().count(m.snippets()[0])
        except FileNotFoundError:
            n = 0
        if n != 1:
            print(f'STALE    {m.name:24} {m.file}: the original snippet is found {n} times '
                  f'(must be once; tests/mutants.txt line {m.line})')
            stale += 1
    if args.check or stale:
        print(f'{len(mutants) - stale} of {len(mutants)} mutants apply')
        return 1 if stale else 0

    t0 = time.time()
    os.makedirs(TREE, exist_ok=True)
    sync_tree()
    print(f'mutate: source copy in {os.path.relpath(TREE, ROOT)}; building the unmutated tests',
          flush=True)
    ok, log = make(RUNNER, args.jobs)
    if not ok:
        print(log[-3000:])
        print('mutate: the unmutated tree does not build')
        return 1
    killed, why = run_tests([])
    if killed:
        print(f'mutate: the unmutated tree fails its tests ({why}); fix that first')
        return 1
    for t in sorted({t for m in mutants for t in m.fuzz}):
        ok, log = make(f'build/fuzz/{t}', args.jobs)
        killed, why = run_fuzz(t, args.jobs) if ok else (True, 'does not build')
        if killed:
            print(f'mutate: the unmutated {t} fails ({why}); fix that first')
            return 1
    print(f'mutate: baseline passes ({time.time() - t0:.0f} s); {len(mutants)} mutants',
          flush=True)

    nkilled = errors = 0
    survivors = []
    for m in mutants:
        t1 = time.time()
        path = os.path.join(TREE, m.file)
        with open(path) as f:
            original = f.read()
        old, new = m.snippets()
        try:
            with open(path, 'w') as f:
                f.write(original.replace(old, new, 1))
            ok, log = make(RUNNER, args.jobs)
            if not ok:
                errs = [l for l in log.splitlines() if 'error:' in l][:2]
                verdict, why = 'NO-BUILD', ' | '.join(errs)[:160]
            else:
                killed, why = run_tests(m.suites)
                for t in m.fuzz:
                    if killed:
                        break
                    killed, why = run_fuzz(t, args.jobs)
                    if killed is None:
                        break
                for t in m.make:
                    if killed:
                        break
                    ok, log = make(t, args.jobs)
                    killed = not ok
                    why = f'make {t} failed: ' + ' | '.join(
                        l for l in log.splitlines() if 'WARNING' in l or 'FAIL' in l or 'ERROR' in l)[:160]
                verdict = 'KILLED' if killed else 'SURVIVED' if killed is False else 'NO-BUILD'
        finally:
            with open(path, 'w') as f:
                f.write(original)
        if verdict == 'KILLED':
            nkilled += 1
        elif verdict == 'SURVIVED':
            survivors.append(m.name)
            why = 'every test passed' + (f' (ran: {" ".join(m.suites)})' if m.suites else '') + \
                (f' + {" ".join(m.fuzz)} corpus' if m.fuzz else '') + \
                (f' + make {" ".join(m.make)}' if m.make else '')
        else:
            errors += 1
        print(f'{verdict:8} {m.name:24} {m.desc}\n         {why}  [{time.time() - t1:.0f} s]',
              flush=True)

    # leave the copy's objects matching the unmutated sources for the next run
    make(RUNNER, args.jobs)
    print(f'killed {nkilled} of {len(mutants)}' +
          (f' ({errors} did not build)' if errors else '') +
          (f'; survived: {" ".join(survivors)}' if survivors else '') +
          f'  [{time.time() - t0:.0f} s]')
    return 0 if nkilled == len(mutants) else 1


if __name__ == '__main__':
    sys.exit(main())
