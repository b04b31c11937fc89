#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ecoscore/core/lang.hpp"
#include "ecoscore/report/document.hpp"

namespace ecoscore::audit {

// The numbers of one firm in a scores.json, as an auditor compares them.
struct FirmNumbers {
  std::string id;
  std::string name;  // in the run's language when known, else the id
  std::optional<double> total;
  std::string grade;
  int rank = 0;
  std::map<std::string, std::optional<double>> dimensions;
  std::map<std::string, std::string> raw;                         // indicator -> raw value as JSON text
  std::map<std::string, std::optional<double>> normalized;        // indicator -> normalized
};

struct RunNumbers {
  std::string rubric;  // id@version
  int precision = 1;
  std::vector<std::pair<std::string, std::string>> grades;  // id and label in the language, best first
  std::string period;                                        // of the first firm
  std::string lang;                                          // the rubric's default language
  std::map<std::string, std::string> dimension_labels;       // id -> label in the language
  std::map<std::string, FirmNumbers> firms;
};

// Reads the numbers of a scores.json document. Throws core::InputError when
// it is not one.
RunNumbers read_run_numbers(const std::string& json_text, const std::string& path, core::Lang lang);

// The numbers of a run folder (its scores.json) or of a scores.json file.
// Throws core::MissingInputError when there is none.
RunNumbers read_run(const std::string& run_or_file, core::Lang lang);

struct Change {
  enum class Kind { added, removed, total, grade, rank, dimension, raw, normalized };
  std::string firm;
  Kind kind = Kind::total;
  std::string item;  // dimension or indicator id
  std::string before;
  std::string after;
};

struct Comparison {
  std::vector<Change> changes;                               // by firm, then in the order above
  std::map<std::pair<std::string, std::string>, int> grades;  // (grade in A, grade in B) -> firms in both
  bool differs() const { return !changes.empty(); }
};

Comparison compare_runs(const RunNumbers& a, const RunNumbers& b);

// The years view of `compare --years`: grade transitions (from × to),
// movers up and down, changes per dimension, firms added and removed.
report::Document years_view(const RunNumbers& a, const RunNumbers& b, core::Lang lang);

// One line per change, then the grade transitions.
void write_comparison(std::ostream& out, const Comparison& comparison, const RunNumbers& a, const RunNumbers& b,
                      core::Lang lang);

}  // namespace ecoscore::audit
