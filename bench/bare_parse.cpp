// The pace-setter of target 1 (docs/performance.md): a bare yaml-cpp event-API
// parse of every *.yaml file of a folder with a do-nothing handler, on N
// threads, nothing else. ecoscore's whole pipeline is measured against it.
// Usage: bare_parse DIR [THREADS]
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Count : YAML::EventHandler {
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++events; }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { ++events; }
  void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bare_parse DIR [THREADS]\n";
    return 2;
  }
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : std::thread::hardware_concurrency();
  std::atomic<std::size_t> next{0}, events{0};
  const auto work = [&] {
    Count handler;
    for (std::size_t k; (k = next.fetch_add(1)) < files.size();) {
      std::ifstream in(files[k], std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      std::istringstream stream(text.str());
      YAML::Parser parser(stream);
      while (parser.HandleNextDocument(handler)) {
      }
    }
    events += handler.events;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  std::cout << files.size() << " files, " << events << " events\n";
  return 0;
}
