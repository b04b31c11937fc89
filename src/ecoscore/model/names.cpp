#include "ecoscore/model/names.hpp"

#include <array>

namespace ecoscore::model {
namespace {

constexpr std::array<EnumName<Role>, 2> kRoles{{{Role::large, "large"}, {Role::sme, "sme"}}};
constexpr std::array<EnumName<ScaleKind>, 6> kScaleKinds{{{ScaleKind::likert, "likert"},
                                                          {ScaleKind::numeric, "numeric"},
                                                          {ScaleKind::percent, "percent"},
                                                          {ScaleKind::boolean, "boolean"},
                                                          {ScaleKind::bands, "bands"},
                                                          {ScaleKind::levels, "levels"}}};
constexpr std::array<EnumName<Direction>, 2> kDirections{
    {{Direction::benefit, "benefit"}, {Direction::cost, "cost"}}};
constexpr std::array<EnumName<Method>, 3> kMethods{{{Method::weighted_mean, "weighted-mean"},
                                                    {Method::weighted_geometric, "weighted-geometric"},
                                                    {Method::topsis, "topsis"}}};
constexpr std::array<EnumName<Normalization>, 3> kNormalizations{
    {{Normalization::absolute, "absolute"},
     {Normalization::minmax, "minmax"},
     {Normalization::vector, "vector"}}};
constexpr std::array<EnumName<MissingPolicy>, 3> kMissing{{{MissingPolicy::fail, "fail"},
                                                           {MissingPolicy::renormalize, "renormalize"},
                                                           {MissingPolicy::zero, "zero"}}};
constexpr std::array<EnumName<Combine>, 2> kCombine{{{Combine::mean, "mean"}, {Combine::median, "median"}}};
constexpr std::array<EnumName<GradeMode>, 2> kGradeModes{
    {{GradeMode::absolute, "absolute"}, {GradeMode::relative, "relative"}}};
constexpr std::array<EnumName<AdjustmentKind>, 2> kAdjustmentKinds{
    {{AdjustmentKind::bonus, "bonus"}, {AdjustmentKind::penalty, "penalty"}}};
constexpr std::array<EnumName<WeightMode>, 2> kWeightModes{
    {{WeightMode::nested, "nested"}, {WeightMode::global, "global"}}};
constexpr std::array<EnumName<SizeClass>, 4> kSizes{{{SizeClass::large, "large"},
                                                     {SizeClass::medium, "medium"},
                                                     {SizeClass::small, "small"},
                                                     {SizeClass::micro, "micro"}}};
constexpr std::array<EnumName<AhpMethod>, 2> kAhpMethods{
    {{AhpMethod::eigenvector, "eigenvector"}, {AhpMethod::geometric, "geometric"}}};

}  // namespace

std::span<const EnumName<Role>> role_names() { return kRoles; }
std::span<const EnumName<ScaleKind>> scale_kind_names() { return kScaleKinds; }
std::span<const EnumName<Direction>> direction_names() { return kDirections; }
std::span<const EnumName<Method>> method_names() { return kMethods; }
std::span<const EnumName<Normalization>> normalization_names() { return kNormalizations; }
std::span<const EnumName<MissingPolicy>> missing_policy_names() { return kMissing; }
std::span<const EnumName<Combine>> combine_names() { return kCombine; }
std::span<const EnumName<GradeMode>> grade_mode_names() { return kGradeModes; }
std::span<const EnumName<AdjustmentKind>> adjustment_kind_names() { return kAdjustmentKinds; }
std::span<const EnumName<WeightMode>> weight_mode_names() { return kWeightModes; }
std::span<const EnumName<SizeClass>> size_class_names() { return kSizes; }
std::span<const EnumName<AhpMethod>> ahp_method_names() { return kAhpMethods; }

std::string_view to_string(Role v) { return name_of(role_names(), v); }
std::string_view to_string(ScaleKind v) { return name_of(scale_kind_names(), v); }
std::string_view to_string(Direction v) { return name_of(direction_names(), v); }
std::string_view to_string(Method v) { return name_of(method_names(), v); }
std::string_view to_string(Normalization v) { return name_of(normalization_names(), v); }
std::string_view to_string(MissingPolicy v) { return name_of(missing_policy_names(), v); }
std::string_view to_string(Combine v) { return name_of(combine_names(), v); }
std::string_view to_string(GradeMode v) { return name_of(grade_mode_names(), v); }
std::string_view to_string(AdjustmentKind v) { return name_of(adjustment_kind_names(), v); }
std::string_view to_string(WeightMode v) { return name_of(weight_mode_names(), v); }
std::string_view to_string(SizeClass v) { return name_of(size_class_names(), v); }
std::string_view to_string(AhpMethod v) { return name_of(ahp_method_names(), v); }

}  // namespace ecoscore::model
