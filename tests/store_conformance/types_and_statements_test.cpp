// Conformance: values, statements and the statement cache behave the same on both engines.

#include <gtest/gtest.h>

#include <limits>

#include "store_conformance/conformance_fixture.hpp"

namespace lianyin::store {
namespace {

using Int = std::int64_t;

TEST_P(StoreConformance, ReportsDialect) {
  Session session = db().Acquire();
  EXPECT_EQ(session.dialect(), IsPostgres() ? Dialect::kPostgres : Dialect::kSqlite);
  EXPECT_EQ(db().dialect(), session.dialect());
}

TEST_P(StoreConformance, TypesRoundTrip) {
  const std::string chinese = "中华全国总工会·职工之家 ✓";
  const std::string blob("\0a\0\xff\x01\\x", 7);
  Session session = db().Acquire();
  Statement insert = session.Prepare("INSERT INTO probe (i, r, t, b) VALUES (?, ?, ?, ?)");
  insert.BindAll({std::numeric_limits<Int>::min(), 3.141592653589793, chinese, Blob{blob}});
  EXPECT_EQ(insert.Execute(), 1);
  insert.BindAll({std::numeric_limits<Int>::max(), -1e-300, std::string(), Blob{}});
  EXPECT_EQ(insert.Execute(), 1);
  insert.BindAll({Null{}, Null{}, Null{}, Null{}});
  EXPECT_EQ(insert.Execute(), 1);

  Statement select = session.Prepare("SELECT i, r, t, b FROM probe ORDER BY id");
  ASSERT_TRUE(select.Next());
  EXPECT_EQ(select.row().ColumnCount(), 4);
  EXPECT_EQ(select.row().Int(0), std::numeric_limits<Int>::min());
  EXPECT_EQ(select.row().Real(1), 3.141592653589793);
  EXPECT_EQ(select.row().Text(2), chinese);
  EXPECT_EQ(select.row().Bytes(3), blob);
  ASSERT_TRUE(select.Next());
  EXPECT_EQ(select.row().Int(0), std::numeric_limits<Int>::max());
  EXPECT_EQ(select.row().Real(1), -1e-300);
  EXPECT_FALSE(select.row().IsNull(2));
  EXPECT_EQ(select.row().OptText(2), std::optional<std::string>(""));
  EXPECT_EQ(select.row().Bytes(3), "");
  ASSERT_TRUE(select.Next());
  for (int col = 0; col < 4; ++col) EXPECT_TRUE(select.row().IsNull(col)) << col;
  EXPECT_EQ(select.row().Int(0), 0);
  EXPECT_EQ(select.row().OptInt(0), std::nullopt);
  EXPECT_EQ(select.row().Text(2), "");
  EXPECT_EQ(select.row().OptText(2), std::nullopt);
  EXPECT_FALSE(select.Next());
  EXPECT_FALSE(select.Next());
}

TEST_P(StoreConformance, BooleansAreIntegers) {
  Session session = db().Acquire();
  session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
  Statement select = session.Prepare("SELECT n, n = 1 FROM probe");
  ASSERT_TRUE(select.Next());
  EXPECT_TRUE(select.row().Bool(0));
  EXPECT_TRUE(select.row().Bool(1));
}

TEST_P(StoreConformance, InsertReturningId) {
  Session session = db().Acquire();
  Statement insert = session.Prepare("INSERT INTO probe (t) VALUES (?) RETURNING id");
  insert.Bind(0, std::string("a"));
  ASSERT_TRUE(insert.Next());
  Int first = insert.row().Int(0);
  insert.Bind(0, std::string("b"));
  ASSERT_TRUE(insert.Next());
  Int second = insert.row().Int(0);
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
  Statement check = session.Prepare("SELECT t FROM probe WHERE id = ?");
  check.Bind(0, second);
  ASSERT_TRUE(check.Next());
  EXPECT_EQ(check.row().Text(0), "b");
}

TEST_P(StoreConformance, CachedStatementRebindsAndRestarts) {
  Session session = db().Acquire();
  for (Int n = 0; n < 5; ++n) session.Execute("INSERT INTO probe (n) VALUES (?)", {n});
  const char* sql = "SELECT count(*) FROM probe WHERE n >= ?";
  for (Int n = 0; n < 5; ++n) {
    Statement count = session.Prepare(sql);  // the cached one, bindings cleared
    count.Bind(0, n);
    ASSERT_TRUE(count.Next());
    EXPECT_EQ(count.row().Int(0), 5 - n);
    count.Bind(0, Int{4});  // rebinding after a run restarts it
    ASSERT_TRUE(count.Next());
    EXPECT_EQ(count.row().Int(0), 1);
  }
}

TEST_P(StoreConformance, SameSqlNestedInItsOwnLoop) {
  Session session = db().Acquire();
  for (Int n = 0; n < 3; ++n) session.Execute("INSERT INTO probe (n) VALUES (?)", {n});
  const char* sql = "SELECT n FROM probe WHERE n >= ? ORDER BY n";
  Statement outer = session.Prepare(sql);
  outer.Bind(0, Int{0});
  int pairs = 0;
  while (outer.Next()) {
    Statement inner = session.Prepare(sql);
    inner.Bind(0, outer.row().Int(0));
    while (inner.Next()) ++pairs;
  }
  EXPECT_EQ(pairs, 3 + 2 + 1);
}

TEST_P(StoreConformance, ExecuteReturnsRowsChanged) {
  Session session = db().Acquire();
  for (Int n = 0; n < 3; ++n) session.Execute("INSERT INTO probe (n) VALUES (?)", {n});
  EXPECT_EQ(session.Execute("UPDATE probe SET t = ? WHERE n < ?", {std::string("x"), Int{2}}), 2);
  EXPECT_EQ(session.Execute("DELETE FROM probe"), 3);
}

TEST_P(StoreConformance, SyntaxErrorThrowsOther) {
  Session session = db().Acquire();
  try {
    session.Prepare("SELEC nothing").Execute();
    FAIL() << "no error";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kOther) << e.what();
  }
}

LIANYIN_INSTANTIATE_BACKEND_TESTS(StoreConformance);
LIANYIN_INSTANTIATE_POSTGRES_TESTS(PostgresConformance);

TEST(StoreDescribe, HidesPostgresPassword) {
  auto db = Database::Open("postgresql://app:s3cr3t@127.0.0.1:1/lianyin");
  EXPECT_EQ(db->Describe().find("s3cr3t"), std::string::npos) << db->Describe();
  EXPECT_EQ(db->dialect(), Dialect::kPostgres);
}

}  // namespace
}  // namespace lianyin::store
