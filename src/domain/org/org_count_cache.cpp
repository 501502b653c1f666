#include "domain/org/org_count_cache.hpp"

#include <fmt/format.h>

namespace lianyin::domain::org {

std::string OrgCountCache::Key(const OrgFilter& f, const common::Scope& s) {
  const auto text = [](const std::optional<std::string>& v) { return v ? "=" + *v : "-"; };
  const auto number = [](const auto& v) { return v ? fmt::format("={}", *v) : std::string("-"); };
  // \x1f separates members: no member holds it (query text with control characters is refused).
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
                     text(f.q), text(f.region_code), text(f.category),
                     f.status ? std::string(OrgStatusName(*f.status)) : "-", text(f.grade),
                     number(f.labour_field), number(f.registration_unit_id), f.in_scope_only,
                     s.unit_id, number(s.org_id), number(s.worker_id), s.platform);
}

std::optional<std::int64_t> OrgCountCache::Get(const std::string& key, std::int64_t version) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return std::nullopt;
  return it->second.total;
}

void OrgCountCache::Put(const std::string& key, std::int64_t version, std::int64_t total) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();  // bounded; recounted on demand
  Entry& e = entries_[key];
  if (e.version <= version) e = Entry{version, total};  // never replace a newer count
}

}  // namespace lianyin::domain::org
