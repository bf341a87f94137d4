/* Reason codes: why a rule decided as it did, in Vietnamese and English.
 * The texts are stable: portals may show them verbatim. */
#include <string.h>

#include "internal.h"

static const struct {
    const char *name, *vi, *en;
} reasons[NL_REASON_COUNT] = {
    [NL_REASON_OK] = {"ok", "Đủ điều kiện.", "Eligible."},
    [NL_REASON_NOT_IN_FORCE] = {"not_in_force",
        "Không có chính sách có hiệu lực vào ngày này.",
        "No policy is in force on that date."},
    [NL_REASON_DEGREE] = {"degree",
        "Trình độ chưa đạt yêu cầu (cần tốt nghiệp đại học trở lên).",
        "Degree below the one required (a university degree or higher)."},
    [NL_REASON_MAJOR] = {"major",
        "Chuyên ngành không phải công nghệ thông tin hoặc điện tử viễn thông.",
        "Major is neither information technology nor electronics-telecommunications."},
    [NL_REASON_AGENCY] = {"agency",
        "Không làm việc tại cơ quan Đảng, Nhà nước.",
        "Not working at a Party or State agency."},
    [NL_REASON_NOT_DEDICATED] = {"not_dedicated",
        "Không phải vị trí chuyên trách về công nghệ thông tin, chuyển đổi số.",
        "Not a dedicated IT / digital-transformation post."},
    [NL_REASON_OUTSIDE_PROVINCE] = {"outside_province",
        "Nơi làm việc không thuộc địa bàn tỉnh.",
        "Workplace is not a unit of the province."},
    [NL_REASON_COURSE_KIND] = {"course_kind",
        "Khóa học không phải đào tạo ngắn hạn tập trung.",
        "Not a short-term concentrated training course."},
    [NL_REASON_OUTSIDE_AREA] = {"outside_area",
        "Nơi làm việc thuộc tỉnh nhưng ngoài địa bàn áp dụng của chính sách "
        "(hình thành từ các đơn vị hành chính ngoài địa bàn đó).",
        "Workplace is a unit of the province outside the area the policy covers "
        "(formed from units outside that area)."},
    [NL_REASON_AMBIGUOUS_WORKPLACE] = {"ambiguous_workplace",
        "Đơn vị hình thành từ các đơn vị cũ có mức hỗ trợ khác nhau: "
        "cần cho biết đơn vị hành chính cũ (trước sắp xếp) nơi làm việc.",
        "The unit was formed from former units with different amounts: "
        "give the former unit (before the reorganisation) of the workplace."},
};

const char *nl_reason_message(nl_reason r, const char *lang)
{
    if ((unsigned)r >= NL_REASON_COUNT || lang == NULL)
        return NULL;
    if (strcmp(lang, "vi") == 0)
        return reasons[r].vi;
    if (strcmp(lang, "en") == 0)
        return reasons[r].en;
    return NULL;
}

const char *nl_reason_name(nl_reason r)
{
    return (unsigned)r < NL_REASON_COUNT ? reasons[r].name : NULL;
}
