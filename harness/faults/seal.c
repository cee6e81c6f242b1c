/*
 * seal.c - faults of the seal group (their list: MMAPCTS_FAULTS_SEAL in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
