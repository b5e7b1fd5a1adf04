/* error: how the project's C code reports failure. A fallible function returns 0 on success
 * and -1 on failure, after writing a one-line message into the caller's ps_error. */
#ifndef PS_ERROR_H
#define PS_ERROR_H

typedef struct ps_error {
    char message[512];
} ps_error;

/* Formats the message into err (which may be NULL) and returns -1. */
int ps_fail(ps_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
