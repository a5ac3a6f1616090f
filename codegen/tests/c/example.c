#define SMTP_CODES_IMPLEMENTATION
#include "smtp_codes.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *rest = "5.7.26 Multiple authentication checks failed";
    const struct smtp_reply_info *reply = smtp_reply_lookup(SMTP_REPLY_MAILBOX_UNAVAILABLE);
    const struct smtp_enhanced_info *info;
    struct smtp_enhanced_code code;
    char text[SMTP_CODES_ENHANCED_BUFSIZE];

    printf("%d %s (%s)\n", reply->code, reply->text, smtp_reply_status_name(reply->status));
    if (smtp_enhanced_parse(rest, strlen(rest), &code) == 0)
        return 1;
    smtp_enhanced_format(text, sizeof text, &code);
    info = smtp_enhanced_lookup(code.subject, code.detail);
    printf("%s %s\n", text, info ? info->sample_text : "(not registered)");
    return 0;
}
