#include <algorithm>
#include <cmath>

#include "ecoscore/core/number.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/scalar.hpp"

namespace ecoscore::load {
namespace {

using core::Msg;

// Saaty's scale runs from 1/9 to 9; a judgement written as 0.11 still means 1/9.
constexpr double kLowest = 1.0 / 9.0 * 0.99;
constexpr double kHighest = 9.0;
// Reciprocals written as decimals (0.33 for 1/3) are accepted within 1 %.
constexpr double kReciprocalTolerance = 0.01;

// A judgement: a number, or a fraction p/q of two numbers.
std::optional<double> judgement(Reader& r, const Node& node, const std::string& path) {
  if (!node.is_scalar()) {
    r.error(node, path, Msg::expected_type, {"a number or a fraction", describe(node)});
    return std::nullopt;
  }
  std::optional<double> value;
  if (const auto slash = node.text.find('/'); slash != std::string::npos) {
    const NumberResult p = parse_number(std::string_view(node.text).substr(0, slash));
    const NumberResult q = parse_number(std::string_view(node.text).substr(slash + 1));
    if (p.error == NumberError::none && q.error == NumberError::none && q.value > 0) value = p.value / q.value;
  } else if (!node.quoted) {
    const NumberResult n = parse_number(node.text);
    if (n.error == NumberError::none) value = n.value;
  }
  if (!value || *value < kLowest || *value > kHighest) {
    r.error(node, path, Msg::ahp_judgement, {core::escape_control(node.text)});
    return std::nullopt;
  }
  return value;
}

// "a, b, c", or "-" for none.
std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? std::string("-") : out;
}

}  // namespace

std::optional<model::Ahp> read_ahp(Reader& r, const Node& node, const std::string& path,
                                   std::optional<model::AhpMethod> method) {
  Fields f(r, node, path);
  if (!f.ok()) return std::nullopt;
  model::Ahp ahp;
  ahp.where = r.where(node);
  bool ok = true;
  const Node* criteria = f.required("criteria");
  const Node* matrix = f.required("matrix");
  if (const Node* n = f.optional("method")) {
    if (auto v = r.choice(*n, f.path_of("method"), model::ahp_method_names())) ahp.method = *v; else ok = false;
  }
  f.finish();
  if (!criteria || !matrix) return std::nullopt;
  if (!r.expect(*criteria, Node::Kind::sequence, f.path_of("criteria"))) return std::nullopt;
  UniqueIds ids(r);
  for (std::size_t i = 0; i < criteria->children.size(); ++i) {
    const std::string p = index_path(f.path_of("criteria"), i);
    auto id = r.id(criteria->children[i], p);
    ok = id && ids.add(*id, criteria->children[i], p) && ok;
    ahp.criteria.push_back(id.value_or(""));
  }
  const std::size_t n = ahp.criteria.size();
  if (n < 2 || n > 15) {
    r.error(*criteria, f.path_of("criteria"), Msg::ahp_criteria_count, {std::to_string(n)});
    return std::nullopt;
  }
  // The matrix is checked even when the criteria had errors, so that one run
  // reports both.
  if (!r.expect(*matrix, Node::Kind::sequence, f.path_of("matrix"))) return std::nullopt;
  const auto shape_error = [&](const Node& at, const std::string& p, std::size_t found) {
    r.error(at, p, Msg::ahp_matrix_shape, {std::to_string(n), std::to_string(found)});
  };
  if (matrix->children.size() != n) {
    shape_error(*matrix, f.path_of("matrix"), matrix->children.size());
    return std::nullopt;
  }
  bool cells_ok = true;
  for (std::size_t i = 0; i < n; ++i) {
    const Node& row = matrix->children[i];
    const std::string rp = index_path(f.path_of("matrix"), i);
    std::vector<double> values;
    if (!r.expect(row, Node::Kind::sequence, rp)) {
      cells_ok = false;
      continue;
    }
    if (row.children.size() != n) {
      shape_error(row, rp, row.children.size());
      cells_ok = false;
      continue;
    }
    for (std::size_t j = 0; j < n; ++j) {
      const auto v = judgement(r, row.children[j], index_path(rp, j));
      if (v && i == j && *v != 1) {
        r.error(row.children[j], index_path(rp, j), Msg::ahp_diagonal,
                {ahp.criteria[i], core::escape_control(row.children[j].text)});
        cells_ok = false;
      }
      cells_ok = v.has_value() && cells_ok;
      values.push_back(v.value_or(1));
    }
    ahp.matrix.push_back(std::move(values));
  }
  if (!cells_ok) return std::nullopt;
  if (!ok) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (std::fabs(ahp.matrix[i][j] * ahp.matrix[j][i] - 1) <= kReciprocalTolerance) continue;
      const Node& cell = matrix->children[i].children[j];
      r.error(cell, index_path(index_path(f.path_of("matrix"), i), j), Msg::ahp_reciprocal,
              {ahp.criteria[j], ahp.criteria[i], core::escape_control(matrix->children[j].children[i].text),
               core::escape_control(cell.text)});
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  if (method) ahp.method = *method;
  ahp.result = model::derive_weights(ahp.matrix, ahp.method);
  return ahp;
}

std::optional<model::Ahp> read_ahp_file(const Node& root, Reader& reader, std::optional<model::AhpMethod> method) {
  Fields top(reader, root, "");
  if (!top.ok()) return std::nullopt;
  const Node* ahp = top.required("ahp");
  top.finish();
  if (!ahp) return std::nullopt;
  auto result = read_ahp(reader, *ahp, "/ahp", method);
  if (result) warn_if_inconsistent(reader, *ahp, "/ahp", *result);
  return result;
}

void warn_if_inconsistent(Reader& reader, const Node& at, const std::string& path, const model::Ahp& ahp) {
  if (ahp.result.cr <= model::kAcceptableCr) return;
  reader.warning(at, path, Msg::ahp_inconsistent, {join_ids(ahp.criteria), core::format_fixed(ahp.result.cr, 3)});
}

bool apply_ahp(Reader& reader, const Node& at, const std::string& path, const model::Ahp& ahp,
               const std::vector<std::string>& ids, const std::vector<double*>& weights) {
  std::vector<std::string> missing, extra;
  for (const auto& id : ids)
    if (std::find(ahp.criteria.begin(), ahp.criteria.end(), id) == ahp.criteria.end()) missing.push_back(id);
  for (const auto& c : ahp.criteria)
    if (std::find(ids.begin(), ids.end(), c) == ids.end()) extra.push_back(c);
  if (!missing.empty() || !extra.empty()) {
    const Node* criteria = at.find("criteria");
    reader.error(criteria ? *criteria : at, path + "/criteria", Msg::ahp_criteria_mismatch,
                 {join_ids(ids), join_ids(missing), join_ids(extra)});
    return false;
  }
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const auto pos = std::find(ahp.criteria.begin(), ahp.criteria.end(), ids[k]) - ahp.criteria.begin();
    *weights[k] = ahp.result.weights[static_cast<std::size_t>(pos)];
  }
  warn_if_inconsistent(reader, at, path, ahp);
  return true;
}

}  // namespace ecoscore::load
