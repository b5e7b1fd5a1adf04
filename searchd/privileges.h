/* privileges: a server started as root gives root up once its socket is bound and its files
 * are open, becoming an unprivileged user (nobody by default). */
#ifndef PS_PRIVILEGES_H
#define PS_PRIVILEGES_H

#include "error.h"

/* When running as root, becomes user (its uid, gid and only its gid); a no-op otherwise. */
int drop_privileges(const char *user, ps_error *err);

#endif
