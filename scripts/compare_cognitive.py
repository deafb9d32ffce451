#!/usr/bin/env python3
"""Compare forewarm's Python cognitive complexity with the `cognitive_complexity` package.

For every FunctionDef/AsyncFunctionDef (methods and nested functions included) in the .py files under the given
folders, computes the package's score and joins it with `forewarm analyze --format csv` on (file, line of the
`def`). Files that `ast` cannot parse are skipped. Run with an interpreter that has `cognitive_complexity`:

    /tmp/lz/bin/python scripts/compare_cognitive.py [--forewarm .build/debug/forewarm] [--mismatches N] DIR...
"""
import argparse
import ast
import csv
import io
import os
import subprocess
import sys
import warnings

from cognitive_complexity.api import get_cognitive_complexity


def python_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for root, _, names in os.walk(path, followlinks=True):
            for name in sorted(names):
                if name.endswith('.py'):
                    yield os.path.join(root, name)


def package_scores(files):
    """{(realpath, def line): (name, score)} and the files that parsed."""
    scores = {}
    parsed = []
    for path in files:
        try:
            with open(path, 'rb') as handle:
                with warnings.catch_warnings():
                    warnings.simplefilter('ignore')
                    tree = ast.parse(handle.read(), filename=path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        parsed.append(path)
        real = os.path.realpath(path)
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                try:
                    score = get_cognitive_complexity(node)
                except RecursionError:
                    continue
                scores[(real, node.lineno)] = (node.name, score)
    return scores, parsed


def forewarm_scores(binary, files):
    """{(realpath, start line): (name, cognitive)} from forewarm's CSV output, run in batches."""
    scores = {}
    batch = 200
    for start in range(0, len(files), batch):
        chunk = files[start:start + batch]
        result = subprocess.run([binary, 'analyze', '--format', 'csv', *chunk],
                                capture_output=True, text=True, check=False)
        for row in csv.DictReader(io.StringIO(result.stdout)):
            key = (os.path.realpath(row['file']), int(row['start_line']))
            scores[key] = (row['function'], int(row['cognitive']))
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('paths', nargs='+')
    default_binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build', 'debug', 'forewarm')
    parser.add_argument('--forewarm', default=default_binary,
                        help='path to the forewarm binary (default: .build/debug/forewarm of this checkout)')
    parser.add_argument('--mismatches', type=int, default=0, help='print up to N mismatches')
    options = parser.parse_args()

    files = list(python_files(options.paths))
    expected, parsed = package_scores(files)
    actual = forewarm_scores(options.forewarm, parsed)
    matched = [key for key in expected if key in actual]
    equal = [key for key in matched if expected[key][1] == actual[key][1]]
    share = 100.0 * len(equal) / len(matched) if matched else 0.0
    print(f'files parsed: {len(parsed)}/{len(files)}')
    print(f'functions: package {len(expected)}, forewarm {len(actual)}, matched {len(matched)}')
    print(f'equal cognitive: {len(equal)}/{len(matched)} = {share:.1f}%')
    shown = 0
    for key in sorted(matched):
        if shown >= options.mismatches:
            break
        if expected[key][1] != actual[key][1]:
            shown += 1
            print(f'{key[0]}:{key[1]} {expected[key][0]}: package {expected[key][1]}, forewarm {actual[key][1]}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
