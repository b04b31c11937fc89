#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecoscore/core/lang.hpp"
#include "ecoscore/core/source_location.hpp"
#include "ecoscore/model/ahp.hpp"
#include "ecoscore/model/label.hpp"

namespace ecoscore::model {

// Which side of a large-firm/SME relationship a dimension judges.
enum class Role { large, sme };

enum class ScaleKind { likert, numeric, percent, boolean, bands, levels };
enum class Direction { benefit, cost };

// A range of raw values [min, max) mapped to a score on 0..100; the last band
// of a scale includes its max.
struct Band {
  double min = 0;
  double max = 0;
  double score = 0;
  Label label;
};

// A named category and its score on 0..100.
struct Level {
  std::string id;
  Label label;
  double score = 0;
};

// An anchor text for a point of a likert or numeric scale.
struct Anchor {
  double point = 0;
  Label text;
};

struct Scale {
  ScaleKind kind = ScaleKind::likert;
  double min = 1;  // likert, numeric; percent is 0..100; bands: first band's min
  double max = 5;  // likert, numeric; bands: last band's max
  Direction direction = Direction::benefit;  // numeric, percent, boolean
  std::string unit;                          // numeric, bands (display only)
  std::vector<Band> bands;
  std::vector<Level> levels;
};

struct Indicator {
  std::string id;
  Label label;
  double weight = 1;  // relative to its siblings (nested) or to the whole rubric (global)
  Scale scale;
  Label question;
  std::vector<Anchor> anchors;
  core::SourceLocation where;
};

struct Dimension {
  std::string id;
  Label label;
  double weight = 1;
  std::vector<Role> roles;  // sorted, unique, not empty
  std::vector<Indicator> indicators;
  std::optional<double> reported_share;  // a printed share the weights must round to
  std::optional<Ahp> ahp;                // the indicator weights' pairwise comparison, if given so
  core::SourceLocation where;

  bool applies_to(Role role) const;
};

enum class Method { weighted_mean, weighted_geometric, topsis };
enum class Normalization { absolute, minmax, vector };
enum class MissingPolicy { fail, renormalize, zero };
enum class Combine { mean, median };
enum class GradeMode { absolute, relative };
enum class AdjustmentKind { bonus, penalty };
// nested: dimension weights, then indicator weights within each dimension.
// global: indicator weights are shares of the whole; a dimension weighs the sum.
enum class WeightMode { nested, global };

struct MissingRule {
  MissingPolicy policy = MissingPolicy::renormalize;
  double min_coverage = 0.5;  // share of a dimension's weight that must be rated
};

struct RaterRule {
  Combine combine = Combine::mean;
  double tolerance = 25;  // flag raters further apart than this, in points of 0..100
};

struct PairRule {
  Combine combine = Combine::mean;
  double gap_threshold = 15;  // flag perception gaps larger than this, in points
};

// A grade, from the best down. Absolute grades use min_score, relative grades
// use share (of the cohort, best first).
struct GradeBand {
  std::string id;
  Label label;
  double min_score = 0;
  double share = 0;
};

// A firm whose score on `dimension` is below `below` gets at best `max_grade`.
struct GradeFloor {
  std::string dimension;
  double below = 0;
  std::string max_grade;
  core::SourceLocation where;
};

struct GradeRules {
  GradeMode mode = GradeMode::absolute;
  std::vector<GradeBand> bands;
  std::vector<GradeFloor> floors;
};

struct AdjustmentItem {
  std::string id;
  Label label;
  AdjustmentKind kind = AdjustmentKind::bonus;
  double max_points = 0;
};

struct AdjustmentRules {
  double bonus_cap = 0;
  double penalty_cap = 0;
  std::vector<AdjustmentItem> items;
};

struct Rubric {
  std::string id;
  std::string version;
  Label title;
  Label source;
  Label notes;
  core::Lang lang = core::Lang::ko;
  int precision = 1;
  Method method = Method::weighted_mean;
  Normalization normalization = Normalization::absolute;
  WeightMode weights = WeightMode::nested;
  MissingRule missing;
  RaterRule raters;
  PairRule pairs;
  GradeRules grades;
  AdjustmentRules adjustments;
  std::vector<Dimension> dimensions;
  std::optional<Ahp> ahp;  // the dimension weights' pairwise comparison, if given so
  std::string path;  // the file it was read from

  std::string reference() const { return id + "@" + version; }
  const Dimension* find_dimension(std::string_view id) const;
  // The indicator and the dimension holding it, or nulls.
  std::pair<const Dimension*, const Indicator*> find_indicator(std::string_view id) const;
  // How many indicators the rubric has, and where one of them is among them
  // all, counted dimension by dimension in rubric order (npos if none).
  std::size_t indicator_count() const;
  std::size_t indicator_position(std::string_view id) const;
  const AdjustmentItem* find_adjustment(std::string_view id) const;
  const GradeBand* find_grade(std::string_view id) const;

  // Indexes the indicators by id for find_indicator, which a cohort of
  // thousands of firms calls for every rating. The loader calls it once the
  // rubric is complete; without it (or after indicators are added),
  // find_indicator searches in order.
  void index_indicators();

  // An indicator found by id: its dimension, itself and its position among
  // all (as indicator_position), or nulls and npos.
  struct Found {
    const Dimension* dimension = nullptr;
    const Indicator* indicator = nullptr;
    std::size_t position = std::string::npos;
  };
  // Finds the indicators of ids asked for in increasing order, as a firm's
  // ratings are kept, by walking the rubric's ids in that order alongside
  // them (a merge), not by a lookup each. An id out of order, or a rubric
  // not indexed, is found as find_indicator finds it.
  class InOrder {
   public:
    explicit InOrder(const Rubric& rubric);
    Found find(std::string_view id);

   private:
    const Rubric& rubric_;
    bool merge_;        // the index is complete
    std::size_t next_;  // in rubric.ids_in_order_
  };

 private:
  // Each indicator's id and place, sorted by id: positions, not pointers,
  // so that a copy of the rubric stays right. Searched by halves for one id,
  // walked alongside ids in order by InOrder.
  struct Place {
    std::uint32_t dimension;
    std::uint32_t indicator;  // within its dimension
    std::uint32_t position;   // among all
  };
  std::vector<std::pair<std::string, Place>> ids_in_order_;
  const Place* indexed(std::string_view wanted, bool& searched) const;
};

}  // namespace ecoscore::model
