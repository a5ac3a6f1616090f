/*
 * A second translation unit for smtp_codes_test.c: it includes the header without
 * SMTP_CODES_IMPLEMENTATION, so the program links only if the declarations and the one
 * implementation agree, and it builds a switch from SMTP_REPLY_MAP (a duplicate enum value
 * would be a duplicate case label, a compile error).
 */
#include "smtp_codes.h"

const char *second_unit_reply_text(int code);
size_t second_unit_parse(const char *s, size_t len);

const char *second_unit_reply_text(int code)
{
    switch (code) {
#define SECOND_UNIT_CASE(code, NAME, text) \
    case SMTP_REPLY_##NAME:                \
        return text;
        SMTP_REPLY_MAP(SECOND_UNIT_CASE)
#undef SECOND_UNIT_CASE
    default:
        return NULL;
    }
}

size_t second_unit_parse(const char *s, size_t len)
{
    struct smtp_enhanced_code code;
    return smtp_enhanced_parse(s, len, &code);
}
