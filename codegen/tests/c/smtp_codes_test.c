/*
 * Test program for generated/c/smtp_codes.h, built and run by codegen/tests/c_header.rs with
 * gcc and clang, as C99, C11, C++11 and C++17, under AddressSanitizer and
 * UndefinedBehaviorSanitizer where the compiler has them. It is valid C and C++ at once.
 *
 *   smtp_codes_test dump        prints every table entry and every X-macro entry, one line
 *                               each; the Rust test builds the same lines from the JSON
 *   smtp_codes_test parse FILE  parses each line of FILE from a buffer of exactly its
 *                               length (no NUL after it) and prints "used c.s.d" or "0"
 *   smtp_codes_test selftest    hand-written parser, formatter and lookup cases
 *
 * Problems go to stderr and make the exit status 1. Nothing here names a particular code's
 * constant, so the program builds against the header of any registry, fixtures included.
 */
#define SMTP_CODES_IMPLEMENTATION
#include "smtp_codes.h"
#include "smtp_codes.h" /* twice: the include guards must hold */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* second_unit.c includes the header without the implementation. */
const char *second_unit_reply_text(int code);
size_t second_unit_parse(const char *s, size_t len);

static int failures = 0;

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "FAIL: %s: %s\n", what, detail);
    failures++;
}

/* A string as the dump writes it: quoted, \ and " escaped, control bytes as \xHH, other
 * bytes (UTF-8 included) as they are; NULL as null. */
static void put_str(const char *s)
{
    if (!s) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            putchar('\\');
            putchar(c);
        } else if (c < 0x20 || c == 0x7f) {
            printf("\\x%02x", (unsigned int)c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void put_classes(unsigned int mask)
{
    unsigned int c;
    int first = 1;
    putchar('[');
    for (c = 0; c < 10; c++) {
        if (mask & SMTP_CODES_CLASS_BIT(c)) {
            printf(first ? "%u" : ",%u", c);
            first = 0;
        }
    }
    putchar(']');
}

static void dump_reference(const struct smtp_reference *r)
{
    fputs("  reference ", stdout);
    put_str(r->document);
    putchar(' ');
    put_str(r->section);
    putchar(' ');
    put_str(r->url);
    putchar('\n');
}

static void dump_reply(const struct smtp_reply_info *r)
{
    size_t i;
    printf("reply %d ", r->code);
    put_str(r->name);
    printf(" %s ", smtp_reply_status_name(r->status));
    put_str(r->text);
    putchar(' ');
    put_str(r->text_note);
    putchar(' ');
    put_str(r->description);
    putchar(' ');
    put_str(r->nonstandard_kind);
    putchar(' ');
    put_str(r->notes);
    putchar('\n');
    if (!r->meanings || !r->references)
        fail("reply", "a list pointer is NULL");
    for (i = 0; i < r->meaning_count; i++) {
        const struct smtp_meaning *m = &r->meanings[i];
        fputs("  meaning ", stdout);
        put_str(m->text);
        putchar(' ');
        put_str(m->summary);
        putchar(' ');
        put_str(m->document);
        putchar(' ');
        put_str(m->section);
        putchar(' ');
        put_str(m->url);
        putchar(' ');
        put_str(m->vendor);
        printf(" %d\n", m->standard);
    }
    for (i = 0; i < r->reference_count; i++)
        dump_reference(&r->references[i]);
}

static void dump_enhanced(const struct smtp_enhanced_info *e)
{
    size_t i;
    printf("enhanced X.%u.%u ", (unsigned int)e->subject, (unsigned int)e->detail);
    put_str(e->name);
    putchar(' ');
    put_str(e->sample_text);
    putchar(' ');
    put_str(e->description);
    fputs(" basic_codes=[", stdout);
    if (!e->basic_codes || !e->references)
        fail("enhanced", "a list pointer is NULL");
    for (i = 0; i < e->basic_code_count; i++)
        printf(i ? ",%u" : "%u", (unsigned int)e->basic_codes[i]);
    fputs("] ", stdout);
    put_str(e->basic_codes_text);
    fputs(" classes=", stdout);
    put_classes(e->basic_code_classes);
    printf(" any=%d usable_as=", e->any_basic_code);
    put_classes(e->usable_as);
    printf(" deprecated=%d ", e->deprecated);
    put_str(e->replaced_by);
    putchar(' ');
    put_str(e->notes);
    putchar('\n');
    for (i = 0; i < e->reference_count; i++)
        dump_reference(&e->references[i]);
}

/* Every entry, found through the lookups (every number from -1 to 1000, every subject
 * and detail from 0 to 1000), which must agree with the index order; then the X-macros. */
static int dump(void)
{
    int code;
    unsigned int subject;
    unsigned int detail;
    size_t found = 0;
    for (code = -1; code <= 1000; code++) {
        const struct smtp_reply_info *r = smtp_reply_lookup(code);
        if (!r)
            continue;
        if (r->code != code)
            fail("smtp_reply_lookup", "returned another code");
        if (r != smtp_reply_at(found))
            fail("smtp_reply_lookup", "disagrees with smtp_reply_at");
        found++;
        dump_reply(r);
    }
    if (found != SMTP_CODES_REPLY_COUNT || smtp_reply_at(found) != NULL)
        fail("smtp_reply_at", "count differs from SMTP_CODES_REPLY_COUNT");

    found = 0;
    for (subject = 0; subject <= 1000; subject++) {
        for (detail = 0; detail <= 1000; detail++) {
            const struct smtp_enhanced_info *e = smtp_enhanced_lookup(subject, detail);
            if (!e)
                continue;
            if (e->subject != subject || e->detail != detail)
                fail("smtp_enhanced_lookup", "returned another code");
            if (e != smtp_enhanced_at(found))
                fail("smtp_enhanced_lookup", "disagrees with smtp_enhanced_at");
            found++;
            dump_enhanced(e);
        }
    }
    if (found != SMTP_CODES_ENHANCED_COUNT || smtp_enhanced_at(found) != NULL)
        fail("smtp_enhanced_at", "count differs from SMTP_CODES_ENHANCED_COUNT");

#define DUMP_REPLY(code, NAME, text)                                                      \
    printf("reply-map %d %s %d ", code, #NAME, (int)SMTP_REPLY_##NAME);                    \
    put_str(text);                                                                          \
    putchar('\n');
    SMTP_REPLY_MAP(DUMP_REPLY)
#undef DUMP_REPLY

#define DUMP_ENHANCED(subject, detail, NAME, text)                                        \
    printf("enhanced-map X.%d.%d %s X.%d.%d ", subject, detail, #NAME,                    \
           SMTP_ENHANCED_##NAME##_SUBJECT, SMTP_ENHANCED_##NAME##_DETAIL);                  \
    put_str(text);                                                                          \
    putchar('\n');
    SMTP_ENHANCED_MAP(DUMP_ENHANCED)
#undef DUMP_ENHANCED
    return failures ? 1 : 0;
}

/* Parses `len` bytes copied into a buffer of exactly that size, so that AddressSanitizer
 * reports any read past the end. Checks that out is untouched on failure, that a NULL out
 * gives the same answer, and that the other translation unit agrees. */
static size_t parse_exact(const char *text, size_t len, struct smtp_enhanced_code *out)
{
    char *buf = (char *)malloc(len ? len : 1);
    struct smtp_enhanced_code code;
    size_t used;
    if (!buf) {
        fail("malloc", "out of memory");
        exit(2);
    }
    if (len)
        memcpy(buf, text, len);
    code.class_digit = 77;
    code.subject = 77;
    code.detail = 77;
    used = smtp_enhanced_parse(buf, len, &code);
    if (used == 0 && (code.class_digit != 77 || code.subject != 77 || code.detail != 77))
        fail("smtp_enhanced_parse", "wrote *out although it failed");
    if (smtp_enhanced_parse(buf, len, NULL) != used)
        fail("smtp_enhanced_parse", "a NULL out changes the result");
    if (second_unit_parse(buf, len) != used)
        fail("smtp_enhanced_parse", "differs in the second translation unit");
    if (len == 0 && smtp_enhanced_parse(NULL, 0, &code) != 0)
        fail("smtp_enhanced_parse", "NULL with length 0 is not an error");
    free(buf);
    *out = code;
    return used;
}

static int parse_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long size;
    size_t start = 0;
    size_t i;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fail("parse", "cannot read the input file");
        return 1;
    }
    data = (char *)malloc((size_t)size + 1);
    if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) {
        fail("parse", "cannot read the input file");
        return 1;
    }
    fclose(f);
    for (i = 0; i < (size_t)size; i++) {
        if (data[i] == '\n') {
            struct smtp_enhanced_code code;
            size_t used = parse_exact(data + start, i - start, &code);
            if (used)
                printf("%u %u.%u.%u\n", (unsigned int)used, code.class_digit, code.subject,
                       code.detail);
            else
                puts("0");
            start = i + 1;
        }
    }
    free(data);
    return failures ? 1 : 0;
}

struct parse_case {
    const char *input;
    size_t used; /* 0: an error */
    unsigned int class_digit;
    unsigned int subject;
    unsigned int detail;
};

static const struct parse_case parse_cases[] = {
    { "5.1.1", 5, 5, 1, 1 },
    { "2.0.0", 5, 2, 0, 0 },
    { "4.7.1 Try again later", 5, 4, 7, 1 },
    { "5.7.26", 6, 5, 7, 26 },
    { "5.7.26 Multiple authentication checks failed", 6, 5, 7, 26 },
    { "5.999.999", 9, 5, 999, 999 },
    { "5.1.10", 6, 5, 1, 10 },
    { "5.1.1.", 5, 5, 1, 1 },
    { "5.1.1x", 5, 5, 1, 1 },
    { "", 0, 0, 0, 0 },
    { "5", 0, 0, 0, 0 },
    { "5.", 0, 0, 0, 0 },
    { "5.1", 0, 0, 0, 0 },
    { "5.1.", 0, 0, 0, 0 },
    { "5..1", 0, 0, 0, 0 },
    { "5..1.1", 0, 0, 0, 0 },
    { "6.1.1", 0, 0, 0, 0 },
    { "3.1.1", 0, 0, 0, 0 },
    { "1.1.1", 0, 0, 0, 0 },
    { "0.1.1", 0, 0, 0, 0 },
    { "5.1.1000", 0, 0, 0, 0 },
    { "5.1000.1", 0, 0, 0, 0 },
    { "5.01.1", 0, 0, 0, 0 },
    { "5.1.01", 0, 0, 0, 0 },
    { "5.00.1", 0, 0, 0, 0 },
    { "+5.1.1", 0, 0, 0, 0 },
    { "-5.1.1", 0, 0, 0, 0 },
    { " 5.1.1", 0, 0, 0, 0 },
    { "55.1.1", 0, 0, 0, 0 },
    { "5,1,1", 0, 0, 0, 0 },
    { "5.1,1", 0, 0, 0, 0 },
    { "5.a.1", 0, 0, 0, 0 },
    { "5.1.a", 0, 0, 0, 0 },
    { "5.1.12345678901234567890", 0, 0, 0, 0 },
};

static void check_parse(const char *label, const char *input, size_t len, size_t want_used,
                        unsigned int c, unsigned int s, unsigned int d)
{
    struct smtp_enhanced_code code;
    size_t used = parse_exact(input, len, &code);
    char detail[200];
    if (used != want_used) {
        sprintf(detail, "%.60s (%u bytes): used %u, want %u", label, (unsigned int)len,
                (unsigned int)used, (unsigned int)want_used);
        fail("smtp_enhanced_parse", detail);
    } else if (used && (code.class_digit != c || code.subject != s || code.detail != d)) {
        sprintf(detail, "%.60s: got %u.%u.%u, want %u.%u.%u", label, code.class_digit,
                code.subject, code.detail, c, s, d);
        fail("smtp_enhanced_parse", detail);
    }
}

static void parser_cases(void)
{
    size_t i;
    char *big;
    for (i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const struct parse_case *p = &parse_cases[i];
        check_parse(p->input, p->input, strlen(p->input), p->used, p->class_digit, p->subject,
                    p->detail);
    }
    /* Not NUL-terminated: the length ends the input, whatever the bytes after it. */
    check_parse("5.1.12 cut to 5", "5.1.12", 5, 5, 5, 1, 1);
    check_parse("5.1.1 cut to 4", "5.1.1", 4, 0, 0, 0, 0);
    check_parse("5.1.1 cut to 3", "5.1.1", 3, 0, 0, 0, 0);
    check_parse("5.1.1 cut to 1", "5.1.1", 1, 0, 0, 0, 0);
    check_parse("5.1.1 cut to 0", "5.1.1", 0, 0, 0, 0, 0);
    check_parse("5.7.260 cut to 6", "5.7.260", 6, 6, 5, 7, 26);
    check_parse("5.1.1000 cut to 7", "5.1.1000", 7, 7, 5, 1, 100);
    /* Overlong inputs. */
    big = (char *)malloc(4096);
    if (!big)
        exit(2);
    memset(big, 'x', 4096);
    memcpy(big, "5.1.1", 5);
    check_parse("5.1.1 and 4091 bytes", big, 4096, 5, 5, 1, 1);
    memset(big, '1', 4096);
    big[1] = '.';
    check_parse("5.1111...", big, 4096, 0, 0, 0, 0);
    big[0] = '5';
    big[1] = '.';
    big[2] = '1';
    big[3] = '.';
    check_parse("5.1.1111...", big, 4096, 0, 0, 0, 0);
    free(big);
}

static void check_format(const struct smtp_enhanced_code *code, size_t size, int want_result,
                         const char *want_text)
{
    /* An exact-size heap buffer, so that a write past size is caught. */
    char *buf = size ? (char *)malloc(size) : NULL;
    char detail[120];
    int result;
    if (size && !buf)
        exit(2);
    if (buf)
        memset(buf, '#', size);
    result = smtp_enhanced_format(buf, size, code);
    if (result != want_result || (size && strcmp(buf, want_text) != 0)) {
        sprintf(detail, "size %u: returned %d \"%.20s\", want %d \"%s\"", (unsigned int)size,
                result, size ? buf : "", want_result, want_text);
        fail("smtp_enhanced_format", detail);
    }
    free(buf);
}

static void formatter_cases(void)
{
    struct smtp_enhanced_code code;
    struct smtp_enhanced_code back;
    char text[SMTP_CODES_ENHANCED_BUFSIZE];
    unsigned int classes[3] = { 2, 4, 5 };
    size_t k;
    code.class_digit = 5;
    code.subject = 7;
    code.detail = 26;
    check_format(&code, 0, 6, "");
    check_format(&code, 1, 6, "");
    check_format(&code, 2, 6, "5");
    check_format(&code, 4, 6, "5.7");
    check_format(&code, 6, 6, "5.7.2");
    check_format(&code, 7, 6, "5.7.26");
    check_format(&code, 64, 6, "5.7.26");
    code.subject = 999;
    code.detail = 999;
    check_format(&code, SMTP_CODES_ENHANCED_BUFSIZE, 9, "5.999.999");
    check_format(&code, SMTP_CODES_ENHANCED_BUFSIZE - 1, 9, "5.999.99");
    code.detail = 1000;
    check_format(&code, 10, -1, "");
    check_format(&code, 0, -1, "");
    code.detail = 1;
    code.subject = 1000;
    check_format(&code, 10, -1, "");
    code.subject = 1;
    code.class_digit = 3;
    check_format(&code, 10, -1, "");
    code.class_digit = 0;
    check_format(&code, 10, -1, "");
    check_format(NULL, 10, -1, "");

    /* Every code round-trips through format and parse. */
    for (k = 0; k < 3; k++) {
        code.class_digit = classes[k];
        for (code.subject = 0; code.subject <= 999; code.subject++) {
            for (code.detail = 0; code.detail <= 999; code.detail++) {
                int n = smtp_enhanced_format(text, sizeof text, &code);
                size_t used = smtp_enhanced_parse(text, strlen(text), &back);
                if (n <= 0 || (size_t)n != strlen(text) || used != (size_t)n
                    || back.class_digit != code.class_digit || back.subject != code.subject
                    || back.detail != code.detail) {
                    fail("format/parse round trip", text);
                    return;
                }
            }
        }
    }
}

static int registered_count(void)
{
    int n = 0;
#define COUNT_REPLY(code, NAME, text) n++;
    SMTP_REPLY_MAP(COUNT_REPLY)
#undef COUNT_REPLY
    return n;
}

static void lookup_cases(void)
{
    const struct smtp_reply_info *r;
    const struct smtp_enhanced_info *e;
    size_t i;
    int registered = 0;
    int bad[] = { INT_MIN, -550, -1, 0, 1, 99, 299, 1000, 5500, INT_MAX };
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (smtp_reply_lookup(bad[i]) != NULL)
            fail("smtp_reply_lookup", "found an unknown code");
    }
    if (smtp_enhanced_lookup(1000, 0) || smtp_enhanced_lookup(0, 1000)
        || smtp_enhanced_lookup(UINT_MAX, UINT_MAX) || smtp_enhanced_lookup(7, 999))
        fail("smtp_enhanced_lookup", "found an unknown code");
    if (smtp_reply_at((size_t)-1) || smtp_enhanced_at((size_t)-1))
        fail("smtp_*_at", "answered an index past the end");

    /* Any registry (the tests also run fixture registries): spot checks by number. */
    r = smtp_reply_lookup(550);
    if (r && (r->code != 550 || r->status != SMTP_STATUS_STANDARD || r->meaning_count == 0))
        fail("smtp_reply_lookup(550)", "wrong entry");
    e = smtp_enhanced_lookup(1, 1);
    if (e && (e->subject != 1 || e->detail != 1 || !(e->usable_as & SMTP_CODES_CLASS_BIT(5))))
        fail("smtp_enhanced_lookup(1, 1)", "wrong entry");

    /* Registered means standard or historic; non-standard codes are in the table only. */
    for (i = 0; (r = smtp_reply_at(i)) != NULL; i++) {
        const char *text = second_unit_reply_text(r->code);
        if (r->status == SMTP_STATUS_NONSTANDARD) {
            if (text)
                fail("SMTP_REPLY_MAP", "lists a non-standard code");
            if (!r->nonstandard_kind)
                fail("nonstandard_kind", "missing for a non-standard code");
        } else {
            registered++;
            if (!text || strcmp(text, r->text) != 0)
                fail("SMTP_REPLY_MAP", "text differs from the table");
            if (r->nonstandard_kind)
                fail("nonstandard_kind", "set for a registered code");
        }
    }
    if (registered != SMTP_CODES_REGISTERED_REPLY_COUNT || registered != registered_count())
        fail("SMTP_CODES_REGISTERED_REPLY_COUNT", "disagrees with the table or the map");
    if (strcmp(smtp_reply_status_name(SMTP_STATUS_HISTORIC), "historic") != 0)
        fail("smtp_reply_status_name", "wrong name");
}

static int selftest(void)
{
    parser_cases();
    formatter_cases();
    lookup_cases();
    if (!failures)
        puts("selftest ok");
    return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "dump") == 0)
        return dump();
    if (argc == 3 && strcmp(argv[1], "parse") == 0)
        return parse_file(argv[2]);
    if (argc == 2 && strcmp(argv[1], "selftest") == 0)
        return selftest();
    fputs("usage: smtp_codes_test dump | parse FILE | selftest\n", stderr);
    return 2;
}
