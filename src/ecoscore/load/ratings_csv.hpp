#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/load/csv.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/load/limits.hpp"
#include "ecoscore/model/company.hpp"
#include "ecoscore/model/rubric.hpp"

namespace ecoscore::load {

// The columns of a ratings CSV (docs/formats.md), besides one per indicator id.
inline constexpr std::string_view kCsvCompanyColumns[] = {"id",     "name_ko",  "name_en", "size",
                                                         "sector", "partners", "note",    "period",
                                                         "rater",  "rater_name", "rater_organization"};

// Companies from a ratings CSV for `rubric`: one row per firm, or per firm
// and rater. Every problem is reported as path:row:column: a missing or
// unknown column, a row of the wrong length, a second row of a firm (or of a
// firm's rater), firm fields that differ between its rows. Values keep the
// cell's place, so check_company (which the caller runs, as for YAML files)
// names the cell of a value off its scale. Returns the companies read, in
// file order; the run fails on the errors reported. Firms are read on up to
// `threads` threads (0: every core); the result and the order of the
// diagnostics do not depend on how many.
//
// `on_firm`, when given, is shown each firm as soon as it is read, on the
// thread that read it: whether the firm was read without errors, and a list
// for what it finds (load_workspace checks the firm there). Those lists come
// back in `found`, one per company returned.
using FirmHook = std::function<void(model::Company& company, bool read_cleanly, core::Diagnostics& found)>;
std::vector<model::Company> read_ratings_csv(const CsvTable& table, const std::string& path,
                                             const model::Rubric& rubric, core::Diagnostics& out,
                                             unsigned threads = 0, const FirmHook* on_firm = nullptr,
                                             std::vector<core::Diagnostics>* found = nullptr);

// Reads and checks a ratings CSV file (byte checks, CSV, companies).
std::vector<model::Company> load_ratings_csv(const std::string& io_path, const std::string& path,
                                             const model::Rubric& rubric, const Limits& limits,
                                             core::Diagnostics& out, const ReadHook* seen = nullptr,
                                             unsigned threads = 0, const FirmHook* on_firm = nullptr,
                                             std::vector<core::Diagnostics>* found = nullptr);

}  // namespace ecoscore::load
