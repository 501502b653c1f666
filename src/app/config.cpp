#include "app/config.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace lianyin::app {
namespace {

using Setter = std::function<bool(Config&, const std::string&)>;

bool ToInt(const std::string& text, int lo, int hi, int& out) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) return false;
  out = v;
  return true;
}

// Every setting by name, each parsing its text form (environment values and file values alike).
const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> setters = {
      {"db",
       [](Config& c, const std::string& v) {
         c.db = v;
         return !v.empty();
       }},
      {"address",
       [](Config& c, const std::string& v) {
         c.address = v;
         return !v.empty();
       }},
      {"port", [](Config& c, const std::string& v) { return ToInt(v, 0, 65535, c.port); }},
      {"io_threads",
       [](Config& c, const std::string& v) { return ToInt(v, 1, 256, c.io_threads); }},
      {"worker_threads",
       [](Config& c, const std::string& v) { return ToInt(v, 1, 1024, c.worker_threads); }},
      {"db_pool_size",
       [](Config& c, const std::string& v) { return ToInt(v, 1, 1024, c.db_pool_size); }},
      {"web_root",
       [](Config& c, const std::string& v) {
         c.web_root = v;
         return true;
       }},
      {"regions_file",
       [](Config& c, const std::string& v) {
         c.regions_file = v;
         return true;
       }},
      {"platform_name",
       [](Config& c, const std::string& v) {
         c.platform_name = v;
         return !v.empty();
       }},
      {"tls",
       [](Config& c, const std::string& v) {
         c.tls = v == "true" || v == "1";
         return c.tls || v == "false" || v == "0";
       }},
      {"log_level",
       [](Config& c, const std::string& v) {
         c.log_level = v;
         return true;
       }},
      {"key_file",
       [](Config& c, const std::string& v) {
         c.key_file = v;
         return true;
       }},
      {"metrics_token",
       [](Config& c, const std::string& v) {
         c.metrics_token = v;
         return true;
       }},
      {"db_statement_timeout_ms",
       [](Config& c, const std::string& v) {
         return ToInt(v, 0, 3'600'000, c.db_statement_timeout_ms);
       }},
      {"db_lock_timeout_ms",
       [](Config& c, const std::string& v) { return ToInt(v, 0, 600'000, c.db_lock_timeout_ms); }},
  };
  return setters;
}

std::string ScalarText(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return boost::json::serialize(v);
}

core::Result<void> ApplyFile(Config& config, const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return core::Error::Invalid("config", fmt::format("cannot read {}", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(text.str(), ec);
  if (ec || !doc.is_object()) {
    return core::Error::Invalid("config", fmt::format("{} is not a JSON object", file.string()));
  }
  for (const auto& [key, value] : doc.as_object()) {
    auto setter = Setters().find(std::string(key));
    if (setter == Setters().end()) {
      return core::Error::Invalid(std::string(key), "unknown setting");
    }
    if (!setter->second(config, ScalarText(value))) {
      return core::Error::Invalid(std::string(key), "invalid value");
    }
  }
  return {};
}

}  // namespace

core::Result<Config> LoadConfig(const std::optional<std::filesystem::path>& file,
                                const std::filesystem::path& binary_dir) {
  Config config;
  if (file) {
    if (auto ok = ApplyFile(config, *file); !ok) return ok.error();
  }
  for (const auto& [key, setter] : Setters()) {
    std::string env_name = "LIANYIN_" + key;
    for (char& ch : env_name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (const char* value = std::getenv(env_name.c_str())) {
      if (!setter(config, value)) return core::Error::Invalid(env_name, "invalid value");
    }
  }
  if (config.web_root.empty()) config.web_root = binary_dir / "web";
  if (config.regions_file.empty()) config.regions_file = binary_dir / "share" / "regions.json";
  return config;
}

}  // namespace lianyin::app
