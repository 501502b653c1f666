# Lianyin: the two set-up commands are `make run` and `make test` (see README.md).
.PHONY: all deps build cxx web test test-asan run bench clean

PRESET   ?= release
BUILD    := build
DB       ?= data/lianyin.db
PORT     ?= 8080
# CI builds with warnings as errors.
CMAKE_FLAGS := $(if $(filter true,$(CI)),-DLIANYIN_WERROR=ON,)

all: build

deps:
	@scripts/deps.sh

build: deps cxx web

cxx:
	cmake --preset $(PRESET) $(CMAKE_FLAGS) >/dev/null
	cmake --build --preset $(PRESET)

# The web app and the regions file, both from web/node_modules.
web:
	cd web && npm run build --silent
	node scripts/regions.mjs $(BUILD)/share/regions.json

test: build
	@scripts/test.sh release

# The C++ tests again under AddressSanitizer + UBSan (build-asan/); CI runs it after `make test`.
test-asan: deps
	cmake --preset asan $(CMAKE_FLAGS) >/dev/null
	cmake --build --preset asan
	@scripts/test.sh asan

run: build
	@scripts/run.sh $(DB) $(PORT)

bench: build
	@scripts/deps.sh bench
	bench/http.sh

clean:
	rm -rf build build-debug build-asan
