// Reading and writing 100k rows × 12 columns of organisation-like data as CSV and XLSX, the size
// SPEC §4 asks imports to handle "in seconds". Bytes/s is of the file as uploaded.
//   cmake --preset release -DLIANYIN_BENCH=ON && cmake --build build -j2 --target tabular_bench
//   build/bench/tabular_bench

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "tabular/csv.hpp"
#include "tabular/table_reader.hpp"
#include "tabular/xlsx_writer.hpp"

namespace lianyin::tabular {
namespace {

constexpr int kRows = 100'000;

std::vector<std::string> MakeRow(int i) {
  const std::string n = std::to_string(i);
  return {"陕西省西安市社会组织" + n,
          "52610000MJ" + std::to_string(1'000'000 + i),
          "social_group",
          "610113",
          "12",
          "张三" + n,
          "139" + std::to_string(10'000'000 + i),
          "2015-06-0" + std::to_string(1 + i % 9),
          "为职工提供法律援助、心理疏导和技能培训等服务，业务范围" + n,
          "legal;training",
          i % 2 == 0 ? "true" : "false",
          "registered"};
}

const std::string& CsvFile() {
  static const std::string file = [] {
    std::string out;
    CsvWriter writer(&out);
    for (int i = 0; i < kRows; ++i) writer.Row(MakeRow(i));
    return out;
  }();
  return file;
}

const std::string& XlsxFile() {
  static const std::string file = [] {
    XlsxWriter writer;
    for (int i = 0; i < kRows; ++i) writer.Row(MakeRow(i));
    return writer.Finish();
  }();
  return file;
}

void ReadTable(benchmark::State& state, const std::string& file, std::string_view type) {
  for (auto _ : state) {
    auto table = OpenTable(file, type);
    if (!table) state.SkipWithError(table.error().message.c_str());
    std::int64_t cells = 0;
    while (auto row = (*table)->Next()) cells += static_cast<std::int64_t>(row->size());
    if ((*table)->error() || cells != std::int64_t{kRows} * 12) state.SkipWithError("bad read");
    benchmark::DoNotOptimize(cells);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.size()));
  state.SetItemsProcessed(state.iterations() * kRows);
  state.counters["file_MiB"] = static_cast<double>(file.size()) / (1 << 20);
}

void BM_ReadCsv(benchmark::State& state) { ReadTable(state, CsvFile(), kCsvMediaType); }
void BM_ReadXlsx(benchmark::State& state) { ReadTable(state, XlsxFile(), kXlsxMediaType); }

void BM_WriteCsv(benchmark::State& state) {
  const std::vector<std::string> row = MakeRow(7);
  for (auto _ : state) {
    std::string out;
    CsvWriter writer(&out);
    for (int i = 0; i < kRows; ++i) writer.Row(row);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}

void BM_WriteXlsx(benchmark::State& state) {
  const std::vector<std::string> row = MakeRow(7);
  for (auto _ : state) {
    XlsxWriter writer;
    for (int i = 0; i < kRows; ++i) writer.Row(row);
    const std::string bytes = writer.Finish();
    benchmark::DoNotOptimize(bytes.data());
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}

BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteXlsx)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lianyin::tabular

BENCHMARK_MAIN();
