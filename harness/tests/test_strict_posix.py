"""The strict-POSIX build (configure --enable-strict-posix) holds what it
promises, tried with this build's compiler on small programs: a file built
strict sees no system extension, MAP_ANONYMOUS all the same, and a Linux name
(madvise(), MADV_DONTNEED) in it fails to link, naming it; and cases.am's
list of the POSIX profile is the manifest's.  ci/run-tests builds the whole
profile strict and compares its verdicts with the normal build's."""
import os
import subprocess

import pytest

from conftest import BUILDDIR, SRCDIR

CC = os.environ.get("MMAPCTS_CC") or "cc"
STRICT = ["-DMMAPCTS_STRICT_POSIX=1", "-D_POSIX_C_SOURCE=200809L", "-D_XOPEN_SOURCE=700"]


def build(tmp_path, source, *extra):
    """Compile and link source as a strict file; the compiler's result."""
    src = tmp_path / "probe.c"
    src.write_text(source)
    cmd = [*CC.split(), *STRICT, "-I", os.path.join(SRCDIR, "lib"), "-I", BUILDDIR,
           "-Wall", "-Wextra", "-Werror", *extra, str(src), "-o", str(tmp_path / "probe")]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def glibc():
    probe = subprocess.run([*CC.split(), "-E", "-dM", "-x", "c", "-"], input="#include <stdio.h>\n",
                           capture_output=True, text=True, check=True)
    return "__GLIBC__" in probe.stdout


def test_a_posix_program_builds_strict_and_maps_anonymous_memory(tmp_path):
    proc = build(tmp_path, """
#include "mmapcts.h"
int main(void)
{
	long size = sysconf(_SC_PAGESIZE);
	unsigned char *p = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || p[0] != 0)
		return 1;
	p[0] = 1;
	return msync(p, (size_t)size, MS_SYNC) != 0 || munmap(p, (size_t)size) != 0;
}
""")
    assert proc.returncode == 0, proc.stderr
    assert subprocess.run([str(tmp_path / "probe")], timeout=30).returncode == 0


def test_a_linux_name_in_a_strict_file_fails_to_link_naming_it(tmp_path):
    proc = build(tmp_path, """
#include "mmapcts.h"
int main(void)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return madvise(p, 4096, MADV_DONTNEED);
}
""")
    assert proc.returncode != 0
    for name in ("madvise", "MADV_DONTNEED"):
        assert f"mmapcts_not_posix_{name}" in proc.stderr, proc.stderr


def test_the_same_names_build_in_the_normal_mode(tmp_path):
    src = tmp_path / "probe.c"
    src.write_text('#include "mmapcts.h"\n'
                   'int main(void) { return madvise(NULL, 0, MADV_DONTNEED) == 2; }\n')
    proc = subprocess.run([*CC.split(), "-I", os.path.join(SRCDIR, "lib"), "-I", BUILDDIR,
                           "-Wall", "-Werror", str(src), "-o", str(tmp_path / "probe")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(not glibc(), reason="the check reads glibc's __USE_GNU and __USE_MISC")
def test_an_extension_that_came_first_stops_the_build(tmp_path):
    proc = build(tmp_path, '#define _DEFAULT_SOURCE 1\n#include <stdio.h>\n#include "mmapcts.h"\n'
                 'int main(void) { return 0; }\n', "-c")
    assert proc.returncode != 0
    assert "strict-POSIX build: system extensions are on" in proc.stderr, proc.stderr


def test_cases_am_lists_the_posix_profile_of_the_manifest():
    with open(os.path.join(SRCDIR, "cases.am"), encoding="utf-8") as f:
        text = f.read()
    block = text.split("MMAPCTS_POSIX_CASES =", 1)[1].split("\nMMAPCTS_", 1)[0]
    listed = {w[len("cases/"):] for w in block.split() if w != "\\"}
    with open(os.path.join(BUILDDIR, "cases", "manifest.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    posix = {row[1] for row in rows if row[3] == "posix"}
    assert listed == posix
