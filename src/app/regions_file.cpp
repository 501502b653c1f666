#include "app/regions_file.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace lianyin::app {

core::Result<domain::region::RegionSource> ReadRegionsFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) {
    return core::Error::Invalid(
        "regions_file", fmt::format("cannot read {} (built by `make build`)", file.string()));
  }
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(text.str(), ec);
  const auto bad = [&] {
    return core::Error::Invalid("regions_file", fmt::format("{} is malformed", file.string()));
  };
  if (ec || !doc.is_object()) return bad();
  const auto& o = doc.as_object();
  const auto* source = o.if_contains("source");
  const auto* version = o.if_contains("version");
  const auto* regions = o.if_contains("regions");
  if (!source || !source->is_string() || !version || !version->is_string() || !regions ||
      !regions->is_array()) {
    return bad();
  }
  domain::region::RegionSource out{
      std::string(source->as_string()), std::string(version->as_string()), {}};
  for (const auto& entry : regions->as_array()) {
    const auto* r = entry.if_object();
    if (!r) return bad();
    const auto* code = r->if_contains("code");
    const auto* name = r->if_contains("name");
    const auto* parent = r->if_contains("parent");
    if (!code || !code->is_string() || !name || !name->is_string() || !parent ||
        !parent->is_string()) {
      return bad();
    }
    out.regions.push_back({std::string(code->as_string()), std::string(name->as_string()),
                           std::string(parent->as_string())});
  }
  return out;
}

}  // namespace lianyin::app
