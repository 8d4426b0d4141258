/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The module's test runner: ns-3's TestRunner over the suites linked into this program.
// Options as ns-3's test-runner: --list, --suite=NAME, --verbose, --fullness=QUICK|EXTENSIVE|
// TAKES_FOREVER, --tempdir=DIR, --stop-on-failure.

#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
