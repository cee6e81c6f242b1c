#!/bin/sh
# Regenerate the case list and the build system (needs autoconf, automake,
# pkg-config and the check library's m4, as ci/install-deps installs).
set -e
cd "$(dirname "$0")"
build-aux/gen-cases-am
autoreconf -fi
