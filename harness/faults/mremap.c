/*
 * mremap.c - faults of the mremap group (their list: MMAPCTS_FAULTS_MREMAP in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
