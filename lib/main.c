/*
 * main.c - the case's main(), in a file of its own so that the library's
 * unit tests, which have their own main(), can link the rest.
 */
#include "mmapcts.h"
#include "internal.h"

int main(int argc, char **argv)
{
	return mmapcts_main(argc, argv);
}
