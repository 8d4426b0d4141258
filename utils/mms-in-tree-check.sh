#!/usr/bin/env bash
# Builds the mms module inside an ns-3 source tree (as contrib/mms, CMake era: ns-3.36 and later)
# with ns-3's MPI module (--enable-mpi, Debian's OpenMPI, installed with apt-get when missing)
# and checks it there: every mms suite through ns-3's test.py, the runs of
# test/examples-to-run.py, the main job (mms-busy-hour) once, and one run on two processes
# (mpirun -np 2 mms-busy-hour --mpi) against the same run in one process
# (test/check-mpi-run.py: the same message and delivery rows, conservation across ranks).
#
#   utils/mms-in-tree-check.sh NS3_SOURCE [--cache=DIR] [--jobs=N]
#
# NS3_SOURCE is an ns-3 release tarball (.tar.xz, .tar.bz2, .tar.gz) or an ns-3 source tree (a
# folder with ns3 and test.py). A tarball is unpacked into the cache folder (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/mms-in-tree), under a key made of the tarball's checksum, and
# the built tree stays there: a later run copies only the module's changed files and rebuilds only
# what they touch (a change of the module's build files configures the tree again, which keeps
# ns-3's own objects); trees of other tarballs are removed. A
# tree given as a folder is used in place (its contrib/mms is replaced by this module).
# Exit status: 0 if everything passed, 1 if a build, suite or run failed, 2 for bad arguments.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prog="mms-in-tree-check.sh"
source=""
cache="${XDG_CACHE_HOME:-$HOME/.cache}/mms-in-tree"
jobs="$(nproc 2>/dev/null || echo 2)"
for arg in "$@"; do
    case "$arg" in
        --cache=*) cache="${arg#*=}" ;;
        --jobs=*) jobs="${arg#*=}" ;;
        -*) echo "$prog: unknown option '$arg' (see the comment at the top of utils/$prog)" >&2; exit 2 ;;
        *) if [ -n "$source" ]; then echo "$prog: one NS3_SOURCE only, got '$source' and '$arg'" >&2; exit 2; fi
           source="$arg" ;;
    esac
done
if [ -z "$source" ]; then
    echo "$prog: usage: $prog NS3_SOURCE [--cache=DIR] [--jobs=N]" >&2
    exit 2
fi
case "$jobs" in ''|*[!0-9]*|0) echo "$prog: --jobs must be a positive whole number, not '$jobs'" >&2; exit 2 ;; esac
log() { printf '\n== %s\n' "$*"; }

# ------------------------------------------------------------------ the tree
if [ -d "$source" ]; then
    tree="$(cd "$source" && pwd)"
    [ -x "$tree/ns3" ] && [ -f "$tree/test.py" ] ||
        { echo "$prog: $source: not an ns-3 source tree (no ns3 and test.py)" >&2; exit 2; }
elif [ -f "$source" ]; then
    case "$source" in
        *.tar.xz|*.tar.bz2|*.tar.gz|*.tgz) ;;
        *) echo "$prog: $source: not a tarball (.tar.xz, .tar.bz2, .tar.gz) nor a folder" >&2; exit 2 ;;
    esac
    key="$(sha256sum "$source" | cut -c1-28)"
    mkdir -p "$cache"
    # Only entries this script made (a 28-hex-digit key holding a tree or an unpacking) go:
    # whatever else the folder holds is left alone.
    for old in "$cache"/*; do
        name="$(basename "$old")"
        if [ "$name" != "$key" ] && [[ "$name" =~ ^[0-9a-f]{28}$ ]] &&
            { [ -d "$old/tree" ] || [ -d "$old/unpack" ]; }; then
            log "removing the cached tree $old"
            rm -rf "$old"
        fi
    done
    if [ ! -d "$cache/$key/tree" ]; then
        log "unpacking $source into $cache/$key"
        rm -rf "$cache/$key" && mkdir -p "$cache/$key/unpack"
        tar -xf "$source" -C "$cache/$key/unpack"
        top="$(find "$cache/$key/unpack" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
        [ -n "$top" ] && [ -x "$top/ns3" ] ||
            { echo "$prog: $source: no ns-3 source tree inside" >&2; rm -rf "$cache/$key"; exit 2; }
        mv "$top" "$cache/$key/tree" && rmdir "$cache/$key/unpack"
    fi
    tree="$cache/$key/tree"
else
    echo "$prog: $source: no such file or folder" >&2
    exit 2
fi
version="$(head -n 1 "$tree/VERSION" 2>/dev/null || echo unknown)"
log "ns-3 $version in $tree"

# ------------------------------------------------------------------ the module, as committed
# Only changed files are copied, so an unchanged module rebuilds nothing.
dest="$tree/contrib/mms"
mkdir -p "$dest"
if git -C "$here" rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git -C "$here" ls-files)
else
    mapfile -t files < <(cd "$here" && find . -type f ! -path './build*' ! -path './results/*' | sed 's|^\./||')
fi
copied=0
for f in "${files[@]}"; do
    if ! cmp -s "$here/$f" "$dest/$f"; then
        mkdir -p "$(dirname "$dest/$f")" && cp -p "$here/$f" "$dest/$f" && copied=$((copied + 1))
    fi
done
# Files the module no longer has.
declare -A wanted=()
for f in "${files[@]}"; do wanted["$f"]=1; done
while IFS= read -r f; do
    [ -n "${wanted[$f]+x}" ] || rm -f "$dest/$f"
done < <(cd "$dest" && find . -type f | sed 's|^\./||')
echo "$copied file(s) of the module copied to $dest"

# ------------------------------------------------------------------ MPI
# ns-3's MPI module needs an MPI implementation: Debian's OpenMPI (compiler wrappers, mpirun).
if ! command -v mpicxx >/dev/null 2>&1 || ! command -v mpirun >/dev/null 2>&1; then
    log "installing OpenMPI (libopenmpi-dev, openmpi-bin) for ns-3's MPI module"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        libopenmpi-dev openmpi-bin >/dev/null ||
        { echo "$prog: cannot install libopenmpi-dev and openmpi-bin" >&2; exit 1; }
fi

# ------------------------------------------------------------------ configure, build
cd "$tree"
# A tree configured before without MPI is configured again (its build stays: only what the
# new options touch is rebuilt).
# So is a tree whose copy of the module's build files changed since it was configured.
build_sum="$(cat "$here/CMakeLists.txt" "$here/examples/CMakeLists.txt" | sha256sum | cut -c1-16)"
if [ ! -f cmake-cache/CMakeCache.txt ] || ! grep -q '^NS3_MPI:BOOL=ON' cmake-cache/CMakeCache.txt ||
    [ "$(cat cmake-cache/mms-build-files.sum 2>/dev/null)" != "$build_sum" ]; then
    log "configuring (optimized, MPI; mms and csma with their dependencies; tests and examples of mms only)"
    ./ns3 configure -d optimized --enable-modules "mms;csma" --enable-tests --enable-examples \
        --filter-module-examples-and-tests mms --disable-python --enable-mpi
    echo "$build_sum" > cmake-cache/mms-build-files.sum
fi
log "building with $jobs jobs"
start=$(date +%s)
cmake --build cmake-cache -j "$jobs"
echo "built in $(( $(date +%s) - start )) s"

# ------------------------------------------------------------------ suites, examples, main job
log "mms suites through test.py"
mapfile -t suites < <(./test.py --no-build --list 2>/dev/null | awk '$1 != "example" && $2 ~ /^mms-/ {print $2}' | sort)
[ ${#suites[@]} -gt 0 ] || { echo "$prog: test.py lists no mms suite" >&2; exit 1; }
passed=0 failed=0
for s in "${suites[@]}"; do
    # test.py exits 0 when the suite passed and ends with "1 of 1 tests passed".
    if ./test.py --no-build -s "$s" >"cmake-cache/mms-suite-$s.log" 2>&1 &&
        grep -q "1 of 1 tests passed" "cmake-cache/mms-suite-$s.log"; then
        echo "PASS $s"; passed=$((passed + 1))
    else
        echo "FAIL $s (log: $tree/cmake-cache/mms-suite-$s.log)"; tail -n 20 "cmake-cache/mms-suite-$s.log"; failed=$((failed + 1))
    fi
done
log "examples of test/examples-to-run.py through test.py"
if ./test.py --no-build --constrain=example >cmake-cache/mms-examples.log 2>&1; then
    grep -aE "(PASS|FAIL|CRASH|SKIP).*: Example" cmake-cache/mms-examples.log | sed 's/\x1b\[[0-9;]*m//g' || true
    echo "PASS examples"; passed=$((passed + 1))
else
    tail -n 30 cmake-cache/mms-examples.log; echo "FAIL examples"; failed=$((failed + 1))
fi
log "the main job (mms-busy-hour) in $tree/cmake-cache/mms-main-job"
rm -rf cmake-cache/mms-main-job && mkdir -p cmake-cache/mms-main-job
if ./ns3 run --no-build --cwd "$tree/cmake-cache/mms-main-job" mms-busy-hour >cmake-cache/mms-main-job.log 2>&1; then
    sed -n '/^MMS results:/,$p' cmake-cache/mms-main-job.log
    echo "PASS mms-busy-hour"; passed=$((passed + 1))
else
    tail -n 30 cmake-cache/mms-main-job.log; echo "FAIL mms-busy-hour"; failed=$((failed + 1))
fi
log "one run on two processes (mpirun -np 2 mms-busy-hour --mpi) against one process, in $tree/cmake-cache/mms-mpi"
rm -rf cmake-cache/mms-mpi && mkdir -p cmake-cache/mms-mpi
busy="$(find "$tree/build" -type f -perm -u+x -name '*mms-busy-hour*' | head -n 1)"
mpi_args=(--scenario="$tree/contrib/mms/test/data/scenarios/mpi-two-areas.dot" --duration=600
    --drain=900 --plan=false --RngRun=3 --ns3::MmsTrafficModel::MessagesPerHour=1
    --MmsPopulation=Ideal) # every handset on: every pair ends within the run
mpirun_root=()
[ "$(id -u)" -ne 0 ] || mpirun_root=(--allow-run-as-root)
# (--mpi builds a handset per subscriber: the run in one process is told to do the same.)
if [ -n "$busy" ] && (cd cmake-cache/mms-mpi && "$busy" "${mpi_args[@]}" --handsetsOnDemand=0 --results=one.sqlite >one.log 2>&1 &&
    mpirun "${mpirun_root[@]}" --oversubscribe -np 2 "$busy" --mpi "${mpi_args[@]}" \
        --results=two.sqlite >two.log 2>&1); then
    sed -n '/^2 rank/,/lookahead/p;/^simulated/p' cmake-cache/mms-mpi/two.log | head -n 6
    python3 "$here/test/check-mpi-run.py" cmake-cache/mms-mpi/one.sqlite \
        cmake-cache/mms-mpi/two.rank0.sqlite cmake-cache/mms-mpi/two.rank1.sqlite \
        >cmake-cache/mms-mpi/check.log 2>&1 || true
    cat cmake-cache/mms-mpi/check.log
    if grep -qE '^PASS: (the same|rows differ)' cmake-cache/mms-mpi/check.log; then
        echo "PASS mms-busy-hour --mpi: rows as in one process"; passed=$((passed + 1))
    else
        echo "FAIL mms-busy-hour --mpi: rows as in one process"; failed=$((failed + 1))
    fi
    if grep -q '^PASS: conservation' cmake-cache/mms-mpi/check.log; then
        echo "PASS mms-busy-hour --mpi: conservation across ranks"; passed=$((passed + 1))
    else
        echo "FAIL mms-busy-hour --mpi: conservation across ranks"; failed=$((failed + 1))
    fi
else
    [ -n "$busy" ] || echo "no mms-busy-hour program in $tree/build"
    for f in one.log two.log; do
        [ -f "cmake-cache/mms-mpi/$f" ] && { echo "-- $f"; tail -n 20 "cmake-cache/mms-mpi/$f"; }
    done
    echo "FAIL mms-busy-hour --mpi (the runs)"; failed=$((failed + 2))
fi
echo
echo "in-tree ns-3 $version: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
