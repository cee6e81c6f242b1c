/*
 * cow.c - faults of the cow group (their list: MMAPCTS_FAULTS_COW in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
