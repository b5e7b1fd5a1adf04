#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fs_mkdirs(const char *path, ps_error *err)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return ps_fail(err, "path too long: %s", path);
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return ps_fail(err, "cannot create %s: %s", buf, strerror(errno));
            *p = c;
            if (c == '\0')
                break;
        }
    }
    return 0;
}

int fs_remove_tree(const char *path, ps_error *err)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : ps_fail(err, "cannot stat %s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d)
            return ps_fail(err, "cannot open %s: %s", path, strerror(errno));
        struct dirent *e;
        int rc = 0;
        while (rc == 0 && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[4096];
            if (snprintf(child, sizeof child, "%s/%s", path, e->d_name) >= (int)sizeof child)
                rc = ps_fail(err, "path too long under %s", path);
            else
                rc = fs_remove_tree(child, err);
        }
        closedir(d);
        if (rc != 0)
            return rc;
        if (rmdir(path) != 0)
            return ps_fail(err, "cannot remove %s: %s", path, strerror(errno));
        return 0;
    }
    if (unlink(path) != 0)
        return ps_fail(err, "cannot remove %s: %s", path, strerror(errno));
    return 0;
}

int fs_sync_dir(const char *dir, ps_error *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return ps_fail(err, "cannot open %s: %s", dir, strerror(errno));
    int rc = fsync(fd) == 0 ? 0 : ps_fail(err, "cannot sync %s: %s", dir, strerror(errno));
    close(fd);
    return rc;
}

int fs_replace_symlink(const char *target, const char *link, ps_error *err)
{
    char tmp[4096], dir[4096];
    snprintf(tmp, sizeof tmp, "%s.new", link);
    unlink(tmp);
    if (symlink(target, tmp) != 0)
        return ps_fail(err, "cannot create link %s: %s", tmp, strerror(errno));
    if (rename(tmp, link) != 0) {
        int e = errno;
        unlink(tmp);
        return ps_fail(err, "cannot rename %s to %s: %s", tmp, link, strerror(e));
    }
    snprintf(dir, sizeof dir, "%s", link);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return fs_sync_dir(slash ? dir : ".", err);
}
