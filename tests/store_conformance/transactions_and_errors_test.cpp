// Conformance: transactions and constraint violations behave the same on both engines.

#include <gtest/gtest.h>

#include "store_conformance/conformance_fixture.hpp"

namespace lianyin::store {
namespace {

using Int = std::int64_t;

DbError::Kind KindOfFailure(Session& session, const std::string& sql,
                            const std::vector<Value>& params) {
  try {
    session.Execute(sql, params);
  } catch (const DbError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no error from " << sql;
  return DbError::Kind::kOther;
}

TEST_P(StoreConformance, CommitMakesWritesVisible) {
  {
    Session session = db().Acquire();
    Transaction tx = session.Begin(TxMode::kWrite);
    session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
    tx.Commit();
  }
  EXPECT_EQ(CountProbe(db()), 1);
}

TEST_P(StoreConformance, RollbackDiscardsWrites) {
  Session session = db().Acquire();
  Transaction tx = session.Begin(TxMode::kWrite);
  session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
  tx.Rollback();
  EXPECT_EQ(CountProbe(db()), 0);
}

TEST_P(StoreConformance, DestroyedTransactionRollsBack) {
  {
    Session session = db().Acquire();
    Transaction tx = session.Begin(TxMode::kWrite);
    session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
  }
  EXPECT_EQ(CountProbe(db()), 0);
}

TEST_P(StoreConformance, MovedTransactionRollsBackOnce) {
  Session session = db().Acquire();
  {
    Transaction tx = session.Begin(TxMode::kWrite);
    session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
    Transaction moved(std::move(tx));
  }
  Transaction again = session.Begin(TxMode::kWrite);  // the session is free again
  again.Commit();
  EXPECT_EQ(CountProbe(db()), 0);
}

TEST_P(StoreConformance, ReadTransactionSeesCommittedRows) {
  Session session = db().Acquire();
  session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{7}});
  Transaction tx = session.Begin(TxMode::kRead);
  Statement select = session.Prepare("SELECT n FROM probe");
  ASSERT_TRUE(select.Next());
  EXPECT_EQ(select.row().Int(0), 7);
  tx.Commit();
}

TEST_P(StoreConformance, NestedBeginIsALogicError) {
  Session session = db().Acquire();
  Transaction tx = session.Begin(TxMode::kWrite);
  EXPECT_THROW(session.Begin(TxMode::kRead), std::logic_error);
  tx.Commit();
  EXPECT_THROW(tx.Commit(), std::logic_error);
}

TEST_P(StoreConformance, ConstraintViolationsHaveKinds) {
  Session session = db().Acquire();
  session.Execute("INSERT INTO probe (id, u) VALUES (?, ?)", {Int{1}, std::string("taken")});
  const std::string insert = "INSERT INTO probe (u) VALUES (?)";
  EXPECT_EQ(KindOfFailure(session, insert, {std::string("taken")}),
            DbError::Kind::kUniqueViolation);
  EXPECT_EQ(KindOfFailure(session, "INSERT INTO probe (id) VALUES (?)", {Int{1}}),
            DbError::Kind::kUniqueViolation);
  EXPECT_EQ(KindOfFailure(session, "INSERT INTO probe (parent_id) VALUES (?)", {Int{999}}),
            DbError::Kind::kForeignKeyViolation);
  EXPECT_EQ(KindOfFailure(session, "INSERT INTO probe (n) VALUES (?)", {Int{-1}}),
            DbError::Kind::kCheckViolation);
  EXPECT_EQ(KindOfFailure(session, "INSERT INTO settings (key, value) VALUES (?, ?)",
                          {std::string("k"), Null{}}),
            DbError::Kind::kCheckViolation);
  EXPECT_EQ(CountProbe(db()), 1);
}

TEST_P(StoreConformance, FailedStatementWritesNothing) {
  Session session = db().Acquire();
  session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("taken")});
  EXPECT_THROW(session.Execute("INSERT INTO probe (u) VALUES (?), (?)",
                               {std::string("fresh"), std::string("taken")}),
               DbError);
  EXPECT_EQ(CountProbe(db()), 1);
}

TEST_P(StoreConformance, ViolationInTransactionLeavesNoPartialWrites) {
  {
    Session session = db().Acquire();
    Transaction tx = session.Begin(TxMode::kWrite);
    session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("first")});
    EXPECT_THROW(session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("first")}),
                 DbError);
  }
  EXPECT_EQ(CountProbe(db()), 0);
  Session session = db().Acquire();  // and the connection is usable afterwards
  session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("first")});
  EXPECT_EQ(CountProbe(db()), 1);
}

TEST_P(StoreConformance, CommitAfterSwallowedErrorDoesNotPretendSuccess) {
  Session session = db().Acquire();
  session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("taken")});
  Transaction tx = session.Begin(TxMode::kWrite);
  session.Execute("INSERT INTO probe (n) VALUES (?)", {Int{1}});
  EXPECT_THROW(session.Execute("INSERT INTO probe (u) VALUES (?)", {std::string("taken")}),
               DbError);
  if (IsPostgres()) {
    // PostgreSQL aborts the whole transaction; SQLite only the failed statement.
    EXPECT_THROW(tx.Commit(), DbError);
    EXPECT_EQ(CountProbe(db()), 1);
  } else {
    tx.Commit();
    EXPECT_EQ(CountProbe(db()), 2);
  }
}

}  // namespace
}  // namespace lianyin::store
