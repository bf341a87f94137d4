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
 *  - flat nlb_* functions take the rule inputs as plain arguments, so a
 *    call does not have to build an input struct first.
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
NL_OUT_STRUCT(nl_subsidy, nl_subsidy *out)
NL_OUT_STRUCT(nl_expert_cap, nl_expert_cap *out)
NL_OUT_STRUCT(nl_training_result, nl_training_result *out)
NL_IN_ERROR(nl_error *err)

/* Text plus its length, for nl_policy_parse: (const char *text, size_t len). */
NL_IN_TEXT

/* Pieces that make no sense outside C. */
%ignore nl_date_split;
%ignore nl_date_format;
%ignore nl_error;
%ignore nl_candidate;
%ignore nl_expert;
%ignore nl_training;
%ignore NL_EXTERN;

/* Results are read-only records. */
%immutable;
%include "nhanluc/version.h"
%include "nhanluc/common.h"
%include "nhanluc/policy.h"
%include "nhanluc/terms.h"
%include "nhanluc/attraction.h"
%include "nhanluc/expert.h"
%include "nhanluc/training.h"
%mutable;

/* ------------------------------------------------ binding helpers */
%inline %{
/* The rules with their inputs as plain arguments (enum values as ints: the
 * library rejects out-of-range values with NL_EINVAL). */
static nl_status nlb_attraction_subsidy(const nl_policy *p, int degree, int major, int agency,
                                        bool dedicated_post, int workplace, nl_date start,
                                        nl_subsidy *out)
{
    nl_candidate c = {(nl_degree)degree, (nl_major)major, (nl_agency)agency, dedicated_post,
                      workplace, start};
    return nl_attraction_subsidy(p, &c, out);
}

static nl_status nlb_expert_salary_cap(const nl_policy *p, int degree, double experience_years,
                                       int role, bool special_expertise, nl_date on,
                                       nl_expert_cap *out)
{
    nl_expert e = {(nl_degree)degree, experience_years, (nl_role)role, special_expertise, on};
    return nl_expert_salary_cap(p, &e, out);
}

static nl_status nlb_training_support(const nl_policy *p, bool dedicated_official,
                                      bool short_concentrated, int64_t tuition,
                                      int64_t materials, int64_t meals, int64_t travel,
                                      int32_t days, nl_date start, nl_training_result *out)
{
    nl_training t = {dedicated_official, short_concentrated, tuition, materials, meals,
                     travel, days, start};
    return nl_training_support(p, &t, out);
}

%}
