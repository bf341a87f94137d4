/* Writes docs/rules.md from the rule declarations (nhanluc/rule.h), or with
 * --check FILE fails when FILE differs from what it would write. Built as
 * nhanluc_rules_doc; `cmake --build build --target rules-doc` rewrites the
 * file, ctest docs.rules_table checks it. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <nhanluc/nhanluc.h>

#include "gen_text.h"

static void values(text *t, const nl_field_info *f)
{
    switch (f->type) {
    case NL_FIELD_CODE:
        for (size_t i = 0; i < f->ncodes; i++)
            put(t, "%s`%s` (%zu)", i ? ", " : "", f->codes[i], i);
        break;
    case NL_FIELD_BOOL: put(t, "false, true"); break;
    case NL_FIELD_DATE: put(t, "0001-01-01 .. 9999-12-31"); break;
    case NL_FIELD_YEARS: put(t, ">= %" PRId64 ", finite", f->min); break;
    case NL_FIELD_REASON: put(t, "see Reasons"); break;
    case NL_FIELD_CERTAINTY: put(t, "confirmed, reported, unconfirmed, user"); break;
    case NL_FIELD_TEXT: put(t, "text"); break;
    default:
        if (f->max == INT64_MAX)
            put(t, ">= %" PRId64, f->min);
        else
            put(t, "%" PRId64 " .. %" PRId64, f->min, f->max);
    }
}

static void document(text *t)
{
    put(t, "# Rule families: inputs, outputs, reasons\n\n"
           "<!-- Generated from the declarations in libnhanluc/rules/ by "
           "scripts/rules_doc.c: do not edit.\n"
           "     Rewrite with `cmake --build build --target rules-doc`; ctest "
           "docs.rules_table checks it. -->\n\n"
           "Each family is declared once in C (`libnhanluc/rules/<family>.c`); the typed "
           "functions, `nl_rule_eval`, the Python and PHP methods and this page are derived "
           "from that declaration (`nhanluc/rule.h`). Inputs are listed in the order "
           "`nl_rule_eval` takes them; a refused input names its field (`nl_error.key`, "
           "Python `.field`, PHP `getField()`).\n");
    for (size_t ri = 0; ri < nl_rule_count(); ri++) {
        const nl_rule *r = nl_rule_at(ri);
        put(t, "\n## `%s`: %s\n\n", nl_rule_name(r), nl_rule_title(r, "en"));
        put(t, "*%s.* The law: [%s](%s).\n\n", nl_rule_title(r, "vi"), nl_rule_law(r),
            nl_rule_law(r) + strlen("docs/"));
        put(t, "### Inputs\n\n| # | field | type | values | default | nhãn | label | meaning |\n"
               "|---|---|---|---|---|---|---|---|\n");
        for (size_t i = 0; i < nl_rule_input_count(r); i++) {
            const nl_field_info *f = nl_rule_input(r, i);
            put(t, "| %zu | `%s` | %s | ", i, f->name, nl_field_type_name(f->type));
            values(t, f);
            if (!f->optional)
                put(t, " | required");
            else if (f->type == NL_FIELD_CODE)
                put(t, " | `%s`", f->codes[f->default_value.i]);
            else if (f->type == NL_FIELD_BOOL)
                put(t, " | %s", f->default_value.i ? "true" : "false");
            else
                put(t, " | %" PRId64, f->default_value.i);
            put(t, " | %s | %s | %s |\n", f->label_vi, f->label_en, f->doc);
        }
        put(t, "\n### Outputs\n\n| # | field | type | values | nhãn | label | meaning |\n"
               "|---|---|---|---|---|---|---|\n");
        for (size_t i = 0; i < nl_rule_output_count(r); i++) {
            const nl_field_info *f = nl_rule_output(r, i);
            put(t, "| %zu | `%s` | %s | ", i, f->name, nl_field_type_name(f->type));
            values(t, f);
            put(t, " | %s | %s | %s |\n", f->label_vi, f->label_en, f->doc);
        }
        put(t, "\n### Reasons, in the order the conditions are checked\n\n"
               "| reason | Tiếng Việt | English |\n|---|---|---|\n");
        for (size_t i = 0; i < nl_rule_reason_count(r); i++) {
            nl_reason why = (nl_reason)nl_rule_reason(r, i);
            put(t, "| `%s` | %s | %s |\n", nl_reason_name(why), nl_reason_message(why, "vi"),
                nl_reason_message(why, "en"));
        }
    }
}

int main(int argc, char **argv)
{
    text t = {0};
    document(&t);
    if (argc == 3 && strcmp(argv[1], "--check") == 0) {
        int same = gen_same(argv[2], &t);
        free(t.buf);
        if (!same)
            fprintf(stderr, "%s is not what the declarations give: run "
                            "`cmake --build build --target rules-doc`\n", argv[2]);
        return same ? 0 : 1;
    }
    if (argc == 3 && strcmp(argv[1], "--write") == 0) {
        if (gen_write(argv[2], &t) != 0)
            return 1;
        free(t.buf);
        return 0;
    }
    if (argc != 1) {
        fprintf(stderr, "usage: %s [--check FILE | --write FILE]\n", argv[0]);
        return 2;
    }
    fwrite(t.buf, 1, t.len, stdout);
    free(t.buf);
    return 0;
}
