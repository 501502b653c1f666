#include "domain/org/org_import_files.hpp"

#include <gtest/gtest.h>

#include "domain/org/org_import.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tabular/zip.hpp"

namespace lianyin::domain::org {
namespace {

using account::UnitKind;
using Table = std::vector<std::vector<std::string>>;

// As the demo deployment has them: the platform root above 民政部 and the provinces' bodies.
ImportPlaces DemoLikePlaces() {
  return ImportPlaces({{1, "联引平台", UnitKind::kOther, "100000", ""},
                       {2, "民政部", UnitKind::kCivilAffairs, "100000", "联引平台"},
                       {3, "陕西省民政厅", UnitKind::kCivilAffairs, "610000", "民政部"},
                       {4, "民政局", UnitKind::kCivilAffairs, "610100", "陕西省民政厅"},
                       {5, "民政局", UnitKind::kCivilAffairs, "610200", "陕西省民政厅（铜川）"}},
                      {{"100000", "中华人民共和国", ""},
                       {"610000", "陕西省", "100000"},
                       {"610100", "西安市", "610000"},
                       {"610103", "碑林区", "610100"},
                       {"610200", "铜川市", "610000"}});
}

Table ReadFirstSheet(const std::string& file) {
  auto reader = tabular::XlsxReader::Open(file);
  EXPECT_TRUE(reader);
  Table rows;
  while (auto row = reader->Next()) rows.push_back(std::move(*row));
  return rows;
}

std::string Part(const std::string& file, std::string_view name) {
  auto archive = tabular::ZipArchive::Open(file);
  if (!archive || archive->Find(name) == nullptr) return "";
  auto text = archive->ReadAll(*archive->Find(name));
  return text ? *text : "";
}

TEST(OrgImportFiles, TheTemplatesExampleRowImportsForTheAdmin) {
  const ImportPlaces places = DemoLikePlaces();
  {
    const Table t = ReadFirstSheet(TemplateXlsx(places, 1));
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t[0], ImportHeaders(false));
    EXPECT_EQ(t[0][0], "组织名称");
    EXPECT_EQ(t[1][2], "社会服务机构（民办非企业单位）");
    EXPECT_EQ(t[1][3], "陕西省");
    EXPECT_EQ(t[1][4], "陕西省民政厅");
    auto parsed = ParseImport(t, places, 1, {2026, 12, 1});
    ASSERT_TRUE(parsed.errors.empty())
        << parsed.errors[0].field << ": " << parsed.errors[0].message;
    const NewOrg& org = parsed.rows.at(0).org;
    EXPECT_EQ(org.registration_unit_id, 3);
    EXPECT_FALSE(places.CheckPlace(org.registration_unit_id, org.region_code));
  }
  const std::string csv = TemplateCsv(places, 4);  // an officer of a 民政局: their own unit
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF组织名称,统一社会信用代码,"));
  EXPECT_NE(csv.find(",陕西省西安市,民政局（陕西省民政厅）,"), std::string::npos) << csv;
}

TEST(OrgImportFiles, TheTemplateHasInstructionsAndDropDowns) {
  const std::string file = TemplateXlsx(DemoLikePlaces(), 1);
  const std::string workbook = Part(file, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"填写说明\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"选项\" sheetId=\"3\" state=\"hidden\""), std::string::npos);
  const std::string sheet = Part(file, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("sqref=\"C2:C1048576\""), std::string::npos);  // 组织类型
  EXPECT_NE(sheet.find("<formula1>'选项'!$A$1:$A$4</formula1>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<formula1>'选项'!$B$1:$B$4</formula1>"), std::string::npos);  // 4 units
  // Constant-memory workbooks hold their text inline: the instructions, then the lists.
  const std::string help =
      Part(file, "xl/worksheets/sheet2.xml") + Part(file, "xl/worksheets/sheet3.xml");
  for (const char* text :
       {"是否必填", "必填", "选填", "社会团体、社会服务机构（民办非企业单位）、基金会、其他",
        "登记、申请登记", "民政局（陕西省民政厅（铜川））"}) {
    EXPECT_NE(help.find(text), std::string::npos) << text;
  }
}

TEST(OrgImportFiles, AnExportRowImportsAsTheOrganisationItCameFrom) {
  const ImportPlaces places = DemoLikePlaces();
  Org o;
  o.name = "碑林区职工服务站";
  o.uscc = "52610100MJ00000020";
  o.org_type = "social_service";
  o.region_code = "610103";
  o.region_name = "碑林区";
  o.registration_unit_id = 4;
  o.legal_rep = "王伟";
  o.phone = "029-88886666";
  o.founded_on = "2015-06-01";
  o.business_scope = "职工服务";
  o.service_categories = {"health", "skills"};
  o.labour_field = true;
  o.status = OrgStatus::kAbnormal;
  o.grade = "4A";
  const std::vector<std::string> row = ExportRow({o, true}, places);
  EXPECT_EQ(
      row, (std::vector<std::string>{
               "碑林区职工服务站", "52610100MJ00000020", "社会服务机构（民办非企业单位）",
               "陕西省西安市碑林区", "民政局（陕西省民政厅）", "王伟", "029-88886666", "2015-06-01",
               "职工服务", "职工健康服务类；劳动竞赛和技能提升类", "是", "异常", "4A"}));
  auto parsed = ParseImport({ImportHeaders(true), row}, places, 1, {2026, 12, 1});
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].field << ": " << parsed.errors[0].message;
  const ImportRow& back = parsed.rows.at(0);
  EXPECT_EQ(back.status, "abnormal");
  EXPECT_EQ(back.org.region_code, o.region_code);
  EXPECT_EQ(back.org.registration_unit_id, 4);
  EXPECT_EQ(back.org.service_categories, o.service_categories);
  EXPECT_EQ(back.org.phone, o.phone);

  // A public row (outside the reader's scope): withheld fields stay empty, names still show.
  const std::vector<std::string> public_row = ExportRow({o, false}, ImportPlaces({}, {}));
  EXPECT_EQ(public_row[3], "碑林区");
  EXPECT_EQ(public_row[5], "");
}

TEST(OrgImportFiles, TheErrorReportGivesChineseReasonsByRow) {
  const Table rows = {{"组织名称", "统一社会信用代码"}, {"甲", "x"}, {"乙", "y"}};
  const std::string file = ErrorReportXlsx(
      rows,
      {{"uscc", "is required", 3}, {"name", "is required", 3}, {"colour", "unknown column", 1}});
  const Table report = ReadFirstSheet(file);
  ASSERT_EQ(report.size(), 3u);
  EXPECT_EQ(report[0],
            (std::vector<std::string>{"组织名称", "统一社会信用代码", "行号", "错误原因"}));
  EXPECT_EQ(report[1][2], "1");
  EXPECT_EQ(report[1][3], "colour：无法识别的列名");
  EXPECT_EQ(report[2], (std::vector<std::string>{"乙", "y", "3",
                                                 "统一社会信用代码：不能为空；名称：不能为空"}));
}

}  // namespace
}  // namespace lianyin::domain::org
