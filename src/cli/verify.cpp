// ecoscore verify DIR: checks a run folder against its inputs by running it
// again, and says what changed in terms an auditor reads.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/scoring.hpp"
#include "ecoscore/audit/compare.hpp"
#include "ecoscore/audit/sha256.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/load/file_reader.hpp"

namespace ecoscore::cli {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string short_hash(const std::string& hex) { return hex.substr(0, 12); }

int run_verify(const std::string& folder, Context& ctx) {
  const audit::Manifest m = audit::read_manifest(folder + "/manifest.json");
  const std::string root = (fs::path(folder) / m.working_directory).lexically_normal().generic_string();
  const auto say = [&](const core::Diagnostic& d) { ctx.out << d.render(ctx.lang) << '\n'; };
  if (m.tool_version != core::kVersion)
    say(core::make_warning({folder + "/manifest.json", 0, 0}, core::Msg::tool_version_differs,
                           {m.tool_version, core::kVersion}));
  for (const auto& input : m.inputs) {
    const std::string on_disk = load::resolve(root, input.path);
    if (!fs::exists(on_disk)) {
      say(core::make_error({input.path, 0, 0}, core::Msg::input_gone));
      continue;
    }
    const std::string now = audit::sha256_file(on_disk).hex();
    if (now != input.sha256)
      say(core::make_error({input.path, 0, 0}, core::Msg::input_changed, {short_hash(input.sha256), short_hash(now)}));
  }
  std::map<std::string, std::string> archived;
  for (const auto& output : m.outputs) {
    const std::string path = folder + "/" + output.path;
    auto bytes = read_file(path);
    if (!bytes) {
      say(core::make_error({path, 0, 0}, core::Msg::output_missing));
      continue;
    }
    const std::string now = audit::sha256_hex(*bytes);
    if (now != output.sha256)
      say(core::make_error({path, 0, 0}, core::Msg::output_tampered, {short_hash(output.sha256), short_hash(now)}));
    archived[output.path] = std::move(*bytes);
  }

  ScoringOptions options;
  options.rubric = m.rubric;
  options.paths = m.paths;
  options.method = m.method;
  options.normalization = m.normalization;
  options.rescore = m.rescore;
  if (const auto& r = m.robustness) {
    analyze::RobustnessOptions o;
    o.samples = static_cast<std::uint64_t>(r->samples);
    o.seed = static_cast<std::uint64_t>(r->seed);
    o.model = *analyze::parse_weight_model(r->weights);  // checked by read_manifest
    o.concentration = r->concentration;
    o.spread = r->spread;
    o.top = r->top;
    options.robustness = o;
  }
  options.lang = m.lang;
  options.date = m.date;
  options.root = root;
  options.limits = m.limits;
  options.show_warnings = false;
  RunFolder fresh;
  try {
    fresh = render_run_folder(options, m.working_directory, ctx);
  } catch (const core::Error& e) {
    for (const auto& d : e.diagnostics()) say(d);
    ctx.out << core::format_message(core::Msg::verify_failed, ctx.lang,
                                    {std::to_string(m.outputs.size()), std::to_string(m.outputs.size())})
            << '\n';
    return core::to_int(core::ExitCode::differences);
  }
  std::size_t differing = 0;
  for (const auto& output : m.outputs) {
    const auto it = std::find_if(fresh.files.begin(), fresh.files.end(), [&](const auto& f) { return f.name == output.path; });
    const auto kept = archived.find(output.path);
    if (it != fresh.files.end() && kept != archived.end() && it->content == kept->second) continue;
    ++differing;
    say(core::make_error({folder + "/" + output.path, 0, 0}, core::Msg::output_differs));
    if (output.path == "scores.json" && it != fresh.files.end() && kept != archived.end()) {
      const auto before = audit::read_run_numbers(kept->second, folder + "/scores.json", ctx.lang);
      const auto after = audit::read_run_numbers(it->content, "scores.json", ctx.lang);
      audit::write_comparison(ctx.out, audit::compare_runs(before, after), before, after, ctx.lang);
    }
  }
  if (differing == 0) {
    ctx.out << core::format_message(core::Msg::verified, ctx.lang, {std::to_string(m.outputs.size())}) << '\n';
    return 0;
  }
  ctx.out << core::format_message(core::Msg::verify_failed, ctx.lang,
                                  {std::to_string(differing), std::to_string(m.outputs.size())})
          << '\n';
  return core::to_int(core::ExitCode::differences);
}

}  // namespace

Command verify_command() {
  return Command{
      "verify",
      {"run an archived run folder again and check every output", "보관된 실행 폴더를 다시 실행해 모든 출력을 확인"},
      "[OPTIONS] DIR",
      [](po::options_description&, po::options_description& hidden, po::positional_options_description& positional,
         core::Lang) {
        auto folder = std::make_shared<std::string>();
        hidden.add_options()("dir", po::value(folder.get())->required(), "");
        positional.add("dir", 1);
        return [folder](Context& ctx) { return run_verify(*folder, ctx); };
      }};
}

}  // namespace ecoscore::cli
