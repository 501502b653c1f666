#include "domain/project/project_rules.hpp"

#include <gtest/gtest.h>

namespace lianyin::domain::project {
namespace {

using S = ProjectStatus;

NewProject Valid() {
  NewProject p;
  p.title = "新就业形态劳动者关爱服务";
  p.category = "new_employment";
  p.funding_unit_id = 3;
  p.mode = "purchase";
  p.provider_org_ids = {7, 9};
  p.budget_fen = 50'000'000;
  p.region_code = "610100";
  p.start_on = "2024-03-01";
  p.end_on = "2024-12-31";
  p.target_groups = {"new_employment_workers"};
  return p;
}

std::vector<std::string> Fields(const core::Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.details) out.push_back(d.field);
  return out;
}

TEST(ProjectRules, AcceptsAValidProject) { EXPECT_TRUE(CheckNewProject(Valid())); }

TEST(ProjectRules, ReportsEveryBadField) {
  NewProject p = Valid();
  p.title = "";
  p.category = "sports";
  p.mode = "gift";
  p.provider_org_ids = {7, 7};
  p.budget_fen = -1;
  p.region_code = "61";
  p.end_on = "2024-02-01";
  p.target_groups = {"astronauts"};
  auto r = CheckNewProject(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()),
            (std::vector<std::string>{"title", "category", "mode", "provider_org_ids[1]",
                                      "budget_fen", "region_code", "end_on", "target_groups[0]"}));
}

TEST(ProjectRules, TheLifecycleIsAChainWithCancellationBeforeAcceptance) {
  EXPECT_TRUE(CanTransition(S::kDraft, S::kPublished));
  EXPECT_TRUE(CanTransition(S::kPublished, S::kContracted));
  EXPECT_TRUE(CanTransition(S::kContracted, S::kInProgress));
  EXPECT_TRUE(CanTransition(S::kInProgress, S::kAccepted));
  EXPECT_TRUE(CanTransition(S::kAccepted, S::kClosed));
  EXPECT_FALSE(CanTransition(S::kDraft, S::kContracted));
  EXPECT_FALSE(CanTransition(S::kDraft, S::kAccepted));
  EXPECT_FALSE(CanTransition(S::kClosed, S::kDraft));
  EXPECT_FALSE(CanTransition(S::kPublished, S::kDraft));
  for (S from : {S::kDraft, S::kPublished, S::kContracted, S::kInProgress}) {
    EXPECT_TRUE(CanTransition(from, S::kCancelled));
  }
  for (S from : {S::kAccepted, S::kClosed, S::kCancelled}) {
    EXPECT_FALSE(CanTransition(from, S::kCancelled));
  }
  EXPECT_EQ(IllegalTransition(S::kDraft, S::kAccepted).code, core::ErrorCode::kConflict);
}

TEST(ProjectRules, ContractingNeedsTheContractAndCancellingAReason) {
  const core::Date today{2024, 6, 1};
  auto r = CheckTransition({"contracted", std::nullopt, std::nullopt, std::nullopt}, today);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"contract_fen", "contracted_on"}));
  r = CheckTransition({"contracted", std::nullopt, 0, "2024-06-02"}, today);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"contract_fen", "contracted_on"}));
  EXPECT_EQ(*CheckTransition({"contracted", std::nullopt, 100, "2024-06-01"}, today),
            S::kContracted);
  EXPECT_FALSE(CheckTransition({"cancelled", std::nullopt, std::nullopt, std::nullopt}, today));
  EXPECT_TRUE(CheckTransition({"cancelled", "预算调整", std::nullopt, std::nullopt}, today));
  EXPECT_FALSE(CheckTransition({"finished", std::nullopt, std::nullopt, std::nullopt}, today));
}

TEST(ProjectRules, AContractedProjectChangesOnlyItsDescriptiveFields) {
  ProjectPatch patch;
  patch.budget_fen = 1;
  patch.title = "新标题";
  auto r = ApplyPatch(Valid(), S::kContracted, patch);
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"budget_fen"}));
  patch.budget_fen.reset();
  patch.end_on = "2025-01-31";
  r = ApplyPatch(Valid(), S::kInProgress, patch);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->title, "新标题");
  EXPECT_EQ(r->end_on, "2025-01-31");
  EXPECT_EQ(ApplyPatch(Valid(), S::kAccepted, patch).error().code, core::ErrorCode::kConflict);
  patch.budget_fen = 7;
  EXPECT_EQ(ApplyPatch(Valid(), S::kDraft, patch)->budget_fen, 7);
}

TEST(ProjectRules, OutputsAreDatedNonNegativeAndNotEmpty) {
  const core::Date today{2024, 6, 1};
  EXPECT_TRUE(CheckOutput({"2024-06-01", 30, 1, 0, std::nullopt}, today, "2024-03-01"));
  EXPECT_FALSE(CheckOutput({"2024-06-02", 30, 1, 0, std::nullopt}, today, "2024-03-01"));
  EXPECT_FALSE(CheckOutput({"2024-02-28", 30, 1, 0, std::nullopt}, today, "2024-03-01"));
  EXPECT_FALSE(CheckOutput({"2024-05-01", -1, 1, 0, std::nullopt}, today, std::nullopt));
  auto r = CheckOutput({"2024-05-01", 0, 0, 0, std::nullopt}, today, std::nullopt, "replacement.");
  ASSERT_FALSE(r);
  EXPECT_EQ(Fields(r.error()), (std::vector<std::string>{"replacement.person_times"}));
  EXPECT_TRUE(TakesOutputs(S::kContracted));
  EXPECT_TRUE(TakesOutputs(S::kInProgress));
  EXPECT_FALSE(TakesOutputs(S::kPublished));
  EXPECT_FALSE(TakesOutputs(S::kAccepted));
}

TEST(ProjectRules, DocumentsAreTypedByExtensionAndContent) {
  EXPECT_EQ(DocumentMediaType("合同.PDF", "%PDF-1.7 ..."), "application/pdf");
  EXPECT_EQ(DocumentMediaType("report.pdf", "PK\x03\x04"), std::nullopt);
  EXPECT_EQ(DocumentMediaType("a.docx", std::string("PK\x03\x04rest", 8)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(DocumentMediaType("photo.jpg", "\xFF\xD8\xFF\xE0"), "image/jpeg");
  EXPECT_EQ(DocumentMediaType("photo.png", "\xFF\xD8\xFF\xE0"), std::nullopt);
  EXPECT_EQ(DocumentMediaType("script.exe", "MZ"), std::nullopt);
  EXPECT_EQ(DocumentMediaType("noextension", "%PDF-"), std::nullopt);
}

TEST(ProjectRules, SearchTextsWithoutCaseNeedNoLowering) {
  EXPECT_FALSE(HasCase("驿站"));
  EXPECT_FALSE(HasCase("“技能强企”（二期）2021年-3"));
  EXPECT_FALSE(HasCase("１２３！"));  // full-width digits and punctuation
  EXPECT_TRUE(HasCase("EAP"));
  EXPECT_TRUE(HasCase("职工eap"));
  EXPECT_TRUE(HasCase("Ｅ"));        // a full-width letter lowers
  EXPECT_TRUE(HasCase("Ä"));         // so does Latin-1
  EXPECT_TRUE(HasCase("Σ"));         // and Greek
  EXPECT_TRUE(HasCase("\xE9\xA9"));  // cut short: not UTF-8
  EXPECT_FALSE(HasCase(""));
}

}  // namespace
}  // namespace lianyin::domain::project
