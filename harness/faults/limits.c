/*
 * limits.c - faults of the limits group (their list: MMAPCTS_FAULTS_LIMITS in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
