# gen-manifest.awk - read the MMAPCTS_CASE() block of each case source and
# write the manifest the runner reads: one tab-separated row per case (one
# per variant for a case with variants).
#
#   awk -v catalogue=cases/catalogue.tsv -f gen-manifest.awk \
#	cases/<group>/<name>.c ... > manifest.tsv
#
# The block holds `.key = value,` items; a value is one or more adjacent
# string literals or an integer.  Anything else is an error naming the file.
# .covers and .covers_part name rows of the catalogue; given one, a row id
# that it does not hold is an error too, so no case can cite a row that
# does not exist.

function die(msg) {
	printf "%s: %s\n", FILENAME, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# Read the row ids of the behaviour catalogue (cases/catalogue.tsv).
function read_catalogue(path,    line, f, n, lineno) {
	while ((n = (getline line < path)) > 0) {
		lineno++
		if (line ~ /^#/ || line == "") continue
		if (split(line, f, "\t") != 10 || f[1] !~ /^[A-Z][0-9]+$/ ||
		    f[3] !~ /^(posix|linux|bsd)$/) {
			printf "%s:%d: a row is id, section, profile, G K F N L X, behaviour\n",
				path, lineno > "/dev/stderr"
			failed = 1
			exit 1
		}
		if (f[1] in known) {
			printf "%s:%d: the row %s is there twice\n", path, lineno, f[1] > "/dev/stderr"
			failed = 1
			exit 1
		}
		known[f[1]] = 1
	}
	if (n < 0) {
		printf "%s: cannot read the catalogue\n", path > "/dev/stderr"
		failed = 1
		exit 1
	}
	close(path)
}

# Check a .covers or .covers_part list: catalogue row ids, each once.
function check_rows(key,    words, n, i) {
	n = split(meta[key], words, " ")
	for (i = 1; i <= n; i++) {
		if (words[i] !~ /^[A-Z][0-9]+$/)
			die("." key ": '" words[i] "' is not a row id such as B3")
		if (catalogue != "" && !(words[i] in known))
			die("." key ": no row " words[i] " in " catalogue)
		if (words[i] in cited)
			die("." key ": the row " words[i] " is named twice")
		cited[words[i]] = 1
	}
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
		if (k !~ /^(assertion|spec|profile|needs|variants|timeout|no_fault|covers|covers_part)$/)
			die("unknown metadata ." k)
	if (meta["assertion"] == "") die("no .assertion")
	if (meta["spec"] == "") die("no .spec")
	if (meta["profile"] != "posix" && meta["profile"] != "linux")
		die(".profile must be \"posix\" or \"linux\"")
	split("", cited)
	check_rows("covers")
	check_rows("covers_part")
	t = ("timeout" in meta) ? meta["timeout"] : 10
	if (t !~ /^[0-9]+$/) die(".timeout must be a whole number of seconds")
	nv = split(("variants" in meta) ? meta["variants"] : "", vlist, " ")
	if (nv == 0) { nv = 1; vlist[1] = "" }
	for (v = 1; v <= nv; v++) {
		id = program (vlist[v] != "" ? ":" vlist[v] : "")
		if (id in seen) die("the id " id " is used twice")
		seen[id] = 1
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, program,
			group, meta["profile"], t, vlist[v], meta["needs"], meta["spec"],
			meta["assertion"], meta["no_fault"], meta["covers"], meta["covers_part"]
	}
}

BEGIN {
	if (catalogue != "")
		read_catalogue(catalogue)
	print "# mmapcts manifest 1"
	print "# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\tassertion\tno_fault\tcovers\tcovers_part"
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
