/*
 * hugepages.c - faults of the hugepages group (their list: MMAPCTS_FAULTS_HUGEPAGES in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
