/* Unit tests for fold: UTF-8 decoding and Latin case/accent folding. */
#include "check.h"
#include "fold.h"

static const char *fold(const char *s)
{
    static char out[256];
    fold_text(s, strlen(s), out, sizeof out);
    return out;
}

static void test_utf8_decode(void)
{
    uint32_t cp;
    CHECK_INT(utf8_decode("é", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(utf8_decode("\xE2\x80\x99", 3, &cp), 3); /* ’ */
    CHECK_INT(cp, 0x2019);
    CHECK_INT(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(utf8_decode("\xC3", 1, &cp), 0);             /* truncated */
    CHECK_INT(utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong '/' */
    CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    CHECK_INT(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* above U+10FFFF */
    CHECK_INT(utf8_decode("\x80", 1, &cp), 0);
    CHECK(utf8_valid("Aide-soignante à domicile", strlen("Aide-soignante à domicile")));
    CHECK(!utf8_valid("caf\xE9", 4)); /* Latin-1, not UTF-8 */
}

static void test_fold_letters(void)
{
    CHECK_STR(fold("Éducateur"), "educateur");
    CHECK_STR(fold("EDUCATEUR"), "educateur");
    CHECK_STR(fold("infirmière"), "infirmiere");
    CHECK_STR(fold("ÇA"), "ca");
    CHECK_STR(fold("Œuvre cœur"), "oeuvre coeur");
    CHECK_STR(fold("Ægis straße"), "aegis strasse");
    CHECK_STR(fold("naïve Noël"), "naive noel");
    CHECK_STR(fold("Łódź"), "lodz");
    CHECK_STR(fold("ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ"), "aaaeeeeiioouuuy");
    CHECK_STR(fold("2 × 3 ÷ 4"), "2 × 3 ÷ 4"); /* symbols are not letters */
    CHECK_STR(fold("Ωmega"), "Ωmega");         /* other scripts are copied */
    CHECK_STR(fold("caf\xE9!"), "caf?!");      /* invalid byte */
}

static void test_fold_truncates_like_snprintf(void)
{
    char out[4];
    CHECK_INT(fold_text("éèê", strlen("éèê"), out, sizeof out), 3);
    CHECK_STR(out, "eee");
    CHECK_INT(fold_text("œœœ", strlen("œœœ"), out, sizeof out), 6);
    CHECK_STR(out, "oeo");
}

int main(void)
{
    test_utf8_decode();
    test_fold_letters();
    test_fold_truncates_like_snprintf();
    return check_exit_status("test_fold");
}
