#include "domain/org/org_import.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/uscc.hpp"
#include "domain/account/platform_service.hpp"
#include "domain/account/unit_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/audit/audit_sink.hpp"
#include "domain/common/data_versions.hpp"
#include "domain/org/org_import_repo.hpp"
#include "domain/org/org_repo.hpp"
#include "domain/org/org_service.hpp"
#include "domain/region/region_service.hpp"
#include "support/test_db.hpp"

namespace lianyin::domain::org {
namespace {

using Table = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader = {
    "uscc",  "name",       "org_type",       "region_code",        "legal_rep",
    "phone", "founded_on", "business_scope", "service_categories", "labour_field"};

std::vector<std::string> Row(const std::string& uscc, const std::string& name,
                             const std::string& labour = "是") {
  return {uscc,          name,         "social_service", "610100",         "王伟",
          "13912345678", "2015-06-01", "职工服务",       "skills；health", labour};
}

// Unit 7 is 陕西省民政厅, 8 and 9 are two 民政局 of different cities, 10 is a union.
ImportPlaces Places() {
  using account::UnitKind;
  return ImportPlaces({{7, "陕西省民政厅", UnitKind::kCivilAffairs, "610000", "民政部"},
                       {8, "民政局", UnitKind::kCivilAffairs, "610100", "西安市"},
                       {9, "民政局", UnitKind::kCivilAffairs, "610200", "铜川市"},
                       {10, "陕西省总工会", UnitKind::kUnion, "610000", "全国总工会"}},
                      {{"100000", "中华人民共和国", ""},
                       {"610000", "陕西省", "100000"},
                       {"610100", "西安市", "610000"},
                       {"610200", "铜川市", "610000"}});
}

ParsedImport Parse(const Table& t) { return ParseImport(t, Places(), 7, {2026, 1, 1}); }

TEST(OrgImportParse, ColumnsInAnyOrderListsBooleansAndExcelDates) {
  Table t = {kHeader, Row("52610100MJ0000001W", "西安职工服务中心"), {}};
  t[1][6] = "42156";  // an Excel serial date: 2015-06-01
  auto parsed = Parse(t);
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].row, 2);
  EXPECT_EQ(parsed.rows[0].org.registration_unit_id, 7);
  EXPECT_FALSE(parsed.rows[0].unit_named);
  EXPECT_EQ(parsed.rows[0].org.founded_on, "2015-06-01");
  EXPECT_EQ(parsed.rows[0].org.service_categories, (std::vector<std::string>{"health", "skills"}));
  EXPECT_TRUE(parsed.rows[0].org.labour_field);
  EXPECT_EQ(parsed.rows[0].status, "registered");
}

TEST(OrgImportParse, ChineseHeadersAndLabels) {
  const Table t = {ImportHeaders(false),
                   {"西安职工服务中心", "52610100MJ0000001W", "社会服务机构（民办非企业单位）",
                    "陕西省西安市", "民政局（西安市）", "王伟", "13912345678", "2015/6/1",
                    "职工服务", "劳动竞赛和技能提升类；职工健康服务类", "否", "申请登记"}};
  auto parsed = Parse(t);
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].field << ": " << parsed.errors[0].message;
  const ImportRow& row = parsed.rows.at(0);
  EXPECT_EQ(row.org.org_type, "social_service");
  EXPECT_EQ(row.org.region_code, "610100");
  EXPECT_EQ(row.org.registration_unit_id, 8);
  EXPECT_TRUE(row.unit_named);
  EXPECT_EQ(row.org.founded_on, "2015-06-01");
  EXPECT_EQ(row.org.service_categories, (std::vector<std::string>{"health", "skills"}));
  EXPECT_FALSE(row.org.labour_field);
  EXPECT_EQ(row.org.status, "applying");
}

TEST(OrgImportParse, EnglishLabelsCodesAndAliasesAlike) {
  const Table t = {{"Name", "USCC", "类型", "区域", "登记机关", "legal_rep", "电话", "成立时间",
                    "business_scope", "service_categories", "labour_field", "状态", "等级"},
                   {"西安职工服务中心", "52610100mj0000001w", "Social service agency", "610100",
                    "8", "王伟", "13912345678", "2015年6月1日", "职工服务", "Worker health;skills",
                    "Yes", "Registered", "5A"}};
  auto parsed = Parse(t);
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].field << ": " << parsed.errors[0].message;
  const ImportRow& row = parsed.rows.at(0);
  EXPECT_EQ(row.org.uscc, "52610100MJ0000001W");
  EXPECT_EQ(row.org.org_type, "social_service");
  EXPECT_EQ(row.org.registration_unit_id, 8);
  EXPECT_EQ(row.org.service_categories, (std::vector<std::string>{"health", "skills"}));
  EXPECT_TRUE(row.org.labour_field);
  EXPECT_EQ(row.status, "registered");
}

TEST(OrgImportParse, EveryProblemCarriesItsRow) {
  Table t = {kHeader, Row("52610100MJ0000001W", "西安职工服务中心"),
             Row("52610100MJ0000001X", "坏代码"), Row("52610100MJ00000020", "未定", "也许"),
             Row("52610100MJ0000001W", "重复")};
  auto parsed = Parse(t);
  ASSERT_EQ(parsed.errors.size(), 3u);
  EXPECT_EQ(parsed.errors[0].row, 3);
  EXPECT_EQ(parsed.errors[0].field, "uscc");
  EXPECT_EQ(parsed.errors[1].row, 4);
  EXPECT_EQ(parsed.errors[1].field, "labour_field");
  EXPECT_EQ(parsed.errors[1].message, "must be true/false/1/0/是/否");
  EXPECT_EQ(parsed.errors[2].row, 5);
  EXPECT_EQ(parsed.errors[2].field, "uscc");  // duplicates row 2
  EXPECT_NE(parsed.errors[2].message.find("row 2"), std::string::npos);
}

TEST(OrgImportParse, AmbiguousOrUnknownNamesAreRowErrorsOncePerField) {
  Table t = {ImportHeaders(false),
             {"西安职工服务中心", "52610100MJ0000001W", "社团", "火星", "民政局", "王伟",
              "13912345678", "2015-06-01", "职工服务", "唱歌", "是", "异常"}};
  auto parsed = Parse(t);
  std::map<std::string, std::string> by_field;
  for (const auto& e : parsed.errors) {
    EXPECT_EQ(e.row, 2);
    EXPECT_TRUE(by_field.emplace(e.field, e.message).second) << e.field << " twice";
  }
  EXPECT_EQ(by_field["org_type"],
            "must be one of: 社会团体、社会服务机构（民办非企业单位）、基金会、其他");
  EXPECT_EQ(by_field["region_code"], "no region of this name or code");
  EXPECT_EQ(by_field["registration_unit_id"],
            "names several units: 民政局（西安市）、民政局（铜川市）; write the name with its "
            "parent in brackets");
  EXPECT_EQ(by_field["service_categories"], "unknown category 唱歌");
  EXPECT_FALSE(by_field.contains("status"));  // 异常 is a status: only new rows must not have it
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(OrgImportParse, UnknownMissingAndRepeatedColumnsAreRowOneErrors) {
  auto parsed = Parse({{"name", "统一社会信用代码", "colour", "uscc"}});
  ASSERT_FALSE(parsed.errors.empty());
  for (const auto& e : parsed.errors) EXPECT_EQ(e.row, 1);
  EXPECT_EQ(parsed.errors[0].field, "colour");
  EXPECT_EQ(parsed.errors[0].message, "unknown column");
  EXPECT_EQ(parsed.errors[1].field, "uscc");
  EXPECT_EQ(parsed.errors[1].message, "appears twice");
  EXPECT_EQ(parsed.errors[2].field, "org_type");
  EXPECT_EQ(parsed.errors[2].message, "column is missing");
}

// CsvWriter quotes a leading + (formula injection): an exported phone imports as it was.
TEST(OrgImportParse, DropsTheQuoteCsvExportsPutBeforeFormulaCharacters) {
  Table t = {kHeader, Row("52610100MJ0000001W", "西安职工服务中心")};
  t[1][5] = "'+86 13912345678";
  auto parsed = Parse(t);
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].field << ": " << parsed.errors[0].message;
  EXPECT_TRUE(parsed.rows.at(0).org.phone.ends_with("13912345678"));
}

TEST(OrgImportParse, FilesWriteLabels) {
  EXPECT_EQ(LabelOf("org_type", "social_group"), "社会团体");
  EXPECT_EQ(LabelOf("org_status", "registered"), "登记");
  EXPECT_EQ(LabelOf("yes_no", "true"), "是");
  EXPECT_EQ(LabelOf("org_status", "no_such_code"), "no_such_code");
  EXPECT_EQ(ImportHeaders(true).size(), ImportHeaders(false).size() + 1);  // 评估等级
}

class OrgImportTest : public test_support::BackendTest {
 protected:
  void SetUp() override {
    test_support::BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(region::RegionService(db()).Import(
        {"test", "1", {{"610000", "陕西省", "100000"}, {"610100", "西安市", "610000"}}}));
    writer_ = std::make_unique<common::Writer>(
        db(), std::vector<common::ChangeSink*>{&versions_, &audit_});
    auto admin = account::PlatformService(*writer_).SetUpPlatform(
        {"联引平台", "admin", "Org-Test-Passw0rd"});
    ASSERT_TRUE(admin);
    actor_.user_id = admin->id;
    actor_.username = "admin";
    actor_.unit_id = admin->unit_id;
    auto civil = account::UnitService(*writer_).Create(
        actor_, {"陕西省民政厅", account::UnitKind::kCivilAffairs, "610000", admin->unit_id, {}});
    ASSERT_TRUE(civil);
    header_ = kHeader;
    header_.push_back("registration_unit_id");
    unit_ = std::to_string(civil->unit.id);
  }
  std::vector<std::string> UnitRow(const std::string& uscc, const std::string& name) {
    auto row = Row(uscc, name);
    row.push_back(unit_);
    return row;
  }
  std::int64_t Count() { return orgs().List(actor_, {}, {}).total; }

  account::Actor actor_;
  std::vector<std::string> header_;
  std::string unit_;
  audit::AuditChangeSink audit_;
  common::DataVersionSink versions_{"org", "unit", "region"};
  std::unique_ptr<common::Writer> writer_;
  std::unique_ptr<OrgService> orgs_ = nullptr;
  OrgService& orgs() {
    if (!orgs_) orgs_ = std::make_unique<OrgService>(*writer_);
    return *orgs_;
  }
  // "action entity entity_id" of the audit entries about organisations, oldest first.
  std::vector<std::string> OrgEntries() {
    store::Session session = db().Acquire();
    auto stmt = session.Prepare(
        "SELECT action, entity_id, before_json IS NULL, after_json IS NULL FROM audit_log "
        "WHERE entity = 'org' ORDER BY id");
    std::vector<std::string> out;
    while (stmt.Next()) {
      out.push_back(stmt.row().Text(0) + " " + stmt.row().Text(1) +
                    (stmt.row().Bool(2) ? "" : " before") + (stmt.row().Bool(3) ? "" : " after"));
    }
    return out;
  }
};

TEST_P(OrgImportTest, OneBadRowWritesNothing) {
  Table t = {header_, UnitRow("52610100MJ0000001W", "西安职工服务中心"),
             UnitRow("52610100MJ00000020", "另一个中心")};
  t[2][3] = "110000";  // not covered by 陕西省民政厅 (nor known here)
  auto r = orgs().Import(actor_, t, false);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0].row, 3);
  EXPECT_EQ(r.error().details[0].field, "region_code");
  EXPECT_EQ(Count(), 0);
}

TEST_P(OrgImportTest, ImportsThenUpdatesExistingOnRequest) {
  Table t = {header_, UnitRow("52610100MJ0000001W", "西安职工服务中心"),
             UnitRow("52610100MJ00000020", "碑林区工会服务站")};
  auto first = orgs().Import(actor_, t, false);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->imported, 2);
  EXPECT_EQ(Count(), 2);
  EXPECT_EQ(orgs().List(actor_, {.q = "碑林"}, {}).total, 1);
  auto again = orgs().Import(actor_, t, false);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().details.size(), 2u);
  t[2][1] = "碑林区职工服务站";
  auto updated = orgs().Import(actor_, t, true);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->updated, 1);
  EXPECT_EQ(updated->unchanged, 1);  // row 2 as it was
  EXPECT_EQ(orgs().List(actor_, {.q = "职工服务站"}, {}).total, 1);
}

// Statuses change by transitions: an update by import keeps the status, and a new row is
// registered or applying.
TEST_P(OrgImportTest, ImportsNeverChangeStatuses) {
  Table t = {header_, UnitRow("52610100MJ0000001W", "西安职工服务中心")};
  ASSERT_TRUE(orgs().Import(actor_, t, false));
  t[0].push_back("登记状态");
  t[1].push_back("异常");
  auto changed = orgs().Import(actor_, t, true);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().details.at(0).field, "status");
  EXPECT_EQ(changed.error().details.at(0).message, "cannot be changed by an import");
  t[1].back() = "登记";
  EXPECT_TRUE(orgs().Import(actor_, t, true));
  t.push_back(UnitRow("52610100MJ00000020", "碑林区工会服务站"));
  t[2].push_back("异常");
  auto fresh = orgs().Import(actor_, t, true);
  ASSERT_FALSE(fresh);
  EXPECT_EQ(fresh.error().details.at(0).row, 3);
  EXPECT_EQ(fresh.error().details.at(0).message,
            "a new organisation's status must be registered or applying");
}

// One audit entry per created or updated organisation, with before / after, in the import's
// transaction, and one for the import itself; the chain still verifies.
TEST_P(OrgImportTest, EachImportedRecordIsAudited) {
  Table t = {header_, UnitRow("52610100MJ0000001W", "西安职工服务中心"),
             UnitRow("52610100MJ00000020", "碑林区工会服务站")};
  ASSERT_TRUE(orgs().Import(actor_, t, false));
  auto entries = OrgEntries();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_TRUE(entries[0].starts_with("create ") && entries[0].ends_with(" after"));
  EXPECT_TRUE(entries[1].starts_with("create ") && entries[1].ends_with(" after"));
  EXPECT_TRUE(entries[2].starts_with("import ") && entries[2].ends_with(" after"));
  t[1][1] = "西安市职工服务中心";
  ASSERT_TRUE(orgs().Import(actor_, t, true));
  entries = OrgEntries();
  ASSERT_EQ(entries.size(), 5u);  // the unchanged row is neither written nor audited
  EXPECT_TRUE(entries[3].starts_with("update ") && entries[3].ends_with(" before after"));
  EXPECT_TRUE(audit::AuditService(db()).Verify().ok);
}

// A stop while staging leaves invisible rows: they are never seen, their USCCs refuse another
// import meanwhile, and the next start discards them. A stop while publishing is finished at the
// next start, with every audit entry.
TEST_P(OrgImportTest, InterruptedImportsAreDiscardedOrFinished) {
  const std::int64_t unit = std::stoll(unit_);
  const auto stage = [&](const std::string& uscc, const std::string& name, ImportState state) {
    store::Session session = db().Acquire();
    store::Transaction tx = session.Begin(store::TxMode::kWrite);
    ImportBatch batch{0, actor_.unit_id, {actor_.user_id, "admin", "", ""}, state, 1, 0};
    batch.id = OrgImportRepo(session).Begin(batch, "2026-01-01T00:00:00+08:00");
    OrgImportRepo(session).SetState(batch.id, state, "2026-01-01T00:00:00+08:00");
    NewOrg org;
    org.name = name;
    org.uscc = uscc;
    org.org_type = "social_service";
    org.region_code = "610100";
    org.registration_unit_id = unit;
    org.legal_rep = "王伟";
    org.phone = "13912345678";
    org.founded_on = "2015-06-01";
    org.business_scope = "职工服务";
    org.service_categories = {"skills"};
    OrgRepo repo(session);
    repo.InsertMany({{repo.AllocateIds(1)[0], &org}}, "2026-01-01T00:00:00+08:00", batch.id);
    tx.Commit();
  };
  stage("52610100MJ0000001W", "暂存的中心", ImportState::kStaging);
  stage("52610100MJ00000020", "发布中的中心", ImportState::kPublishing);
  EXPECT_EQ(Count(), 0);
  EXPECT_EQ(orgs().List(actor_, {.q = "中心"}, {}).total, 0);
  Table t = {header_, UnitRow("52610100MJ0000001W", "同号的中心")};
  auto held = orgs().Import(actor_, t, true);
  ASSERT_FALSE(held);
  EXPECT_EQ(held.error().details.at(0).message, "another import in progress holds this USCC");

  EXPECT_EQ(orgs().RecoverImports().value(), 2);
  EXPECT_EQ(Count(), 1);
  EXPECT_EQ(orgs().List(actor_, {.q = "发布中"}, {}).total, 1);
  EXPECT_EQ(orgs().List(actor_, {.q = "暂存"}, {}).total, 0);
  EXPECT_EQ(orgs().RecoverImports().value(), 0);
  EXPECT_TRUE(orgs().Import(actor_, t, false));  // the discarded USCC is free again
  EXPECT_TRUE(audit::AuditService(db()).Verify().ok);
}

// More rows than one chunk: staged and published in several transactions, all of them seen.
TEST_P(OrgImportTest, ImportsLargerThanAChunkArriveWhole) {
  Table t = {header_};
  for (int i = 1; i <= 4500; ++i) {
    const std::string first17 = fmt::format("52610100MJ{:07d}", 100000 + i);
    t.push_back(UnitRow(first17 + core::UsccCheckCharacter(first17).value_or('0'),
                        fmt::format("西安第{}服务站", i)));
  }
  auto r = orgs().Import(actor_, t, false);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->imported, 4500);
  EXPECT_EQ(Count(), 4500);
  EXPECT_EQ(OrgEntries().size(), 4501u);  // one per organisation and one for the import
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(OrgImportTest);

}  // namespace
}  // namespace lianyin::domain::org
