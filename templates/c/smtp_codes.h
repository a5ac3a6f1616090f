/* {{ v.marker }} */
/*
 * smtp_codes.h: every SMTP reply code and enhanced status code, for C and C++.
 *
 * Edition {{ v.registry_version_plain }} of the smtp-codes registry: {{ v.registered_count }} registered 3-digit reply codes
 * ({{ v.standard_count }} standard, {{ v.registered_count - v.standard_count }} historic); {{ v.replies.len() - v.registered_count }} non-standard ones that people meet (vendor
 * codes, client error numbers), kept apart and marked so; and {{ v.enhanced.len() }} enhanced status codes
 * (RFC 3463; IANA registry updated {{ v.iana_updated_plain }}). Each comes with its texts, meanings and
 * references.
 *
 * SINGLE-FILE LIBRARY
 *
 * This file is the whole library and needs nothing but <stddef.h>. It is C99 and C++11 (and
 * later) at once and compiles cleanly under -Wall -Wextra -pedantic. Include it wherever you
 * need the enum, the macros or the declarations. In exactly ONE C or C++ file of your
 * program, define SMTP_CODES_IMPLEMENTATION before including it: that file compiles the
 * tables and the functions (once per program, not once per file that includes the header).
 *
 *     #define SMTP_CODES_IMPLEMENTATION
 *     #include "smtp_codes.h"
 *
 * EXAMPLE (lookup of 550, parsing and formatting of 5.7.26)
 *
 *     #define SMTP_CODES_IMPLEMENTATION
 *     #include "smtp_codes.h"
 *
 *     #include <stdio.h>
 *     #include <string.h>
 *
 *     int main(void)
 *     {
 *         const char *rest = "5.7.26 Multiple authentication checks failed";
 *         const struct smtp_reply_info *reply = smtp_reply_lookup(SMTP_REPLY_MAILBOX_UNAVAILABLE);
 *         const struct smtp_enhanced_info *info;
 *         struct smtp_enhanced_code code;
 *         char text[SMTP_CODES_ENHANCED_BUFSIZE];
 *
 *         printf("%d %s (%s)\n", reply->code, reply->text, smtp_reply_status_name(reply->status));
 *         if (smtp_enhanced_parse(rest, strlen(rest), &code) == 0)
 *             return 1;
 *         smtp_enhanced_format(text, sizeof text, &code);
 *         info = smtp_enhanced_lookup(code.subject, code.detail);
 *         printf("%s %s\n", text, info ? info->sample_text : "(not registered)");
 *         return 0;
 *     }
 *
 * WHAT IS HERE
 *
 *   enum smtp_reply_code   SMTP_REPLY_<NAME> = code, for every standard and historic code
 *   SMTP_REPLY_MAP(X)      X(code, NAME, text) for the same codes, to build your own tables
 *   SMTP_ENHANCED_<NAME>_SUBJECT, SMTP_ENHANCED_<NAME>_DETAIL
 *                          the numbers of every registered enhanced code (X.subject.detail)
 *   SMTP_ENHANCED_MAP(X)   X(subject, detail, NAME, sample_text) for the same codes
 *   smtp_reply_lookup      a reply code's entry: texts, status, meanings, references
 *   smtp_enhanced_lookup   an enhanced code's entry: sample text, description, associated
 *                          basic codes, references
 *   smtp_enhanced_parse    reads "5.7.26" from a buffer that need not end in NUL
 *   smtp_enhanced_format   writes "5.7.26" into a buffer, snprintf-style
 *
 * Non-standard codes (vendor codes, "101" and the like) have entries, with status
 * SMTP_STATUS_NONSTANDARD, so that a program can explain them; they are never in the enum
 * or SMTP_REPLY_MAP. Strings are UTF-8. Every pointer in an entry is valid; a field that
 * may be absent says so and is then NULL. The tables are constant and the functions keep no
 * state and allocate nothing: call them from any thread.
 */
#ifndef SMTP_CODES_H
#define SMTP_CODES_H

#include <stddef.h>

/* The registry edition this header was generated from. */
#define SMTP_CODES_REGISTRY_VERSION {{ v.registry_version }}
/* The "updated" date of the IANA enhanced status code registry it follows. */
#define SMTP_CODES_IANA_UPDATED {{ v.iana_updated }}

/* Entries of smtp_reply_at(): standard, historic and non-standard codes. */
#define SMTP_CODES_REPLY_COUNT {{ v.replies.len() }}
/* Standard and historic codes: the constants of enum smtp_reply_code. */
#define SMTP_CODES_REGISTERED_REPLY_COUNT {{ v.registered_count }}
/* Entries of smtp_enhanced_at(): every registered enhanced code. */
#define SMTP_CODES_ENHANCED_COUNT {{ v.enhanced.len() }}
/* Room for the longest enhanced code, "5.999.999", and its NUL. */
#define SMTP_CODES_ENHANCED_BUFSIZE 10
/* The bit of class digit c (2, 4 or 5) in a class mask. */
#define SMTP_CODES_CLASS_BIT(c) (1u << (c))

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Every 3-digit reply code an RFC defines or uses (RFC 5321 section 4.2.3 and the
 * extensions); the value is the code. Non-standard codes are deliberately not here.
 */
{%- if v.registered_count > 0 %}
enum smtp_reply_code {
{%- for r in v.registered() %}
    /**
{%- for line in r.doc %}
     *{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
     */
    SMTP_REPLY_{{ r.macro_name }} = {{ r.code }}{% if !loop.last %},{% endif %}
{%- endfor %}
};
{%- else %}
/* (This registry has none: ISO C forbids an empty enum, so there is none.) */
{%- endif %}

/*
 * SMTP_REPLY_MAP(X) calls X(code, NAME, text) once for every constant of enum
 * smtp_reply_code, in numeric order: the code as an integer constant, the constant's name
 * after SMTP_REPLY_, and the reply text as a string literal. For example:
 *
 *     switch (code) {
 *     #define SMTP_CASE(code, NAME, text) case SMTP_REPLY_##NAME: return text;
 *     SMTP_REPLY_MAP(SMTP_CASE)
 *     #undef SMTP_CASE
 *     }
 */
#define SMTP_REPLY_MAP(X) \
{%- for r in v.registered() %}
    X({{ r.code }}, {{ r.macro_name }}, {{ r.text }}) \
{%- endfor %}
    /* end of SMTP_REPLY_MAP */

/*
 * Every enhanced status code the IANA registry enumerates, class-independent: the numbers
 * of X.<subject>.<detail>. For 5.1.1 compare the parsed code's subject with
 * SMTP_ENHANCED_BAD_DESTINATION_MAILBOX_ADDRESS_SUBJECT and its detail with
 * SMTP_ENHANCED_BAD_DESTINATION_MAILBOX_ADDRESS_DETAIL (the class digit is yours).
 */
{%- for e in v.enhanced %}

/**
{%- for line in e.doc %}
 *{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
 */
#define SMTP_ENHANCED_{{ e.macro_name }}_SUBJECT {{ e.subject }}
#define SMTP_ENHANCED_{{ e.macro_name }}_DETAIL {{ e.detail }}
{%- endfor %}

/*
 * SMTP_ENHANCED_MAP(X) calls X(subject, detail, NAME, sample_text) once for every
 * registered enhanced code, in order of subject and detail: the two numbers as integer
 * constants, the name between SMTP_ENHANCED_ and _SUBJECT, and IANA's sample text as a
 * string literal (empty for a code registered without one).
 */
#define SMTP_ENHANCED_MAP(X) \
{%- for e in v.enhanced %}
    X({{ e.subject }}, {{ e.detail }}, {{ e.macro_name }}, {{ e.sample_text }}) \
{%- endfor %}
    /* end of SMTP_ENHANCED_MAP */

/* An enhanced status code with its class, as it appears in a reply: 5.7.26. */
struct smtp_enhanced_code {
    unsigned int class_digit; /* 2 success, 4 persistent transient failure, 5 permanent failure */
    unsigned int subject;     /* 0 to 999 */
    unsigned int detail;      /* 0 to 999 */
};

/*
 * Reads an enhanced status code at the start of s[0] .. s[len - 1], by the grammar of
 * RFC 3463 section 2: class "2", "4" or "5", a dot, the subject, a dot, the detail, where
 * subject and detail are 1 to 3 digits without a leading zero ("0" itself is allowed).
 *
 * Stores the code in *out and returns the number of bytes it takes (5 to 9); whatever
 * follows is left to the caller, so "5.1.1 User unknown" gives 5 (compare the result with
 * len to require that nothing follows). Returns 0, leaving *out untouched, when the input
 * does not start with a code: "", "5.1", "5..1", "6.1.1", "+5.1.1", "5.01.1", and also
 * "5.1.1000", whose detail has four digits. Never reads s[len] or beyond, so s need not be
 * NUL-terminated; s may be NULL when len is 0, and out may be NULL to only validate.
 */
size_t smtp_enhanced_parse(const char *s, size_t len, struct smtp_enhanced_code *out);

/*
 * Writes *code as text ("5.7.26") into buf, like snprintf: at most size bytes including
 * the terminating NUL, so a short buffer gets a truncated but terminated text, and size 0
 * writes nothing (buf may then be NULL). Returns the length of the full text, not counting
 * the NUL; the text was complete if and only if the result is less than size. A buffer of
 * SMTP_CODES_ENHANCED_BUFSIZE bytes always suffices. Returns -1, writing "" when size > 0,
 * if code is NULL or not a valid code (class not 2, 4 or 5, subject or detail over 999).
 */
int smtp_enhanced_format(char *buf, size_t size, const struct smtp_enhanced_code *code);

/* Whether an RFC defines a reply code. */
enum smtp_reply_status {
    SMTP_STATUS_STANDARD = 0,   /* defined or used by a current RFC */
    SMTP_STATUS_HISTORIC = 1,   /* defined by an RFC, kept for historical reasons only */
    SMTP_STATUS_NONSTANDARD = 2 /* no RFC defines it: a vendor's or a client's number */
};

/* A document and, when known, a section of it. */
struct smtp_reference {
    const char *document; /* "RFC 5321", or an Internet-Draft's name */
    const char *section;  /* "4.2.3" or "Appendix A"; NULL when not known */
    const char *url;      /* the section on rfc-editor.org (datatracker for a draft) */
};

/* One meaning of a reply code: an RFC's, or a vendor's or other source's. */
struct smtp_meaning {
    const char *text;     /* the RFC's wording, verbatim; else a summary of the source */
    const char *summary;  /* plain words where the wording is terse; NULL if none */
    const char *document; /* the RFC that gives this meaning; NULL for a non-RFC meaning */
    const char *section;  /* its section; NULL when not known */
    const char *url;      /* where to read it; NULL if none */
    const char *vendor;   /* the vendor whose meaning this is; NULL if none */
    int standard;         /* 1 if an RFC gives this meaning, else 0 */
};

/* Everything the registry says about a 3-digit reply code. */
struct smtp_reply_info {
    int code;                     /* the code; non-standard ones may lie outside 200-599 */
    const char *name;             /* the identifier, "MailboxUnavailable" */
    const char *text;             /* the reply text as the defining RFC writes it */
    const char *text_note;        /* the RFC's explanation beside the text; NULL if none */
    const char *description;      /* what it means, in plain words (Markdown) */
    enum smtp_reply_status status;
    const char *nonstandard_kind; /* "vendor", "client_error", "registry_association" or
                                     "shortened_enhanced"; NULL for a registered code */
    const char *notes;            /* where sources disagree, and which wins; NULL if none */
    const struct smtp_meaning *meanings; /* every distinct meaning, the defining one first */
    size_t meaning_count;
    const struct smtp_reference *references; /* other documents worth reading */
    size_t reference_count;
};

/* Everything the registry says about an enhanced status code (class-independent). */
struct smtp_enhanced_info {
    unsigned short subject;
    unsigned short detail;
    const char *name;                /* the identifier, "BadDestinationMailboxAddress" */
    const char *sample_text;         /* IANA's sample text, verbatim; may be "" */
    const char *description;         /* what it means, in plain words (Markdown) */
    const unsigned short *basic_codes; /* the reply codes IANA associates with it */
    size_t basic_code_count;
    const char *basic_codes_text;    /* IANA's text for them, verbatim: "451, 550", "Any" */
    unsigned int basic_code_classes; /* SMTP_CODES_CLASS_BIT mask of classes whose other
                                        codes IANA also allows ("5XX") */
    int any_basic_code;              /* 1 if IANA says "Any" */
    unsigned int usable_as;          /* SMTP_CODES_CLASS_BIT mask of the classes the
                                        defining text allows for this code */
    int deprecated;                  /* 1 if the registry retired it */
    const char *replaced_by;         /* for a deprecated code, its successor ("X.6.8");
                                        else NULL */
    const char *notes;               /* where sources disagree, and which wins; NULL if none */
    const struct smtp_reference *references; /* the defining documents */
    size_t reference_count;
};

/*
 * The entry for a 3-digit code: standard, historic or non-standard (check status before
 * calling a code standard). NULL when the registry does not know the code.
 */
const struct smtp_reply_info *smtp_reply_lookup(int code);

/* The entry at index 0 .. SMTP_CODES_REPLY_COUNT - 1, in numeric order; else NULL. */
const struct smtp_reply_info *smtp_reply_at(size_t index);

/* The entry for X.subject.detail; NULL when the registry does not enumerate it. */
const struct smtp_enhanced_info *smtp_enhanced_lookup(unsigned int subject, unsigned int detail);

/* The entry at index 0 .. SMTP_CODES_ENHANCED_COUNT - 1, by subject and detail; else NULL. */
const struct smtp_enhanced_info *smtp_enhanced_at(size_t index);

/* "standard", "historic" or "nonstandard"; NULL for any other value. */
const char *smtp_reply_status_name(enum smtp_reply_status status);

#ifdef __cplusplus
}
#endif

#endif /* SMTP_CODES_H */

/* ---- Implementation: compiled only where SMTP_CODES_IMPLEMENTATION is defined ---- */

#if defined(SMTP_CODES_IMPLEMENTATION) && !defined(SMTP_CODES_IMPLEMENTATION_DONE)
#define SMTP_CODES_IMPLEMENTATION_DONE

/* C++ wants nullptr and named casts (-Wzero-as-null-pointer-constant, -Wold-style-cast). */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define SMTP_CODES_NULL nullptr
#define SMTP_CODES_CAST(type, value) static_cast<type>(value)
#else
#define SMTP_CODES_NULL NULL
#define SMTP_CODES_CAST(type, value) ((type)(value))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Every meaning of every reply code, by code; each entry points at its own run. */
static const struct smtp_meaning smtp_codes_meanings[{{ v.meanings.len() }} + 1] = {
{%- for m in v.meanings %}
    { /* {{ m.label }} */
        {{ m.text }},
        {{ m.summary }},
        {{ m.document }}, {{ m.section }},
        {{ m.url }},
        {{ m.vendor }},
        {{ m.standard }}
    },
{%- endfor %}
    { /* end */
        SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL,
        SMTP_CODES_NULL, SMTP_CODES_NULL, 0
    }
};

static const struct smtp_reference smtp_codes_reply_references[{{ v.reply_references.len() }} + 1] = {
{%- for x in v.reply_references %}
    { {{ x.document }}, {{ x.section }}, {{ x.url }} },
{%- endfor %}
    { SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL } /* end */
};

static const struct smtp_reference smtp_codes_enhanced_references[{{ v.enhanced_references.len() }} + 1] = {
{%- for x in v.enhanced_references %}
    { {{ x.document }}, {{ x.section }}, {{ x.url }} },
{%- endfor %}
    { SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL } /* end */
};

static const unsigned short smtp_codes_basic_codes[{{ v.basic_codes.len() }} + 1] = {
{%- for c in v.basic_codes %}
    {{ c }},
{%- endfor %}
    0 /* end */
};

static const struct smtp_reply_info smtp_codes_replies[SMTP_CODES_REPLY_COUNT + 1] = {
{%- for r in v.replies %}
    { /* {{ r.code }} */
        {{ r.code }},
        {{ r.name }},
        {{ r.text_wrapped }},
        {{ r.text_note }},
        {{ r.description }},
        {{ r.status }},
        {{ r.nonstandard_kind }},
        {{ r.notes }},
        smtp_codes_meanings + {{ r.meanings_at }}, {{ r.meanings_len }},
        smtp_codes_reply_references + {{ r.references_at }}, {{ r.references_len }}
    },
{%- endfor %}
    { /* end */
        0, SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL,
        SMTP_STATUS_NONSTANDARD, SMTP_CODES_NULL, SMTP_CODES_NULL,
        smtp_codes_meanings, 0, smtp_codes_reply_references, 0
    }
};

static const struct smtp_enhanced_info smtp_codes_enhanced[SMTP_CODES_ENHANCED_COUNT + 1] = {
{%- for e in v.enhanced %}
    { /* X.{{ e.subject }}.{{ e.detail }} */
        {{ e.subject }}, {{ e.detail }},
        {{ e.name }},
        {{ e.sample_text_wrapped }},
        {{ e.description }},
        smtp_codes_basic_codes + {{ e.basic_codes_at }}, {{ e.basic_codes_len }},
        {{ e.basic_codes_text }},
        {{ e.basic_code_classes }},
        {{ e.any_basic_code }},
        {{ e.usable_as }},
        {{ e.deprecated }},
        {{ e.replaced_by }},
        {{ e.notes }},
        smtp_codes_enhanced_references + {{ e.references_at }}, {{ e.references_len }}
    },
{%- endfor %}
    { /* end */
        0, 0, SMTP_CODES_NULL, SMTP_CODES_NULL, SMTP_CODES_NULL, smtp_codes_basic_codes, 0,
        SMTP_CODES_NULL, 0, 0, 0, 0, SMTP_CODES_NULL, SMTP_CODES_NULL,
        smtp_codes_enhanced_references, 0
    }
};

const struct smtp_reply_info *smtp_reply_lookup(int code)
{
    size_t lo = 0;
    size_t hi = SMTP_CODES_REPLY_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int here = smtp_codes_replies[mid].code;
        if (here == code)
            return &smtp_codes_replies[mid];
        if (here < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SMTP_CODES_NULL;
}

const struct smtp_reply_info *smtp_reply_at(size_t index)
{
{%- if v.replies.is_empty() %}
    (void)index; /* no entries; index < 0 would draw -Wtype-limits */
    return SMTP_CODES_NULL;
{%- else %}
    return index < SMTP_CODES_REPLY_COUNT ? &smtp_codes_replies[index] : SMTP_CODES_NULL;
{%- endif %}
}

const struct smtp_enhanced_info *smtp_enhanced_lookup(unsigned int subject, unsigned int detail)
{
    size_t lo = 0;
    size_t hi = SMTP_CODES_ENHANCED_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct smtp_enhanced_info *here = &smtp_codes_enhanced[mid];
        if (here->subject == subject && here->detail == detail)
            return here;
        if (here->subject < subject || (here->subject == subject && here->detail < detail))
            lo = mid + 1;
        else
            hi = mid;
    }
    return SMTP_CODES_NULL;
}

const struct smtp_enhanced_info *smtp_enhanced_at(size_t index)
{
{%- if v.enhanced.is_empty() %}
    (void)index; /* no entries; index < 0 would draw -Wtype-limits */
    return SMTP_CODES_NULL;
{%- else %}
    return index < SMTP_CODES_ENHANCED_COUNT ? &smtp_codes_enhanced[index] : SMTP_CODES_NULL;
{%- endif %}
}

const char *smtp_reply_status_name(enum smtp_reply_status status)
{
    switch (status) {
    case SMTP_STATUS_STANDARD:
        return "standard";
    case SMTP_STATUS_HISTORIC:
        return "historic";
    case SMTP_STATUS_NONSTANDARD:
        return "nonstandard";
    }
    return SMTP_CODES_NULL;
}

/*
 * Reads a subject or detail at s[*at]: 1 to 3 digits, no leading zero. Advances *at past
 * it and returns 1, or returns 0. A fourth digit is an error, not a place to stop.
 */
static int smtp_codes_read_subcode(const char *s, size_t len, size_t *at, unsigned int *value)
{
    size_t start = *at;
    size_t i = start;
    unsigned int v = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        if (i - start == 3)
            return 0;
        v = v * 10 + SMTP_CODES_CAST(unsigned int, s[i] - '0');
        i++;
    }
    if (i == start || (i - start > 1 && s[start] == '0'))
        return 0;
    *at = i;
    *value = v;
    return 1;
}

size_t smtp_enhanced_parse(const char *s, size_t len, struct smtp_enhanced_code *out)
{
    size_t at = 2;
    unsigned int subject;
    unsigned int detail;
    if (!s || len < 2 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.')
        return 0;
    if (!smtp_codes_read_subcode(s, len, &at, &subject))
        return 0;
    if (at == len || s[at] != '.')
        return 0;
    at++;
    if (!smtp_codes_read_subcode(s, len, &at, &detail))
        return 0;
    if (out) {
        out->class_digit = SMTP_CODES_CAST(unsigned int, s[0] - '0');
        out->subject = subject;
        out->detail = detail;
    }
    return at;
}

/* Writes v (at most 999) in decimal at p; returns the number of digits. */
static size_t smtp_codes_write_subcode(char *p, unsigned int v)
{
    size_t n = 0;
    if (v >= 100)
        p[n++] = SMTP_CODES_CAST(char, '0' + v / 100);
    if (v >= 10)
        p[n++] = SMTP_CODES_CAST(char, '0' + v / 10 % 10);
    p[n++] = SMTP_CODES_CAST(char, '0' + v % 10);
    return n;
}

int smtp_enhanced_format(char *buf, size_t size, const struct smtp_enhanced_code *code)
{
    char text[SMTP_CODES_ENHANCED_BUFSIZE];
    size_t n = 0;
    size_t i;
    if (!code || (code->class_digit != 2 && code->class_digit != 4 && code->class_digit != 5)
        || code->subject > 999 || code->detail > 999) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    text[n++] = SMTP_CODES_CAST(char, '0' + code->class_digit);
    text[n++] = '.';
    n += smtp_codes_write_subcode(text + n, code->subject);
    text[n++] = '.';
    n += smtp_codes_write_subcode(text + n, code->detail);
    if (size > 0) {
        for (i = 0; i < n && i + 1 < size; i++)
            buf[i] = text[i];
        buf[i] = '\0';
    }
    return SMTP_CODES_CAST(int, n);
}

#ifdef __cplusplus
}
#endif

#undef SMTP_CODES_NULL
#undef SMTP_CODES_CAST

#endif /* SMTP_CODES_IMPLEMENTATION */

