#include "domain/region/region_service.hpp"

#include <fmt/format.h>

#include "domain/common/data_versions.hpp"
#include "domain/region/region_repo.hpp"
#include "domain/region/region_rules.hpp"

namespace lianyin::domain::region {

core::Result<std::int64_t> RegionService::Import(const RegionSource& source) {
  auto depth = ValidateSource(source);
  if (!depth) return depth.error();
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  RegionRepo repo(session);
  repo.Replace(source, *depth);
  common::RaiseDataVersions(session, {"region"});  // region names show in cached pages
  std::int64_t count = repo.Count();
  tx.Commit();
  return count;
}

core::Result<std::vector<Region>> RegionService::Children(std::string_view parent_code) {
  if (!IsRegionCode(parent_code)) return core::Error::Invalid("parent", "must be a six-digit code");
  store::Session session = db_.Acquire();
  RegionRepo repo(session);
  if (!repo.Find(parent_code)) return core::Error::NotFound("region not found");
  return repo.Children(parent_code);
}

core::Result<RegionDetail> RegionService::Get(std::string_view code) {
  if (!IsRegionCode(code)) return core::Error::NotFound("region not found");
  store::Session session = db_.Acquire();
  RegionRepo repo(session);
  auto region = repo.Find(code);
  if (!region) return core::Error::NotFound("region not found");
  return RegionDetail{*region, repo.Path(code)};
}

core::Result<std::vector<Region>> RegionService::Several(const std::vector<std::string>& codes) {
  if (codes.size() > kMaxCodes) {
    return core::Error::Invalid("codes", fmt::format("must be at most {} codes", kMaxCodes));
  }
  for (const std::string& code : codes) {
    if (!IsRegionCode(code)) return core::Error::Invalid("codes", "must be six-digit codes");
  }
  store::Session session = db_.Acquire();
  return RegionRepo(session).FindMany(codes);
}

bool RegionService::Covers(std::string_view ancestor, std::string_view code) {
  store::Session session = db_.Acquire();
  return RegionRepo(session).Covers(ancestor, code);
}

std::string RegionService::SourceVersion() {
  store::Session session = db_.Acquire();
  return RegionRepo(session).SourceVersion();
}

}  // namespace lianyin::domain::region
