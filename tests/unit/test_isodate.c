/* Unit tests for isodate: ISO 8601 UTC parsing and formatting. */
#include "check.h"
#include "isodate.h"

static void test_parse(void)
{
    int64_t t;
    CHECK(isodate_parse("1970-01-01T00:00:00Z", &t));
    CHECK_INT(t, 0);
    CHECK(isodate_parse("2024-08-30T16:52:28.632Z", &t));
    CHECK_INT(t, 1725036748);
    CHECK(isodate_parse("2026-11-01", &t));
    CHECK_INT(t, 1793491200);
    CHECK(isodate_parse("2024-02-29T12:00:00+00:00", &t));
    CHECK(!isodate_parse("2026-02-29", &t));
    CHECK(!isodate_parse("2026-13-01", &t));
    CHECK(!isodate_parse("2026-11-01T25:00:00Z", &t));
    CHECK(!isodate_parse("2026-11-01T08:00:00+02:00", &t)); /* only UTC is accepted */
    CHECK(!isodate_parse("01/11/2026", &t));
    CHECK(!isodate_parse("", &t));
    CHECK(!isodate_parse("2026-11-01Tjunk", &t));
}

static void test_format_round_trip(void)
{
    char out[21];
    isodate_format(1725036748, out);
    CHECK_STR(out, "2024-08-30T16:52:28Z");
    isodate_format(0, out);
    CHECK_STR(out, "1970-01-01T00:00:00Z");
    int64_t t;
    for (int64_t s = -86400 * 400; s < 86400LL * 365 * 80; s += 86400 * 7 + 3661) {
        isodate_format(s, out);
        if (!isodate_parse(out, &t) || t != s) {
            CHECK(!"round trip");
            break;
        }
    }
}

int main(void)
{
    test_parse();
    test_format_round_trip();
    return check_exit_status("test_isodate");
}
