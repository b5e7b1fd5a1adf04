#define _DEFAULT_SOURCE /* setgroups() is not POSIX */
#include "privileges.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

int drop_privileges(const char *user, ps_error *err)
{
    if (geteuid() != 0)
        return 0;
    if (!user || !*user)
        user = "nobody";
    struct passwd *pw = getpwnam(user);
    if (!pw)
        return ps_fail(err, "cannot drop root privileges: no user %s", user);
    if (pw->pw_uid == 0)
        return 0; /* asked to stay root (--user root) */
    gid_t gid = pw->pw_gid;
    if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(pw->pw_uid) != 0)
        return ps_fail(err, "cannot become %s: %s", user, strerror(errno));
    if (setuid(0) == 0)
        return ps_fail(err, "still able to regain root after becoming %s", user);
    return 0;
}
