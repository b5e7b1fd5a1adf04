#include "generation.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"

static void join(char *out, size_t cap, const index_root *root, const char *rel)
{
    snprintf(out, cap, "%s/%s", root->path, rel);
}

lock_result index_root_lock(index_root *root, const char *path, bool wait, ps_error *err)
{
    root->lock_fd = -1;
    if (snprintf(root->path, sizeof root->path, "%s", path) >= (int)sizeof root->path) {
        ps_fail(err, "index path too long");
        return LOCK_ERROR;
    }
    char p[4096];
    join(p, sizeof p, root, "generations");
    if (fs_mkdirs(p, err) != 0)
        return LOCK_ERROR;
    join(p, sizeof p, root, "lock");
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        ps_fail(err, "cannot open %s: %s", p, strerror(errno));
        return LOCK_ERROR;
    }
    struct flock whole_file = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (fcntl(fd, wait ? F_SETLKW : F_SETLK, &whole_file) != 0) {
        int e = errno;
        close(fd);
        if (e == EAGAIN || e == EACCES) {
            ps_fail(err, "another indexer run holds %s", p);
            return LOCK_BUSY;
        }
        ps_fail(err, "cannot lock %s: %s", p, strerror(e));
        return LOCK_ERROR;
    }
    root->lock_fd = fd; /* the kernel releases it if the process dies, even by kill -9 */
    return LOCK_TAKEN;
}

void index_root_unlock(index_root *root)
{
    if (root->lock_fd >= 0)
        close(root->lock_fd);
    root->lock_fd = -1;
}

/* The generation number a directory name stands for, or 0. */
static unsigned long parse_generation(const char *name)
{
    char *end;
    if (name[0] < '0' || name[0] > '9')
        return 0;
    unsigned long n = strtoul(name, &end, 10);
    return *end ? 0 : n;
}

unsigned long generation_current(const index_root *root, char *path, size_t cap)
{
    char link[4096], target[4096];
    join(link, sizeof link, root, "current");
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    const char *name = strrchr(target, '/');
    unsigned long g = parse_generation(name ? name + 1 : target);
    if (g && path)
        snprintf(path, cap, "%s/generations/%06lu", root->path, g);
    return g;
}

/* Calls fn for each generation directory; returns the highest number seen. */
static unsigned long each_generation(const index_root *root, void (*fn)(void *, unsigned long),
                                     void *ctx)
{
    char dir[4096];
    join(dir, sizeof dir, root, "generations");
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    unsigned long max = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        unsigned long g = parse_generation(e->d_name);
        if (!g)
            continue;
        if (g > max)
            max = g;
        if (fn)
            fn(ctx, g);
    }
    closedir(d);
    return max;
}

unsigned long generation_next(const index_root *root, char *path, size_t cap)
{
    unsigned long n = each_generation(root, NULL, NULL) + 1;
    snprintf(path, cap, "%s/generations/%06lu", root->path, n);
    return n;
}

typedef struct prune_state {
    const index_root *root;
    unsigned long current, oldest_kept;
    int status;
    ps_error *err;
} prune_state;

static void prune_one(void *arg, unsigned long g)
{
    prune_state *st = arg;
    /* newer than current: unpublished leftovers of a crash; older than the window: retired */
    if (g == st->current || (g < st->current && g >= st->oldest_kept))
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/generations/%06lu", st->root->path, g);
    if (fs_remove_tree(path, st->err) != 0)
        st->status = -1;
}

static int prune(const index_root *root, unsigned long current, unsigned keep, ps_error *err)
{
    prune_state st = {root, current, current >= keep ? current - keep + 1 : 1, 0, err};
    each_generation(root, prune_one, &st);
    return st.status;
}

int index_root_clean(index_root *root, ps_error *err)
{
    char work[4096];
    join(work, sizeof work, root, "work");
    if (fs_remove_tree(work, err) != 0)
        return -1;
    return prune(root, generation_current(root, NULL, 0), UINT_MAX, err);
}

int generation_publish(index_root *root, unsigned long n, unsigned keep, ps_error *err)
{
    char target[64], link[4096], dir[4096];
    snprintf(target, sizeof target, "generations/%06lu", n);
    join(dir, sizeof dir, root, target);
    if (fs_sync_dir(dir, err) != 0) /* the database files' directory entries are durable */
        return -1;
    join(link, sizeof link, root, "current");
    if (fs_replace_symlink(target, link, err) != 0)
        return -1;
    return prune(root, n, keep ? keep : 1, err);
}
