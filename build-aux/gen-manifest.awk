# gen-manifest.awk - read the MMAPCTS_CASE() block of each case source and
# write the manifest the runner reads: one tab-separated row per case (one
# per variant for a case with variants).
#
#   awk -f gen-manifest.awk cases/<group>/<name>.c ... > manifest.tsv
#
# The block holds `.key = value,` items; a value is one or more adjacent
# string literals or an integer.  Anything else is an error naming the file.

function die(msg) {
	printf "%s: %s\n", FILENAME, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# Parse the collected block text into meta[].
function parse(text,    i, n, c, key, val, in_str) {
	n = length(text)
	i = 1
	while (i <= n) {
		c = substr(text, i, 1)
		if (c != ".") { i++; continue }
		if (!match(substr(text, i), /^\.[a-z_]+[ \t\n]*=/))
			die("cannot read the metadata near '" substr(text, i, 20) "'")
		key = substr(text, i + 1, RLENGTH - 1)
		sub(/[ \t\n]*=$/, "", key)
		i += RLENGTH
		val = ""
		# skip blanks
		while (i <= n && substr(text, i, 1) ~ /[ \t\n]/) i++
		if (substr(text, i, 1) == "\"") {
			# one or more adjacent string literals
			while (i <= n && substr(text, i, 1) == "\"") {
				i++
				while (i <= n && (c = substr(text, i, 1)) != "\"") {
					if (c == "\\") { i++; c = substr(text, i, 1) }
					if (c == "\t" || c == "\n") die("a tab or newline in ." key)
					val = val c
					i++
				}
				i++
				while (i <= n && substr(text, i, 1) ~ /[ \t\n]/) i++
			}
		} else {
			while (i <= n && substr(text, i, 1) !~ /[,)]/) {
				val = val substr(text, i, 1)
				i++
			}
			gsub(/[ \t\n]+/, "", val)
		}
		if (key in meta) die("." key " is given twice")
		meta[key] = val
	}
}

function emit(file,    program, group, name, id, t, nv, v, k, vlist) {
	program = file
	sub(/^.*cases\//, "", program)
	sub(/\.c$/, "", program)
	if (program !~ /^[a-z0-9_-]+\/[a-z0-9_.-]+$/)
		die("a case lives at cases/<group>/<name>.c with lower-case names")
	group = program
	sub(/\/.*/, "", group)
	for (k in meta)
		if (k !~ /^(assertion|spec|profile|needs|variants|timeout|no_fault)$/)
			die("unknown metadata ." k)
	if (meta["assertion"] == "") die("no .assertion")
	if (meta["spec"] == "") die("no .spec")
	if (meta["profile"] != "posix" && meta["profile"] != "linux")
		die(".profile must be \"posix\" or \"linux\"")
	t = ("timeout" in meta) ? meta["timeout"] : 10
	if (t !~ /^[0-9]+$/) die(".timeout must be a whole number of seconds")
	nv = split(("variants" in meta) ? meta["variants"] : "", vlist, " ")
	if (nv == 0) { nv = 1; vlist[1] = "" }
	for (v = 1; v <= nv; v++) {
		id = program (vlist[v] != "" ? ":" vlist[v] : "")
		if (id in seen) die("the id " id " is used twice")
		seen[id] = 1
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, program, group,
			meta["profile"], t, vlist[v], meta["needs"], meta["spec"],
			meta["assertion"], meta["no_fault"]
	}
}

BEGIN {
	print "# mmapcts manifest 1"
	print "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\tassertion\tno_fault"
}

FNR == 1 {
	if (collecting) die("MMAPCTS_CASE( is not closed")
	if (prev != "" && !found) { FILENAME = prev; die("no MMAPCTS_CASE() block") }
	prev = FILENAME
	found = 0
	collecting = 0
	text = ""
	split("", meta)
}

/^MMAPCTS_CASE\(/ {
	if (found) die("two MMAPCTS_CASE() blocks")
	collecting = 1
	found = 1
	text = substr($0, 14)
	next
}

collecting && /^\);/ {
	collecting = 0
	parse(text)
	emit(FILENAME)
	next
}

collecting {
	line = $0
	sub(/,[ \t]+\/\/.*$/, ",", line)	# trailing comments are not metadata
	sub(/,[ \t]+\/\*.*\*\/[ \t]*$/, ",", line)
	text = text "\n" line
}

END {
	if (failed) exit 1
	if (collecting) die("MMAPCTS_CASE( is not closed")
	if (prev != "" && !found) { FILENAME = prev; die("no MMAPCTS_CASE() block") }
}
