#!/bin/sh
# mmapcts.sh - run mmapcts on a LAVA device and write output/result.txt
# (one "name result" line per case, as Linaro's send-to-lava.sh reads it)
# and output/NAME.log for each case that did not pass.
#
# The run writes KTAP to the console as it goes (kselftest's form, which
# LAVA's and KernelCI's parsers read), so a kernel that panics half-way
# still leaves every finished verdict on the console; result.txt is made
# from that same stream.  Needs only sh, awk and the runner.
set -u
usage() {
	echo "usage: $0 [-s SKIP_INSTALL] [-t TARBALL] [-g SELECT] [-S SKIPFILE] [-m MULTIPLIER] [-o OUTPUT]" >&2
	exit 2
}
SKIP_INSTALL=true TARBALL= SELECT= SKIPFILE= MULTIPLIER=1
OUTPUT=$(pwd)/output
while getopts "s:t:g:S:m:o:h" opt; do
	case $opt in
	s) SKIP_INSTALL=$OPTARG ;;
	t) TARBALL=$OPTARG ;;
	g) SELECT=$OPTARG ;;
	S) SKIPFILE=$OPTARG ;;
	m) MULTIPLIER=$OPTARG ;;
	o) OUTPUT=$OPTARG ;;
	*) usage ;;
	esac
done
mkdir -p "$OUTPUT"
RESULT_FILE=$OUTPUT/result.txt
: >"$RESULT_FILE"

# The runner beside this script (the static tarball's bin/), else the PATH's.
runner=mmapcts
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$here/../bin/mmapcts" ] && runner=$here/../bin/mmapcts
if [ "$SKIP_INSTALL" != true ] && [ "$SKIP_INSTALL" != True ]; then
	[ -n "$TARBALL" ] || { echo "mmapcts.sh: SKIP_INSTALL is $SKIP_INSTALL but no TARBALL" >&2; exit 1; }
	dir=${MMAPCTS_LAVA_DIR:-/opt/mmapcts}
	mkdir -p "$dir"
	case $TARBALL in
	http://* | https://*) wget -q -O "$OUTPUT/mmapcts.tar.xz" "$TARBALL" || curl -fsSL -o "$OUTPUT/mmapcts.tar.xz" "$TARBALL" ;;
	*) cp "$TARBALL" "$OUTPUT/mmapcts.tar.xz" ;;
	esac || { echo "mmapcts-install fail" >>"$RESULT_FILE"; exit 1; }
	tar -xJf "$OUTPUT/mmapcts.tar.xz" -C "$dir" --strip-components=1 ||
		{ echo "mmapcts-install fail" >>"$RESULT_FILE"; exit 1; }
	echo "mmapcts-install pass" >>"$RESULT_FILE"
	runner=$dir/bin/mmapcts
fi
command -v "$runner" >/dev/null 2>&1 || { echo "mmapcts.sh: no $runner" >&2; echo "mmapcts-run fail" >>"$RESULT_FILE"; exit 1; }

set --
[ -n "$SKIPFILE" ] && set -- --skip-file "$SKIPFILE"
# shellcheck disable=SC2086 # SELECT is a list of selectors
"$runner" --no-progress --format ktap --json "$OUTPUT/record.json" -t "$MULTIPLIER" "$@" $SELECT |
	tee "$OUTPUT/ktap.txt"

# KTAP to LAVA: a case's id made a legal LAVA name (letters, digits, '_',
# '-', '.'); ok is pass (a known deviation, XFAIL, too), ok # SKIP skip,
# not ok fail; the diagnostic line before a result is its log.
awk -v out="$OUTPUT" '
/^# [^ ]+: / { diag = substr($0, 3); next }
/^(not )?ok [0-9]+ / {
	ok = ($1 == "ok"); id = ok ? $3 : $4
	name = id; gsub(/[^A-Za-z0-9_.-]/, "_", name)
	result = !ok ? "fail" : ($0 ~ / # SKIP/ ? "skip" : "pass")
	print name " " result >> (out "/result.txt")
	# the log: the diagnostic, else the directive (UNRESOLVED, SKIP reasons)
	why = index($0, " # ") ? substr($0, index($0, " # ") + 3) : ""
	if (result != "pass" && (diag != "" || why != ""))
		print (diag != "" ? diag : why) > (out "/" name ".log")
	diag = ""
}' "$OUTPUT/ktap.txt"
exit 0
