/*
 * placement.c - faults of the placement group (their list: MMAPCTS_FAULTS_PLACEMENT in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
