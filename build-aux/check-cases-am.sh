#!/bin/sh
# make check: cases.am must list exactly the files under cases/.
exec "${MMAPCTS_SRCDIR:-.}/build-aux/gen-cases-am" --check
