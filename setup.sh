#!/usr/bin/env bash
# Sets up, builds and runs the ns-3 "mms" module on Debian 12 (bookworm).
#
#   ./setup.sh run     install what is missing, build, run the main job (the default scenario)
#   ./setup.sh test    install what is missing, build, run the whole test suite through CTest
#   ./setup.sh build   install what is missing and build only
#   ./setup.sh fuzz [SECONDS]   build the libFuzzer targets with clang and run each one
#
# Options (after the command):
#   --debug    debug build (-O0 -g, ns-3 asserts on) in build-debug/
#   --asan     AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
#   --fullness=QUICK|EXTENSIVE|TAKES_FOREVER   test fullness (default QUICK)
#   --jobs=N   parallel build jobs (default: number of cores)
#   run: other --name=value options go to mms-busy-hour (e.g. --duration=3600, --scenario=FILE)
# The default build is optimized (Release) in build/. Idempotent and non-interactive.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmd="${1:-run}"
[ $# -gt 0 ] && shift
variant=release
fullness=QUICK
jobs="$(nproc 2>/dev/null || echo 2)"
fuzz_seconds=60
run_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --debug) variant=debug ;;
        --asan) variant=asan ;;
        --fullness=*) fullness="${1#*=}" ;;
        --jobs=*) jobs="${1#*=}" ;;
        [0-9]*) fuzz_seconds="$1" ;;
        --*=*) if [ "$cmd" = run ]; then run_args+=("$1"); else
               echo "setup.sh: unknown option '$1' (see the comment at the top of setup.sh)" >&2; exit 2; fi ;;
        *) echo "setup.sh: unknown option '$1' (see the comment at the top of setup.sh)" >&2; exit 2 ;;
    esac
    shift
done
case "$fullness" in QUICK|EXTENSIVE|TAKES_FOREVER) ;; *)
    echo "setup.sh: --fullness must be QUICK, EXTENSIVE or TAKES_FOREVER, not '$fullness'" >&2; exit 2 ;;
esac

log() { printf '\n== %s\n' "$*"; }

# --------------------------------------------------------------------------- packages
packages=(build-essential cmake pkg-config
          ns3 libns3-dev libgsl-dev libxml2-dev libpython3.11-dev
          libboost-graph-dev libsqlite3-dev sqlite3 tshark python3 python3-matplotlib doxygen
          python3-docutils chromium parallel slurm-wlm munge)
if [ "$cmd" = fuzz ]; then
    packages+=(clang libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "setup.sh: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A failing third-party source must not stop us when Debian's own lists are fine.
    $sudo apt-get update -q || echo "setup.sh: apt-get update reported errors; trying the install anyway" >&2
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --------------------------------------------------------------------------- fuzzing
if [ "$cmd" = fuzz ]; then
    bdir="$here/build-fuzz"
    log "configuring libFuzzer targets in $bdir"
    CC=clang CXX=clang++ cmake -S "$here" -B "$bdir" -DMMS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$bdir" -j "$jobs"
    for t in "$bdir"/fuzz-*; do
        [ -x "$t" ] || continue
        name="$(basename "$t")"; corpus="$here/test/fuzz/corpus/${name#fuzz-}"
        work="$bdir/corpus-${name#fuzz-}"; mkdir -p "$work" "$corpus"
        dict=(); [ -f "$here/test/fuzz/$name.dict" ] && dict=(-dict="$here/test/fuzz/$name.dict")
        log "fuzzing $name for ${fuzz_seconds}s (seed corpus $corpus, new inputs in $work)"
        "$t" -max_total_time="$fuzz_seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
             "${dict[@]}" -artifact_prefix="$bdir/$name-" -print_final_stats=1 "$work" "$corpus" \
             2>&1 | tail -n 12
    done
    exit 0
fi

# --------------------------------------------------------------------------- build
case "$variant" in
    release) bdir="$here/build"; cfg=(-DCMAKE_BUILD_TYPE=Release) ;;
    debug) bdir="$here/build-debug"; cfg=(-DCMAKE_BUILD_TYPE=Debug) ;;
    asan) bdir="$here/build-asan"; cfg=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DMMS_SANITIZE=ON) ;;
esac
log "configuring ($variant) in $bdir"
cmake -S "$here" -B "$bdir" "${cfg[@]}" -DMMS_TEST_FULLNESS="$fullness" >/dev/null
log "building with $jobs jobs"
cmake --build "$bdir" -j "$jobs"

case "$cmd" in
    build) ;;
    test)
        log "running the test suite ($fullness)"
        if [ "$variant" = asan ]; then
            # ns-3's libraries are not instrumented; LeakSanitizer would report ns-3's own
            # static allocations, so leaks are not checked here.
            export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
        fi
        cd "$bdir" && ctest --output-on-failure -j "$jobs"
        ;;
    run)
        # The shipped national operator (1,000 cells, 1,000,000 subscribers, handsets on
        # demand) in the first 5 minutes of its busy hour: results/busy-hour.sqlite and the KPI
        # summary. Extra arguments go to the program (e.g. ./setup.sh run --duration=3600 for
        # the whole hour).
        log "running the main job (examples/mms-busy-hour.cc) in $here/results"
        mkdir -p "$here/results" && cd "$here/results" && "$bdir/mms-busy-hour" "${run_args[@]}"
        ;;
    *) echo "setup.sh: unknown command '$cmd' (run, test, build or fuzz)" >&2; exit 2 ;;
esac
