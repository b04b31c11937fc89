#include "ecoscore/audit/manifest.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ecoscore/core/error.hpp"
#include "ecoscore/load/scalar.hpp"
#include "ecoscore/report/json_writer.hpp"

namespace ecoscore::audit {
namespace {

void optional_text(report::JsonWriter& j, report::JsonKey key, const std::string& text) {
  j.key(key);
  if (text.empty()) j.null(); else j.value(text);
}

void files(report::JsonWriter& j, report::JsonKey key, report::JsonKey name, const std::vector<FileHash>& list) {
  j.key(key).begin_array();
  for (const auto& f : list) j.begin_object().field(name, f.path).field("sha256", f.sha256).end_object();
  j.end_array();
}

[[noreturn]] void bad_manifest(const std::string& path, const std::string& why) {
  throw core::InputError({core::make_error({path, 0, 0}, core::Msg::bad_manifest, {why})});
}

std::string text_or_empty(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::vector<FileHash> file_list(const nlohmann::json& list, const char* name) {
  std::vector<FileHash> out;
  for (const auto& f : list) out.push_back({f.at(name).get<std::string>(), f.at("sha256").get<std::string>()});
  return out;
}

}  // namespace

void write_manifest(std::ostream& out, const Manifest& m) {
  report::JsonWriter j(out);
  j.begin_object().field("manifest_version", m.manifest_version);
  j.key("tool").begin_object().field("name", m.tool_name).field("version", m.tool_version).end_object();
  j.key("options").begin_object().field("rubric", m.rubric).key("paths").begin_array();
  for (const auto& p : m.paths) j.value(p);
  j.end_array();
  optional_text(j, "method", m.method);
  optional_text(j, "normalization", m.normalization);
  optional_text(j, "lang", m.lang);
  optional_text(j, "date", m.date);
  j.field("rescore", m.rescore);
  if (const auto& r = m.robustness)  // only when asked, so that other runs keep their bytes
    j.key("robustness")
        .begin_object()
        .field("samples", r->samples)
        .field("seed", r->seed)
        .field("weights", r->weights)
        .field("concentration", r->concentration)
        .field("spread", r->spread)
        .field("top", r->top)
        .end_object();
  j.end_object();
  j.field("working_directory", m.working_directory);
  j.key("limits").begin_object();
  j.field("max_file_bytes", static_cast<long long>(m.limits.max_file_bytes)).field("max_depth", m.limits.max_depth);
  j.field("max_nodes", static_cast<long long>(m.limits.max_nodes)).end_object();
  j.key("rubric").begin_object().field("id", m.rubric_id).field("version", m.rubric_version).end_object();
  j.key("decisions").begin_array();
  for (const auto& d : m.decisions)
    j.begin_object().field("company", d.company).field("date", d.date).field("kind", d.kind).end_object();
  j.end_array();
  files(j, "inputs", "path", m.inputs);
  files(j, "outputs", "name", m.outputs);
  j.end_object();
  j.finish();
}

Manifest read_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::MissingInputError({core::make_error({path, 0, 0}, core::Msg::file_missing)});
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    bad_manifest(path, e.what());
  }
  Manifest m;
  try {
    m.manifest_version = j.at("manifest_version").get<int>();
    if (m.manifest_version != 1) bad_manifest(path, fmt::format("manifest_version {} is not 1", m.manifest_version));
    m.tool_name = j.at("tool").at("name").get<std::string>();
    m.tool_version = j.at("tool").at("version").get<std::string>();
    const auto& o = j.at("options");
    m.rubric = o.at("rubric").get<std::string>();
    m.paths = o.at("paths").get<std::vector<std::string>>();
    m.method = text_or_empty(o, "method");
    m.normalization = text_or_empty(o, "normalization");
    m.lang = text_or_empty(o, "lang");
    m.date = text_or_empty(o, "date");
    m.rescore = o.at("rescore").get<bool>();
    if (o.contains("robustness")) {
      const auto& r = o.at("robustness");
      m.robustness = Manifest::Robustness{r.at("samples").get<long long>(), r.at("seed").get<long long>(),
                                          r.at("weights").get<std::string>(), r.at("concentration").get<double>(),
                                          r.at("spread").get<double>(), r.at("top").get<int>()};
      const auto& rb = *m.robustness;
      const bool known = rb.weights == "uniform" || rb.weights == "dirichlet" || rb.weights == "box";
      if (!known || rb.samples < 1 || rb.samples > 100'000'000 || rb.seed < 0 || !(rb.concentration > 0) ||
          !(rb.spread >= 0 && rb.spread <= 99) || rb.top < 1)
        bad_manifest(path, "options.robustness holds a value out of range");
    }
    m.working_directory = j.at("working_directory").get<std::string>();
    const auto& l = j.at("limits");
    m.limits.max_file_bytes = l.at("max_file_bytes").get<std::size_t>();
    m.limits.max_depth = l.at("max_depth").get<int>();
    m.limits.max_nodes = l.at("max_nodes").get<std::size_t>();
    m.rubric_id = j.at("rubric").at("id").get<std::string>();
    m.rubric_version = j.at("rubric").at("version").get<std::string>();
    for (const auto& d : j.at("decisions"))
      m.decisions.push_back({d.at("company").get<std::string>(), d.at("date").get<std::string>(),
                             d.at("kind").get<std::string>()});
    m.inputs = file_list(j.at("inputs"), "path");
    m.outputs = file_list(j.at("outputs"), "name");
  } catch (const nlohmann::json::exception& e) {
    bad_manifest(path, e.what());
  }
  return m;
}

std::string run_date(const std::string& date_option, const char* source_date_epoch) {
  const auto usage = [](const std::string& why) -> std::string {
    throw core::UsageError({core::make_error({}, core::Msg::usage_error, {why})});
  };
  if (!date_option.empty()) {
    if (!load::parse_date(date_option)) usage("--date must be a date of the form YYYY-MM-DD, not '" + date_option + "'");
    return date_option;
  }
  if (!source_date_epoch || !*source_date_epoch) return {};
  const std::string_view text(source_date_epoch);
  long long seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec != std::errc() || end != text.data() + text.size() || seconds < 0)
    return usage("SOURCE_DATE_EPOCH must be a whole number of seconds, not '" + std::string(text) + "'");
  // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), UTC.
  long long z = seconds / 86400 + 719468;
  const long long era = z / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long day = doy - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace ecoscore::audit
