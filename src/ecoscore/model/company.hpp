#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ecoscore/core/box.hpp"
#include "ecoscore/core/source_location.hpp"
#include "ecoscore/model/label.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::model {

enum class SizeClass { large, medium, small, micro };

// Large firms take the large-firm role; medium, small and micro firms are the
// SME side of the model.
constexpr Role role_of(SizeClass size) { return size == SizeClass::large ? Role::large : Role::sme; }

// A calendar date, checked when read.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// A raw rating: a number (likert, numeric, percent, bands), true/false
// (boolean) or a level id (levels).
using Value = std::variant<double, bool, std::string>;

struct RaterValue {
  std::string rater;
  Value value;
  core::SourceLocation where;
};

struct Rating {
  std::string indicator;
  // Exactly one of: a single value, values per rater, or neither when the
  // file says explicitly that the indicator was not rated (null).
  std::optional<Value> value;
  std::vector<RaterValue> per_rater;  // sorted by rater id
  std::string evidence;
  std::optional<Date> evidence_date;
  std::string missing_reason;  // why an explicit null was left unrated
  core::SourceLocation where;

  bool is_missing() const { return !value && per_rater.empty(); }
};

struct Rater {
  std::string id;
  std::string name;
  std::string organization;
};

struct AppliedAdjustment {
  std::string id;
  double points = 0;
  std::string reason;
  std::string evidence;
  std::optional<Date> date;
  core::SourceLocation where;
};

// Reported results the model leads to (revenue growth, innovations); they are
// not scored, only related to scores in reports.
struct Outcome {
  std::string id;
  double value = 0;
  core::SourceLocation where;
};

// A decision taken after scoring, recorded with its date: a rating corrected
// on appeal, or a published grade lowered after a sanction (as the win-win
// growth index does). Decisions apply in date order.
struct Decision {
  enum class Kind { correction, downgrade };
  Date date;
  Kind kind = Kind::correction;
  std::string indicator;              // correction: the indicator corrected
  std::optional<Value> value;         // correction: the new value, or
  std::vector<RaterValue> per_rater;  // correction: new values per rater
  std::string grade;                  // downgrade: the best grade still allowed
  std::string reason;
  std::string decided_by;
  core::SourceLocation where;
};

// (The rubric and period are kept once: a cohort shares a few.)
struct Evaluation {
  core::Interned rubric_id;
  core::Interned rubric_version;
  core::Interned period;
  core::SourceLocation rubric_where;
  core::SourceLocation ratings_where;
  std::vector<Rating> ratings;  // sorted by indicator id
  // What few firms have, kept apart (made when first written), as in Company.
  struct Rare {
    std::vector<Rater> raters;  // sorted by id
    std::vector<AppliedAdjustment> adjustments;
  };
  core::Box<Rare> rare;

  // The rare parts, to read (empty when never written; write through rare.edit()).
  const std::vector<Rater>& raters() const { return rare.get().raters; }
  const std::vector<AppliedAdjustment>& adjustments() const { return rare.get().adjustments; }
};

struct Company {
  std::string id;
  Label name;
  SizeClass size = SizeClass::small;
  core::Interned sector;  // (kept once: a cohort shares a few)
  std::vector<std::string> partners;  // sorted
  Evaluation evaluation;
  // What few firms have, kept apart (made when first written), so that a
  // national cohort's firms do not each carry room for it.
  struct Rare {
    std::string note;
    std::vector<Outcome> outcomes;    // sorted by id
    std::vector<Decision> decisions;  // in date order (file order among equal dates)
  };
  core::Box<Rare> rare;
  core::PathRef path;  // (shared with the locations in its file)
  core::SourceLocation where;

  // The rare parts, to read (empty when never written; write through rare.edit()).
  const std::string& note() const { return rare.get().note; }
  const std::vector<Outcome>& outcomes() const { return rare.get().outcomes; }
  const std::vector<Decision>& decisions() const { return rare.get().decisions; }

  Role role() const { return role_of(size); }
  const Rating* find_rating(std::string_view indicator) const;
  // The rating of each of the rubric's indicators, by its position in the
  // rubric (Rubric::indicator_position), null where there is none: one pass
  // for a firm scored or checked indicator by indicator.
  std::vector<const Rating*> ratings_by_position(const Rubric& rubric) const;
};

// A large firm and one of its SME partners, in one evaluation period.
struct Pair {
  std::string large;
  std::string sme;
  core::SourceLocation where;
  std::string period;  // set when pairs are formed from the companies of a run
  friend bool operator==(const Pair& a, const Pair& b) {
    return a.large == b.large && a.sme == b.sme && a.period == b.period;
  }
};

}  // namespace ecoscore::model
