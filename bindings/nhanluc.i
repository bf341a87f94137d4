/* The one SWIG interface of libnhanluc, shared by the Python and PHP
 * bindings.
 *
 * What it exposes is the C API itself, reshaped only where C's calling
 * conventions do not travel:
 *  - a function returning nl_status returns nothing on NL_OK and raises the
 *    language's exception (carrying the status code) otherwise;
 *  - output pointers (nl_policy **out, result structs, int64_t *out, ...)
 *    become return values;
 *  - nl_error *err disappears: a parse error raises with line, column, key;
 *  - nl_policy is an owned object whose destructor calls nl_policy_free
 *    (nl_policy_free itself is not exposed, so nothing is freed twice);
 *  - the rule families are not wrapped one by one: each language evaluates
 *    any declared family through one generic native call (nl_py_eval,
 *    nlb_rule_eval) that reads the family's declaration (nhanluc/rule.h),
 *    so the per-family headers (attraction.h, expert.h, training.h, ...)
 *    are not part of this interface and a new family needs nothing here.
 * Each language adds an idiomatic layer on top (bindings/python/nhanluc,
 * bindings/php/src); this module is its private foundation.
 *
 * The language files implement the raising (nl_status, NL_RAISE) and the
 * argout halves of the output typemaps: python/nhanluc_python.swg and
 * php/nhanluc_php.swg. */

#if defined(SWIGPYTHON)
%module(package="nhanluc") capi
#else
%module nhanluc
#endif

%{
#include <string.h>
#include <nhanluc/nhanluc.h>
%}

%include <stdint.i>

/* ------------------------------------------------------------ policy */
/* Opaque to the languages too: no constructor, only the factories below. */
%nodefaultctor nl_policy;
struct nl_policy {};
%extend nl_policy {
    ~nl_policy() { nl_policy_free($self); }
}
%ignore nl_policy_free;

/* Language-specific raising and output typemaps. */
#if defined(SWIGPYTHON)
%include "python/nhanluc_python.swg"
#elif defined(SWIGPHP)
%include "php/nhanluc_php.swg"
#else
#error "libnhanluc's SWIG interface supports Python and PHP"
#endif

/* Outputs become return values: the input halves here (a zeroed temporary
 * for the library to fill), the language files give the argout halves
 * (NL_ARGOUT_*) and NL_RAISE. */
%define NL_OUT_STRUCT(TYPE, DECL)
%typemap(in, numinputs=0) DECL (TYPE temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
NL_ARGOUT_STRUCT(TYPE, DECL)
%enddef

%define NL_OUT_POLICY(DECL)
%typemap(in, numinputs=0) DECL (nl_policy *temp = NULL) { $1 = &temp; }
NL_ARGOUT_POLICY(DECL)
%enddef

%define NL_OUT_INTEGER(TYPE, DECL)
%typemap(in, numinputs=0) DECL (TYPE temp = 0) { $1 = &temp; }
NL_ARGOUT_INTEGER(DECL)
%enddef

/* The parse/load error detail: raised from %exception below, with the
 * line, column and key, before the generic nl_status typemap runs. */
%define NL_IN_ERROR(DECL)
%typemap(in, numinputs=0) DECL (nl_error temp) {
    memset(&temp, 0, sizeof temp);
    $1 = &temp;
}
%enddef
%exception nl_policy_load {
    $action
    if (result != NL_OK) { NL_RAISE(result, arg3); SWIG_fail; }
}
%exception nl_policy_parse {
    $action
    if (result != NL_OK) { NL_RAISE(result, arg4); SWIG_fail; }
}
%exception nl_policy_workplace_find {
    $action
    if (result != NL_OK) { NL_RAISE(result, arg5); SWIG_fail; }
}

NL_OUT_POLICY(nl_policy **out)
NL_OUT_INTEGER(int64_t, int64_t *out)
NL_OUT_INTEGER(size_t, size_t *index)
NL_OUT_INTEGER(nl_date, nl_date *out)
NL_OUT_INTEGER(int, int *code)
NL_OUT_STRUCT(nl_param_value, nl_param_value *out)
NL_OUT_STRUCT(nl_param_info, nl_param_info *out)
NL_OUT_STRUCT(nl_workplace, nl_workplace *out)
NL_OUT_STRUCT(nl_workplace_detail, nl_workplace_detail *out)
NL_IN_ERROR(nl_error *err)

/* Text plus its length, for nl_policy_parse: (const char *text, size_t len). */
NL_IN_TEXT

/* A table's or scale's entries: nl_policy_param_entries gives them,
 * nl_policy_set_entries takes them (pairs [at, value] in each language). */
NL_ENTRIES

/* Functions with several outputs: nl_policy_param_type (type, code list,
 * list name) and nl_policy_workplace_on (index, mapped). */
NL_PARAM_TYPE_OUT

/* Pieces that make no sense outside C. */
%ignore nl_date_split;
%ignore nl_date_format;
%ignore nl_error;
%ignore NL_EXTERN;

/* Results are read-only records. */
%immutable;
%include "nhanluc/version.h"
%include "nhanluc/common.h"
%include "nhanluc/policy.h"
%include "nhanluc/terms.h"
%mutable;
