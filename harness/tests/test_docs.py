"""What a user reads and types beside the runner stays true to it: the man
page is exactly what build-aux/gen-man makes of `mmapcts --help` (else: make
man), and bash completion offers the runner's own options, case ids, groups
and faults."""
import os
import shutil
import subprocess

import pytest

from conftest import BUILDDIR, RUNNER, SRCDIR

COMPLETION = "/usr/share/bash-completion/bash_completion"


def test_the_man_page_is_the_help_text():
    helptext = subprocess.run([RUNNER, "--help"], capture_output=True, text=True,
                              check=True).stdout
    version = subprocess.run([RUNNER, "--version"], capture_output=True, text=True,
                             check=True).stdout.split()[-1]
    made = subprocess.run([os.path.join(SRCDIR, "build-aux", "gen-man"), version],
                          input=helptext, capture_output=True, text=True, check=True).stdout
    with open(os.path.join(SRCDIR, "doc", "mmapcts.1"), encoding="utf-8") as f:
        assert f.read() == made, "doc/mmapcts.1 is stale: run make man"


@pytest.mark.skipif(not shutil.which("man"), reason="no man(1) to render the page")
def test_the_man_page_renders_without_warnings():
    proc = subprocess.run(["man", "--warnings", "-l", os.path.join(SRCDIR, "doc", "mmapcts.1")],
                          capture_output=True, text=True, env=dict(os.environ, MANWIDTH="80"))
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert "--no-expectations" in proc.stdout and "EXIT STATUS" in proc.stdout


def complete(*words):
    """What bash completion offers for the last word of `mmapcts WORDS`."""
    script = f"""
source {COMPLETION}
source {os.path.join(SRCDIR, "doc", "mmapcts.bash-completion")}
COMP_WORDS=(mmapcts "$@"); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
_mmapcts mmapcts "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    env = dict(os.environ, PATH=os.path.dirname(RUNNER) + os.pathsep + os.environ["PATH"])
    out = subprocess.run(["bash", "-c", script, "complete", *words], capture_output=True,
                         text=True, env=env, check=True).stdout
    return set(out.split())


@pytest.mark.skipif(not os.path.exists(COMPLETION), reason="no bash-completion (Debian: bash-completion)")
def test_bash_completion_offers_what_the_runner_knows():
    assert {"--no-json", "--no-expectations", "--no-progress"} <= complete("--no-")
    assert complete("-f", "") == {"text", "ktap"}
    assert "munmap-noop" in complete("--fault", "munmap-n")
    assert {"munmap/straddle-removes-mapped-pages", "munmap"} <= complete("munm")
    assert complete("-g", "prot") == {"protection"}
