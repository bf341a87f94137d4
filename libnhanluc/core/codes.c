/* The code lists shared by rule inputs and policy parameters.
 *
 * One list per kind of code (degree, major, agency, role): the stable names
 * that documents, bindings and callers write, and labels in Vietnamese and
 * English that reason texts put in a sentence ("cần tốt nghiệp đại học trở
 * lên" / "a university degree or higher"). A rule input of that kind and a
 * parameter of that kind (attraction.min_degree, attraction.majors) use the
 * same list, so a document can only name codes the rules know. */
#include "internal.h"

#define LIST(ident, list_name, names_, vi_, en_)                                       \
    _Static_assert(sizeof(names_) == sizeof(vi_) && sizeof(names_) == sizeof(en_),     \
                   "a label per code");                                                \
    const nl_code_list ident = {list_name, names_, vi_, en_, sizeof(names_) / sizeof((names_)[0])}

const char *const nl__degree_names[5] = {"none", "college", "bachelor", "master", "doctor"};
static const char *const degree_vi[] = {"không có bằng", "cao đẳng", "đại học", "thạc sĩ",
                                        "tiến sĩ"};
static const char *const degree_en[] = {"no degree", "a college degree", "a university degree",
                                        "a master's degree", "a doctorate"};
LIST(nl__codes_degree, "degree", nl__degree_names, degree_vi, degree_en);

const char *const nl__major_names[3] = {"other", "it", "electronics_telecom"};
static const char *const major_vi[] = {"ngành khác", "công nghệ thông tin",
                                       "điện tử viễn thông"};
static const char *const major_en[] = {"another field", "information technology",
                                       "electronics-telecommunications"};
LIST(nl__codes_major, "major", nl__major_names, major_vi, major_en);

const char *const nl__agency_names[3] = {"other", "party", "state"};
static const char *const agency_vi[] = {"cơ quan khác", "cơ quan Đảng", "cơ quan Nhà nước"};
static const char *const agency_en[] = {"another employer", "a Party agency",
                                        "a State agency"};
LIST(nl__codes_agency, "agency", nl__agency_names, agency_vi, agency_en);

const char *const nl__role_names[3] = {"member", "item_lead", "team_leader"};
static const char *const role_vi[] = {"thành viên", "chủ trì hạng mục", "trưởng nhóm"};
static const char *const role_en[] = {"a team member", "a work-item lead", "a team leader"};
LIST(nl__codes_role, "role", nl__role_names, role_vi, role_en);
