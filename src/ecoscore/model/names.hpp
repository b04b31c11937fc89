#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "ecoscore/model/ahp.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::model {

// The spellings used in files and outputs for each enumeration. One table per
// enum (names.cpp) serves the loader, the writers and the help texts.
template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

std::span<const EnumName<Role>> role_names();
std::span<const EnumName<ScaleKind>> scale_kind_names();
std::span<const EnumName<Direction>> direction_names();
std::span<const EnumName<Method>> method_names();
std::span<const EnumName<Normalization>> normalization_names();
std::span<const EnumName<MissingPolicy>> missing_policy_names();
std::span<const EnumName<Combine>> combine_names();
std::span<const EnumName<GradeMode>> grade_mode_names();
std::span<const EnumName<AdjustmentKind>> adjustment_kind_names();
std::span<const EnumName<WeightMode>> weight_mode_names();
std::span<const EnumName<SizeClass>> size_class_names();
std::span<const EnumName<AhpMethod>> ahp_method_names();

template <typename E>
std::string_view name_of(std::span<const EnumName<E>> table, E value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry.name;
  return {};
}

template <typename E>
std::optional<E> parse_name(std::span<const EnumName<E>> table, std::string_view text) {
  for (const auto& entry : table)
    if (entry.name == text) return entry.value;
  return std::nullopt;
}

std::string_view to_string(Role v);
std::string_view to_string(ScaleKind v);
std::string_view to_string(Direction v);
std::string_view to_string(Method v);
std::string_view to_string(Normalization v);
std::string_view to_string(MissingPolicy v);
std::string_view to_string(Combine v);
std::string_view to_string(GradeMode v);
std::string_view to_string(AdjustmentKind v);
std::string_view to_string(WeightMode v);
std::string_view to_string(SizeClass v);
std::string_view to_string(AhpMethod v);

}  // namespace ecoscore::model
