#include "domain/team/team.hpp"

#include <algorithm>

namespace lianyin::domain::team {

const std::vector<std::string>& DomainNames() {
  static const std::vector<std::string> names = {"industry", "organization", "talent",
                                                 "consumption", "charity"};
  return names;
}

bool IsDomain(std::string_view code) {
  return std::ranges::find(DomainNames(), code) != DomainNames().end();
}

const std::vector<std::string>& ConsumptionKinds() {
  static const std::vector<std::string> kinds = {"direct_purchase", "sales_helped"};
  return kinds;
}

bool IsConsumptionKind(std::string_view code) {
  return std::ranges::find(ConsumptionKinds(), code) != ConsumptionKinds().end();
}

void Actual::Add(const Actual& o) {
  projects += o.projects;
  funds_fen += o.funds_fen;
  beneficiaries += o.beneficiaries;
  direct_purchase_fen += o.direct_purchase_fen;
  sales_helped_fen += o.sales_helped_fen;
}

}  // namespace lianyin::domain::team
