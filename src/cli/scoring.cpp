#include "cli/scoring.hpp"
#include "ecoscore/report/analysis_views.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ecoscore/audit/sha256.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/model/names.hpp"

namespace ecoscore::cli {
namespace {

template <typename E>
std::optional<E> parse_choice(const std::string& text, std::span<const model::EnumName<E>> names, std::string_view option,
                              const std::vector<std::string_view>& allowed) {
  if (text.empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), text) != allowed.end())
    if (auto v = model::parse_name(names, text)) return v;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw_usage(fmt::format("{} must be one of {}, not '{}'", option, list, text));
}

// Lines up the firms scored as they were read (in the order they came, with
// where each company was read) with the workspace's companies (sorted by id),
// in place, so that a national cohort's scores are not copied: a company
// scored otherwise (re-scored from another version) gets an empty score,
// without a company. (A company is known by where it was read, its file and
// line, which no two share, and which takes no copy of its id.)
std::vector<score::CompanyScore> in_company_order(std::vector<score::CompanyScore> firms,
                                                  const std::vector<core::SourceLocation>& read_at,
                                                  const std::vector<model::Company>& companies) {
  const std::size_t scored = firms.size();
  // Each company's place, side by side (a company is large: reached through
  // it, each of a sort's comparisons would wait for memory), ordered by the
  // path's one copy, not its text: a lookup, not an order shown.
  struct Place {
    const void* path;
    int line;
    std::uint32_t company;  // (sixteen bytes a firm, at the run's peak of memory)
    auto key() const { return std::pair{path, line}; }
  };
  const auto place_of = [](const core::SourceLocation& where) {
    return std::pair{static_cast<const void*>(&where.path.str()), where.line};
  };
  std::vector<Place> by_place(companies.size());
  for (std::size_t k = 0; k < companies.size(); ++k) {
    const auto [path, line] = place_of(companies[k].where);
    by_place[k] = {path, line, static_cast<std::uint32_t>(k)};
  }
  std::sort(by_place.begin(), by_place.end(), [](const Place& a, const Place& b) { return a.key() < b.key(); });
  std::vector<std::size_t> target(companies.size());
  std::vector<char> taken(companies.size(), 0);
  for (std::size_t j = 0; j < scored; ++j) {
    const auto wanted = place_of(read_at[j]);
    const auto at = std::lower_bound(by_place.begin(), by_place.end(), wanted,
                                     [](const Place& p, const auto& w) { return p.key() < w; });
    if (at == by_place.end() || at->key() != wanted || taken[at->company])
      throw std::logic_error("a company scored as it was read is not in the workspace once: " +
                             std::string(read_at[j].path.str()) + ":" + std::to_string(read_at[j].line));
    target[j] = at->company;
    taken[at->company] = 1;
  }
  by_place = std::vector<Place>();
  firms.resize(companies.size());
  for (std::size_t j = scored, free = 0; j < companies.size(); ++j, ++free) {
    while (taken[free]) ++free;
    target[j] = free;
  }
  for (std::size_t j = 0; j < firms.size(); ++j)
    while (target[j] != j) {
      std::swap(firms[j], firms[target[j]]);
      std::swap(target[j], target[target[j]]);
    }
  for (std::size_t k = 0; k < firms.size(); ++k)
    if (taken[k]) firms[k].company = &companies[k];
  return firms;
}

template <typename Write>
std::string render(Write write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

}  // namespace

void add_scoring_options(po::options_description& desc, ScoringOptions& options, core::Lang lang) {
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  desc.add_options()
      ("rubric", po::value(&options.rubric)->required()->value_name("FILE"),
       t("the rubric to score with", "평가에 쓸 평가 기준").c_str())
      ("method", po::value(&options.method)->value_name("M"),
       t("weighted-mean, weighted-geometric or topsis (default: the rubric's)",
         "weighted-mean, weighted-geometric 또는 topsis (기본: 평가 기준의 방법)").c_str())
      ("normalization", po::value(&options.normalization)->value_name("N"),
       t("absolute, minmax or vector (default: the rubric's)", "absolute, minmax 또는 vector (기본: 평가 기준의 방법)").c_str())
      ("max-file-size", po::value(&options.limits.max_file_bytes)->value_name("BYTES"),
       t("largest input file accepted (default: 4194304; a national cohort's ratings CSV is larger)",
         "받아들일 입력 파일의 최대 크기 (기본: 4194304. 전국 규모 집단의 평가 CSV는 더 큼)").c_str());
}

std::unique_ptr<Scored> load_and_score(const ScoringOptions& options, Context& ctx) {
  score::Options score_options;
  score_options.method =
      parse_choice(options.method, model::method_names(), "--method", {"weighted-mean", "weighted-geometric", "topsis"});
  score_options.normalization = parse_choice(options.normalization, model::normalization_names(), "--normalization",
                                             {"absolute", "minmax", "vector"});
  load::LoadOptions load_options;
  load_options.limits = options.limits;
  load_options.root = options.root;
  load_options.rubric_file = options.rubric;
  load_options.rescore = options.rescore;
  // Re-scoring validates each file against the rubric version it was rated
  // under, found beside the new one.
  load_options.rubric_dirs = {};
  if (options.rescore) {
    const std::string dir = std::filesystem::path(options.rubric).parent_path().generic_string();
    load_options.rubric_dirs = {dir.empty() ? std::string(".") : dir};
  }
  // Each input is fingerprinted from the very bytes scored, as it is read
  // (on every core), not read again afterwards.
  // (In the order read; sorted once all are read.)
  std::mutex hashes_lock;
  std::vector<std::pair<core::PathRef, audit::Sha256>> hashes;
  load_options.on_read = [&](const std::string& path, std::string_view bytes) {
    const audit::Sha256 hash = audit::sha256(bytes);
    const core::PathRef ref(path);
    const std::lock_guard lock(hashes_lock);
    hashes.emplace_back(ref, hash);
  };
  auto scored = std::make_unique<Scored>();
  // A streamed run scores each firm on the thread that read it; a firm
  // without decisions (which need its ratings to be rated as evaluated) or
  // several raters on an indicator (which rater agreement needs) keeps only
  // its totals and dimensions in memory, its indicators in the detail store
  // when the output shows them.
  using Keep = ScoringOptions::Keep;
  // Firms scored as they were read, in the order they came, and where each was read:
  // each firm takes the next slot of the room made for it, no lock held.
  std::vector<score::CompanyScore> firms;
  std::vector<core::SourceLocation> firm_read_at;
  std::atomic<std::size_t> filled{0};
  std::atomic<std::size_t> released{0};  // firms whose ratings and indicators left memory
  bool streamed = options.keep == Keep::totals;
  if (options.keep == Keep::details) {
    try {
      scored->details = std::make_unique<score::DetailStore>();
      streamed = true;
    } catch (const core::IoError& e) {
      // Nowhere to put them: every firm stays in memory, as in a run folder.
      ctx.log->warn("{}; keeping every company in memory", e.what());
    }
  }
  if (streamed) {
    load_options.on_companies_ahead = [&](std::size_t count) {
      firms.resize(filled + count);
      firm_read_at.resize(filled + count);
      const std::lock_guard lock(hashes_lock);
      hashes.reserve(hashes.size() + count);  // (a file, or a CSV row, each)
    };
    load_options.on_company = [&](const model::Rubric& rubric, model::Company& c) {
      if (!score::scored_alone(rubric, score_options)) return;
      const bool raters = std::any_of(c.evaluation.ratings.begin(), c.evaluation.ratings.end(),
                                      [](const model::Rating& r) { return r.per_rater.size() > 1; });
      const bool let_go = c.decisions().empty() && !raters;
      // (A firm whose ratings are let go gives its evidence to its scores.)
      score::CompanyScore cs = let_go ? score::score_firm_taking_evidence(rubric, c, score_options)
                                      : score::score_firm(rubric, c, score_options);
      if (let_go) {
        if (scored->details) cs.kept = scored->details->keep(cs);
        // (Their room goes to the next firm this thread reads.)
        core::Spare<score::IndicatorScore>::give(std::move(cs.indicators));
        core::Spare<model::Rating>::give(std::move(c.evaluation.ratings));
        ++released;
      }
      cs.company = nullptr;  // (the company moves when merged)
      const std::size_t slot = filled++;
      if (slot >= firms.size()) throw std::logic_error("a company came that on_companies_ahead did not announce");
      firms[slot] = std::move(cs);
      firm_read_at[slot] = c.where;
    };
  }
  scored->workspace = load::load_workspace(options.paths, load_options);
  firms.resize(filled);  // (the room made for firms that did not come)
  firm_read_at.resize(filled);
  if (options.show_warnings) ctx.print(scored->workspace.warnings);
  const model::Rubric& rubric = *scored->workspace.rubric_given();
  if (streamed && score::scored_alone(rubric, score_options)) {
    const auto& companies = scored->workspace.companies;
    std::vector<score::CompanyScore> scores = in_company_order(std::move(firms), firm_read_at, companies);
    firm_read_at = std::vector<core::SourceLocation>();
    core::parallel_for(companies.size(), 0, [&](std::size_t k) {
      if (!scores[k].company) scores[k] = score::score_firm(rubric, companies[k], score_options);  // re-scored
    });
    // A pair's gaps compare its firms' indicators: those get them back.
    std::set<std::string> paired;
    for (const auto& p : scored->workspace.pairs) paired.insert({p.large, p.sme});
    for (std::size_t k = 0; k < companies.size(); ++k)
      if (scored->details && scores[k].kept && paired.count(companies[k].id))
        scores[k].indicators = scored->details->indicators(*scores[k].kept);
    scored->run = score::finish_run(rubric, std::move(scores), scored->workspace.pairs, score_options);
    scored->info.details = scored->details.get();
  } else {
    scored->run = score::score_run(rubric, scored->workspace.companies, scored->workspace.pairs, score_options);
  }
  auto& info = scored->info;
  info.tool_version = core::kVersion;
  info.lang = options.lang.empty() ? rubric.lang : *core::parse_lang(options.lang);
  info.rubric_file = options.rubric;
  info.date = options.date;
  // Every file read: the rubric(s), the company and pairs files. Each keeps
  // the fingerprint taken as it was read (the first, if read twice); a file
  // not read through the loader is fingerprinted now.
  // (Found by the path's one copy, not its text, until they are put in order.)
  const auto copy_of = [](const core::PathRef& path) { return static_cast<const void*>(&path.str()); };
  const auto by_copy = [&](const auto& a, const auto& b) { return std::less<>()(copy_of(a.first), copy_of(b.first)); };
  std::stable_sort(hashes.begin(), hashes.end(), by_copy);
  hashes.erase(std::unique(hashes.begin(), hashes.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               hashes.end());
  std::vector<char> listed(hashes.size(), 0);
  std::vector<std::pair<core::PathRef, audit::Sha256>> unread;
  const auto fingerprint = [&](const core::PathRef& path) {
    if (path.str() == load::kStdin) return;
    const auto it = std::lower_bound(hashes.begin(), hashes.end(), std::pair{path, audit::Sha256{}}, by_copy);
    if (it != hashes.end() && it->first == path)
      listed[static_cast<std::size_t>(it - hashes.begin())] = 1;
    else if (std::none_of(unread.begin(), unread.end(), [&](const auto& u) { return u.first == path; }))
      unread.emplace_back(path, audit::sha256_file(load::resolve(options.root, path)));
  };
  fingerprint(options.rubric);
  for (const auto& f : scored->workspace.files) fingerprint(f);
  for (const auto& r : scored->workspace.rubrics) fingerprint(r.path);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < hashes.size(); ++k)
    if (listed[k]) hashes[kept++] = hashes[k];
  hashes.resize(kept);
  hashes.insert(hashes.end(), unread.begin(), unread.end());
  core::sort_by_text(hashes, [](const auto& h) { return std::string_view(h.first.str()); });
  info.sha256 = std::move(hashes);
  ctx.log->info("scored {} of {} companies, {} pairs, {} ecosystems", scored->run.scored_count,
                scored->run.companies.size(), scored->run.pairs.size(), scored->run.ecosystems.size());
  if (released > 0)
    ctx.log->info("scored {} companies as they were read, keeping their totals and dimensions in memory",
                  released.load());
  if (scored->details && scored->details->size() > 0)
    ctx.log->info("kept the indicators of {} companies in a temporary file, not in memory", scored->details->size());
  if (options.robustness) {
    analyze::RobustnessOptions r = *options.robustness;
    if (ctx.progress)
      r.progress = [&ctx, shown = std::uint64_t{101}](std::uint64_t done, std::uint64_t total) mutable {
        const std::uint64_t percent = done * 100 / total;
        if (percent == shown) return;
        shown = percent;
        ctx.err << fmt::format("\rrobustness: {:3} % ({} / {} samples)", percent, done, total)
                << (done == total ? "\n" : "") << std::flush;
      };
    scored->robustness = analyze::rank_robustness(scored->run, r);
    scored->info.robustness = &*scored->robustness;
  }
  return scored;
}

RunFolder render_run_folder(const ScoringOptions& options, const std::string& working_directory, Context& ctx) {
  if (std::find(options.paths.begin(), options.paths.end(), load::kStdin) != options.paths.end())
    throw_usage("a run folder records its input files so that verify can re-run it; give files, not '-'");
  RunFolder folder;
  folder.scored = load_and_score(options, ctx);
  const score::Run& run = folder.scored->run;
  const report::RunInfo& info = folder.scored->info;
  folder.files = {
      {"report.html", render([&](std::ostream& o) { report::write_report_html(o, run, info); })},
      {"report.md", render([&](std::ostream& o) { report::write_report_markdown(o, run, info); })},
      {"report.xlsx", render([&](std::ostream& o) { report::write_report_xlsx(o, run, info); })},
      {"scores.csv", render([&](std::ostream& o) { report::write_scores_csv(o, run, info); })},
      {"scores.json", render([&](std::ostream& o) { report::write_scores_json(o, run, info); })},
  };
  if (const auto& r = folder.scored->robustness)
    folder.files.push_back(
        {"robustness.json", render([&](std::ostream& o) { report::write_robustness_json(o, *r, run, info); })});
  audit::Manifest& m = folder.manifest;
  m.tool_version = core::kVersion;
  m.rubric = options.rubric;
  m.paths = options.paths;
  m.method = options.method;
  m.normalization = options.normalization;
  m.lang = options.lang;
  m.date = options.date;
  m.rescore = options.rescore;
  if (const auto& r = options.robustness)
    m.robustness = audit::Manifest::Robustness{static_cast<long long>(r->samples), static_cast<long long>(r->seed),
                                               std::string(analyze::weight_model_name(r->model)), r->concentration,
                                               r->spread, r->top};
  m.working_directory = working_directory;
  m.limits = options.limits;
  m.rubric_id = run.rubric->id;
  m.rubric_version = run.rubric->version;
  for (const auto& cs : run.companies)
    for (const auto* d : cs.decisions())
      m.decisions.push_back({cs.company->id, fmt::format("{:04}-{:02}-{:02}", d->date.year, d->date.month, d->date.day),
                             d->kind == model::Decision::Kind::correction ? "correction" : "downgrade"});
  for (const auto& [path, hash] : info.sha256) m.inputs.push_back({path, hash.hex()});
  for (const auto& f : folder.files) m.outputs.push_back({f.name, audit::sha256_hex(f.content)});
  std::sort(m.outputs.begin(), m.outputs.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  folder.files.push_back({"manifest.json", render([&](std::ostream& o) { audit::write_manifest(o, m); })});
  return folder;
}

}  // namespace ecoscore::cli
