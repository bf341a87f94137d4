#!/bin/sh
# Installs a built libnhanluc into a scratch prefix and builds the
# stand-alone examples/c/quickstart against it, as a user would:
#   1. with the Makefile, whose only flags come from
#      `pkg-config --cflags --libs nhanluc` (PKG_CONFIG_PATH = the prefix's);
#   2. with examples/c/cmake, through find_package(nhanluc) -> nhanluc::nhanluc;
#   3. with the Makefile again after moving the prefix elsewhere (nhanluc.pc
#      locates itself through ${pcfiledir});
#   4. with an rpath to the prefix's libdir (README, "Installed elsewhere"),
#      run with no LD_LIBRARY_PATH at all.
# Each quickstart must answer the three questions as docs/law/ says.
#
# usage: install-consumers.sh BUILD_DIR SOURCE_DIR WORK_DIR [CMAKE] [CC]
set -eu

build=$1
src=$2
work=$3
cmake=${4:-cmake}
cc=${5:-cc}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

for tool in make pkg-config ldd find; do
    command -v "$tool" >/dev/null 2>&1 || exec sh "$(dirname "$0")/skip.sh" "$tool not found"
done

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" ||
    fail "cmake --install (see $work/install.log)"

# ----------------------------------------------- expected, from the facts
# §1: Bát Xát (082) is a district: 150,000,000 VND.
want_subsidy="1. Attraction subsidy: eligible, 150000000 VND"
# §3: a master's with 6 years (5 to < 8) is level 2; on 2025-08-01 TT 004/2025
# caps level 2 at 55,000,000 VND/month; weekly = monthly x 12 / 52 x 1.2,
# daily = monthly / 26 x 1.3, special = 1.5 x monthly, rounded down.
monthly=55000000
weekly=$((monthly * 12 * 12 / (52 * 10)))
daily=$((monthly * 13 / (26 * 10)))
special=$((monthly * 3 / 2))
want_expert="2. Expert salary cap: level 2, $monthly VND/month (weekly $weekly, daily $daily, special expertise $special)"
# §2: a dedicated official on a short concentrated course gets 100% of the
# tuition (8,000,000) and materials (400,000) charged.
want_training="3. Training support: eligible,"
want_training_items="(tuition 8000000, materials 400000,"

check_output() {   # check_output LABEL FILE
    for want in "$want_subsidy" "$want_expert" "$want_training" "$want_training_items"; do
        grep -qF -- "$want" "$2" || fail "$1: no \"$want\" in its output:
$(cat "$2")"
    done
    echo "ok: $1"
}

pc_dir_of() {   # the directory holding nhanluc.pc under a prefix (lib or lib/<triplet>)
    pc=$(find "$1" -name nhanluc.pc -path '*/pkgconfig/*' | head -n 1)
    [ -n "$pc" ] || fail "no nhanluc.pc under $1"
    dirname "$pc"
}

build_with_make() {   # build_with_make PREFIX OUTDIR
    pcdir=$(pc_dir_of "$1")
    mkdir -p "$2"
    flags=$(PKG_CONFIG_PATH=$pcdir pkg-config --cflags --libs nhanluc) ||
        fail "pkg-config cannot resolve nhanluc from $pcdir"
    case "$flags" in
        *"$1/"*) ;;
        *) fail "pkg-config flags do not point into $1: $flags" ;;
    esac
    PKG_CONFIG_PATH=$pcdir make -s -C "$2" -f "$src/examples/c/Makefile" CC="$cc" \
        CFLAGS="-std=c11 -Wall -Wextra -Werror" >"$2/make.log" 2>&1 ||
        fail "make quickstart: $(cat "$2/make.log")"
    # Run with the installed library only.
    libdir=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=libdir nhanluc)
    LD_LIBRARY_PATH=$libdir ldd "$2/quickstart" | grep -F "libnhanluc" | grep -qF "$1/" ||
        fail "quickstart does not load libnhanluc from $1"
    LD_LIBRARY_PATH=$libdir "$2/quickstart" >"$2/out.txt" ||
        fail "quickstart exited with $?: $(cat "$2/out.txt")"
}

# ------------------------------------------------------- 1. pkg-config
build_with_make "$prefix" "$work/make"
check_output "pkg-config + Makefile" "$work/make/out.txt"

# ---------------------------------------------------- 2. find_package
"$cmake" -S "$src/examples/c/cmake" -B "$work/cmake" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
    >"$work/cmake-configure.log" 2>&1 || fail "configure: $(cat "$work/cmake-configure.log")"
grep -q "^nhanluc_DIR:PATH=$prefix/" "$work/cmake/CMakeCache.txt" ||
    fail "find_package(nhanluc) did not use $prefix: $(grep nhanluc_DIR "$work/cmake/CMakeCache.txt")"
"$cmake" --build "$work/cmake" >"$work/cmake-build.log" 2>&1 ||
    fail "build: $(cat "$work/cmake-build.log")"
"$work/cmake/quickstart" >"$work/cmake/out.txt" || fail "cmake quickstart exited with $?"
check_output "find_package(nhanluc)" "$work/cmake/out.txt"

# --------------------------------------------------- 3. moved prefix
moved=$work/moved-elsewhere
mv "$prefix" "$moved"
build_with_make "$moved" "$work/make-moved"
check_output "pkg-config after moving the prefix" "$work/make-moved/out.txt"

# ------------------------------------------- 4. rpath, no LD_LIBRARY_PATH
pcdir=$(pc_dir_of "$moved")
libdir=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=libdir nhanluc)
mkdir -p "$work/make-rpath"
PKG_CONFIG_PATH=$pcdir make -s -C "$work/make-rpath" -f "$src/examples/c/Makefile" CC="$cc" \
    CFLAGS="-std=c11 -Wall -Wextra -Werror" LDFLAGS="-Wl,-rpath,$libdir" \
    >"$work/make-rpath/make.log" 2>&1 || fail "make quickstart with rpath: $(cat "$work/make-rpath/make.log")"
env -u LD_LIBRARY_PATH ldd "$work/make-rpath/quickstart" | grep -F "libnhanluc" | grep -qF "$moved/" ||
    fail "the rpath quickstart does not load libnhanluc from $moved"
env -u LD_LIBRARY_PATH "$work/make-rpath/quickstart" >"$work/make-rpath/out.txt" ||
    fail "rpath quickstart exited with $?: $(cat "$work/make-rpath/out.txt")"
check_output "pkg-config + rpath, no LD_LIBRARY_PATH" "$work/make-rpath/out.txt"
