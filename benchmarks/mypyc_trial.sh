#!/usr/bin/env bash
# The session-6 trial of compiling extraction with mypyc, rerunnable.
#
# Takes the package as it was at commit c756fce, twice: as it is, and with
# benchmarks/mypyc_trial.patch applied (type annotations mypyc needs, 26
# "# type: ignore" comments, one object.__new__ shortcut undone) and
# extraction.py, _scanner.py, gazetteer.py and dates.py compiled by mypyc.
# Then runs benchmarks/extract_speed.py on each build.
# Needs mypy (`pip install mypy`) and a C compiler; takes about 5 minutes.
#
#   bash benchmarks/mypyc_trial.sh [extract_speed.py options, e.g. --mb 2 --news-mb 2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
commit=c756fce
command -v mypyc > /dev/null || { echo "mypyc not found: pip install mypy" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for build in pure mypyc; do
    mkdir "$work/$build"
    git -C "$root" archive "$commit" geoconflict | tar -x -C "$work/$build"
done
patch -s -d "$work/mypyc" -p1 < "$root/benchmarks/mypyc_trial.patch"
(cd "$work/mypyc" && mypyc geoconflict/extraction.py geoconflict/_scanner.py geoconflict/gazetteer.py \
    geoconflict/dates.py --ignore-missing-imports --follow-imports=silent > build.log 2>&1) \
    || { tail -20 "$work/mypyc/build.log" >&2; exit 1; }
for build in pure mypyc; do
    echo "== $build"
    PYTHONPATH="$work/$build" python "$root/benchmarks/extract_speed.py" "$@"
done
