#include "cli/app.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <mutex>

#include <boost/version.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <openssl/opensslv.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "cli/common.hpp"
#include "ecoscore/core/error.hpp"
#include "ecoscore/core/text.hpp"
#include "ecoscore/core/version.hpp"
#include "ecoscore/load/workspace.hpp"

namespace ecoscore::cli {
namespace {

constexpr std::string_view kProgram = "ecoscore";

const std::vector<Command>& all_commands() {
  static const std::vector<Command> list = {validate_command(), score_command(),  explain_command(),
                                            rubric_command(),   verify_command(), diff_command(),
                                            compare_command(),  robustness_command(), weights_command(), template_command(),
                                            import_command(),   export_command()};
  return list;
}

// The language asked for anywhere on the line, so that help and errors about
// the rest of the line already speak it. Parsed strictly again later.
core::Lang prescan_lang(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--lang" && i + 1 < args.size()) return core::parse_lang(args[i + 1]).value_or(core::Lang::en);
    if (a.starts_with("--lang=")) return core::parse_lang(a.substr(7)).value_or(core::Lang::en);
  }
  return core::Lang::en;
}

void add_common_options(po::options_description& desc, CommonOptions& common, core::Lang lang) {
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  desc.add_options()
      ("quiet,q", po::bool_switch(&common.quiet), t("print errors only", "오류만 출력").c_str())
      ("verbose,v", po::bool_switch(&common.verbose), t("log what is done, to stderr", "진행 상황을 stderr에 기록").c_str())
      ("log-level", po::value(&common.log_level)->value_name("LEVEL"),
       t("log level: trace, debug, info, warn, error, off", "로그 수준: trace, debug, info, warn, error, off").c_str())
      ("lang", po::value(&common.lang)->value_name("ko|en"),
       t("language of messages and reports", "메시지와 보고서의 언어").c_str())
      ("no-color", po::bool_switch(&common.no_color),
       t("no colour in terminal output (also NO_COLOR)", "터미널 출력에 색을 쓰지 않음 (NO_COLOR도 같음)").c_str());
}

bool takes_value(std::string_view option) { return option == "--log-level" || option == "--lang"; }

void print_usage_error(std::ostream& err, core::Lang lang, const std::string& message, std::string_view command) {
  err << kProgram << ": error: " << core::escape_control(message) << '\n';
  const std::string who = command.empty() ? std::string(kProgram) : fmt::format("{} {}", kProgram, command);
  err << core::format_message(core::Msg::usage_try_help, lang, {who}) << '\n';
}

void print_version(std::ostream& out) {
  out << kProgram << ' ' << core::kVersion << '\n';
  out << fmt::format("yaml-cpp {}, spdlog {}.{}.{}, fmt {}.{}.{}, Boost {}.{}.{}, nlohmann_json {}.{}.{}, {}\n",
                     load::yaml_parser_version(), SPDLOG_VER_MAJOR, SPDLOG_VER_MINOR, SPDLOG_VER_PATCH,
                     FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100, BOOST_VERSION / 100000,
                     BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100, NLOHMANN_JSON_VERSION_MAJOR,
                     NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH, OPENSSL_VERSION_TEXT);
}

void print_main_help(std::ostream& out, core::Lang lang, const po::options_description& globals) {
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  out << t("Usage: ecoscore [OPTIONS] COMMAND [ARGS...]\n\n"
           "Scores companies against rubrics of the win-win ecosystem cooperation model\n"
           "and writes comparison reports.\n\n",
           "사용법: ecoscore [옵션] 명령 [인자...]\n\n"
           "생태계기반 상생협력 모델의 평가 기준으로 기업을 평가하고 비교 보고서를 씁니다.\n\n")
      << t("Commands:\n", "명령:\n");
  for (const auto& c : all_commands()) out << fmt::format("  {:<12}{}\n", c.name, c.summary.pick(lang));
  out << '\n' << globals << '\n'
      << t("Run 'ecoscore COMMAND --help' for a command's options.\n"
           "Exit codes: 0 ok, 1 differences found, 2 usage, 65 invalid data, 66 input missing,\n"
           "73 cannot create output, 74 I/O error.\n",
           "명령별 옵션은 'ecoscore 명령 --help'로 보세요.\n"
           "종료 코드: 0 정상, 1 차이 발견, 2 사용법 오류, 65 잘못된 데이터, 66 입력 없음,\n"
           "73 출력 생성 불가, 74 입출력 오류.\n");
}

// Writes log lines to a stream with control characters in the message
// escaped, so that a path or a name from the input cannot forge a line.
class EscapingSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit EscapingSink(std::ostream& out) : out_(out) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const std::string escaped = core::escape_control(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg safe = msg;
    safe.payload = escaped;
    spdlog::memory_buf_t line;
    formatter_->format(safe, line);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.flush();
  }
  void flush_() override { out_.flush(); }

 private:
  std::ostream& out_;
};

std::shared_ptr<spdlog::logger> make_logger(std::ostream& err, const CommonOptions& common) {
  auto sink = std::make_shared<EscapingSink>(err);
  auto logger = std::make_shared<spdlog::logger>("ecoscore", std::move(sink));
  logger->set_pattern("ecoscore: %l: %v");
  spdlog::level::level_enum level = spdlog::level::warn;
  if (common.verbose) level = spdlog::level::info;
  if (common.quiet) level = spdlog::level::err;
  if (!common.log_level.empty()) level = spdlog::level::from_str(common.log_level);
  logger->set_level(level);
  return logger;
}

bool valid_log_level(const std::string& level) {
  static constexpr std::string_view kLevels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
  return level.empty() || std::find(std::begin(kLevels), std::end(kLevels), level) != std::end(kLevels);
}

int run_command(const Command& command, const std::vector<std::string>& rest, CommonOptions common,
                core::Lang lang, std::ostream& out, std::ostream& err) {
  CommonOptions local;
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  // Boost wraps help by bytes; a Hangul syllable is 3 bytes but 2 columns.
  const unsigned width = lang == core::Lang::ko ? 110 : 80;
  po::options_description own(t("Options", "옵션"), width);
  po::options_description hidden;
  po::positional_options_description positional;
  const Runner runner = command.setup(own, hidden, positional, lang);
  own.add_options()("help,h", po::bool_switch(), t("show this help", "이 도움말 표시").c_str());
  po::options_description shared(t("Common options", "공통 옵션"), width);
  add_common_options(shared, local, lang);
  po::options_description all;
  all.add(own).add(shared).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(rest).options(all).positional(positional).run(), vm);
    if (vm["help"].as<bool>()) {
      out << t("Usage: ecoscore ", "사용법: ecoscore ") << command.name << ' ' << command.usage << "\n\n"
          << command.summary.pick(lang) << "\n\n"
          << own << '\n'
          << shared;
      return 0;
    }
    po::notify(vm);
  } catch (const po::required_option& e) {
    // A positional argument is named like an option inside Boost; say what is missing.
    std::string name = e.get_option_name();
    if (name.starts_with("--")) name.erase(0, 2);
    const bool is_positional = hidden.find_nothrow(name, false) != nullptr;
    std::string upper = name;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    print_usage_error(err, lang, is_positional ? fmt::format("missing {} argument", upper) : e.what(), command.name);
    return core::to_int(core::ExitCode::usage);
  } catch (const po::error& e) {
    print_usage_error(err, lang, e.what(), command.name);
    return core::to_int(core::ExitCode::usage);
  }
  common.merge(local);
  if (!common.lang.empty() && !core::parse_lang(common.lang)) {
    print_usage_error(err, lang, fmt::format("--lang must be ko or en, not '{}'", common.lang), command.name);
    return core::to_int(core::ExitCode::usage);
  }
  if (!valid_log_level(common.log_level)) {
    print_usage_error(err, lang, fmt::format("unknown log level '{}'", common.log_level), command.name);
    return core::to_int(core::ExitCode::usage);
  }
  const char* no_color_env = std::getenv("NO_COLOR");
  const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
  const bool color = !common.no_color && !(no_color_env && *no_color_env) && terminal;
  const core::Lang message_lang = core::parse_lang(common.lang).value_or(core::Lang::en);
  Context ctx{vm, common, message_lang, out, err, make_logger(err, common), color, terminal && !common.quiet};
  try {
    return runner(ctx);
  } catch (const core::UsageError& e) {
    for (const auto& d : e.diagnostics()) print_usage_error(err, ctx.lang, d.text(ctx.lang), command.name);
    return core::to_int(e.exit_code());
  } catch (const core::Error& e) {
    ctx.print(e.diagnostics());
    return core::to_int(e.exit_code());
  }
}

}  // namespace

const std::vector<Command>& commands() { return all_commands(); }

void throw_usage(const std::string& message) {
  throw core::UsageError({core::make_error({}, core::Msg::usage_error, {message})});
}

void CommonOptions::merge(const CommonOptions& later) {
  quiet = quiet || later.quiet;
  verbose = verbose || later.verbose;
  no_color = no_color || later.no_color;
  if (!later.log_level.empty()) log_level = later.log_level;
  if (!later.lang.empty()) lang = later.lang;
}

void Context::print(const core::Diagnostics& diagnostics) const {
  for (const auto& d : diagnostics) {
    if (common.quiet && d.severity == core::Severity::warning) continue;
    std::string line = core::neutralize_controls(d.render(lang));
    if (color) {
      const std::string_view word = d.severity == core::Severity::error ? ": error:" : ": warning:";
      const std::string_view code = d.severity == core::Severity::error ? "\x1b[31m" : "\x1b[33m";
      if (const auto at = line.find(word); at != std::string::npos)
        line = line.substr(0, at + 2) + std::string(code) + std::string(word.substr(2)) + "\x1b[0m" +
               line.substr(at + word.size());
    }
    err << line << '\n';
  }
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const core::Lang lang = prescan_lang(args);
  const auto t = [lang](std::string_view en, std::string_view ko) { return Text{en, ko}.pick(lang); };
  // The command is the first argument that is neither an option nor the
  // value of a global option that takes one.
  std::size_t at = 0;
  while (at < args.size() && args[at].starts_with("-")) {
    if (takes_value(args[at]) && args[at].find('=') == std::string::npos) ++at;
    ++at;
  }
  const std::vector<std::string> globals_args(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(std::min(at, args.size())));
  CommonOptions common;
  bool help = false;
  bool version = false;
  po::options_description globals(t("Options", "옵션"), lang == core::Lang::ko ? 110U : 80U);
  globals.add_options()("help,h", po::bool_switch(&help), t("show this help", "이 도움말 표시").c_str())(
      "version", po::bool_switch(&version), t("show the version and the libraries' versions", "버전과 라이브러리 버전 표시").c_str());
  add_common_options(globals, common, lang);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(globals_args).options(globals).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    print_usage_error(err, lang, e.what(), {});
    return core::to_int(core::ExitCode::usage);
  }
  if (version) {
    print_version(out);
    return 0;
  }
  if (help) {
    print_main_help(out, lang, globals);
    return 0;
  }
  if (at >= args.size()) {
    print_usage_error(err, lang, core::format_message(core::Msg::usage_no_command, lang, {}), {});
    return core::to_int(core::ExitCode::usage);
  }
  const std::string& name = args[at];
  const auto& list = all_commands();
  const auto found = std::find_if(list.begin(), list.end(), [&](const Command& c) { return c.name == name; });
  if (found == list.end()) {
    std::vector<std::string> names;
    for (const auto& c : list) names.emplace_back(c.name);
    std::string message = core::format_message(core::Msg::usage_unknown_command, lang, {name});
    if (auto near = core::closest_match(name, names); !near.empty())
      message += " (" + core::format_message(core::Msg::did_you_mean, lang, {near}) + ")";
    print_usage_error(err, lang, message, {});
    return core::to_int(core::ExitCode::usage);
  }
  const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(at) + 1, args.end());
  try {
    return run_command(*found, rest, common, lang, out, err);
  } catch (const std::exception& e) {
    err << kProgram << ": internal error: " << core::escape_control(e.what()) << '\n';
    return 70;  // EX_SOFTWARE
  }
}

}  // namespace ecoscore::cli
