/*
 * threads.c - faults of the threads group (their list: MMAPCTS_FAULTS_THREADS in
 * faults.h).
 */
#include "config.h"

#include "internal.h"
