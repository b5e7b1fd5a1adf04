/* fsutil: the file-system steps that index publishing needs: creating and removing directory
 * trees, atomically replacing a symbolic link, and making a rename durable. */
#ifndef PS_FSUTIL_H
#define PS_FSUTIL_H

#include "error.h"

/* mkdir -p */
int fs_mkdirs(const char *path, ps_error *err);
/* rm -rf; a missing path is not an error. */
int fs_remove_tree(const char *path, ps_error *err);
/* Points link at target, atomically (a new link renamed over the old one), then syncs the
 * directory so the switch survives a crash. */
int fs_replace_symlink(const char *target, const char *link, ps_error *err);
/* fsync of a directory, so that renames and creations inside it are on disk. */
int fs_sync_dir(const char *dir, ps_error *err);

#endif
