#include "store/postgres/copy_loader.hpp"

#include <cstdlib>

#include "store/postgres/copy_text.hpp"
#include "store/postgres/pg_connection.hpp"

namespace lianyin::store::postgres {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;

}  // namespace

CopyLoader::CopyLoader(PGconn* conn, const std::string& target, std::size_t columns)
    : conn_(conn), columns_(columns) {
  std::string sql = "COPY " + target + " FROM STDIN";
  PGresult* result = PQexec(conn_, sql.c_str());
  if (PQresultStatus(result) != PGRES_COPY_IN) ThrowError(conn_, result, sql);
  PQclear(result);
}

CopyLoader::~CopyLoader() {
  if (!active_) return;
  if (PQputCopyEnd(conn_, "bulk load abandoned") == 1) {
    while (PGresult* result = PQgetResult(conn_)) PQclear(result);
  }
}

void CopyLoader::Add(const std::vector<Value>& row) {
  if (!active_) throw std::logic_error("bulk load already finished");
  if (row.size() != columns_) throw std::invalid_argument("bulk load row has wrong column count");
  AppendCopyRow(buffer_, row);
  if (buffer_.size() >= kChunkBytes) Flush();
}

void CopyLoader::Flush() {
  if (buffer_.empty()) return;
  if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    ThrowError(conn_, nullptr, "COPY data");
  }
  buffer_.clear();
}

std::int64_t CopyLoader::Finish() {
  if (!active_) throw std::logic_error("bulk load already finished");
  Flush();
  active_ = false;
  if (PQputCopyEnd(conn_, nullptr) != 1) ThrowError(conn_, nullptr, "COPY end");
  return Complete();
}

std::int64_t CopyLoader::Complete() {
  PGresult* failed = nullptr;
  std::int64_t rows = 0;
  while (PGresult* result = PQgetResult(conn_)) {
    if (PQresultStatus(result) == PGRES_COMMAND_OK) {
      rows = std::strtoll(PQcmdTuples(result), nullptr, 10);
      PQclear(result);
    } else if (failed == nullptr) {
      failed = result;
    } else {
      PQclear(result);
    }
  }
  if (failed != nullptr) ThrowError(conn_, failed, "COPY");
  return rows;
}

}  // namespace lianyin::store::postgres
