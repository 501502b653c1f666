#include "store/detail.hpp"

#include <stdexcept>

namespace lianyin::store::detail {

StatementImpl* ConnectionImpl::Prepare(std::string_view sql) {
  auto& copies = statements_[std::string(sql)];
  for (auto& statement : copies) {
    if (!statement->in_use) {
      statement->in_use = true;
      return statement.get();
    }
  }
  copies.push_back(PrepareNew(sql));
  copies.back()->in_use = true;
  return copies.back().get();
}

void ConnectionImpl::Begin(TxMode mode) {
  if (in_transaction_) throw std::logic_error("a transaction is already open on this session");
  ExecuteBegin(mode);
  in_transaction_ = true;
}

void ConnectionImpl::Commit() {
  in_transaction_ = false;
  try {
    ExecuteCommand("COMMIT");
  } catch (...) {
    // SQLite can leave the transaction open after a failed COMMIT (e.g. SQLITE_BUSY).
    RollbackQuietly();
    throw;
  }
  TransactionEnded();
}

void ConnectionImpl::Rollback() {
  in_transaction_ = false;
  try {
    ExecuteCommand("ROLLBACK");
  } catch (...) {
    TransactionEnded();
    throw;
  }
  TransactionEnded();
}

void ConnectionImpl::RollbackQuietly() noexcept {
  in_transaction_ = false;
  try {
    ExecuteCommand("ROLLBACK");
  } catch (...) {
    // Nothing to roll back (already ended by the engine) or the connection is gone.
  }
  TransactionEnded();
}

void CheckIdentifier(std::string_view name) {
  bool ok = !name.empty();
  for (char c : name) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '.';
    ok = ok && word;
  }
  if (!ok) throw std::invalid_argument("not a plain SQL identifier: " + std::string(name));
}

std::string TableWithColumns(std::string_view table, const std::vector<std::string>& columns) {
  CheckIdentifier(table);
  if (columns.empty()) throw std::invalid_argument("bulk load needs at least one column");
  std::string out(table);
  out += " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    CheckIdentifier(columns[i]);
    if (i > 0) out += ", ";
    out += columns[i];
  }
  out += ')';
  return out;
}

}  // namespace lianyin::store::detail
