#include "ecoscore/load/workspace.hpp"

#include <algorithm>
#include <thread>
#include <filesystem>
#include <memory>
#include <set>
#include <numeric>

#include "ecoscore/core/error.hpp"
#include "ecoscore/core/parallel.hpp"
#include "ecoscore/core/spare.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/load/documents.hpp"
#include "ecoscore/load/file_reader.hpp"
#include "ecoscore/load/ratings_csv.hpp"
#include "ecoscore/load/yaml_tree.hpp"

namespace ecoscore::load {
namespace {

namespace fs = std::filesystem;
using core::Msg;

void report(core::Diagnostics& out, core::SourceLocation where, Msg msg, std::vector<std::string> args,
            std::string suggestion = {}) {
  out.push_back(core::make_error(std::move(where), msg, std::move(args), std::move(suggestion)));
}

// A file name (not hidden) that ends in .yaml or .yml.
bool is_yaml_name(std::string_view name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

bool is_yaml_name(const fs::path& p) { return is_yaml_name(std::string_view(p.extension().native())); }

// True when a path's file name ends in ".csv" after something else, as
// std::filesystem's extension() tells it (".csv" alone names a hidden file),
// told without making a path of it: asked twice for each file of a cohort.
bool is_csv_path(std::string_view path) {
  const std::string_view name = path.substr(path.rfind('/') + 1);  // (npos + 1 is 0)
  return name.size() > 4 && name.ends_with(".csv");
}

// A parsed file of any kind.
struct Parsed {
  std::string path;
  FileKind kind = FileKind::unknown;
  // (Rubrics and AHP files are rare: held apart, so that a cohort's worth of
  // parsed company files stays small.)
  std::unique_ptr<model::Rubric> rubric;
  std::string broken_rubric_id;  // the id a rubric that failed to load gives itself
  std::optional<model::Company> company;
  std::vector<model::Pair> pairs;
  std::unique_ptr<model::Ahp> ahp;
};

std::optional<Parsed> parse_file(const std::string& path, const std::string& base, const Limits& limits,
                                 core::Diagnostics& out, std::optional<model::AhpMethod> ahp_method = std::nullopt,
                                 const ReadHook* seen = nullptr) {
  // The text is read into the room of the thread's last file's, and leaves
  // its room for the next (a cohort's files are a few KB each).
  struct Text {
    std::string bytes = core::Spare<char, std::string>::take(0);
    ~Text() { core::Spare<char, std::string>::give(std::move(bytes)); }
  } text;
  if (!read_text_file(text.bytes, resolve(base, path), path, limits, true, out, seen)) return std::nullopt;
  auto root = parse_yaml(text.bytes, path, limits, out);
  if (!root) return std::nullopt;
  Parsed parsed;
  parsed.path = path;
  parsed.kind = kind_of(*root);
  Reader reader(path, out);
  switch (parsed.kind) {
    case FileKind::rubric:
      if (auto rubric = read_rubric(*root, reader)) parsed.rubric = std::make_unique<model::Rubric>(std::move(*rubric));
      if (!parsed.rubric) {
        const Node* head = root->find("rubric");
        const Node* id = head ? head->find("id") : nullptr;
        if (id && id->is_scalar()) parsed.broken_rubric_id = id->text;
      }
      break;
    case FileKind::company: parsed.company = read_company(*root, reader); break;
    case FileKind::pairs: parsed.pairs = read_pairs(*root, reader); break;
    case FileKind::ahp:  // checked; nothing to score
      if (auto ahp = read_ahp_file(*root, reader, ahp_method)) parsed.ahp = std::make_unique<model::Ahp>(std::move(*ahp));
      break;
    case FileKind::unknown:
      if (root->is_mapping())
        report(out, {path, root->line, root->column}, Msg::unknown_file_kind, {});
      else
        report(out, {path, root->line, root->column}, Msg::top_not_mapping, {describe(*root)});
      break;
  }
  return parsed;
}

std::string_view role_word(model::Role role) { return role == model::Role::large ? "a large firm" : "an SME"; }

// Finds rubrics in the search folders by id, reading only the files needed.
class RubricLibrary {
 public:
  RubricLibrary(const std::vector<std::string>& dirs, const std::string& root, const Limits& limits,
                const ReadHook* seen)
      : dirs_(dirs), root_(root), limits_(limits), seen_(seen) {}

  // Ids of every rubric found, for "did you mean".
  std::vector<std::string> ids() {
    load_all();
    std::vector<std::string> out;
    for (const auto& r : rubrics_) out.push_back(r.id);
    return out;
  }

  // The rubric with this id and version, or one with this id (so the caller
  // can report the version), or null.
  const model::Rubric* find(const std::string& id, const std::string& version) {
    load_all();
    const model::Rubric* same_id = nullptr;
    for (const auto& r : rubrics_) {
      if (r.id != id) continue;
      if (r.version == version) return &r;
      same_id = &r;
    }
    return same_id;
  }

 private:
  void load_all() {
    if (loaded_) return;
    loaded_ = true;
    for (const auto& dir : dirs_) {
      std::error_code ec;
      if (!fs::is_directory(resolve(root_, dir), ec)) continue;
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(resolve(root_, dir), ec))
        if (entry.is_regular_file(ec) && is_yaml_name(entry.path()))
          files.push_back((fs::path(dir) / entry.path().filename()).generic_string());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        // A broken rubric that nobody asked for must not fail the run.
        core::Diagnostics ignored;
        if (auto parsed = parse_file(f, root_, limits_, ignored, std::nullopt, seen_);
            parsed && parsed->rubric && !core::has_errors(ignored))
          rubrics_.push_back(std::move(*parsed->rubric));
      }
    }
  }

  std::vector<std::string> dirs_;
  std::string root_;
  Limits limits_;
  const ReadHook* seen_ = nullptr;
  bool loaded_ = false;
  std::vector<model::Rubric> rubrics_;
};

}  // namespace

const model::Rubric* Workspace::find_rubric(std::string_view id, std::string_view version) const {
  for (const auto& r : rubrics)
    if (r.id == id && r.version == version) return &r;
  return nullptr;
}

const model::Rubric* Workspace::rubric_given() const {
  for (const auto& r : rubrics)
    if (r.reference() == given_rubric) return &r;
  return nullptr;
}

const model::Company* Workspace::find_company(std::string_view id, std::string_view period) const {
  auto it = std::lower_bound(companies.begin(), companies.end(), id,
                             [](const model::Company& c, std::string_view v) { return c.id < v; });
  for (; it != companies.end() && it->id == id; ++it)
    if (period.empty() || it->evaluation.period == period) return &*it;
  return nullptr;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::string& root,
                                       core::Diagnostics& out) {
  std::vector<std::string> files;  // sorted and made unique at the end
  for (const auto& input : inputs) {
    if (input == kStdin) {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const std::string on_disk = resolve(root, input);
    const auto status = fs::status(on_disk, ec);
    if (ec || !fs::exists(status)) {
      // A dangling link or a missing path.
      report(out, {input, 0, 0}, Msg::input_missing, {});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    auto it = fs::recursive_directory_iterator(on_disk, ec);
    if (ec) {
      report(out, {input, 0, 0}, Msg::file_unreadable, {ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        report(out, {input, 0, 0}, Msg::file_unreadable, {ec.message()});
        break;
      }
      // (A cohort's folder holds a file per firm: its names are taken
      // apart as text, not as paths.)
      const std::string& found = it->path().native();
      const std::string_view name = std::string_view(found).substr(found.rfind('/') + 1);
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec) || !is_yaml_name(name)) continue;
      // The path below the folder as given, after the folder's name as given.
      std::string_view below(found);
      if (below.starts_with(on_disk)) {
        below.remove_prefix(on_disk.size());
        while (below.starts_with('/')) below.remove_prefix(1);
        std::string& file = files.emplace_back();
        file.reserve(input.size() + 1 + below.size());
        file += input;
        if (!input.ends_with('/')) file += '/';
        file += below;
      } else {
        files.push_back((fs::path(input) / it->path().lexically_relative(on_disk)).generic_string());
      }
    }
  }
  core::sort_by_text(files, [](const std::string& f) { return std::string_view(f); });
  files.erase(std::unique(files.begin(), files.end()), files.end());
  if (files.empty() && !core::has_errors(out)) report(out, {}, Msg::no_input_files, {});
  return files;
}

namespace {

// Reads one file that must be of `kind`, reporting `wrong_kind` otherwise.
Parsed load_single(const std::string& path, const Limits& limits, const std::string& root, FileKind kind,
                   Msg wrong_kind, core::Diagnostics* warnings, std::optional<model::AhpMethod> ahp_method = {},
                   const ReadHook* seen = nullptr) {
  core::Diagnostics out;
  auto parsed = parse_file(path, root, limits, out, ahp_method, seen);
  if (parsed && parsed->kind != kind && !core::has_errors(out)) report(out, {path, 1, 1}, wrong_kind, {});
  core::throw_if_errors(out);  // every path without a result has reported an error
  if (warnings) warnings->insert(warnings->end(), out.begin(), out.end());
  return std::move(*parsed);
}

}  // namespace

model::Rubric load_rubric_file(const std::string& path, const Limits& limits, const std::string& root,
                               core::Diagnostics* warnings, const ReadHook* seen) {
  return std::move(*load_single(path, limits, root, FileKind::rubric, Msg::not_a_rubric, warnings, {}, seen).rubric);
}

model::Ahp load_ahp_file(const std::string& path, const Limits& limits, core::Diagnostics* warnings,
                         std::optional<model::AhpMethod> method) {
  return std::move(*load_single(path, limits, {}, FileKind::ahp, Msg::not_an_ahp_file, warnings, method).ahp);
}

Workspace load_workspace(const std::vector<std::string>& inputs, const LoadOptions& options) {
  core::Diagnostics out;
  Workspace ws;
  std::optional<model::Rubric> given;
  // Rubrics that failed to load; companies rated under them are not checked,
  // since the rubric's own errors say what is wrong.
  std::set<std::string> broken_rubrics;
  if (options.rubric_file) {
    try {
      given = load_rubric_file(*options.rubric_file, options.limits, options.root, &out, &options.on_read);
    } catch (const core::Error& e) {
      out.insert(out.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  {
    const std::vector<std::string> files = expand_inputs(inputs, options.root, out);
    ws.files.assign(files.begin(), files.end());
  }
  // The --rubric file may also sit among the inputs (e.g. `validate rubrics companies`).
  std::erase(ws.files, core::PathRef(options.rubric_file.value_or("")));

  std::vector<std::vector<model::Pair>> pair_lists;
  ws.companies.reserve(ws.files.size());  // no copy of the cohort while it grows
  const unsigned threads =
      options.threads ? options.threads
                      : std::min<unsigned>(std::max(1U, std::thread::hardware_concurrency()),
                                           static_cast<unsigned>(std::max<std::size_t>(ws.files.size() / 64, 1)));
  // A company rated under the given rubric (every firm of a ratings CSV is)
  // is checked on the thread that read it; the others once all are read.
  const auto checked_as_read = [&](const model::Company& c) {
    return given && c.evaluation.rubric_id == given->id && c.evaluation.rubric_version == given->version;
  };
  // What the checks of companies checked early found, with their rubric ids.
  struct EarlyFound {
    std::size_t company = 0;  // (its index in ws.companies)
    std::string rubric_id;
    core::Diagnostics found;
  };
  std::vector<EarlyFound> early_found;
  // YAML files are parsed a batch at a time on every core, then merged in
  // file order: each file's diagnostics are kept apart and merged in order,
  // so the result and its messages are the same for any number of threads,
  // and no more than two batches of parsed files wait beside the merged
  // cohort. A batch is merged by one thread while the others parse the next
  // (but a batch holding a ratings CSV, whose merge reads it on every core).
  const std::size_t batch_size = std::max<std::size_t>(options.batch, 1);
  if (given && options.on_companies_ahead) options.on_companies_ahead(ws.files.size());
  struct Batch {
    std::size_t first = 0;
    std::size_t size = 0;
    std::vector<std::unique_ptr<Parsed>> parsed_files;
    std::vector<core::Diagnostics> file_diagnostics;
    // A company rated under the given rubric (and its version, unless
    // re-scoring) is checked on the reading thread too, and handed to
    // `on_company` there; its findings are kept apart until it is known to be
    // no duplicate and its rubric no broken one.
    std::vector<core::Diagnostics> early_checks;
    bool has_csv = false;
  };
  const auto parse_one = [&](Batch& b, std::size_t i) {
    const std::string& path = ws.files[b.first + i].str();
    if (is_csv_path(path)) return;
    if (auto parsed = parse_file(path, options.root, options.limits, b.file_diagnostics[i], std::nullopt,
                                 &options.on_read))
      b.parsed_files[i] = std::make_unique<Parsed>(std::move(*parsed));
    if (!b.parsed_files[i] || !b.parsed_files[i]->company || !checked_as_read(*b.parsed_files[i]->company)) return;
    model::Company& c = *b.parsed_files[i]->company;
    check_company(c, *given, b.early_checks[i]);
    if (options.on_company && !core::has_errors(b.file_diagnostics[i]) && !core::has_errors(b.early_checks[i]))
      options.on_company(*given, c);
  };
  const auto merge = [&](Batch& b) {
    for (std::size_t i = 0; i < b.size; ++i) {
      const std::size_t k = b.first + i;
      const std::string& path = ws.files[k].str();
      out.insert(out.end(), std::make_move_iterator(b.file_diagnostics[i].begin()),
                 std::make_move_iterator(b.file_diagnostics[i].end()));
      if (is_csv_path(path)) {
        // A ratings CSV: companies read against the --rubric. (Standard input is
        // read as YAML.)
        if (!given) {
          if (!options.rubric_file) report(out, {path, 0, 0}, Msg::csv_needs_rubric, {});
          continue;
        }
        // Each firm is checked on the thread that read it, as a company file's
        // company is, and handed on there.
        const FirmHook check_early = [&](model::Company& c, bool read_cleanly, core::Diagnostics& found) {
          check_company(c, *given, found);
          if (options.on_company && read_cleanly && !core::has_errors(found)) options.on_company(*given, c);
        };
        std::vector<core::Diagnostics> checked;
        std::vector<model::Company> companies;
        if (auto text = read_text_file(resolve(options.root, path), path, options.limits, false, out, &options.on_read))
          if (auto table = parse_csv(*text, path, out)) {
            if (options.on_companies_ahead) options.on_companies_ahead(table->records.size());
            companies = read_ratings_csv(*table, path, *given, out, options.threads, &check_early, &checked);
          }
        // The first source of companies hands over its whole array, so that
        // a national cohort's is not moved into another, firm by firm.
        for (std::size_t row = 0; row < companies.size(); ++row)
          if (!checked[row].empty())
            early_found.push_back({ws.companies.size() + row, companies[row].evaluation.rubric_id, std::move(checked[row])});
        if (ws.companies.empty())
          ws.companies = std::move(companies);
        else
          ws.companies.insert(ws.companies.end(), std::make_move_iterator(companies.begin()),
                              std::make_move_iterator(companies.end()));
        continue;
      }
      const std::unique_ptr<Parsed> parsed = std::move(b.parsed_files[i]);
      if (!parsed) continue;
      if (parsed->rubric) {
        const model::Rubric* same = ws.find_rubric(parsed->rubric->id, parsed->rubric->version);
        if (same || (given && given->reference() == parsed->rubric->reference()))
          report(out, {path, 1, 1}, Msg::duplicate_rubric,
                 {parsed->rubric->reference(), same ? same->path : given->path});
        else
          ws.rubrics.push_back(std::move(*parsed->rubric));
      }
      if (!parsed->broken_rubric_id.empty()) broken_rubrics.insert(parsed->broken_rubric_id);
      if (parsed->company) {
        if (!b.early_checks[i].empty())
          early_found.push_back({ws.companies.size(), parsed->company->evaluation.rubric_id, std::move(b.early_checks[i])});
        ws.companies.push_back(std::move(*parsed->company));
      }
      if (!parsed->pairs.empty()) pair_lists.push_back(std::move(parsed->pairs));
    }
    b = Batch();  // (what it held goes now, not when the next batch comes)
  };
  Batch merged;  // parsed, to be merged
  bool waiting = false;
  for (std::size_t first = 0; first < ws.files.size(); first += batch_size) {
    Batch next;
    next.first = first;
    next.size = std::min(batch_size, ws.files.size() - first);
    next.parsed_files.resize(next.size);
    next.file_diagnostics.resize(next.size);
    next.early_checks.resize(next.size);
    for (std::size_t i = 0; i < next.size && !next.has_csv; ++i) next.has_csv = is_csv_path(ws.files[first + i].str());
    // (A ratings CSV's merge sizes the room of scored firms that the next
    // batch's threads fill: it goes alone.)
    if (waiting && merged.has_csv) {
      merge(merged);
      waiting = false;
    }
    // Item 0 merges the batch before, if any, while the others parse.
    const std::size_t lead = waiting ? 1 : 0;
    core::parallel_for(lead + next.size, threads, [&](std::size_t i) {
      if (i < lead)
        merge(merged);
      else
        parse_one(next, i - lead);
    });
    merged = std::move(next);
    waiting = true;
  }
  if (waiting) merge(merged);
  // A company defined twice (in one period, when several are allowed): the
  // first definition in file order stays, each later one is an error naming
  // it. Found by sorting the companies' indices, not by a set of their keys,
  // which would hold a national cohort's worth of nodes.
  {
    const auto key_less = [&](std::size_t a, std::size_t b) {
      const model::Company& x = ws.companies[a];
      const model::Company& y = ws.companies[b];
      if (x.id != y.id) return x.id < y.id;
      return options.several_periods && x.evaluation.period < y.evaluation.period;
    };
    std::vector<std::size_t> order(ws.companies.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), key_less);  // (in file order among equal keys)
    std::vector<char> later(ws.companies.size(), 0);
    for (std::size_t i = 1, first = 0; i < order.size(); ++i) {
      if (key_less(order[first], order[i])) {
        first = i;
        continue;
      }
      const model::Company& c = ws.companies[order[i]];
      // (A company without an id was reported as such.)
      if (!c.id.empty()) report(out, c.where, Msg::duplicate_company, {c.id, ws.companies[order[first]].path.str()});
      later[order[i]] = 1;
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < ws.companies.size(); ++k)
      if (!later[k]) {
        if (kept != k) ws.companies[kept] = std::move(ws.companies[k]);
        ++kept;
      }
    ws.companies.erase(ws.companies.begin() + static_cast<std::ptrdiff_t>(kept), ws.companies.end());
    std::erase_if(early_found, [&](const EarlyFound& e) { return later[e.company] != 0; });
  }
  if (given) {
    ws.given_rubric = given->reference();
    ws.rubrics.push_back(*given);
  }
  std::sort(ws.rubrics.begin(), ws.rubrics.end(),
            [](const auto& a, const auto& b) { return a.reference() < b.reference(); });
  // (Keys are unique, duplicates having been refused, so a cohort already in
  // order, as files named by id and CSV rows usually are, is left as it is.)
  const auto by_key = [](const model::Company& a, const model::Company& b) {
    return std::tie(a.id, a.evaluation.period) < std::tie(b.id, b.evaluation.period);
  };
  if (!std::is_sorted(ws.companies.begin(), ws.companies.end(), by_key))
    std::sort(ws.companies.begin(), ws.companies.end(), by_key);

  // Each company against its rubric.
  RubricLibrary library(options.rubric_dirs, options.root, options.limits, &options.on_read);
  std::vector<model::Rubric> found_in_library;
  // A rubric found in the library joins the workspace once.
  const auto remember = [&](const model::Rubric& r) {
    if (ws.find_rubric(r.id, r.version)) return;
    if (std::none_of(found_in_library.begin(), found_in_library.end(),
                     [&](const auto& known) { return known.reference() == r.reference(); }))
      found_in_library.push_back(r);
  };
  // First which rubric each company is checked against (the library reads
  // files as needed, so this goes in order), then the checks themselves on
  // every core, each company's diagnostics kept apart and added in order.
  // (Only the companies not checked as they were read: none, in a streamed run.)
  struct Check {
    std::size_t company = 0;
    const model::Rubric* against = nullptr;
    core::Diagnostics found;
  };
  std::vector<Check> checks;
  for (auto& early : early_found)
    if (!broken_rubrics.count(early.rubric_id))
      out.insert(out.end(), std::make_move_iterator(early.found.begin()), std::make_move_iterator(early.found.end()));
  for (std::size_t k = 0; k < ws.companies.size(); ++k) {
    const model::Company& c = ws.companies[k];
    const auto& ev = c.evaluation;
    if (checked_as_read(c)) continue;
    core::Diagnostics& found = checks.emplace_back(Check{k, nullptr, {}}).found;  // (until the next company)
    // A reference that could not be read was reported already.
    if (ev.rubric_id.empty() || broken_rubrics.count(ev.rubric_id)) continue;
    if (options.rubric_file && !given) continue;
    const model::Rubric* rubric = nullptr;
    if (given) {
      if (ev.rubric_id != given->id) {
        report(found, ev.rubric_where, Msg::rubric_id_mismatch, {ev.rubric_id, given->reference()});
        continue;
      }
      if (options.rescore && ev.rubric_version != given->version) {
        const model::Rubric* own = library.find(ev.rubric_id, ev.rubric_version);
        if (!own || own->version != ev.rubric_version) {
          report(found, ev.rubric_where, Msg::unknown_rubric, {ev.rubric_id.str() + "@" + ev.rubric_version.str()});
          continue;
        }
        check_company(c, *own, found);
        check_company_rescore(c, *given, found);
        remember(*own);
        continue;
      }
      rubric = &*given;
    } else {
      for (const auto& r : ws.rubrics)
        if (r.id == ev.rubric_id && (!rubric || r.version == ev.rubric_version)) rubric = &r;
      if (!rubric) rubric = library.find(ev.rubric_id, ev.rubric_version);
    }
    if (!rubric) {
      std::vector<std::string> known = library.ids();
      for (const auto& r : ws.rubrics) known.push_back(r.id);
      report(found, ev.rubric_where, Msg::unknown_rubric, {ev.rubric_id.str() + "@" + ev.rubric_version.str()},
             core::closest_match(ev.rubric_id, known));
      continue;
    }
    checks.back().against = rubric;
    remember(*rubric);
  }
  core::parallel_for(checks.size(), options.threads, [&](std::size_t i) {
    if (checks[i].against) check_company(ws.companies[checks[i].company], *checks[i].against, checks[i].found);
  });
  for (auto& check : checks)
    out.insert(out.end(), std::make_move_iterator(check.found.begin()), std::make_move_iterator(check.found.end()));
  for (auto& r : found_in_library) ws.rubrics.push_back(std::move(r));
  std::sort(ws.rubrics.begin(), ws.rubrics.end(),
            [](const auto& a, const auto& b) { return a.reference() < b.reference(); });

  // Pairs: from partners lists (both directions) and pairs files.
  // The closest id to one not found (listed only when one is not found).
  const auto closest_company = [&](std::string_view id) {
    std::vector<std::string> ids;
    ids.reserve(ws.companies.size());
    for (const auto& c : ws.companies) ids.push_back(c.id);
    return core::closest_match(id, ids);
  };
  std::vector<model::Pair> pairs;
  for (const auto& c : ws.companies) {
    for (const auto& partner_id : c.partners) {
      const model::Company* partner = ws.find_company(partner_id, c.evaluation.period);
      if (!partner) {
        // Only a run that goes on leaves the pair out; in a failing run the
        // partner's own file may be the one that failed.
        if (!core::has_errors(out))
          out.push_back(core::make_warning(c.where, Msg::partner_not_loaded, {partner_id},
                                           closest_company(partner_id)));
        continue;
      }
      if (partner->role() == c.role()) {
        const model::Role other = c.role() == model::Role::large ? model::Role::sme : model::Role::large;
        report(out, c.where, Msg::partner_role,
               {partner_id, std::string(role_word(partner->role())), std::string(model::to_string(c.size)),
                std::string(role_word(other))});
        continue;
      }
      const bool large_side = c.role() == model::Role::large;
      pairs.push_back({large_side ? c.id : partner_id, large_side ? partner_id : c.id, c.where,
                       c.evaluation.period});
    }
  }
  for (const auto& list : pair_lists) {
    for (const auto& p : list) {
      const model::Company* large = ws.find_company(p.large);
      const model::Company* sme = ws.find_company(p.sme);
      if (!large) report(out, p.where, Msg::unknown_company, {p.large}, closest_company(p.large));
      if (!sme) report(out, p.where, Msg::unknown_company, {p.sme}, closest_company(p.sme));
      if (!large || !sme) continue;
      if (large->role() != model::Role::large || sme->role() != model::Role::sme) {
        report(out, p.where, Msg::pair_roles,
               {p.large, std::string(model::to_string(large->size)), p.sme, std::string(model::to_string(sme->size))});
        continue;
      }
      // A pairs file names firms, not periods: the pair holds in every period
      // in which both were evaluated.
      for (const auto& c : ws.companies)
        if (c.id == p.large && ws.find_company(p.sme, c.evaluation.period))
          pairs.push_back({p.large, p.sme, p.where, c.evaluation.period});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.large, a.sme, a.period) < std::tie(b.large, b.sme, b.period);
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  ws.pairs = std::move(pairs);

  core::throw_if_errors(out);
  core::sort_diagnostics(out);
  ws.warnings = std::move(out);
  return ws;
}

}  // namespace ecoscore::load

namespace ecoscore::load {
std::string_view yaml_parser_version() { return ECOSCORE_YAML_CPP_VERSION; }
}  // namespace ecoscore::load
