#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>

#include "ecoscore/analyze/robustness.hpp"
#include "ecoscore/core/digest.hpp"
#include "ecoscore/core/lang.hpp"
#include "ecoscore/score/result.hpp"
#include "ecoscore/score/score.hpp"

namespace ecoscore::score {
class DetailStore;
}  // namespace ecoscore::score

namespace ecoscore::report {

// What the writers need besides the scores: how the run was made.
struct RunInfo {
  std::string tool_version;
  core::Lang lang = core::Lang::ko;
  std::string rubric_file;
  std::string date;                           // YYYY-MM-DD when asked for (--date, SOURCE_DATE_EPOCH)
  // Each input file's SHA-256, sorted by path, once each (a sorted array:
  // a national cohort has one per firm).
  std::vector<std::pair<core::PathRef, core::Sha256>> sha256;
  const analyze::Robustness* robustness = nullptr;  // rank robustness, when the run asked for it
  unsigned threads = 0;  // threads that render a long scores.json (0: every core); the bytes do not depend on it
  // Where the firms' indicators went when they were scored while read (a
  // streamed run): scores.json takes a firm's indicators from here when its
  // own list is empty.
  const score::DetailStore* details = nullptr;
};

// Every writer takes a stream and computed results; none scores anything.

// scores.json: the contract of DESIGN §5 plus pairs and ecosystems. Numbers
// unrounded at shortest round-trip; keys in a fixed order.
void write_scores_json(std::ostream& out, const score::Run& run, const RunInfo& info);

// scores.csv: one row per company, ranked, with dimension scores.
void write_scores_csv(std::ostream& out, const score::Run& run, const RunInfo& info);

// report.md: ranking, dimensions, pairs, ecosystems and notes.
void write_report_markdown(std::ostream& out, const score::Run& run, const RunInfo& info);

// report.html: one self-contained page (no network, no external files) with
// inline SVG charts, print CSS for A4 and a strict Content-Security-Policy;
// every user string escaped.
void write_report_html(std::ostream& out, const score::Run& run, const RunInfo& info);

// report.xlsx: sheets for the summary, dimensions, indicators and pairs, with
// native radar and scatter charts and number formats; the same bytes for the
// same run (the created date is the run's date, never the clock).
void write_report_xlsx(std::ostream& out, const score::Run& run, const RunInfo& info);

// The ranking as an aligned table for a terminal.
void write_ranking_table(std::ostream& out, const score::Run& run, const RunInfo& info);

// The whole derivation of one firm's total, step by step; with `indicator`,
// that indicator's part only.
void write_explanation(std::ostream& out, const score::Run& run, const score::CompanyScore& company,
                       const RunInfo& info, const std::optional<std::string>& indicator);

// A fill-in company file for a rubric: metadata to complete and every
// indicator that applies to `role`, with its question, scale and anchors as
// comments and a null value. Once filled in it validates.
void write_company_template(std::ostream& out, const model::Rubric& rubric, model::Role role, const std::string& id,
                            core::Lang lang);

// A company file as YAML (what `import` writes from a ratings CSV), with
// `origin` as its first comment line.
void write_company_yaml(std::ostream& out, const model::Company& company, const std::string& origin);
// A ratings CSV (docs/formats.md): one row per firm, or per firm and rater,
// with the firm's fields, one column per indicator, and evidence and
// adjustment columns where some firm has them. Decisions after scoring are
// not part of it.
void write_ratings_csv(std::ostream& out, const model::Rubric& rubric,
                       const std::vector<const model::Company*>& companies);

// The rubric as a tree with each dimension's and indicator's share of the total.
void write_rubric_text(std::ostream& out, const model::Rubric& rubric, core::Lang lang);
void write_rubric_json(std::ostream& out, const model::Rubric& rubric);

// Weights from a pairwise comparison: a table of criteria and weights, then
// lambda_max, CI, CR and the random index used.
void write_ahp_text(std::ostream& out, const model::Ahp& ahp, core::Lang lang);
// {"method","criteria","weights","lambda_max","ci","cr","random_index"}
void write_ahp_json(std::ostream& out, const model::Ahp& ahp);
// "λmax 4.0710, CI 0.0237, CR 0.0263 (RI 0.90)", flagged above 0.10.
std::string ahp_summary(const model::Ahp& ahp, core::Lang lang);

}  // namespace ecoscore::report
