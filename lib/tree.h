/* tree.h - remove a directory tree (lib/tree.c). */
#ifndef MMAPCTS_TREE_H
#define MMAPCTS_TREE_H

/* Remove path and everything below it; -1 if path itself could not go. */
int remove_tree(const char *path);

#endif
