/*
 * msync.c - faults of the msync group (their list: MMAPCTS_FAULTS_MSYNC in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
